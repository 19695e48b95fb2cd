"""The home page shows the next call, the next three events and the newest showcases by itself."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePageHighlight
from tests.factories import (
    EventPageFactory,
    FundingCallPageFactory,
    GuidePageFactory,
    ShowcasePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def context_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.context, response.content.decode()


def test_next_call_is_the_open_one_with_its_deadline(client, home, guide_index):
    now = timezone.now()
    FundingCallPageFactory(
        parent=guide_index, title="Mennyt haku", opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=30)
    )
    open_call = FundingCallPageFactory(
        parent=guide_index, title="Avoin haku", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=5)
    )
    context, html = context_of(client, home)
    assert context["next_call"] == open_call
    section = html.split('id="next-call-heading"')[1].split("</section>")[0]
    assert "Avoin haku" in section and "Mennyt haku" not in section
    assert timezone.localtime(open_call.closes_at).strftime("%Y-%m-%dT%H:%M") in section


def test_without_open_or_upcoming_call_the_latest_closed_one_is_shown(client, home, guide_index):
    now = timezone.now()
    FundingCallPageFactory(
        parent=guide_index, title="Vanha haku", opens_at=now - timedelta(days=90), closes_at=now - timedelta(days=60)
    )
    latest = FundingCallPageFactory(
        parent=guide_index, title="Viimeisin haku", opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=30)
    )
    context, html = context_of(client, home)
    assert not context["next_call"]  # a lazy value (home.HomePage.get_context): None inside
    assert context["latest_closed_call"] == latest
    assert "Viimeisin haku" in html and "Vanha haku" not in html


def test_unpublished_calls_are_not_shown(client, home, guide_index):
    call = FundingCallPageFactory(parent=guide_index, title="Luonnoshaku")
    call.unpublish()
    context, html = context_of(client, home)
    assert not context["next_call"]  # a lazy value (home.HomePage.get_context): None inside
    assert "Luonnoshaku" not in html


def test_next_three_upcoming_events_soonest_first_and_no_past_events(client, home, event_index):
    now = timezone.now()
    EventPageFactory(parent=event_index, title="Mennyt tapahtuma", starts_at=now - timedelta(days=2))
    upcoming = [
        EventPageFactory(parent=event_index, title=f"Tapahtuma {n}", starts_at=now + timedelta(days=n)) for n in (4, 1, 3, 2)
    ]
    context, html = context_of(client, home)
    assert [e.title for e in context["upcoming_events"]] == ["Tapahtuma 1", "Tapahtuma 2", "Tapahtuma 3"]
    assert "Mennyt tapahtuma" not in html and "Tapahtuma 4" not in html
    assert len(upcoming) == 4


def test_newest_showcases_and_editor_highlights(client, home, showcase_index, guide_index):
    ShowcasePageFactory(parent=showcase_index, title="Hanaa!")
    guide = GuidePageFactory(parent=guide_index, title="Näin haet", summary="Opas hakijalle.")
    HomePageHighlight.objects.create(home=home, page=guide)
    context, html = context_of(client, home)
    assert [s.title for s in context["newest_showcases"]] == ["Hanaa!"]
    assert "Näin haet" in html and "Opas hakijalle." in html


def test_home_page_query_count_does_not_grow_with_content(
    client, home, event_index, showcase_index, django_assert_max_num_queries
):
    # Warm up once, then count: five more events and showcases must not cost more queries.
    now = timezone.now()
    for n in range(3):
        EventPageFactory(parent=event_index, starts_at=now + timedelta(days=n + 1))
        ShowcasePageFactory(parent=showcase_index)
    client.get(home.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(home.url)
    small = len(queries)  # counted now: the next request empties the connection's query log
    for n in range(5):
        EventPageFactory(parent=event_index, starts_at=now + timedelta(days=n + 10))
        ShowcasePageFactory(parent=showcase_index)
    client.get(home.url)  # new content dropped the cached menu and footer: warm them again
    with django_assert_max_num_queries(small):
        client.get(home.url)


# Issue 9: uncached queries of the home page (12), and since issue 15 one more: the content
# generation, read once per request, that the per-process menu and footer follow (ops.pagecache).
HOME_BUDGET = 13


def home_queries(client, url) -> int:
    client.get(url)
    client.get(url)  # the first request also creates the site settings (a new cache generation)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_home_page_with_highlights_of_every_type_stays_within_budget(client, site, showcase_index, event_index, guide_index):
    """Highlights of four page types, then 5 and 50 events, showcases and calls: same count, within budget."""
    now = timezone.now()
    about = StandardPageFactory(parent=site, title="Tietoa", summary="Koontosta.")
    targets = [GuidePageFactory(parent=guide_index), ShowcasePageFactory(parent=showcase_index), about, event_index]
    for n, target in enumerate(targets):
        HomePageHighlight.objects.create(home=site, page=target, locale=site.locale, sort_order=n)

    def make(count):
        for n in range(count):
            EventPageFactory(parent=event_index, starts_at=now + timedelta(days=n + 1))
            ShowcasePageFactory(parent=showcase_index)
            FundingCallPageFactory(parent=guide_index, opens_at=now - timedelta(days=90), closes_at=now - timedelta(days=n + 1))

    make(5)
    small = home_queries(client, site.url)
    make(45)
    large = home_queries(client, site.url)
    assert large == small
    assert small <= HOME_BUDGET
    html = client.get(site.url).content.decode()
    assert "Tietoa" in html and "Koontosta." in html


def test_highlights_show_only_live_public_pages_with_their_summaries(client, home, guide_index, showcase_index):
    from wagtail.models import PageViewRestriction

    shown = GuidePageFactory(parent=guide_index, title="Näkyvä opas", summary="Oppaan tiivistelmä.")
    draft = GuidePageFactory(parent=guide_index, title="Luonnosopas", live=False)
    private = ShowcasePageFactory(parent=showcase_index, title="Suljettu hanke")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    own_text = ShowcasePageFactory(parent=showcase_index, title="Oma teksti", summary="Ei tämä.")
    for n, (page, text) in enumerate([(shown, ""), (draft, ""), (private, ""), (own_text, "Toimittajan teksti.")]):
        HomePageHighlight.objects.create(home=home, page=page, text=text, locale=home.locale, sort_order=n)
    context, html = context_of(client, home)
    assert [h.target.title for h in context["highlights"]] == ["Näkyvä opas", "Oma teksti"]
    section = html.split('id="highlights-heading"')[1].split("</section>")[0]
    assert "Oppaan tiivistelmä." in section and "Toimittajan teksti." in section
    assert "Ei tämä." not in section and "Luonnosopas" not in section and "Suljettu hanke" not in section


def test_english_home_highlights_the_english_translation(client, site, guide_index, en_home, en_locale):
    guide = GuidePageFactory(parent=guide_index, title="Näin haet", summary="Suomeksi.")
    english_index = guide_index.copy_for_translation(en_locale)
    english_index.save_revision().publish()
    english = guide.copy_for_translation(en_locale)
    english.title, english.summary = "How to apply", "In English."
    english.save_revision().publish()
    HomePageHighlight.objects.create(home=en_home, page=guide, locale=en_locale)
    html = client.get("/en/").content.decode()
    section = html.split('id="highlights-heading"')[1].split("</section>")[0]
    assert "How to apply" in section and "In English." in section
    assert "Näin haet" not in section and english.url in section


def test_an_upcoming_call_is_the_next_one_before_any_closed_call(client, home, guide_index):
    now = timezone.now()
    FundingCallPageFactory(
        parent=guide_index, title="Suljettu", opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1)
    )
    FundingCallPageFactory(
        parent=guide_index, title="Myöhempi", opens_at=now + timedelta(days=20), closes_at=now + timedelta(days=40)
    )
    FundingCallPageFactory(
        parent=guide_index, title="Tuleva", opens_at=now + timedelta(days=5), closes_at=now + timedelta(days=60)
    )
    FundingCallPageFactory(
        parent=guide_index, title="Peruttu", opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=9), cancelled=True
    )
    context, _html = context_of(client, home)
    assert context["next_call"].title == "Tuleva"
    assert not context["latest_closed_call"]
