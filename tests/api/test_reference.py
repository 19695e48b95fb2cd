"""API v3's reference lists for filter pickers: values with counts of public pages (api/reference.py)."""

import pytest

from koonto.models import Municipality, Theme
from showcase.models import ShowcaseMunicipality, ShowcaseTargetGroup, ShowcaseTheme
from tests.api.conftest import publish, restrict
from tests.api.queries import queries_for
from tests.factories import EventPageFactory, ShowcasePageFactory

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def theme(fi_locale):
    return Theme.objects.create(name="Osallisuus", slug="osallisuus", locale=fi_locale)


def test_municipalities_count_public_events_and_showcases(client, event, showcase, events, draft_event, en_locale):
    iisalmi = Municipality.objects.get(code="140")
    hidden = ShowcasePageFactory(parent=showcase.get_parent(), title="Piilohanke")
    ShowcaseMunicipality.objects.create(page=hidden, municipality=iisalmi)
    restrict(publish(hidden))
    rows = {row["code"]: row for row in get(client, "/api/v3/koonto/municipalities/?locale=fi")}
    # Kuopio: the event, two of `events` (one past), the showcase; Iisalmi: one event, no visible showcase.
    assert rows["297"] == {"code": "297", "name": "Kuopio", "events": 3, "showcases": 1}
    assert rows["140"] == {"code": "140", "name": "Iisalmi", "events": 1, "showcases": 0}
    # Events are facts for everyone (issue 17): in English the untranslated Finnish events count, as
    # /api/v3/koonto/events/?locale=en lists them; showcases are counted in their own language only.
    english = {row["code"]: (row["events"], row["showcases"]) for row in get(client, "/api/v3/koonto/municipalities/?locale=en")}
    assert english == {"297": (3, 0), "140": (1, 0)}


def test_themes_and_target_groups_count_public_showcases(client, showcase, theme):
    ShowcaseTheme.objects.create(page=showcase, theme=theme)
    ShowcaseTargetGroup.objects.create(page=showcase, group="young_people")
    publish(showcase)
    assert get(client, "/api/v3/koonto/themes/?locale=fi") == [
        {"slug": "osallisuus", "name": "Osallisuus", "description": "", "showcases": 1}
    ]
    groups = get(client, "/api/v3/koonto/target-groups/?locale=fi")
    assert {row["value"]: row["showcases"] for row in groups}["young_people"] == 1
    assert len(groups) == len(ShowcaseTargetGroup.Group.choices)
    english = {row["value"]: row["label"] for row in get(client, "/api/v3/koonto/target-groups/?locale=en")}
    finnish = {row["value"]: row["label"] for row in groups}
    assert english["young_people"] != finnish["young_people"]


def test_organisations_are_public_ones_with_counts(client, event, showcase, organisation):
    rows = get(client, "/api/v3/koonto/organisations/?locale=fi")
    assert rows == [
        {
            "name": "Pallokissat Kuopio ry",
            "slug": "pallokissat-kuopio-ry",
            "website": "https://pallokissat.example",
            "url": "http://testserver/fi/organisaatiot/pallokissat-kuopio-ry/",
            "locale": "fi",
            "events": 1,
            "showcases": 1,
        }
    ]
    organisation.live = False
    organisation.save()
    assert get(client, "/api/v3/koonto/organisations/?locale=fi") == []


def test_reference_lists_cost_the_same_queries_for_more_values(client, site, event_index, kuopio):
    urls = [f"/api/v3/koonto/{name}/?locale=fi" for name in ("municipalities", "themes", "target-groups", "organisations")]
    publish(EventPageFactory(parent=event_index, municipality=kuopio))
    budgets = {}
    for url in urls:
        client.get(url)
        budgets[url] = queries_for(client, url)
    for code in ("171", "749", "204", "239"):
        publish(EventPageFactory(parent=event_index, municipality=Municipality.objects.get(code=code)))
    for url in urls:
        client.get(url)
        assert queries_for(client, url) <= budgets[url], url
    assert len(get(client, urls[0])) == 5


def test_a_bad_locale_or_parameter_is_a_400(client, site):
    assert client.get("/api/v3/koonto/themes/?locale=de").status_code == 400
    assert client.get("/api/v3/koonto/themes/?colour=red").status_code == 400
