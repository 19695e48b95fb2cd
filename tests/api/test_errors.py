"""API errors (issue 15): one problem+json shape for v2, v3 and unknown paths, and no 5xx from
parameters that used to reach the database unchecked (64-bit ids and offsets, wrong types,
years SQLite cannot convert, NUL bytes PostgreSQL refuses)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775808"  # one past the largest 64-bit integer


def problem(client, url, status=400):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    data = response.json()
    assert {"type", "title", "status", "detail"} <= set(data)
    assert data["status"] == status
    return data


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (f"/api/v2/pages/?offset={HUGE}", "offset"),
        (f"/api/v2/images/?offset={HUGE}", "offset"),
        (f"/api/v2/documents/?offset={HUGE}", "offset"),
        (f"/api/v2/pages/?limit={HUGE}", "limit"),
        (f"/api/v2/pages/?child_of={HUGE}", "child_of"),
        (f"/api/v2/pages/?translation_of={HUGE}", "translation_of"),
        (f"/api/v2/pages/?id={HUGE}", "id"),
        (f"/api/v2/pages/find/?id={HUGE}", "id"),
        ("/api/v2/pages/99999999999999999999/", "pk"),
        (f"/api/v2/images/{HUGE}/", "pk"),
        (f"/api/v2/documents/{HUGE}/", "pk"),
        (f"/api/v3/koonto/events/?offset={HUGE}", "offset"),
        (f"/api/v3/koonto/calls/?offset={HUGE}", "offset"),
        ("/api/v3/koonto/events/99999999999999999999/", "page_id"),
        ("/api/v3/koonto/calls/99999999999999999999/", "page_id"),
        ("/api/v3/pages/99999999999999999999/", "page_id"),
        (f"/api/v3/pages/?offset={HUGE}", "offset"),
        (f"/api/v3/pages/?child_of={HUGE}", "child_of"),
        ("/api/v3/images/99999999999999999999/", "image_id"),
        ("/api/v3/documents/99999999999999999999/", "document_id"),
    ],
)
def test_ids_and_offsets_beyond_64_bits_are_a_400_naming_the_parameter(client, event, url, parameter):
    data = problem(client, url)
    assert data["detail"].startswith(f"{parameter}:") or parameter in data["detail"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/pages/?type=events.EventPage&price=abc", "price"),
        ("/api/v2/pages/?type=events.EventPage&starts_at=abc", "starts_at"),
        ("/api/v2/pages/?type=guides.FundingCallPage&support_rate=abc", "support_rate"),
        ("/api/v2/pages/?type=guides.FundingCallPage&opens_at=abc", "opens_at"),
        ("/api/v2/pages/?type=events.EventPage&organiser=abc", "organiser"),
        ("/api/v2/pages/?type=events.EventPage&body=-1", "body"),
        ("/api/v2/pages/?type=events.EventPage&starts_at=0001-01-01", "starts_at"),
        ("/api/v2/pages/?search=hanke&search_operator=xor", "search_operator"),
        ("/api/v2/documents/?search=haku&search_operator=xor", "search_operator"),
        ("/api/v2/pages/find/?id=abc", "id"),
        ("/api/v2/images/find/?id=abc", "id"),
        ("/api/v2/pages/?offset=abc", "offset"),
        ("/api/v2/pages/?type=events.EventPage&starts_after=0001-01-01", "starts_after"),
        ("/api/v2/pages/?type=events.EventPage&starts_before=9999-12-31", "starts_before"),
        ("/api/v3/koonto/events/?starts_after=0001-01-01", "starts_after"),
        ("/api/v3/koonto/events/?starts_before=9999-12-31", "starts_before"),
    ],
)
def test_values_of_the_wrong_type_are_a_400_naming_the_parameter(client, event, call, url, parameter):
    data = problem(client, url)
    assert data["detail"].startswith(f"{parameter}:")
    assert data["parameter"] == parameter


def test_wagtails_own_v3_field_filters_name_the_parameter(client, event):
    data = problem(client, "/api/v3/pages/?type=events.EventPage&price=abc", status=422)
    assert data["detail"].startswith("price:")
    data = problem(client, "/api/v3/pages/?type=events.EventPage&starts_at=0001-01-01")
    assert data["detail"].startswith("starts_at:")


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/pages/?locale=fi%00", "locale"),
        ("/api/v2/pages/?site=localhost%00", "site"),
        ("/api/v2/pages/?type=events.EventPage&municipality=297%00", "municipality"),
        ("/api/v2/pages/?type=showcase.ShowcasePage&organisation=a%00b", "organisation"),
        ("/api/v2/pages/?type=events.EventPage&tags=a%00b", "tags"),
        ("/api/v2/pages/find/?html_path=/fi/a%00b/", "html_path"),
        ("/api/v2/documents/?search=a%00b", "search"),
        ("/api/v2/pages/?search=a%00b", "search"),
        ("/api/preview/?content_type=events.eventpage%00&token=abc", "content_type"),
        ("/api/v3/koonto/events/?locale=fi%00", "locale"),
        ("/api/v3/koonto/events/?tag=a%00b", "tag"),
        ("/api/v3/koonto/events/?municipality=297%00", "municipality"),
        ("/api/v3/pages/?locale=fi%00", "locale"),
        ("/api/v3/pages/?search=a%00b", "search"),
        ("/api/v3/pages/find/?html_path=/a%00b/", "html_path"),
        ("/api/v2/pages/?search=%FF%FE", "search"),
        ("/api/v2/pages/a%00b/", "path"),
    ],
)
def test_nul_and_invalid_utf8_are_a_400_naming_the_parameter(client, event, url, parameter):
    data = problem(client, url)
    assert data["detail"].startswith(f"{parameter}:")
    assert data["parameter"] == parameter


@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/", "/api/v3/pages/"])
def test_search_is_read_as_words(client, event, call, endpoint):
    """Quotes and operators used to be full-text syntax on SQLite (a 500); they are not part of a search."""
    response = client.get(f"{endpoint}?search=%22haku%27%3B--")
    assert response.status_code == 200, response.content[:300]
    if endpoint.startswith("/api/v2/"):
        data = problem(client, f"{endpoint}?search=%22%27%3B--")
        assert data["detail"] == "search: give at least one word to search for"
    else:
        # v3's document allows any text: a search without words is no search, as an empty one.
        everything = client.get(endpoint).json()
        assert client.get(f"{endpoint}?search=%22%27%3B--").json() == everything


def test_v2_errors_and_unknown_api_paths_are_problems(client, event):
    assert problem(client, "/api/v2/pages/999999/", status=404)["title"] == "Not Found"
    assert problem(client, "/api/v2/nothing-here/", status=404)["detail"].startswith("Not found: /api/v2/nothing-here/")
    data = problem(client, "/api/v2/pages/?colour=blue")
    assert data == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "colour: query parameter is not an operation or a recognised field: colour",
        "parameter": "colour",
    }
    assert problem(client, "/api/v2/pages/?format=nonsense", status=404)["detail"]


def test_writes_refused_are_a_problem_too(client, event):
    response = client.post(f"/api/v2/pages/{event.pk}/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "KOONTO_API_WRITES" in response.json()["detail"]


def test_largest_64_bit_values_still_work(client, event):
    """The bound is the database's, not lower: the largest id and offset answer normally."""
    largest = str(2**63 - 1)
    assert client.get(f"/api/v2/pages/?offset={largest}").json()["items"] == []
    assert client.get(f"/api/v3/koonto/events/?offset={largest}").json()["items"] == []
    assert client.get(f"/api/v2/pages/{largest}/").status_code == 404
    assert client.get(f"/api/v3/koonto/events/{largest}/").status_code == 404
