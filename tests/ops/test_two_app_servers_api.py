"""Two app servers sharing Redis: API fields kept by one (api.serialised, ops.contentcache) are
never served stale by the other.

Server B serialises the page (and keeps its fields in Redis) for requests the page cache does not
store (jQuery's `_=` cache-buster: answered, never stored whole), then a change is published or
unpublished through server A; B's very next answer shows it. The servers and their Redis prefix
are those of tests/ops/test_two_app_servers.py (its fixtures, started afresh for this module).
"""

import itertools
import json

import pytest

from tests.ops.conftest import get
from tests.ops.test_two_app_servers import api, cache_prefix, servers  # noqa: F401 - fixtures used below

_busting = itertools.count(1)


def api_v2(server, path: str) -> tuple[int, dict | None]:
    """An API v2 answer as a headless client with its own query string gets it (never a stored page)."""
    separator = "&" if "?" in path else "?"
    status, headers, body = get(f"{server.url}/api/v2{path}{separator}_={next(_busting)}")
    assert "X-Koonto-Cache" not in headers or headers["X-Koonto-Cache"] != "hit"
    return status, json.loads(body) if status == 200 else None


def titles(server) -> dict[int, str]:
    status, data = api_v2(server, "/pages/?type=home.StandardPage&fields=title")
    assert status == 200
    return {item["id"]: item["title"] for item in data["items"]}


@pytest.mark.postgres
def test_api_fields_kept_through_one_server_follow_a_publication_through_the_other(servers):  # noqa: F811
    server_a, server_b, summary = servers
    token, page_id = summary["token"], summary["page_id"]
    for _ in range(2):  # the second answer's fields come from the shared cache
        before = titles(server_b)[page_id]
        assert api_v2(server_b, f"/pages/{page_id}/")[1]["title"] == before

    change = {"meta": {"type": "home.StandardPage", "action": "publish"}, "title": "Uusi API-otsikko"}
    status, _headers, body = api(server_a, token, "PATCH", f"/pages/{page_id}/", change)
    assert status == 200, body[:2000]
    assert titles(server_b)[page_id] == "Uusi API-otsikko"
    assert api_v2(server_b, f"/pages/{page_id}/")[1]["title"] == "Uusi API-otsikko"

    status, _headers, body = api(server_a, token, "POST", f"/pages/{page_id}/actions/unpublish/")
    assert status == 200, body[:2000]
    assert page_id not in titles(server_b)
    assert api_v2(server_b, f"/pages/{page_id}/")[0] == 404

    status, _headers, body = api(server_a, token, "POST", f"/pages/{page_id}/actions/publish/")
    assert status == 200, body[:2000]
    assert titles(server_b)[page_id] == "Uusi API-otsikko"
