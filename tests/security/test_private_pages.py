"""Pages behind a view restriction are never stored by a cache; page and collection passwords
are rate-limited together."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def password_restriction(page, password: str = "oikea-salasana") -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=password)


def test_password_protected_page_is_no_store_before_and_after_the_password(client, event):
    restriction = password_restriction(event)

    form = client.get(event.url)
    auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, event.pk])
    client.post(auth_url, {"password": "oikea-salasana", "return_url": event.url})
    page = client.get(event.url)

    assert {"private", "no-store"} <= cache_control(form)
    assert page.status_code == 200
    assert "Avoin työpaja" in page.text
    assert {"private", "no-store"} <= cache_control(page)


def test_page_under_a_restricted_section_is_no_store_for_a_logged_in_user(client, event, communications, event_index):
    PageViewRestriction.objects.create(page=event_index, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(communications)

    response = client.get(event.url)

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_group_restricted_page_is_no_store(client, event, editor):
    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Toimittajat"))
    client.force_login(editor)

    response = client.get(event.url)

    assert response.status_code == 200
    assert "no-store" in cache_control(response)


def test_unrestricted_page_for_a_logged_in_user_stays_private_without_no_store(client, event, communications):
    """no-store is for restricted content only; other personal pages keep their ETag and 304s."""
    client.force_login(communications)

    response = client.get(event.url)

    assert "private" in cache_control(response)
    assert "no-store" not in cache_control(response)


@override_settings(KOONTO_VIEW_PASSWORD_ATTEMPTS=3)
def test_page_password_form_is_rate_limited_per_address_with_a_message_in_the_page_language(client, site, en_home):
    page = EventPageFactory(parent=en_home, title="Members only", slug="members")
    restriction = password_restriction(page)
    with translation.override("en"):
        auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert auth_url.startswith("/en/")

    wrong = [client.post(auth_url, {"password": "arvaus", "return_url": page.url}) for _ in range(3)]
    limited = client.post(auth_url, {"password": "oikea-salasana", "return_url": page.url})
    other_address = client.post(auth_url, {"password": "oikea-salasana", "return_url": page.url}, REMOTE_ADDR="10.0.0.9")

    assert [response.status_code for response in wrong] == [200, 200, 200]
    assert limited.status_code == 429
    assert "tried too many times" in limited.text
    assert '<html lang="en">' in limited.text
    assert int(limited["Retry-After"]) > 0
    assert other_address.status_code == 302


@override_settings(KOONTO_VIEW_PASSWORD_ATTEMPTS=1)
def test_rate_limit_page_is_finnish_on_a_finnish_page(client, event):
    restriction = password_restriction(event)
    with translation.override("fi"):
        auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, event.pk])

    client.post(auth_url, {"password": "arvaus", "return_url": event.url})
    limited = client.post(auth_url, {"password": "arvaus", "return_url": event.url})

    assert limited.status_code == 429
    assert '<html lang="fi">' in limited.text
    assert "Salasanaa on kokeiltu yhteydestäsi liian monta kertaa" in limited.text


@pytest.fixture
def protected_document(site):
    """A document in a collection with a shared password, and the URL of that password's form."""
    collection = Collection.get_first_root_node().add_child(name="Jäsenille")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="oikea-salasana"
    )
    document = get_document_model().objects.create(
        title="Pöytäkirja", collection=collection, file=SimpleUploadedFile("poytakirja.txt", b"salainen", "text/plain")
    )
    return document, reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])


@override_settings(KOONTO_VIEW_PASSWORD_ATTEMPTS=3)
def test_collection_password_form_is_rate_limited_per_address(client, protected_document):
    document, auth_url = protected_document

    wrong = [client.post(auth_url, {"password": "arvaus", "return_url": document.url}) for _ in range(3)]
    limited = client.post(auth_url, {"password": "oikea-salasana", "return_url": document.url}, headers={"accept-language": "en"})
    still_locked = client.get(document.url)
    other_address = client.post(auth_url, {"password": "oikea-salasana", "return_url": document.url}, REMOTE_ADDR="10.0.0.9")

    assert [response.status_code for response in wrong] == [200, 200, 200]
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    # The form's address has no language prefix: the browser's language decides.
    assert '<html lang="en">' in limited.text
    assert "The password was tried too many times" in limited.text
    assert "salainen" not in still_locked.text
    assert other_address.status_code == 302


@override_settings(KOONTO_VIEW_PASSWORD_ATTEMPTS=3)
def test_page_and_collection_passwords_share_one_counter_per_address(client, event, protected_document):
    """Otherwise each form would add its own allowance of guesses."""
    document, document_auth_url = protected_document
    restriction = password_restriction(event)
    page_auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, event.pk])

    client.post(page_auth_url, {"password": "arvaus", "return_url": event.url})
    client.post(page_auth_url, {"password": "arvaus", "return_url": event.url})
    client.post(document_auth_url, {"password": "arvaus", "return_url": document.url})
    to_document = client.post(document_auth_url, {"password": "oikea-salasana", "return_url": document.url})
    to_page = client.post(page_auth_url, {"password": "oikea-salasana", "return_url": event.url})

    assert to_document.status_code == 429
    assert to_page.status_code == 429
