"""The home page shows the next call, the next three events and the newest showcases by itself."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePageHighlight
from tests.factories import EventPageFactory, FundingCallPageFactory, GuidePageFactory, ShowcasePageFactory

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
    assert context["next_call"] is None
    assert context["latest_closed_call"] == latest
    assert "Viimeisin haku" in html and "Vanha haku" not in html


def test_unpublished_calls_are_not_shown(client, home, guide_index):
    call = FundingCallPageFactory(parent=guide_index, title="Luonnoshaku")
    call.unpublish()
    context, html = context_of(client, home)
    assert context["next_call"] is None
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
    with CaptureQueriesContext(connection) as small:
        client.get(home.url)
    for n in range(5):
        EventPageFactory(parent=event_index, starts_at=now + timedelta(days=n + 10))
        ShowcasePageFactory(parent=showcase_index)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(home.url)
