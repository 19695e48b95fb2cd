"""How browsers, feed readers and crawlers find the feeds: <link rel="alternate">, visible links, robots.txt."""

import re

import pytest

from tests.feeds.helpers import feed_url

pytestmark = pytest.mark.django_db


def alternates(response) -> set[tuple[str, str]]:
    """(type, href) of every <link rel="alternate"> that points to a feed."""
    html = response.content.decode()
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', html)
    return set(links)


def test_the_events_index_offers_the_calendar_and_the_rss_feed(client, site, event_index):
    response = client.get(event_index.url)
    assert alternates(response) == {("text/calendar", feed_url("calendar")), ("application/rss+xml", feed_url("events_feed"))}
    html = response.content.decode()
    subscribe = f'<a href="http://testserver{feed_url("calendar")}">Tilaa kalenteri</a>'
    english_subscribe = f'<a href="http://testserver{feed_url("calendar")}">Subscribe to the calendar</a>'
    assert subscribe in html or english_subscribe in html


def test_the_english_events_index_offers_the_english_feeds(client, site, event_index, english, publish_event):
    english_index = english(publish_event(title="Tapahtuma")).get_parent()
    response = client.get(english_index.url)
    assert ("text/calendar", feed_url("calendar", "en")) in alternates(response)
    assert f'<a href="http://testserver{feed_url("calendar", "en")}">Subscribe to the calendar</a>' in response.content.decode()


def test_the_showcase_and_guide_indexes_offer_their_feeds(client, site, showcase_index, guide_index):
    assert alternates(client.get(showcase_index.url)) == {("application/rss+xml", feed_url("showcases_feed"))}
    assert alternates(client.get(guide_index.url)) == {("application/rss+xml", feed_url("guides_feed"))}


def test_the_home_page_offers_every_rss_feed(client, site):
    assert alternates(client.get("/fi/")) == {
        ("application/rss+xml", feed_url(name)) for name in ("events_feed", "showcases_feed", "guides_feed")
    }


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /django-admin/" in lines
    assert "Allow: /" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not [line for line in lines if line.startswith("Disallow: /fi") or line == "Disallow: /"]
    # The public origin (KOONTO_PUBLIC_URL), whatever host or scheme the request came with.
    secure = client.get("/robots.txt", secure=True, headers={"host": "koonto.example"})
    assert "Sitemap: http://testserver/sitemap.xml" in secure.content.decode().splitlines()
