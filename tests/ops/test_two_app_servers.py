"""Two app servers behind one database: a publication shows through both at once.

A load balancer may send an editor to one app server and the next visitor to another; gunicorn
sends them to different worker processes on one machine too. With the shared cache (REDIS_URL,
PostgreSQL) the anonymous page cache and sessions are the same everywhere, so a page published,
changed or unpublished through server A is right through server B on the very next request,
although B has just served (and cached) the old version. Without Redis each process has a cache
of its own, keyed on the content generation in the database (ops.pagecache): the menu, and
the page cache when it is on, are just as right on the next request.
"""

import json
import re
import secrets
import time

import pytest
import redis

from tests.ops.conftest import AppServer, app_env, clone_test_database, copy_of_test_database, drop_database, get, seed

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture(scope="module")
def cache_prefix():
    """A key prefix of this module's own in a Redis database of its own; only its keys are removed."""
    prefix = f"koonto-ops-{secrets.token_hex(4)}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, cache_prefix, collected_static, tmp_path_factory):
    """Two gunicorn processes, one database, one Redis: (server A, server B, the seeded site)."""
    database = clone_test_database(django_db_blocker)
    tmp_path = tmp_path_factory.mktemp("two-servers")
    media = tmp_path / "media"
    env = app_env(database, media, collected_static)
    started = []
    try:
        summary = seed(env)
        env.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=cache_prefix, KOONTO_PAGE_CACHE="1", KOONTO_API_WRITES="1")
        started = [AppServer(env, tmp_path / "a.log"), AppServer(env, tmp_path / "b.log")]
        for server in started:
            server.wait_until_ready()
        yield (*started, summary)
    finally:
        for server in started:
            server.stop()
        drop_database(database)


def title_through(server: AppServer, path: str) -> tuple[int, str]:
    """Status and <title> of a page as an anonymous visitor sees it through one server."""
    status, _headers, body = get(server.url + path)
    text = body.decode()
    return status, text.split("<title>", 1)[-1].split("</title>", 1)[0] if "<title>" in text else ""


def api(server: AppServer, token: str, method: str, path: str, payload: dict | None = None):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    body = json.dumps(payload or {}).encode()
    return get(f"{server.url}/api/v3{path}", method=method, headers=headers, body=body)


@pytest.mark.postgres
def test_publishing_through_one_server_shows_through_the_other_at_once(servers):
    server_a, server_b, summary = servers
    token, page_id = summary["token"], summary["page_id"]
    # B serves the page twice: the second answer comes from the shared page cache.
    for _ in range(2):
        status, title = title_through(server_b, "/fi/tietoa/")
        assert status == 200 and "Tietoa Koonto-hankkeesta" in title

    change = {"meta": {"type": "home.StandardPage", "action": "publish"}, "title": "Uusi otsikko"}
    status, _headers, body = api(server_a, token, "PATCH", f"/pages/{page_id}/", change)
    assert status == 200, body[:2000]
    assert "Uusi otsikko" in title_through(server_b, "/fi/tietoa/")[1]

    status, _headers, body = api(server_a, token, "POST", f"/pages/{page_id}/actions/unpublish/")
    assert status == 200, body[:2000]
    assert title_through(server_b, "/fi/tietoa/")[0] == 404

    status, _headers, body = api(server_a, token, "POST", f"/pages/{page_id}/actions/publish/")
    assert status == 200, body[:2000]
    assert title_through(server_b, "/fi/tietoa/")[0] == 200


def lines_of_request(server: AppServer, request_id: str, wanted: set[str]) -> dict[str, dict]:
    """The JSON log lines (by logger) of one request; the access line is written just after the response."""
    deadline = time.monotonic() + 10
    while True:
        found = {line["logger"]: line for line in server.log_lines() if line.get("request_id") == request_id}
        if wanted <= found.keys() or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.mark.postgres
def test_app_servers_log_json_lines_with_the_request_id(servers):
    """What an operator greps for: every line of a request, found by the id the client saw."""
    server_a, _server_b, _summary = servers
    status, headers, _body = get(f"{server_a.url}/fi/ei-ole-olemassa/", headers={"X-Request-ID": "ops-test-0001"})
    assert status == 404 and headers["X-Request-ID"] == "ops-test-0001"
    status, headers, _body = get(f"{server_a.url}/healthz", headers={"X-Request-ID": "bad id\\x00"})
    generated = headers["X-Request-ID"]
    assert status == 200 and generated != "bad id\\x00"

    not_found = lines_of_request(server_a, "ops-test-0001", {"gunicorn.access", "django.request"})
    assert not_found.keys() >= {"gunicorn.access", "django.request"}
    assert not_found["gunicorn.access"]["http"]["status"] == 404
    health = lines_of_request(server_a, generated, {"gunicorn.access"})
    assert health["gunicorn.access"]["http"]["path"] == "/healthz"


# --- without Redis: a cache in each process, keyed on the database's content generation ---------


@pytest.fixture(scope="module")
def servers_without_redis(django_db_setup, django_db_blocker, collected_static, tmp_path_factory):
    """Two gunicorn processes on one database (SQLite or PostgreSQL, as the run), no shared cache.

    A has the production default without Redis (no page cache; the menu, footer and registers
    are still kept in its memory); B also keeps whole pages (KOONTO_PAGE_CACHE=1, in its memory).
    Their stderr is kept apart from stdout, to see where the logs go.
    """
    tmp_path = tmp_path_factory.mktemp("two-servers-without-redis")
    started = []
    with copy_of_test_database(django_db_blocker, tmp_path) as database_url:
        env = app_env("unused", tmp_path / "media", collected_static, DATABASE_URL=database_url)
        try:
            summary = seed(env)
            env.update(KOONTO_API_WRITES="1")
            started = [
                AppServer(env, tmp_path / "a.log", stderr_path=tmp_path / "a.err"),
                AppServer({**env, "KOONTO_PAGE_CACHE": "1"}, tmp_path / "b.log", stderr_path=tmp_path / "b.err"),
            ]
            for server in started:
                server.wait_until_ready()
            yield (*started, summary)
        finally:
            for server in started:
                server.stop()


def menu_through(server: AppServer) -> list[tuple[str, str]]:
    """The main menu's (link, title) pairs on the home page, as an anonymous visitor sees it."""
    status, _headers, body = get(server.url + "/fi/")
    assert status == 200
    menu = body.decode().split('class="main-menu"', 1)[-1].split("</nav>", 1)[0] if b'class="main-menu"' in body else ""
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', menu)


def test_without_redis_a_publication_through_one_server_shows_in_the_other_servers_menu_at_once(servers_without_redis):
    server_a, server_b, summary = servers_without_redis
    token, page_id = summary["token"], summary["page_id"]
    # Both servers have built (and kept) the menu; B has also kept the whole page.
    for server in (server_a, server_b, server_a, server_b):
        assert menu_through(server) == [("/fi/tietoa/", "Tietoa Koonto-hankkeesta")]

    change = {"meta": {"type": "home.StandardPage", "action": "publish"}, "title": "Uusi otsikko"}
    status, _headers, body = api(server_a, token, "PATCH", f"/pages/{page_id}/", change)
    assert status == 200, body[:2000]
    assert menu_through(server_b) == [("/fi/tietoa/", "Uusi otsikko")]
    assert menu_through(server_a) == [("/fi/tietoa/", "Uusi otsikko")]

    status, _headers, body = api(server_b, token, "POST", f"/pages/{page_id}/actions/unpublish/")
    assert status == 200, body[:2000]
    assert menu_through(server_a) == []
    assert menu_through(server_b) == []
    assert title_through(server_a, "/fi/tietoa/")[0] == 404

    status, _headers, body = api(server_a, token, "POST", f"/pages/{page_id}/actions/publish/")
    assert status == 200, body[:2000]
    assert menu_through(server_b) == [("/fi/tietoa/", "Uusi otsikko")]
    assert title_through(server_b, "/fi/tietoa/") == (200, title_through(server_a, "/fi/tietoa/")[1])


def test_app_servers_log_to_stdout(servers_without_redis):
    """Management commands log to stderr (their stdout is their output); app servers keep stdout."""
    server_a, _server_b, _summary = servers_without_redis
    status, _headers, _body = get(f"{server_a.url}/fi/ei-ole-olemassa/", headers={"X-Request-ID": "ops-stdout-0001"})
    assert status == 404

    lines = lines_of_request(server_a, "ops-stdout-0001", {"gunicorn.access", "django.request"})
    assert lines.keys() >= {"gunicorn.access", "django.request"}
    assert "ops-stdout-0001" not in (server_a.log_path.parent / "a.err").read_text()


# --- the chrome kept as HTML (koonto_tags.cached_fragment) through two processes ---------------


def chrome_through(server: AppServer, path: str) -> dict[str, str]:
    """The parts of a page kept as HTML until content changes: breadcrumbs, Open Graph title, hreflang."""
    status, _headers, body = get(server.url + path)
    assert status == 200
    text = body.decode()
    crumbs = text.split('class="breadcrumbs', 1)[-1].split("</nav>", 1)[0]
    return {
        "crumb": re.findall(r'aria-current="page">([^<]+)<', crumbs)[-1],
        "og_title": re.search(r'og:title" content="([^"]*)"', text).group(1),
        "english": 'hreflang="en"' in text.split("</head>", 1)[0],
    }


def check_chrome_follows_publications(server_a: AppServer, server_b: AppServer, summary: dict) -> None:
    token, page_id, en_page_id = summary["token"], summary["page_id"], summary["en_page_id"]
    for server in (server_a, server_b, server_a, server_b):  # both have built and kept the fragments
        assert chrome_through(server, "/fi/tietoa/")["english"]
    before = chrome_through(server_b, "/fi/tietoa/")["crumb"]

    change = {"meta": {"type": "home.StandardPage", "action": "publish"}, "title": f"{before} (päivitetty)"}
    status, _headers, body = api(server_a, token, "PATCH", f"/pages/{page_id}/", change)
    assert status == 200, body[:2000]
    for server in (server_b, server_a):
        chrome = chrome_through(server, "/fi/tietoa/")
        assert chrome["crumb"] == chrome["og_title"] == f"{before} (päivitetty)"

    status, _headers, body = api(server_a, token, "POST", f"/pages/{en_page_id}/actions/unpublish/")
    assert status == 200, body[:2000]
    assert not chrome_through(server_b, "/fi/tietoa/")["english"]
    status, _headers, body = api(server_b, token, "POST", f"/pages/{en_page_id}/actions/publish/")
    assert status == 200, body[:2000]
    assert chrome_through(server_a, "/fi/tietoa/")["english"]


def test_without_redis_the_kept_chrome_follows_a_publication_through_the_other_server(servers_without_redis):
    check_chrome_follows_publications(*servers_without_redis)


@pytest.mark.postgres
def test_with_redis_the_kept_chrome_follows_a_publication_through_the_other_server(servers):
    check_chrome_follows_publications(*servers)
