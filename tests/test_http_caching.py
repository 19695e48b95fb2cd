"""HTTP caching (ops/cache_headers.py): anonymous public reads are cacheable for a minute, with an ETag;
anything personal, private or failed is not."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from ops.cache_headers import PublicCacheMiddleware
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def assert_not_public(response):
    assert "public" not in cache_control(response)
    assert not any(part.startswith("max-age") and part != "max-age=0" for part in cache_control(response))


@pytest.fixture
def event(site, event_index):
    event = EventPageFactory(parent=event_index, title="Avoin työpaja", slug="avoin-tyopaja")
    event.save_revision().publish()
    return event


def test_public_page_is_cacheable_for_a_minute_with_an_etag(client, event):
    response = client.get(event.url)

    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60"}
    assert response["ETag"]
    assert "cookie" in vary(response)


def test_max_age_follows_the_setting(client, event, settings):
    settings.KOONTO_CACHE_MAX_AGE = 5

    assert cache_control(client.get(event.url)) == {"public", "max-age=5"}


def test_matching_if_none_match_gives_304_without_a_body(client, event):
    etag = client.get(event.url)["ETag"]

    response = client.get(event.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert cache_control(response) == {"public", "max-age=60"}
    assert response["ETag"] == etag


def test_changed_page_gives_a_new_etag(client, event):
    etag = client.get(event.url)["ETag"]
    event.title = "Avoin työpaja (siirretty)"
    event.save_revision().publish()

    response = client.get(event.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_head_is_cacheable_too(client, event):
    response = client.head(event.url)

    assert response.status_code == 200
    assert "public" in cache_control(response)


def test_sitemap_is_cacheable_and_answers_conditional_get(client, event):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60"}
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    if response.has_header("Last-Modified"):
        again = client.get("/sitemap.xml", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert again.status_code == 304


def test_tag_page_is_cacheable(client, event):
    event.tags.add("työpaja")
    event.save_revision().publish()
    with translation.override("fi"):
        url = reverse("tag", kwargs={"slug": Tag.objects.get(name="työpaja").slug})

    response = client.get(url)

    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60"}
    assert response["ETag"]


def test_logged_in_user_gets_a_private_response(client, event, editor):
    client.force_login(editor)

    response = client.get(event.url)

    assert response.status_code == 200
    assert {"private", "no-cache"} <= cache_control(response)
    assert_not_public(response)


def test_request_with_credentials_gets_a_private_response(client, event):
    response = client.get(event.url, HTTP_AUTHORIZATION="Bearer something")

    assert {"private", "no-cache"} <= cache_control(response)


def test_page_opened_with_a_password_is_private(client, event):
    """A page password is remembered in the session: the visitor is anonymous but not public."""
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    form = client.get(event.url)
    assert_not_public(form)
    auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, event.pk])
    client.post(auth_url, {"password": "salasana", "return_url": event.url})

    response = client.get(event.url)

    assert response.status_code == 200
    assert "Avoin työpaja" in response.text
    assert {"private", "no-cache"} <= cache_control(response)


def test_response_that_sets_a_cookie_is_private():
    def view(request):
        response = HttpResponse("hei")
        response.set_cookie("valinta", "1")
        return response

    response = PublicCacheMiddleware(view)(RequestFactory().get("/fi/"))

    assert {"private", "no-cache"} <= cache_control(response)


@pytest.mark.parametrize("status", [201, 301, 400, 404, 500, 503])
def test_other_statuses_are_not_made_public(status):
    response = PublicCacheMiddleware(lambda request: HttpResponse(status=status))(RequestFactory().get("/fi/"))

    assert not response.has_header("Cache-Control")


def test_post_is_not_made_public(client, event):
    response = client.post(event.url)

    assert_not_public(response)


def test_missing_page_is_not_made_public(client, site):
    response = client.get("/fi/ei-tallaista-sivua/")

    assert response.status_code == 404
    assert_not_public(response)


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_is_not_public(client, site, path):
    response = client.get(path)

    assert response.status_code == 200
    assert_not_public(response)


def test_admin_view_without_cookies_is_not_public():
    response = PublicCacheMiddleware(lambda request: HttpResponse("ok"))(RequestFactory().get("/admin/"))

    assert not response.has_header("Cache-Control")


def test_healthz_keeps_never_cache(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert "no-cache" in cache_control(response)
    assert_not_public(response)


def test_language_redirect_keeps_vary_accept_language(client, site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert "accept-language" in vary(response)
    assert_not_public(response)
