"""Friendly 404 and 500 pages in both languages, never a stack trace (DEBUG is off in tests)."""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [("/fi/ei-ole-olemassa/", "fi", "Sivua ei löytynyt"), ("/en/does-not-exist/", "en", "Page not found")],
)
def test_404_page_is_in_the_language_of_the_path(client, site, path, lang, text):
    response = client.get(path)

    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.text
    assert text in response.text
    assert 'role="search"' in response.text or "<nav" in response.text  # the site's own header, not a bare page
    assert "Traceback" not in response.text


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls")
def test_500_page_is_friendly_in_both_languages_and_hides_the_error(site):
    assert settings.DEBUG is False
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    assert "Palvelussa tapahtui virhe" in response.text
    assert "Something went wrong" in response.text
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text


def test_500_page_renders_without_a_database_or_request_context():
    """No `db` fixture: pytest-django makes any database query fail this test."""
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"<script" not in response.content


@pytest.mark.parametrize("path", ["/admin/ei-ole/", "/admin/pages/999999/ei-ole/"])
def test_a_missing_admin_url_is_a_404_not_a_redirect_under_a_language(client, site, communications, path):
    client.force_login(communications)
    assert client.get(path).status_code == 404
