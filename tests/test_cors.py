"""CORS: only listed origins, only under /api/, only reads (django-cors-headers, settings/base.py)."""

import pytest

pytestmark = pytest.mark.django_db

ALLOWED = "https://app.example.fi"
OTHER = "https://evil.example.com"
API_PATHS = ["/api/preview/", "/api/v2/pages/"]


@pytest.fixture
def allowed_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED]


@pytest.mark.parametrize("path", API_PATHS)
def test_no_origin_is_allowed_by_default(client, site, path):
    response = client.get(path, HTTP_ORIGIN=ALLOWED)

    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("path", API_PATHS)
def test_allowed_origin_may_read_the_api(client, site, allowed_origin, path):
    response = client.get(path, HTTP_ORIGIN=ALLOWED)

    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "origin" in response["Vary"].lower()


def test_allowed_origin_gets_no_cors_on_public_pages(client, site, allowed_origin):
    response = client.get("/fi/", HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("path", [*API_PATHS, "/fi/"])
def test_other_origin_never_gets_cors(client, site, allowed_origin, path):
    response = client.get(path, HTTP_ORIGIN=OTHER)

    assert "Access-Control-Allow-Origin" not in response.headers


def test_preflight_allows_reads_only(client, site, allowed_origin):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    methods = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}
    assert "accept" in response["Access-Control-Allow-Headers"]


def test_preflight_from_other_origin_is_not_allowed(client, site, allowed_origin):
    response = client.options("/api/v2/pages/", HTTP_ORIGIN=OTHER, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")

    assert "Access-Control-Allow-Origin" not in response.headers
