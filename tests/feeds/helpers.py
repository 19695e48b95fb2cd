"""Fetching and reading the feeds as a subscriber's app would."""

import feedparser
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar


def feed_url(name: str, language: str = "fi", args=(), query: str = "") -> str:
    with translation.override(language):
        return reverse(name, args=args) + query


def get_calendar(client, language: str = "fi", query: str = "") -> Calendar:
    response = client.get(feed_url("calendar", language, query=query))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar: Calendar) -> dict[str, object]:
    """The calendar's VEVENTs by their plain summary text."""
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def get_rss(client, name: str, language: str = "fi"):
    response = client.get(feed_url(name, language))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def rss_titles(parsed) -> list[str]:
    return [entry.title for entry in parsed.entries]
