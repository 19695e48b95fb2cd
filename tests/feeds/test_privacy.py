"""Feeds show only what any visitor may read: no drafts, private pages or other sites' pages."""

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from tests.factories import EventIndexPageFactory, EventPageFactory, HomePageFactory
from tests.feeds.helpers import feed_url, get_calendar, get_rss, rss_titles, vevents

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_events(site, event_index, home, publish_event, english, draft_event):
    """Pages no feed may show, beside the public events: two in Finnish, one of them translated.

    The other Finnish event's English translation is a draft.
    """
    publish_event(title="Julkinen")
    private = publish_event(title="Yksityinen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    members = EventIndexPageFactory(parent=home, title="Jäsenille", slug="jasenille")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.PASSWORD, password="salasana")
    EventPageFactory(parent=members, title="Jäsenilta")
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="toinen", title="Toinen sivusto")
    Site.objects.create(hostname="toinen.example", root_page=other_home)
    other_index = EventIndexPageFactory(parent=other_home, slug="tapahtumat")
    EventPageFactory(parent=other_index, title="Toisen sivuston tapahtuma")

    public_english = english(Page.objects.get(title="Julkinen").specific)
    public_english.title = "Public"
    public_english.save_revision().publish()
    draft_translation = english(publish_event(title="Käännös kesken"), publish_it=False)
    assert not draft_translation.live
    assert not draft_event.live


def test_the_calendar_shows_no_hidden_page(client, hidden_events):
    assert set(vevents(get_calendar(client, "fi"))) == {"Julkinen", "Käännös kesken"}
    # Facts for everyone: the Finnish event whose translation is a draft is listed in Finnish.
    assert set(vevents(get_calendar(client, "en"))) == {"Public", "Käännös kesken"}


def test_the_rss_feed_shows_no_hidden_page(client, hidden_events):
    assert set(rss_titles(get_rss(client, "events_feed", "fi"))) == {"Julkinen", "Käännös kesken"}
    assert set(rss_titles(get_rss(client, "events_feed", "en"))) == {"Public", "Käännös kesken"}


def test_no_hidden_event_downloads_as_a_file(client, hidden_events, draft_event):
    for title in ("Yksityinen", "Jäsenilta", "Toisen sivuston tapahtuma"):
        page = Page.objects.get(title=title)
        assert client.get(feed_url("event_calendar", args=(page.pk,))).status_code == 404, title
    assert client.get(feed_url("event_calendar", args=(draft_event.pk,))).status_code == 404
    draft_translation = Page.objects.get(locale__language_code="en", live=False, title="Käännös kesken")
    assert client.get(feed_url("event_calendar", "en", args=(draft_translation.pk,))).status_code == 404
