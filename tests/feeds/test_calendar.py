"""The iCalendar feed of upcoming events and funding-call deadlines, and one event's .ics file."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar
from taggit.models import Tag

from events.models import EventPage
from koonto.models import Municipality, TagTranslation
from tests.factories import EventPageFactory
from tests.feeds.helpers import feed_url, get_calendar, vevents

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_the_calendar_is_valid_icalendar_with_everything_a_subscriber_needs(client, publish_event):
    kuopio = Municipality.objects.get(code="297")
    event = publish_event(
        title="Rahoitusinfo",
        summary="Mistä rahaa yhdistyksen hankkeelle?",
        venue="Kuopion kaupungintalo",
        municipality=kuopio,
        starts_at=datetime(2030, 5, 6, 17, 0, tzinfo=HELSINKI),
        ends_at=datetime(2030, 5, 6, 19, 0, tzinfo=HELSINKI),
    )
    calendar = get_calendar(client)

    assert calendar["VERSION"] == "2.0"
    assert "Koonto" in str(calendar["PRODID"])
    assert "Koonto" in str(calendar["X-WR-CALNAME"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    component = vevents(calendar)["Rahoitusinfo"]
    assert component["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert component["DTEND"].params["TZID"] == "Europe/Helsinki"
    assert component.decoded("DTSTART") == datetime(2030, 5, 6, 17, 0, tzinfo=HELSINKI)
    assert component.decoded("DTEND") == datetime(2030, 5, 6, 19, 0, tzinfo=HELSINKI)
    assert component.decoded("LAST-MODIFIED") == event.last_published_at.replace(microsecond=0)
    assert str(component["URL"]) == event.get_full_url()
    assert str(component["URL"]).startswith("http")
    assert "Mistä rahaa yhdistyksen hankkeelle?" in str(component["DESCRIPTION"])
    assert str(component["LOCATION"]) == "Kuopion kaupungintalo, Kuopio"
    assert str(component["STATUS"]) == "CONFIRMED"
    assert str(component["UID"]) == f"event-{event.translation_key}-fi@koonto"


def test_times_are_right_on_both_sides_of_the_change_to_summer_time(client, publish_event):
    # Summer time starts on 31 March 2030 at 03:00 Finnish time: +02:00 before, +03:00 after.
    publish_event(title="Ennen kesäaikaa", starts_at=datetime(2030, 3, 30, 10, 0, tzinfo=HELSINKI))
    publish_event(title="Kesäaikana", starts_at=datetime(2030, 3, 31, 10, 0, tzinfo=HELSINKI))
    components = vevents(get_calendar(client))

    before = components["Ennen kesäaikaa"].decoded("DTSTART")
    after = components["Kesäaikana"].decoded("DTSTART")
    assert before.astimezone(UTC) == datetime(2030, 3, 30, 8, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime(2030, 3, 31, 7, 0, tzinfo=UTC)
    assert "DTSTART;TZID=Europe/Helsinki:20300331T100000" in get_calendar(client).to_ical().decode()


def test_the_timezone_definition_itself_gives_the_right_offsets(client, publish_event):
    """A client that reads only the VTIMEZONE (not its own tz database) must get the same times."""
    publish_event(title="Kesäaikana", starts_at=datetime(2030, 3, 31, 10, 0, tzinfo=HELSINKI))
    vtimezone = get_calendar(client).walk("VTIMEZONE")[0]
    tz = vtimezone.to_tz()
    assert datetime(2030, 3, 30, 10, 0, tzinfo=tz).utcoffset() == timedelta(hours=2)
    assert datetime(2030, 3, 31, 10, 0, tzinfo=tz).utcoffset() == timedelta(hours=3)


def test_uids_stay_the_same_across_requests_and_republishing(client, publish_event):
    event = publish_event(title="Verkostoilta")
    first = str(vevents(get_calendar(client))["Verkostoilta"]["UID"])
    assert str(vevents(get_calendar(client))["Verkostoilta"]["UID"]) == first

    event.title = "Verkostoilta (uusi sali)"
    event.save_revision().publish()
    assert str(vevents(get_calendar(client))["Verkostoilta (uusi sali)"]["UID"]) == first
    assert str(event.pk) not in first.split("@")[0].split("-")


def test_only_events_that_have_not_ended_are_listed(client, publish_event):
    now = timezone.now()
    publish_event(title="Mennyt", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=2, hours=-2))
    publish_event(title="Käynnissä", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    publish_event(title="Tuleva", starts_at=now + timedelta(days=1), ends_at=None)
    assert set(vevents(get_calendar(client))) == {"Käynnissä", "Tuleva"}


def test_the_calendar_lists_only_the_soonest_events_up_to_its_size(client, publish_event, settings):
    settings.KOONTO_CALENDAR_SIZE = 2
    now = timezone.now()
    for days in (30, 10, 20):
        publish_event(title=f"{days} päivän päästä", starts_at=now + timedelta(days=days))
    assert set(vevents(get_calendar(client))) == {"10 päivän päästä", "20 päivän päästä"}


def test_a_cancelled_event_says_so(client, publish_event):
    publish_event(title="Peruttu ilta", status=EventPage.Status.CANCELLED)
    component = next(iter(vevents(get_calendar(client)).values()))
    assert str(component["STATUS"]) == "CANCELLED"


def test_an_all_day_event_has_dates_and_an_exclusive_end(client, publish_event):
    publish_event(
        title="Messut",
        all_day=True,
        starts_at=datetime(2030, 6, 1, 9, 0, tzinfo=HELSINKI),
        ends_at=datetime(2030, 6, 2, 16, 0, tzinfo=HELSINKI),
    )
    component = vevents(get_calendar(client))["Messut"]
    assert component.decoded("DTSTART") == datetime(2030, 6, 1).date()
    assert component.decoded("DTEND") == datetime(2030, 6, 3).date()


def test_an_online_event_is_located_at_its_link(client, publish_event):
    publish_event(title="Webinaari", mode=EventPage.Mode.ONLINE, online_url="https://meet.example.fi/koonto")
    assert str(vevents(get_calendar(client))["Webinaari"]["LOCATION"]) == "https://meet.example.fi/koonto"


def test_funding_call_deadlines_are_listed_until_they_pass(client, publish_call):
    call = publish_call(title="ESR+ haku", closes_at=datetime(2030, 1, 15, 16, 15, tzinfo=HELSINKI))
    publish_call(title="Keskiyön haku", closes_at=datetime(2030, 2, 1, 0, 0, tzinfo=HELSINKI))
    publish_call(
        title="Päättynyt haku", opens_at=timezone.now() - timedelta(days=30), closes_at=timezone.now() - timedelta(days=1)
    )
    components = vevents(get_calendar(client))
    assert set(components) == {"Hakuaika päättyy: ESR+ haku", "Hakuaika päättyy: Keskiyön haku"}

    timed = components["Hakuaika päättyy: ESR+ haku"]
    assert timed.decoded("DTSTART") == datetime(2030, 1, 15, 16, 15, tzinfo=HELSINKI)
    assert timed["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert str(timed["UID"]) == f"deadline-{call.translation_key}-fi@koonto"
    assert str(timed["URL"]) == call.get_full_url()
    assert str(timed["TRANSP"]) == "TRANSPARENT"
    # Closing at midnight means applications are accepted to the end of the day before.
    midnight = components["Hakuaika päättyy: Keskiyön haku"]
    assert midnight.decoded("DTSTART") == datetime(2030, 1, 31).date()


def test_filter_by_type_with_deadline_covering_funding_calls(client, publish_event, publish_call):
    publish_event(title="Koulutus", event_type=EventPage.Type.TRAINING)
    publish_event(title="Webinaari", event_type=EventPage.Type.WEBINAR)
    publish_event(title="Raportin määräaika", event_type=EventPage.Type.DEADLINE)
    publish_call(title="Haku")

    assert set(vevents(get_calendar(client, query="?type=training"))) == {"Koulutus"}
    assert set(vevents(get_calendar(client, query="?type=training&type=webinar"))) == {"Koulutus", "Webinaari"}
    assert set(vevents(get_calendar(client, query="?type=deadline"))) == {"Raportin määräaika", "Hakuaika päättyy: Haku"}
    assert len(vevents(get_calendar(client))) == 4


def test_filter_by_tag_of_the_feeds_language(client, publish_event, publish_call, english, en_locale):
    tag = Tag.objects.create(name="työpaja")
    TagTranslation.objects.create(tag=tag, locale=en_locale, name="workshop")
    tagged = publish_event(title="Työpaja")
    tagged.tags.add("työpaja")
    tagged.save_revision().publish()
    publish_event(title="Muu tapahtuma")
    call = publish_call(title="Haku")
    call.tags.add("työpaja")
    call.save_revision().publish()

    assert set(vevents(get_calendar(client, query="?tag=työpaja"))) == {"Työpaja", "Hakuaika päättyy: Haku"}

    # Untranslated, the Finnish event and call match the English tag by the tag's English name,
    # never by the Finnish one.
    assert set(vevents(get_calendar(client, "en", query="?tag=workshop"))) == {"Työpaja", "Application deadline: Haku"}
    assert set(vevents(get_calendar(client, "en", query="?tag=työpaja"))) == set()

    english_event = english(tagged)
    english_event.title = "Workshop"
    english_event.save_revision().publish()
    assert set(english_event.tags.names()) == {"workshop"}
    assert set(vevents(get_calendar(client, "en", query="?tag=workshop"))) == {"Workshop", "Application deadline: Haku"}
    assert set(vevents(get_calendar(client, "en", query="?tag=työpaja"))) == set()


def test_a_finnish_page_with_an_untranslated_tag_matches_no_english_tag(client, publish_event, en_locale):
    workshop = Tag.objects.create(name="työpaja")
    TagTranslation.objects.create(tag=workshop, locale=en_locale, name="Workshop")
    for title, tag in (("Työpaja", "työpaja"), ("Kahvila", "kahvila")):  # "kahvila" has no English name
        event = publish_event(title=title)
        event.tags.add(tag)
        event.save_revision().publish()
    assert set(vevents(get_calendar(client, "en", query="?tag=workshop"))) == {"Työpaja"}
    assert set(vevents(get_calendar(client, "en", query="?tag=kahvila"))) == set()
    assert set(vevents(get_calendar(client, "fi", query="?tag=kahvila"))) == {"Kahvila"}


@pytest.mark.parametrize(("query", "parameter"), [("?type=party", "type"), ("?tag=no-such-tag", "tag")])
def test_an_unknown_filter_value_is_a_400_naming_the_parameter(client, site, query, parameter):
    response = client.get(feed_url("calendar", "en", query=query))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert f"“{parameter}”" in text
    assert query.split("=")[1] in text


def test_the_english_calendar_lists_english_pages_and_untranslated_finnish_ones(client, publish_event, publish_call, english):
    """Events and deadlines are facts for everyone (issue 17): an English event replaces its Finnish
    source; a Finnish event or call not translated is listed in Finnish, marked with LANGUAGE=fi."""
    finnish = publish_event(title="Suomeksi")
    translation = english(finnish)
    translation.title = "In English"
    translation.save_revision().publish()
    publish_event(title="Vain suomeksi", venue="Kuopion kaupungintalo")
    publish_call(title="Haku")

    calendar = get_calendar(client, "en")
    english_events = vevents(calendar)
    assert set(english_events) == {"In English", "Vain suomeksi", "Application deadline: Haku"}
    assert "/en/" in str(english_events["In English"]["URL"])
    assert str(english_events["In English"]["UID"]) == f"event-{finnish.translation_key}-en@koonto"
    assert "LANGUAGE" not in english_events["In English"]["SUMMARY"].params
    only_finnish = english_events["Vain suomeksi"]
    assert "/en/" not in str(only_finnish["URL"])
    assert only_finnish["SUMMARY"].params["LANGUAGE"] == "fi"
    assert only_finnish["LOCATION"].params["LANGUAGE"] == "fi"
    assert english_events["Application deadline: Haku"]["DESCRIPTION"].params["LANGUAGE"] == "fi"
    assert b"SUMMARY;LANGUAGE=fi:Vain suomeksi" in calendar.to_ical()
    finnish_events = vevents(get_calendar(client, "fi"))
    assert set(finnish_events) == {"Suomeksi", "Vain suomeksi", "Hakuaika päättyy: Haku"}
    assert "LANGUAGE" not in finnish_events["Suomeksi"]["SUMMARY"].params


def test_an_unpublished_translation_leaves_the_finnish_event_on_the_english_calendar(client, publish_event, english):
    finnish = publish_event(title="Suomeksi")
    draft = english(finnish, publish_it=False)
    assert not draft.live
    assert set(vevents(get_calendar(client, "en"))) == {"Suomeksi"}
    draft.save_revision().publish()
    assert set(vevents(get_calendar(client, "en"))) == {draft.title}


def test_one_event_downloads_as_an_ics_file(client, publish_event):
    event = publish_event(title="Rahoitusinfo", slug="rahoitusinfo")
    response = client.get(feed_url("event_calendar", args=(event.pk,)))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="rahoitusinfo.ics"'
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert list(vevents(calendar)) == ["Rahoitusinfo"]
    assert str(vevents(calendar)["Rahoitusinfo"]["UID"]) == f"event-{event.translation_key}-fi@koonto"


def test_an_event_download_is_404_for_a_draft_or_another_language(client, draft_event, publish_event):
    assert client.get(feed_url("event_calendar", args=(draft_event.pk,))).status_code == 404
    event = publish_event(title="Vain suomeksi")
    assert client.get(feed_url("event_calendar", "en", args=(event.pk,))).status_code == 404


def test_the_event_page_links_its_ics_file(client, publish_event):
    event = publish_event(title="Rahoitusinfo")
    response = client.get(event.url)
    assert f'href="{feed_url("event_calendar", args=(event.pk,))}"' in response.content.decode()


def test_calendar_queries_are_the_same_for_5_and_50_events(client, site, event_index, guide_index, django_assert_max_num_queries):
    from tests.factories import FundingCallPageFactory

    kuopio = Municipality.objects.get(code="297")

    def make(count):
        for _ in range(count):
            EventPageFactory(parent=event_index, municipality=kuopio, venue="Sali")
            FundingCallPageFactory(parent=guide_index)

    url = feed_url("calendar")
    make(5)
    client.get(url)  # warm the site and locale caches
    with django_assert_max_num_queries(100) as small:
        client.get(url)
    budget = len(small)  # now: the captured queries are a slice of a log that keeps only the latest 9,000
    make(45)
    client.get(url)  # new pages empty what is kept per content generation: warm it again
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 100
