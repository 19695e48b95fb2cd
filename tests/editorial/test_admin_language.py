"""The admin is Finnish first: its login page is Finnish whatever the browser asks for, and after
signing in each person's saved admin language applies (ops/locale.py)."""

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


@pytest.mark.parametrize("browser", [ENGLISH_BROWSER, {"HTTP_ACCEPT_LANGUAGE": "sv-SE,sv;q=0.9"}, {}])
def test_the_login_page_is_finnish_whatever_the_browser_asks(client, browser):
    response = client.get(reverse("wagtailadmin_login"), **browser)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fi"' in html
    assert "Salasana" in html and "Password" not in html


def test_a_wrong_password_is_told_in_finnish(client):
    make_user("toimittaja-en", None, language="en")
    response = client.post(reverse("wagtailadmin_login"), {"username": "toimittaja-en", "password": "väärä"}, **ENGLISH_BROWSER)
    assert response.status_code == 200
    assert "Salasana" in response.content.decode()


@pytest.mark.parametrize(("language", "dashboard_text"), [("en", "Dashboard"), ("fi", "Kojelauta")])
def test_after_signing_in_the_saved_admin_language_applies(client, site, language, dashboard_text):
    make_user("kayttaja", "Toimittajat", language=language)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "kayttaja", "password": "salasana-123456"}, follow=True, **ENGLISH_BROWSER
    )
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert dashboard_text in html
