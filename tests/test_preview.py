"""Headless preview (api/preview.py): a signed, short-lived token gives a client the draft."""

from datetime import UTC, datetime, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.test import RequestFactory
from wagtail.models import Page, get_page_models
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from events.models import EventPage
from koonto.preview_modes import HEADLESS_PREVIEW_MODE, HeadlessPreviewModeMixin
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

PREVIEW_URL = "/api/preview/"
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


@pytest.fixture
def event(site, event_index):
    """A live event with an unpublished draft whose title differs from the live one."""
    event = EventPageFactory(parent=event_index, title="Elävä otsikko", slug="tapahtuma")
    event.save_revision().publish()
    event.title = "Luonnoksen otsikko"
    event.save_revision()
    return EventPage.objects.get(pk=event.pk)


def make_preview(page) -> PagePreview:
    """Store the draft under a fresh token, with the package's own signer and row, as the admin does."""
    draft = page.get_latest_revision_as_object()
    token = HeadlessPreviewMixin.get_preview_signer().sign(f"id={page.pk}")
    preview, _ = HeadlessPreviewMixin.update_page_preview(draft, token)
    return preview


def make_new_page_preview(parent, title: str) -> PagePreview:
    """Store a page that was never saved, as the admin's preview on the "add page" form does."""
    page = EventPage(title=title, slug="uusi-tapahtuma", locale=parent.locale)
    # As wagtail.admin.views.pages.preview.PreviewOnCreateView: a path under the parent, no row.
    page.depth = parent.depth + 1
    page.path = page._get_path(parent.path, page.depth, 1) if parent.is_leaf() else parent.get_last_child()._inc_path()
    page.set_url_path(parent)
    return page.create_page_preview()


def fetch(client, token, content_type="events.eventpage"):
    return client.get(PREVIEW_URL, {"content_type": content_type, "token": token})


def assert_private_no_store(response):
    parts = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= parts
    assert "public" not in parts


def test_valid_token_gives_the_draft_not_the_live_page(client, event):
    response = fetch(client, make_preview(event).token)

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Luonnoksen otsikko"
    assert data["id"] == event.pk
    assert data["meta"]["type"] == "events.EventPage"
    assert data["meta"]["locale"] == "fi"
    assert data["meta"]["slug"] == "tapahtuma"
    # Links point to the public API, as on a live page.
    assert data["meta"]["detail_url"].endswith(f"/api/v2/pages/{event.pk}/")
    assert client.get(event.url).context["page"].title == "Elävä otsikko"


def test_preview_response_is_private_and_not_stored(client, event):
    response = fetch(client, make_preview(event).token)

    assert_private_no_store(response)
    assert not response.has_header("ETag")


def test_token_expires_after_the_max_age(client, event, settings):
    settings.KOONTO_PREVIEW_TOKEN_MAX_AGE = 3600
    with time_machine.travel(NOW, tick=False):
        token = make_preview(event).token
    with time_machine.travel(NOW + timedelta(minutes=59), tick=False):
        assert fetch(client, token).status_code == 200

    with time_machine.travel(NOW + timedelta(minutes=61), tick=False):
        response = fetch(client, token)

    assert response.status_code == 403
    assert "expired" in response.json()["detail"]
    assert "Luonnoksen" not in response.text
    assert_private_no_store(response)


def test_forged_token_is_refused(client, event):
    token = make_preview(event).token
    value, signature = token.rsplit(":", 1)
    forged = f"{value}:{signature[::-1]}"
    PagePreview.objects.create(token=forged, content_type=event.content_type, content_json=event.to_json())

    response = fetch(client, forged)

    assert response.status_code == 403
    assert "Luonnoksen" not in response.text
    assert_private_no_store(response)


def test_signed_token_without_a_stored_draft_is_refused(client, event):
    token = HeadlessPreviewMixin.get_preview_signer().sign(f"id={event.pk}")

    response = fetch(client, token)

    assert response.status_code == 403
    assert response.json()["detail"] == "This preview link is not valid."


def test_token_of_another_page_type_is_refused(client, event):
    response = fetch(client, make_preview(event).token, content_type="guides.guidepage")

    assert response.status_code == 403
    assert "Luonnoksen" not in response.text


def test_unknown_content_type_is_refused(client, event):
    response = fetch(client, make_preview(event).token, content_type="nothing.here")

    assert response.status_code == 403


def test_token_of_a_deleted_page_is_a_404(client, event):
    token = make_preview(event).token
    event.delete()

    response = fetch(client, token)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The page of this preview no longer exists."
    assert "Luonnoksen" not in response.text
    assert_private_no_store(response)


def shape(data: dict) -> tuple[set, set]:
    """The keys of a page answer and of its `meta`: what a client's types are built on."""
    return set(data), set(data["meta"])


def test_the_draft_of_a_saved_page_has_the_shape_and_id_of_its_live_detail(client, event):
    live = client.get(f"/api/v2/pages/{event.pk}/").json()

    draft = fetch(client, make_preview(event).token).json()

    assert shape(draft) == shape(live)
    assert draft["id"] == live["id"] == event.pk
    assert draft["meta"]["html_url"] == live["meta"]["html_url"]
    assert draft["meta"]["detail_url"] == live["meta"]["detail_url"]


def test_a_page_never_saved_previews_with_a_null_id_and_no_urls_built_from_it(client, event):
    token = make_new_page_preview(event.get_parent(), "Uuden tapahtuman luonnos").token
    live = client.get(f"/api/v2/pages/{event.pk}/").json()

    response = fetch(client, token)

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Uuden tapahtuman luonnos"
    assert shape(data) == shape(live)
    # No id yet: null, never a made-up one (0), and no URL is built from it.
    assert data["id"] is None
    assert data["meta"]["detail_url"] is None
    assert data["meta"]["html_url"] is None
    assert "/0/" not in response.text and "/None/" not in response.text
    # Its parent exists and is linked as on a live page.
    assert data["meta"]["parent"]["id"] == event.get_parent().pk


def test_a_page_never_saved_is_a_404_once_its_parent_is_deleted(client, event_index):
    token = make_new_page_preview(event_index, "Uuden tapahtuman luonnos").token
    event_index.delete()

    response = fetch(client, token)

    assert response.status_code == 404
    assert "Uuden tapahtuman" not in response.text


@pytest.mark.parametrize(
    "params",
    [{}, {"content_type": "events.eventpage"}, {"token": "abc"}, {"content_type": "eventpage", "token": "abc"}],
)
def test_missing_or_malformed_parameters_are_a_400(client, db, params):
    response = client.get(PREVIEW_URL, params)

    assert response.status_code == 400
    assert response.json()["detail"]
    assert_private_no_store(response)


@pytest.mark.parametrize("model", [m for m in get_page_models() if m is not Page])
def test_every_page_type_offers_the_headless_mode_beside_the_html_preview(model):
    assert issubclass(model, HeadlessPreviewModeMixin)
    assert [mode for mode, _label in model().preview_modes] == ["", HEADLESS_PREVIEW_MODE]


def test_the_default_preview_is_still_the_sites_own_html(event, admin_user):
    request = RequestFactory().get("/admin/pages/", SERVER_NAME="localhost")
    request.user = admin_user
    response = event.get_latest_revision_as_object().serve_preview(request, "")
    assert "Luonnoksen otsikko" in response.render().content.decode()


def test_headless_mode_sends_the_editor_to_the_client_with_a_working_token(client, event, settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "https://app.example.fi/preview/"}}
    request = RequestFactory().get("/admin/pages/", SERVER_NAME="localhost")

    response = event.get_latest_revision_as_object().serve_preview(request, HEADLESS_PREVIEW_MODE)

    src = unescape(response.content.decode()).split('src="', 1)[1].split('"', 1)[0]
    assert src.startswith("https://app.example.fi/preview/?")
    query = parse_qs(urlsplit(src).query)
    assert query["content_type"] == ["events.eventpage"]
    draft = fetch(client, query["token"][0], content_type=query["content_type"][0])
    assert draft.json()["title"] == "Luonnoksen otsikko"


def csp_directives(response) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    }


def test_the_editors_preview_may_be_framed_by_the_admin_only(event, editor):
    """Wagtail renders the preview for a fake request to the page's public URL, through the site's
    middleware; the public `frame-ancestors 'none'` made Chromium refuse it in the side panel."""
    request = RequestFactory().get("/admin/pages/", SERVER_NAME="localhost")
    request.user = editor
    response = event.get_latest_revision_as_object().make_preview_request(request)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["frame-ancestors"] == "'self'"
    assert directives["script-src"] == "'self'"  # otherwise the strict public policy


def test_a_public_page_still_refuses_every_frame(client, event):
    assert csp_directives(client.get(event.url))["frame-ancestors"] == "'none'"
