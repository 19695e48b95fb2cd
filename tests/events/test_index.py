"""The event index: type, month and municipality filters, the past archive, pagination and query cost."""

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koonto.listing import month_bounds, parse_month
from koonto.models import Municipality
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=HELSINKI)


def make_event(index, starts_at, *, code: str | None = None, **kwargs):
    municipality = Municipality.objects.get(code=code) if code else None
    return EventPageFactory(parent=index, starts_at=starts_at, municipality=municipality, **kwargs)


@pytest.fixture
def events(event_index):
    return {
        "kuopio_training": make_event(event_index, at(2030, 11, 5, 10), code="297", title="Koulutus Kuopiossa"),
        "iisalmi_training": make_event(event_index, at(2030, 12, 1, 0, 30), code="140", title="Koulutus Iisalmessa"),
        "kuopio_webinar": make_event(event_index, at(2030, 12, 10, 13), code="297", title="Webinaari", event_type="webinar"),
        "online_deadline": make_event(
            event_index, at(2031, 1, 15, 16), title="Hakuaika päättyy", event_type="deadline", ends_at=None
        ),
        "past_training": make_event(event_index, at(2020, 12, 3, 10), code="297", title="Vanha koulutus"),
        "older_webinar": make_event(event_index, at(2019, 5, 3, 10), title="Vanha webinaari", event_type="webinar"),
    }


def get(client, index, query: str = ""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


def options(response, name: str) -> dict[str, int]:
    (field,) = [f for f in response.context["filters"] if f.name == name]
    return {option.value: option.count for option in field.options}


def result_count(html: str) -> int:
    return int(re.search(r'<p class="result-count">(\d+) ', html).group(1))


def message(html: str) -> str:
    found = re.search(r'<div class="listing-messages" role="status">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


def test_upcoming_events_soonest_first_with_counts(client, event_index, events):
    response = get(client, event_index)
    assert titles(response) == ["Koulutus Kuopiossa", "Koulutus Iisalmessa", "Webinaari", "Hakuaika päättyy"]
    html = response.content.decode()
    assert result_count(html) == 4
    assert options(response, "type") == {"training": 2, "webinar": 1, "deadline": 1}
    assert options(response, "month") == {"2030-11": 1, "2030-12": 2, "2031-01": 1}
    assert options(response, "municipality") == {"297": 2, "140": 1}
    for name in ("type", "month", "municipality"):
        assert f'<label for="filter-{name}">' in html
    assert "filters__clear" not in html and not message(html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=training", ["Koulutus Kuopiossa", "Koulutus Iisalmessa"]),
        ("?month=2030-12", ["Koulutus Iisalmessa", "Webinaari"]),
        ("?municipality=297", ["Koulutus Kuopiossa", "Webinaari"]),
        ("?type=training&month=2030-12", ["Koulutus Iisalmessa"]),
        ("?type=webinar&month=2030-12&municipality=297", ["Webinaari"]),
        ("?type=training&municipality=915", []),
    ],
)
def test_filters_alone_and_combined(client, event_index, events, query, expected):
    response = get(client, event_index, query)
    assert titles(response) == expected
    html = response.content.decode()
    assert result_count(html) == len(expected)
    assert 'class="filters__clear"' in html and not message(html)


def test_option_counts_ignore_their_own_choice_and_follow_the_others(client, event_index, events):
    response = get(client, event_index, "?type=training")
    assert options(response, "type") == {"training": 2, "webinar": 1, "deadline": 1}
    assert options(response, "month") == {"2030-11": 1, "2030-12": 1}
    assert options(response, "municipality") == {"297": 1, "140": 1}


def test_past_archive_is_newest_first_and_filters_within_it(client, event_index, events):
    response = get(client, event_index, "?when=past")
    assert titles(response) == ["Vanha koulutus", "Vanha webinaari"]
    assert options(response, "month") == {"2020-12": 1, "2019-05": 1}
    assert list(options(response, "month")) == ["2020-12", "2019-05"]
    html = response.content.decode()
    assert '<input type="hidden" name="when" value="past">' in html
    assert "filters__clear" not in html  # the archive itself is not a filter

    response = get(client, event_index, "?when=past&type=webinar")
    assert titles(response) == ["Vanha webinaari"]
    html = response.content.decode()
    clear = re.search(r'<a class="filters__clear" href="([^"]+)"', html).group(1)
    assert clear == event_index.url + "?when=past"


def test_switching_between_upcoming_and_past_keeps_the_filters(client, event_index, events):
    html = get(client, event_index, "?type=webinar&month=2030-12").content.decode()
    link = re.search(r'<p class="more-link"><a href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert urlsplit(link).path == event_index.url
    assert parse_qs(urlsplit(link).query) == {"type": ["webinar"], "when": ["past"]}
    assert titles(client.get(link)) == ["Vanha webinaari"]


def test_month_is_a_calendar_month_in_finnish_time(client, event_index):
    make_event(event_index, at(2030, 12, 1, 0, 30), title="Heti joulukuun alussa")  # 22.30 UTC on 30 November
    make_event(event_index, at(2030, 11, 30, 23, 59), title="Marraskuun viimeinen")
    make_event(event_index, at(2030, 12, 31, 23, 59), title="Joulukuun viimeinen")
    make_event(event_index, at(2031, 1, 1, 0, 0), title="Tammikuun ensimmäinen")
    response = get(client, event_index, "?month=2030-12")
    assert titles(response) == ["Heti joulukuun alussa", "Joulukuun viimeinen"]
    assert options(response, "month") == {"2030-11": 1, "2030-12": 2, "2031-01": 1}


def test_month_bounds_follow_daylight_saving_time():
    start, end = month_bounds(parse_month("2030-03"))
    assert start.utcoffset() == timedelta(hours=2) and end.utcoffset() == timedelta(hours=3)
    start, end = month_bounds(parse_month("2030-12"))
    assert (start, end) == (at(2030, 12, 1), at(2031, 1, 1))


@pytest.mark.parametrize(
    "value", ["", "2026-13", "2026-00", "abc", "2026-1", "12-2026", "2026-12-01", "2026-12\n", "0001-01", "9999-12"]
)
def test_parse_month_accepts_only_real_months(value):
    assert parse_month(value) is None


@pytest.mark.parametrize(
    "query",
    ["?month=2026-13", "?month=abc", "?month=9999-12", "?type=party", "?municipality=999", "?municipality=abc", "?when=someday"],
)
def test_bad_values_are_ignored_with_a_visible_message(client, event_index, events, query):
    response = get(client, event_index, query)
    assert len(titles(response)) == 4
    bad_value = query.split("=", 1)[1]
    assert bad_value in message(response.content.decode())
    assert dict(response.context["listing_query"]) == {}


def test_valid_month_without_events_is_an_empty_list_without_a_message(client, event_index, events):
    response = get(client, event_index, "?month=2035-06")
    assert titles(response) == []
    html = response.content.decode()
    assert not message(html)
    assert '<option value="2035-06" selected>' in html


@pytest.fixture
def fourteen(event_index):
    return [make_event(event_index, at(2030, 1, 1, 10) + timedelta(days=n), code="297") for n in range(14)]


@pytest.mark.parametrize(("page", "expected_number"), [("abc", 1), ("0", 1), ("99999", 2), ("2", 2)])
def test_pagination_edges(client, event_index, fourteen, page, expected_number):
    response = get(client, event_index, f"?municipality=297&page={page}")
    assert response.context["page_obj"].number == expected_number
    html = response.content.decode()
    assert (page in message(html)) is (page != "2")
    assert len(titles(response)) == (12 if expected_number == 1 else 2)


def test_pagination_links_keep_filters(client, event_index, fourteen):
    html = get(client, event_index, "?municipality=297&month=2030-01").content.decode()
    href = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(href).query) == {"municipality": ["297"], "month": ["2030-01"], "page": ["2"]}


def test_back_to_list_keeps_filters_and_rejects_absolute_urls(client, event_index, fourteen):
    html = get(client, event_index, "?municipality=297&page=2").content.decode()
    card = re.search(r'<h3 class="card__title"><a href="([^"]+)"', html).group(1).replace("&amp;", "&")
    detail = client.get(card).content.decode()
    back = re.search(r'<p class="back-link"><a href="([^"]+)">', detail).group(1).replace("&amp;", "&")
    assert urlsplit(back).path == event_index.url
    assert parse_qs(urlsplit(back).query) == {"municipality": ["297"], "page": ["2"]}

    detail = client.get(fourteen[0].url, {"from": "https://evil.example/"}).content.decode()
    back = urlsplit(re.search(r'<p class="back-link"><a href="([^"]+)">', detail).group(1))
    assert (back.scheme, back.netloc, back.path) == ("", "", event_index.url)
    assert "//" not in back.query


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_events(index, count: int) -> None:
    codes = ["297", "140", None]
    for n in range(count):
        make_event(index, at(2030, 1 + n % 12, 1 + n % 27, 10), code=codes[n % 3], event_type="training" if n % 2 else "webinar")


@pytest.mark.parametrize("query", ["", "?type=training&municipality=297", "?when=past", "?month=2030-02&page=2"])
def test_query_count_is_the_same_for_5_and_50_events(client, event_index, django_assert_max_num_queries, query):
    url = event_index.url + query
    make_events(event_index, 5)
    client.get(url)  # warm the site and locale caches
    small = count_queries(client, url)
    make_events(event_index, 45)
    client.get(url)  # new content dropped the cached menu and footer: warm them again
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
