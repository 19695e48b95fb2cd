"""HTTP for headless clients (api/http.py, ops/http.py, ops/compression.py): HEAD and OPTIONS
wherever GET answers, CORS for conditional requests and the feeds, gzip in Django that works
with the page cache, compact JSON, and one date-time format in v2 and v3."""

import gzip
import json

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://portaali.example.fi"


def head_paths(event):
    return [
        "/api/v3/koonto/events/",
        f"/api/v3/koonto/events/{event.pk}/",
        "/api/v3/pages/",
        f"/api/v3/pages/{event.pk}/",
        "/api/v2/pages/",
        "/fi/kalenteri.ics",
        f"/fi/kalenteri/{event.pk}.ics",
        "/fi/syotteet/tapahtumat.rss",
        "/sitemap.xml",
        "/robots.txt",
    ]


def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(client, event):
    for path in head_paths(event):
        got = client.get(path)
        head = client.head(path)
        assert (path, head.status_code) == (path, 200)
        assert head.content == b""
        assert head["Content-Length"] == str(len(got.content)), path
        assert head["Content-Type"] == got["Content-Type"], path
        assert head.get("ETag") == got.get("ETag"), path


def test_options_answers_on_v3_with_the_methods_allowed(client, event):
    for path in ["/api/v3/koonto/events/", f"/api/v3/pages/{event.pk}/", "/api/v3/openapi.json"]:
        response = client.options(path)
        assert response.status_code == 200, path
        assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_cors_allows_if_none_match_and_exposes_the_etag(client, event, settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    preflight = client.options(
        "/api/v3/koonto/events/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"].lower()
    response = client.get("/api/v3/koonto/events/", HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert response["ETag"]


@pytest.mark.parametrize("path", ["/fi/kalenteri.ics", "/en/calendar.ics", "/fi/syotteet/tapahtumat.rss", "/en/feeds/guides.rss"])
def test_the_feeds_answer_cors_like_the_api(client, site, settings, path):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    assert client.get(path, HTTP_ORIGIN=ORIGIN)["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Origin" not in client.get(path, HTTP_ORIGIN="https://evil.example.com").headers


def gzipped(client, path, **headers):
    return client.get(path, HTTP_ACCEPT_ENCODING="gzip, br", **headers)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?fields=*",
        "/api/v3/koonto/events/",
        "/api/v3/openapi.json",
        "/fi/syotteet/tapahtumat.rss",
        "/fi/kalenteri.ics",
    ],
)
def test_api_json_and_feeds_are_gzipped_for_clients_that_accept_it(client, event, path):
    plain = client.get(path)
    packed = gzipped(client, path)

    assert "Content-Encoding" not in plain.headers
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)


def test_html_pages_are_not_compressed_by_django(client, event):
    """They carry the CSRF token (BREACH): compression of HTML is the proxy's choice."""
    assert "Content-Encoding" not in gzipped(client, event.url).headers


def test_a_gzipped_answer_still_gives_304_for_its_etag(client, event):
    packed = gzipped(client, "/api/v3/koonto/events/")
    again = gzipped(client, "/api/v3/koonto/events/", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304


def test_the_page_cache_serves_gzipped_and_plain_clients_from_one_copy(client, event, settings):
    settings.KOONTO_PAGE_CACHE = True
    plain = client.get("/api/v2/pages/?fields=*")
    packed = gzipped(client, "/api/v2/pages/?fields=*")

    assert packed["X-Koonto-Cache"] == "hit" and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    again = client.get("/api/v2/pages/?fields=*")
    assert again["X-Koonto-Cache"] == "hit" and "Content-Encoding" not in again.headers
    assert again.content == plain.content


@pytest.mark.parametrize(
    "path", ["/api/v2/pages/?fields=*", "/api/v3/koonto/events/", "/api/v3/pages/", "/api/v2/pages/?colour=1"]
)
def test_json_is_compact(client, event, path):
    content = client.get(path).content
    assert b"\n" not in content and b'": ' not in content and b'", "' not in content


def test_date_times_have_one_format_in_v2_and_v3(client, event):
    v2 = client.get(f"/api/v2/pages/{event.pk}/").json()
    wagtail_v3 = client.get(f"/api/v3/pages/{event.pk}/").json()
    koonto_v3 = client.get(f"/api/v3/koonto/events/{event.pk}/").json()

    assert v2["meta"]["first_published_at"] == wagtail_v3["meta"]["first_published_at"]
    assert v2["meta"]["last_published_at"] == koonto_v3["last_published_at"]
    assert v2["starts_at"] == wagtail_v3["starts_at"] == koonto_v3["starts_at"] == "2030-03-02T13:00:00+02:00"
    assert v2["meta"]["last_published_at"].endswith("+02:00")
    listing = client.get("/api/v2/pages/?type=events.EventPage&fields=last_published_at").json()
    assert listing["items"][0]["meta"]["last_published_at"] == v2["meta"]["last_published_at"]
    assert json.dumps(wagtail_v3).count('Z"') == 0
