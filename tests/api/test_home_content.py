"""API v3: the home page's automatic content, exactly as the HTML home page decides it
(home.HomePage.automatic_content, read by api/home_content.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.conftest import publish
from tests.api.queries import queries_for
from tests.factories import EventPageFactory, FundingCallPageFactory, ShowcasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_page_content(site, guide_index, event_index, showcase_index):
    now = timezone.now()
    calls = {
        "closed": FundingCallPageFactory(
            parent=guide_index, title="Mennyt haku", opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=30)
        ),
        "upcoming": FundingCallPageFactory(
            parent=guide_index, title="Tuleva haku", opens_at=now + timedelta(days=10), closes_at=now + timedelta(days=40)
        ),
    }
    for days in (40, 3, 20, 9, -5):
        EventPageFactory(parent=event_index, title=f"Tuleva tapahtuma {days}", starts_at=now + timedelta(days=days), ends_at=None)
    for n in range(6):
        ShowcasePageFactory(parent=showcase_index, title=f"Hanke {n}")
    return calls


def test_home_content_is_what_the_html_home_page_shows(client, home, front_page_content):
    context = client.get(home.url).context
    data = client.get("/api/v3/koonto/home/?locale=fi").json()
    assert data["next_call"]["id"] == context["next_call"].pk == front_page_content["upcoming"].pk
    assert data["latest_closed_call"] is None
    assert [e["id"] for e in data["upcoming_events"]] == [e.pk for e in context["upcoming_events"]]
    assert [e["title"] for e in data["upcoming_events"]] == ["Tuleva tapahtuma 3", "Tuleva tapahtuma 9", "Tuleva tapahtuma 20"]
    assert [s["id"] for s in data["newest_showcases"]] == [s.pk for s in context["newest_showcases"]]
    assert len(data["newest_showcases"]) == 4


def test_the_latest_closed_call_when_none_is_open_or_upcoming(client, home, front_page_content):
    front_page_content["upcoming"].unpublish()
    data = client.get("/api/v3/koonto/home/?locale=fi").json()
    assert data["next_call"] is None
    assert data["latest_closed_call"]["id"] == front_page_content["closed"].pk
    assert data["latest_closed_call"]["status"]["value"] == "closed"


def test_the_home_page_by_path_expands_its_automatic_content(client, home, event, front_page_content):
    data = client.get(f"/api/v3/koonto/page/?path={home.url}&expand=home").json()
    assert data["home"]["href"] == "http://testserver/api/v3/koonto/home/?locale=fi"
    assert data["home"]["data"] == client.get("/api/v3/koonto/home/?locale=fi").json()
    assert client.get(f"/api/v3/koonto/page/?path={home.url}").json()["home"]["data"] is None
    # Other pages have no automatic content.
    assert client.get(f"/api/v3/koonto/page/?path={event.url}&expand=home").json()["home"] is None


def test_home_content_costs_the_same_queries_with_more_content(client, home, front_page_content, event_index):
    url = "/api/v3/koonto/home/?locale=fi"
    client.get(url)
    before = queries_for(client, url)
    for n in range(5):
        event = publish(EventPageFactory(parent=event_index, starts_at=timezone.now() + timedelta(days=n + 1), ends_at=None))
        event.tags.add("koulutus")
    client.get(url)
    assert queries_for(client, url) <= before


def test_an_unknown_locale_is_a_400(client, home):
    response = client.get("/api/v3/koonto/home/?locale=de")
    assert response.status_code == 400 and response.json()["detail"].startswith("locale")
