"""Seats left in the API (counts only, never cached), and nothing personal in the API, feeds,
search, the page cache or the request logs."""

import json
import logging

import pytest

from ops.logging import JsonFormatter
from tests.registrations.conftest import form_url, sign_up

pytestmark = pytest.mark.django_db

PERSONAL = ("Maija", "maija@example.org", "Pallokissat", "Gluteeniton")


def test_the_v2_and_v3_event_show_seats_left_and_are_not_stored(client, event, page_cache):
    sign_up(client, event, seats="2")
    client.cookies.clear()

    v2 = client.get(f"/api/v2/pages/{event.pk}/")
    registration = v2.json()["registration"]
    assert (registration["capacity"], registration["seats_left"], registration["open"]) == (3, 1, True)
    assert registration["form_url"] == f"http://testserver{form_url(event)}"
    assert "public" not in v2["Cache-Control"]

    v3 = client.get(f"/api/v3/koonto/events/{event.pk}/")
    assert v3.status_code == 200
    assert v3.json()["registration"]["seats_left"] == 1 and "public" not in v3["Cache-Control"]

    sign_up(client.__class__(), event, email="b@example.org")
    client.cookies.clear()
    assert client.get(f"/api/v3/koonto/events/{event.pk}/").json()["registration"]["seats_left"] == 0
    assert client.get(f"/api/v2/pages/{event.pk}/").json()["registration"]["seats_left"] == 0


def test_an_event_without_registration_says_null(client, event):
    event.registration_enabled = False
    event.save_revision().publish()
    assert client.get(f"/api/v2/pages/{event.pk}/").json()["registration"] is None
    assert client.get(f"/api/v3/koonto/events/{event.pk}/").json()["registration"] is None


def test_nothing_personal_in_the_api_feeds_search_or_cached_pages(client, event, page_cache):
    sign_up(client, event, needs="Gluteeniton ruokavalio")
    client.cookies.clear()
    urls = [
        f"/api/v2/pages/{event.pk}/",
        "/api/v2/pages/?search=Maija",
        f"/api/v3/koonto/events/{event.pk}/",
        "/api/v3/koonto/events/",
        event.url,
        event.url,  # the cached copy
        "/fi/kalenteri.ics",
        f"/fi/kalenteri/{event.pk}.ics",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for value in PERSONAL:
            assert value not in body, (url, value)
    for word in ("Maija", "Pallokissat", "Gluteeniton"):
        # The search page repeats the words searched for; nothing else of the registration appears.
        body = client.get(f"/fi/search/?q={word}").content.decode()
        for value in PERSONAL:
            assert value == word or value not in body, (word, value)


def test_no_request_log_line_holds_the_form_body_or_the_address(client, event, caplog):
    with caplog.at_level(logging.DEBUG):
        sign_up(client, event, needs="Gluteeniton ruokavalio")
        sign_up(client, event, email="broken")
    formatter = JsonFormatter()
    lines = [formatter.format(record) for record in caplog.records]
    assert lines
    for line in lines:
        json.loads(line)
        for value in PERSONAL:
            assert value not in line, line
