"""The built calendar is kept until content changes or the clock moves it (feeds.views.calendar,
ops.contentcache): every test reads it (so it is kept), changes what subscribers may see, and reads
it again. The page cache is off (the test settings' default): only the built calendar is kept."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.models import EventPage
from koonto.models import Municipality
from ops.pagecache import invalidate
from tests.factories import EventPageFactory, FundingCallPageFactory
from tests.feeds.helpers import feed_url, get_calendar, vevents

pytestmark = pytest.mark.django_db


def summaries(client, language="fi", query="") -> set[str]:
    return set(vevents(get_calendar(client, language, query)))


def test_the_kept_calendar_is_served_until_content_changes(client, publish_event):
    """What is served is the kept calendar: a change that bumps nothing is not seen (which is why
    every public change bumps the content generation, tested below)."""
    event = publish_event(title="Tuleva", starts_at=timezone.now() + timedelta(days=3))
    assert summaries(client) == {"Tuleva"}
    EventPage.objects.filter(pk=event.pk).update(title="Ohi julkaisun")
    assert summaries(client) == {"Tuleva"}
    invalidate()
    assert summaries(client) == {"Ohi julkaisun"}


def test_publishing_and_unpublishing_show_at_once(client, publish_event):
    event = publish_event(title="Tuleva", starts_at=timezone.now() + timedelta(days=3))
    assert summaries(client) == {"Tuleva"}
    event.title = "Siirretty"
    event.save_revision().publish()
    assert summaries(client) == {"Siirretty"}
    publish_event(title="Toinen", starts_at=timezone.now() + timedelta(days=4))
    assert summaries(client) == {"Siirretty", "Toinen"}
    event.unpublish()
    assert summaries(client) == {"Toinen"}


def test_a_published_translation_replaces_the_finnish_event_on_the_english_calendar(client, publish_event, english):
    finnish = publish_event(title="Suomeksi", starts_at=timezone.now() + timedelta(days=3))
    draft = english(finnish, publish_it=False)
    assert summaries(client, "en") == {"Suomeksi"}
    draft.title = "In English"
    draft.save_revision().publish()
    assert summaries(client, "en") == {"In English"}
    assert summaries(client, "fi") == {"Suomeksi"}


def test_a_snippet_change_shows_in_the_location(client, publish_event):
    kuopio = Municipality.objects.get(code="297")
    publish_event(title="Tuleva", venue="Sali", address="", municipality=kuopio, starts_at=timezone.now() + timedelta(days=3))
    assert str(vevents(get_calendar(client))["Tuleva"]["LOCATION"]) == "Sali, Kuopio"
    kuopio.name_fi = "Kuopion kaupunki"
    kuopio.save()
    assert str(vevents(get_calendar(client))["Tuleva"]["LOCATION"]) == "Sali, Kuopion kaupunki"


def test_a_view_restriction_takes_the_event_off_the_calendar(client, publish_event):
    event = publish_event(title="Tuleva", starts_at=timezone.now() + timedelta(days=3))
    assert summaries(client) == {"Tuleva"}
    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    assert summaries(client) == set()
    restriction.delete()
    assert summaries(client) == {"Tuleva"}


def test_the_calendar_rolls_over_when_an_event_ends_or_a_deadline_passes(client, publish_event, publish_call):
    now = timezone.now()
    publish_event(title="Pian päättyvä", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(minutes=5))
    publish_event(title="Myöhemmin", starts_at=now + timedelta(days=3))
    publish_call(title="Haku", opens_at=now - timedelta(days=3), closes_at=now + timedelta(minutes=10))
    assert summaries(client) == {"Pian päättyvä", "Myöhemmin", "Hakuaika päättyy: Haku"}
    with time_machine.travel(now + timedelta(minutes=6)):
        assert summaries(client) == {"Myöhemmin", "Hakuaika päättyy: Haku"}
    with time_machine.travel(now + timedelta(minutes=11)):
        assert summaries(client) == {"Myöhemmin"}


def test_filters_and_languages_are_kept_apart(client, publish_event):
    publish_event(title="Koulutus", event_type="training", starts_at=timezone.now() + timedelta(days=3))
    publish_event(title="Webinaari", event_type="webinar", starts_at=timezone.now() + timedelta(days=3))
    assert summaries(client) == {"Koulutus", "Webinaari"}
    assert summaries(client, query="?type=training") == {"Koulutus"}
    assert summaries(client, query="?type=webinar") == {"Webinaari"}
    assert client.get(feed_url("calendar", query="?type=nothing")).status_code == 400
    assert summaries(client, "en") == {"Koulutus", "Webinaari"}


def test_building_the_calendar_costs_the_same_queries_for_5_and_50_events(client, site, event_index, guide_index):
    """Built after a content change (cold) the calendar costs a constant number of queries; kept, fewer."""
    kuopio = Municipality.objects.get(code="297")
    url = feed_url("calendar")

    def make(count):
        for _ in range(count):
            EventPageFactory(parent=event_index, municipality=kuopio, venue="Sali")
            FundingCallPageFactory(parent=guide_index)

    def count() -> int:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def cold_and_kept():
        client.get(url)  # the site and locale caches
        invalidate()
        return count(), count()

    make(5)
    small_cold, small_kept = cold_and_kept()
    make(45)
    large_cold, large_kept = cold_and_kept()
    assert large_cold <= small_cold
    assert large_kept <= small_kept < small_cold
