"""What the API never shows: drafts, private pages and their children, unpublished translations,
other sites' pages; on v2 (list, detail, find, search) and Koonto's v3 endpoints."""

import pytest
from wagtail.models import Page, Site

from tests.api.conftest import restrict
from tests.factories import EventIndexPageFactory, EventPageFactory, HomePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(event, event_index, translate, fi_locale):
    """Pages that exist but must not be shown, and the public event beside them."""
    draft = EventPageFactory(parent=event_index, title="Salainen luonnos", live=False)
    private = EventPageFactory(parent=event_index, title="Salainen yksityinen")
    private.save_revision().publish()
    restrict(private)
    private_section = EventIndexPageFactory(parent=event_index.get_parent(), title="Salainen osio", slug="salainen-osio")
    child = EventPageFactory(parent=private_section, title="Salainen lapsi")
    child.save_revision().publish()
    restrict(private_section)
    english_draft = translate(event, publish_it=False)
    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="Toinen sivusto", slug="toinen", locale=fi_locale)
    Site.objects.create(hostname="other.example", root_page=other_home)
    other = EventIndexPageFactory(parent=other_home, title="Toisen tapahtumat", slug="toisen")
    other_event = EventPageFactory(parent=other, title="Salainen toisen sivuston tapahtuma")
    other_event.save_revision().publish()
    return {"draft": draft, "private": private, "child": child, "english_draft": english_draft, "other": other_event}


def listed_ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?type=events.EventPage&limit=50",
        "/api/v2/pages/?type=events.EventPage&locale=en",
        "/api/v2/pages/?search=Salainen",
        "/api/v3/koonto/events/?limit=50",
        "/api/v3/koonto/events/?locale=en",
        "/api/v3/pages/?limit=50",
    ],
)
def test_hidden_pages_are_never_listed(client, hidden, event, url):
    ids = listed_ids(client, url)
    assert not ids & {page.pk for page in hidden.values()}


def test_hidden_pages_have_no_detail(client, hidden):
    for page in hidden.values():
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v3/koonto/events/{page.pk}/").status_code == 404


def test_a_logged_in_user_sees_no_more_through_v2(client, hidden, editor):
    client.force_login(editor)
    assert not listed_ids(client, "/api/v2/pages/?limit=50") & {page.pk for page in hidden.values()}
    assert client.get(f"/api/v2/pages/{hidden['private'].pk}/").status_code == 404


def test_find_does_not_reveal_hidden_pages(client, hidden):
    for key in ("private", "child"):
        page = hidden[key]
        assert client.get(f"/api/v2/pages/find/?html_path={page.url}").status_code == 404


def test_the_public_event_is_shown(client, hidden, event):
    assert event.pk in listed_ids(client, "/api/v2/pages/?type=events.EventPage")
    assert event.pk in listed_ids(client, "/api/v3/koonto/events/")
    # Its English translation is a draft: the English v3 listing has the Finnish event (issue 17).
    assert event.pk in listed_ids(client, "/api/v3/koonto/events/?locale=en")


def test_hidden_pages_are_not_in_the_sitemap(client, hidden, event):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{event.get_url_parts()[2]}<" in xml
    for page in hidden.values():
        path = page.get_url_parts()[2]
        assert f"{path}<" not in xml and f'{path}"' not in xml, page.title
