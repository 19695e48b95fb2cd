"""RSS feeds of upcoming events, showcases, and funding guides with calls, per language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import EventPageFactory, FundingCallPageFactory, GuidePageFactory, ShowcasePageFactory
from tests.feeds.helpers import feed_url, get_rss, rss_titles

pytestmark = pytest.mark.django_db


def test_the_events_feed_lists_upcoming_events_soonest_first(client, publish_event):
    now = timezone.now()
    later = publish_event(title="Myöhemmin", summary="Toinen tapahtuma.", starts_at=now + timedelta(days=9))
    publish_event(title="Pian", starts_at=now + timedelta(days=2))
    publish_event(title="Mennyt", starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=3, hours=-1))
    parsed = get_rss(client, "events_feed")

    assert parsed.version == "rss20"
    assert rss_titles(parsed) == ["Pian", "Myöhemmin"]
    entry = parsed.entries[1]
    assert entry.link == later.get_full_url()
    assert entry.link.startswith("http")
    assert entry.id == later.get_full_url()
    assert entry.summary == "Toinen tapahtuma."
    assert entry.published_parsed is not None
    assert parsed.feed.link.endswith("/tapahtumat/")


def test_the_showcases_feed_lists_the_newest_first(client, publish_showcase):
    publish_showcase(title="Vanhempi")
    newer = publish_showcase(title="Uudempi", summary="Hankkeen tiivistelmä.")
    parsed = get_rss(client, "showcases_feed")
    assert rss_titles(parsed) == ["Uudempi", "Vanhempi"]
    assert parsed.entries[0].link == newer.get_full_url()
    assert parsed.entries[0].summary == "Hankkeen tiivistelmä."


def test_guides_and_calls_share_one_feed_newest_first(client, publish_guide, publish_call):
    publish_guide(title="Opas")
    call = publish_call(title="Hankehaku")
    publish_guide(title="Uusin opas")
    parsed = get_rss(client, "guides_feed")
    assert rss_titles(parsed) == ["Uusin opas", "Hankehaku", "Opas"]
    assert parsed.entries[1].link == call.get_full_url()


def test_the_english_events_feed_lists_untranslated_finnish_events_and_english_guides_only(
    client, publish_event, publish_guide, english
):
    """Events are facts for everyone (issue 17): the English feed lists a Finnish event that is not
    translated, in Finnish, and the English translation instead of its source. Guides are not: the
    English guides feed lists English guides only."""
    event = english(publish_event(title="Tapahtuma"))
    event.title = "Event"
    event.save_revision().publish()
    only_finnish = publish_event(title="Vain suomeksi")
    guide = english(publish_guide(title="Opas"))
    publish_guide(title="Vain suomeksi -opas")

    parsed = get_rss(client, "events_feed", "en")
    assert set(rss_titles(parsed)) == {"Event", "Vain suomeksi"}
    links = {entry.title: entry.link for entry in parsed.entries}
    assert "/en/" in links["Event"]
    assert links["Vain suomeksi"] == only_finnish.get_full_url()
    assert [entry.link for entry in get_rss(client, "guides_feed", "en").entries] == [guide.get_full_url()]
    assert set(rss_titles(get_rss(client, "events_feed", "fi"))) == {"Tapahtuma", "Vain suomeksi"}


def test_the_english_guides_feed_lists_untranslated_finnish_calls_but_not_finnish_guides(
    client, publish_guide, publish_call, english
):
    """Calls are facts for everyone, like events: an untranslated Finnish call is in the English
    guides feed, in Finnish, and a translated one in English only; a Finnish guide is not."""
    call = english(publish_call(title="Hankehaku"))
    call.title = "Funding call"
    call.save_revision().publish()
    only_finnish = publish_call(title="Vain suomeksi -haku")
    guide = english(publish_guide(title="Opas"))
    publish_guide(title="Vain suomeksi -opas")

    parsed = get_rss(client, "guides_feed", "en")
    assert set(rss_titles(parsed)) == {"Funding call", "Vain suomeksi -haku", guide.title}
    links = {entry.title: entry.link for entry in parsed.entries}
    assert "/en/" in links["Funding call"]
    assert links["Vain suomeksi -haku"] == only_finnish.get_full_url()
    assert set(rss_titles(get_rss(client, "guides_feed", "fi"))) == {
        "Hankehaku",
        "Vain suomeksi -haku",
        "Opas",
        "Vain suomeksi -opas",
    }


@pytest.mark.parametrize(
    ("name", "factory", "index_fixture"),
    [
        ("events_feed", EventPageFactory, "event_index"),
        ("showcases_feed", ShowcasePageFactory, "showcase_index"),
        ("guides_feed", GuidePageFactory, "guide_index"),
        ("guides_feed", FundingCallPageFactory, "guide_index"),
    ],
)
def test_feed_queries_are_the_same_for_5_and_50_items(
    client, site, request, name, factory, index_fixture, django_assert_max_num_queries
):
    index = request.getfixturevalue(index_fixture)
    url = feed_url(name)
    for _ in range(5):
        factory(parent=index)
    client.get(url)  # warm the site and locale caches
    with django_assert_max_num_queries(100) as small:
        client.get(url)
    budget = len(small)  # now: the captured queries are a slice of a log that keeps only the latest 9,000
    for _ in range(45):
        factory(parent=index)
    client.get(url)  # new pages empty what is kept per content generation: warm it again
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.content.count(b"<item>") == 50
