"""One error shape for v2 and v3 (RFC 9457 problem+json naming the parameter at fault), and an
OpenAPI document that declares every status the API sends, in English whatever the reader's
language (api/errors.py)."""

import json

import pytest

pytestmark = pytest.mark.django_db


def problem(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    data = response.json()
    assert {"type", "title", "status", "detail"} <= set(data)
    assert data["status"] == status
    return data


@pytest.mark.parametrize("path", ["/api/v3/", "/api/v3/nothing/", "/api/v3/koonto/", "/api/v2/"])
def test_the_api_roots_and_unknown_paths_are_json_404s(client, path):
    data = problem(client.get(path), 404)
    assert "/api/v3/openapi.json" in data["detail"]


def test_v2_406_is_a_problem_in_english(client, event):
    data = problem(client.get("/api/v2/pages/", HTTP_ACCEPT="application/xml", HTTP_ACCEPT_LANGUAGE="fi"), 406)
    assert data["detail"] == "Could not satisfy the request Accept header."


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/pages/?colour=blue", "colour"),
        ("/api/v2/pages/?order=nosuchfield", "order"),
        ("/api/v2/pages/?fields=nosuchfield", "fields"),
        ("/api/v2/pages/?type=nosuch.Model", "type"),
        ("/api/v2/pages/?child_of=999999", "child_of"),
        ("/api/v2/pages/?limit=abc", "limit"),
        ("/api/v3/koonto/events/?colour=1", "colour"),
        ("/api/v3/koonto/events/?locale=xx", "locale"),
        ("/api/v3/koonto/events/?type=nosuch", "type"),
    ],
)
def test_every_400_names_its_parameter(client, event, url, parameter):
    data = problem(client.get(url), 400)
    assert data["parameter"] == parameter
    assert data["detail"].startswith(f"{parameter}: ")


@pytest.fixture
def openapi(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_openapi_document_declares_the_error_statuses_with_the_problem_shape(openapi):
    assert openapi["components"]["schemas"]["Problem"]["required"] == ["type", "title", "status", "detail"]
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "304" in responses, (path, method)
            for status in ("400", "404"):
                assert responses[status]["content"]["application/problem+json"]["schema"] == problem_ref, (path, status)
            wrong_type = "400" if path.startswith("/api/v3/koonto/") else "422"
            assert wrong_type in responses, (path, method)


def test_the_public_document_lists_only_what_an_anonymous_client_can_call(openapi):
    methods = {method for operations in openapi["paths"].values() for method in operations}
    assert methods == {"get"}
    assert not [path for path in openapi["paths"] if path.startswith(("/api/v3/redirects/", "/api/v3/whoami"))]
    assert "/api/v3/pages/" in openapi["paths"] and "/api/v3/koonto/events/" in openapi["paths"]


def test_writes_appear_in_the_document_when_writes_are_on(client, settings):
    settings.KOONTO_API_WRITES = True
    document = client.get("/api/v3/openapi.json").json()
    assert "post" in document["paths"]["/api/v3/pages/"]


def test_the_openapi_document_is_english_whatever_the_reader_asks_for(client):
    finnish = client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE="fi").content
    english = client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE="en").content
    assert finnish == english
    # Help texts (descriptions) and verbose names (titles) in English, not the site's Finnish.
    text = json.dumps(json.loads(english), ensure_ascii=False)
    assert "0 means free of charge." in text and "Show In Menus" in text
    assert "Jätä tyhjäksi" not in text and "Näytä Valikoissa" not in text
