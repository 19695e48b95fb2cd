"""API v3: Koonto's typed events and calls endpoints, the OpenAPI document, and the writes switch."""

import pytest
from openapi_spec_validator import validate
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def test_openapi_document_validates_and_types_koonto_endpoints(client, site):
    document = get(client, "/api/v3/openapi.json")
    validate(document)
    assert {"/api/v3/koonto/events/", "/api/v3/koonto/events/{page_id}/", "/api/v3/koonto/calls/"} <= set(document["paths"])
    event = document["components"]["schemas"]["EventOut"]["properties"]
    assert event["starts_at"]["format"] == "date-time"
    assert event["price"]["anyOf"][0]["type"] == "number"
    assert event["municipality"]["anyOf"][0]["$ref"].endswith("/MunicipalityOut")
    parameters = {p["name"] for p in document["paths"]["/api/v3/koonto/events/"]["get"]["parameters"]}
    assert {"locale", "type", "municipality", "tag", "starts_after", "starts_before", "upcoming", "order", "limit"} <= parameters
    assert client.get("/api/v3/docs/").status_code == 200


def test_event_list_and_detail_are_typed(client, event):
    data = get(client, "/api/v3/koonto/events/?locale=fi")
    assert data["count"] == 1
    item = data["items"][0]
    assert item["starts_at"] == "2030-03-02T13:00:00+02:00"
    assert item["event_type"] == {"value": "info_session", "label": "Infotilaisuus"}
    assert item["municipality"] == {"code": "297", "name": "Kuopio"}
    assert item["organiser"]["url"] == "http://testserver/fi/organisaatiot/pallokissat-kuopio-ry/"
    assert item["price"] == 15.5
    assert item["image"]["medium"]["url"].endswith(".webp")
    assert item["image"]["alt"] == "Lapset pelaavat jalkapalloa"
    assert item["url"] == event.full_url and item["url"].endswith("/fi/tapahtumat/hankeinfo/")
    assert get(client, f"/api/v3/koonto/events/{event.pk}/")["title"] == "Hankeinfo"


def test_call_list_is_typed_and_filters_by_status(client, call):
    item = get(client, "/api/v3/koonto/calls/?status=open")["items"][0]
    assert item["status"]["value"] == "open"
    assert item["support_rate"] == 80.0
    assert item["attachments"][0]["file_size"] > 0
    assert item["contacts"][0]["name"] == "Hanna Hankkija"
    assert item["eligible_applicants"] == "<p>Rekisteröidyt yhdistykset.</p>"
    assert get(client, "/api/v3/koonto/calls/?status=closed")["count"] == 0


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Mennyt", "Maaliskuu", "Huhtikuu"]),
        ("order=-starts_at", ["Huhtikuu", "Maaliskuu", "Mennyt"]),
        ("upcoming=true", ["Maaliskuu", "Huhtikuu"]),
        # The HTML list's past events (`?when=past`), newest first.
        ("past=true&order=-starts_at", ["Mennyt"]),
        ("municipality=140", ["Huhtikuu"]),
        ("type=training", ["Maaliskuu"]),
        ("tag=koulutus", ["Maaliskuu"]),
        ("starts_after=2030-03-01&starts_before=2030-03-10", ["Maaliskuu"]),
        # Events are facts for everyone (issue 17): untranslated Finnish events are listed in English.
        ("locale=en", ["Mennyt", "Maaliskuu", "Huhtikuu"]),
        ("limit=1&offset=1", ["Maaliskuu"]),
        # What the OpenAPI document allows is accepted (schemathesis checks it): a code no
        # municipality has and a range that ends before it starts match nothing.
        ("municipality=999", []),
        ("municipality=297,999", ["Mennyt", "Maaliskuu"]),
        ("starts_after=2030-05-01&starts_before=2030-04-01", []),
    ],
)
def test_event_filters(client, events, query, expected):
    data = get(client, f"/api/v3/koonto/events/?{query}")
    assert [item["title"] for item in data["items"]] == expected


def test_upcoming_and_past_together_match_nothing(client, events):
    """The document allows both (schemathesis sends them together): nothing is both, no 400."""
    response = client.get("/api/v3/koonto/events/?upcoming=true&past=true")
    assert response.status_code == 200 and response.json() == {"count": 0, "items": []}
    assert client.get("/api/v3/koonto/events/?past=true").json()["count"] > 0


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("starts_after=tomorrow", "starts_after"),
        ("starts_after=", "starts_after"),
        ("starts_before=", "starts_before"),
        ("municipality=abc", "municipality"),
        ("type=party", "type"),
        ("type=training,party", "type"),
        ("type=training&type=", "type"),
        ("locale=de", "locale"),
        ("limit=51", "limit"),
        ("limit=abc", "limit"),
        ("upcoming=perhaps", "upcoming"),
        ("order=title", "order"),
        ("colour=blue", "colour"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, events, query, parameter):
    response = client.get(f"/api/v3/koonto/events/?{query}")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"].startswith(parameter)


def test_bad_call_status_is_400(client, call):
    response = client.get("/api/v3/koonto/calls/?status=someday")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("status")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=training,webinar", ["Maaliskuu", "Huhtikuu"]),
        ("type=training&type=other", ["Mennyt", "Maaliskuu"]),
        ("municipality=140,297&upcoming=true", ["Maaliskuu", "Huhtikuu"]),
        ("municipality=140", ["Huhtikuu"]),
    ],
)
def test_event_filters_take_several_values(client, events, query, expected):
    assert [item["title"] for item in get(client, f"/api/v3/koonto/events/?{query}")["items"]] == expected


def test_call_status_takes_several_values(client, site, guide_index):
    from datetime import timedelta

    from django.utils import timezone

    from tests.api.conftest import publish
    from tests.factories import FundingCallPageFactory

    now = timezone.now()
    for title, opens, closes in (("Avoin", -1, 5), ("Tuleva", 10, 40), ("Mennyt", -60, -30)):
        publish(
            FundingCallPageFactory(
                parent=guide_index, title=title, opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes)
            )
        )
    titles = [item["title"] for item in get(client, "/api/v3/koonto/calls/?status=open,upcoming")["items"]]
    assert titles == ["Avoin", "Tuleva"]
    assert get(client, "/api/v3/koonto/calls/?status=closed&status=open")["count"] == 2
    document = get(client, "/api/v3/openapi.json")
    status = next(p for p in document["paths"]["/api/v3/koonto/calls/"]["get"]["parameters"] if p["name"] == "status")
    assert "open" in status["schema"]["anyOf"][0]["pattern"]


def test_event_listing_query_count_is_the_same_for_5_and_50(assert_constant_queries):
    assert_constant_queries("/api/v3/koonto/events/?limit=50")


def test_english_event_listing_query_count_is_the_same_for_5_and_50(assert_constant_queries, en_locale):
    """The English listing has the Finnish events (pages_for_reader) and filters by English tag names."""
    from taggit.models import Tag

    from koonto.models import TagTranslation

    TagTranslation.objects.create(tag=Tag.objects.create(name="koulutus"), locale=en_locale, name="Training")
    assert_constant_queries("/api/v3/koonto/events/?limit=50&locale=en&tag=training")


# --- writes -------------------------------------------------------------------------------------


def token_for(user):
    _token, key = APIToken.create_token(user=user, name="test")
    return key


def test_writes_are_off_by_default(client, event, communications):
    key = token_for(communications)
    response = client.post(
        f"/api/v3/pages/{event.pk}/actions/unpublish/", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 405
    assert "KOONTO_API_WRITES" in response.json()["detail"]
    event.refresh_from_db()
    assert event.live


def test_with_writes_on_a_token_has_its_users_permissions(client, settings, event, editor, communications):
    settings.KOONTO_API_WRITES = True
    url = f"/api/v3/pages/{event.pk}/actions/unpublish/"
    assert client.post(url, content_type="application/json").status_code == 401
    editor_key = token_for(editor)
    response = client.post(url, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {editor_key}")
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.live
    key = token_for(communications)
    response = client.post(url, data={}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200, response.content
    event.refresh_from_db()
    assert not event.live


def test_listing_image_alt_given_on_the_page_overrides_the_image_description(client, event):
    type(event).objects.filter(pk=event.pk).update(listing_image_alt="Lapsia pelaamassa jalkapalloa nurmella")

    assert get(client, f"/api/v3/koonto/events/{event.pk}/")["image"]["alt"] == "Lapsia pelaamassa jalkapalloa nurmella"
