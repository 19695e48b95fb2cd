"""The showcase index: filters in the query string, counts, pagination, bad input and query cost."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koonto.listing import ListingState, clean_choice, paginate
from koonto.models import Municipality, Theme
from showcase.models import ShowcaseMunicipality, ShowcaseTargetGroup, ShowcaseTheme
from tests.factories import ShowcasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(fi_locale, en_locale):
    return {
        "osallisuus": Theme.objects.create(name="Osallisuus", slug="osallisuus", locale=fi_locale),
        "tyollisyys": Theme.objects.create(name="Työllisyys", slug="tyollisyys", locale=fi_locale),
        "inclusion": Theme.objects.create(name="Inclusion", slug="inclusion", locale=en_locale),
    }


def make_showcase(index, *, municipalities=(), themes=(), groups=(), period="2021-2027", **kwargs):
    page = ShowcasePageFactory(parent=index, programme_period=period, **kwargs)
    for code in municipalities:
        ShowcaseMunicipality.objects.create(page=page, municipality=Municipality.objects.get(code=code))
    for theme in themes:
        ShowcaseTheme.objects.create(page=page, theme=theme, locale=page.locale)
    for group in groups:
        ShowcaseTargetGroup.objects.create(page=page, group=group)
    return page


@pytest.fixture
def projects(showcase_index, themes):
    """Four projects that differ in one respect each from their neighbours."""
    return {
        "kuopio_youth": make_showcase(
            showcase_index,
            title="Kuopion nuoret",
            municipalities=["297"],
            themes=[themes["osallisuus"]],
            groups=["young_people"],
            period="2014-2020",
        ),
        "kuopio_iisalmi_work": make_showcase(
            showcase_index,
            title="Töihin Savossa",
            municipalities=["297", "140"],
            themes=[themes["tyollisyys"]],
            groups=["unemployed", "young_people"],
        ),
        "iisalmi_youth": make_showcase(
            showcase_index,
            title="Iisalmen nuoret",
            municipalities=["140"],
            themes=[themes["osallisuus"], themes["tyollisyys"]],
            groups=["young_people"],
        ),
        "varkaus": make_showcase(
            showcase_index, title="Varkauden perheet", municipalities=["915"], groups=["children_families"], period="2014-2020"
        ),
    }


def listed(response) -> set[str]:
    return {page.title for page in response.context["showcases"]}


def result_count(html: str) -> int:
    return int(re.search(r'<p class="result-count">(\d+) ', html).group(1))


def pager_position(html: str) -> tuple[int, int]:
    """(current page, number of pages) from the pager's "Page X of Y" in whatever language."""
    text = re.search(r'<li class="pager__current">([^<]*)</li>', html).group(1)
    current, total = re.findall(r"\d+", text)
    return int(current), int(total)


def get(client, index, query: str = ""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return response


def options(response, name: str) -> dict[str, int]:
    """The counts the form shows for each option of one filter."""
    (field,) = [f for f in response.context["filters"] if f.name == name]
    return {option.value: option.count for option in field.options}


def test_unfiltered_list_shows_everything_with_its_count(client, showcase_index, projects):
    response = get(client, showcase_index)
    assert listed(response) == {p.title for p in projects.values()}
    html = response.content.decode()
    assert result_count(html) == 4
    assert '<form class="filters" method="get"' in html
    for name in ("municipality", "theme", "group", "period"):
        assert f'<label for="filter-{name}">' in html and f'<select id="filter-{name}" name="{name}">' in html
    assert "filters__clear" not in html
    assert "listing-messages" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?municipality=297", {"kuopio_youth", "kuopio_iisalmi_work"}),
        ("?theme=osallisuus", {"kuopio_youth", "iisalmi_youth"}),
        ("?group=young_people", {"kuopio_youth", "kuopio_iisalmi_work", "iisalmi_youth"}),
        ("?period=2014-2020", {"kuopio_youth", "varkaus"}),
    ],
)
def test_each_filter_alone(client, showcase_index, projects, query, expected):
    response = get(client, showcase_index, query)
    assert listed(response) == {projects[key].title for key in expected}
    html = response.content.decode()
    assert result_count(html) == len(expected)
    assert 'class="filters__clear"' in html
    assert "listing-messages" not in html


def test_filters_combine(client, showcase_index, projects):
    response = get(client, showcase_index, "?municipality=140&theme=tyollisyys&group=young_people&period=2021-2027")
    assert listed(response) == {projects["kuopio_iisalmi_work"].title, projects["iisalmi_youth"].title}
    response = get(client, showcase_index, "?municipality=297&theme=osallisuus&group=young_people&period=2014-2020")
    assert listed(response) == {projects["kuopio_youth"].title}
    html = response.content.decode()
    assert result_count(html) == 1
    assert '<option value="297" selected>Kuopio (1)</option>' in html


def test_a_project_in_two_matching_places_is_listed_once(client, showcase_index, projects):
    response = get(client, showcase_index, "?group=young_people&theme=tyollisyys")
    titles = [page.title for page in response.context["showcases"]]
    assert sorted(titles) == sorted([projects["kuopio_iisalmi_work"].title, projects["iisalmi_youth"].title])


def test_option_counts_follow_the_other_filters(client, showcase_index, projects):
    response = get(client, showcase_index)
    assert options(response, "municipality") == {"297": 2, "140": 2, "915": 1}
    assert options(response, "theme") == {"osallisuus": 2, "tyollisyys": 2}  # the English theme is not offered
    assert options(response, "group") == {"young_people": 3, "unemployed": 1, "children_families": 1}
    assert options(response, "period") == {"2014-2020": 2, "2021-2027": 2}

    response = get(client, showcase_index, "?municipality=297")
    # A filter's own counts ignore its current choice, so the reader sees what switching would give.
    assert options(response, "municipality") == {"297": 2, "140": 2, "915": 1}
    assert options(response, "theme") == {"osallisuus": 1, "tyollisyys": 1}
    assert options(response, "period") == {"2014-2020": 1, "2021-2027": 1}


def test_a_valid_choice_without_results_stays_selected(client, showcase_index, projects):
    response = get(client, showcase_index, "?municipality=749")
    assert listed(response) == set()
    html = response.content.decode()
    assert '<option value="749" selected>Siilinjärvi (0)</option>' in html
    assert result_count(html) == 0
    assert "listing-messages" not in html


@pytest.mark.parametrize(
    ("query", "bad_value"),
    [
        ("?municipality=999", "999"),
        ("?municipality=Kuopio", "Kuopio"),
        ("?theme=ei-ole", "ei-ole"),
        ("?theme=inclusion", "inclusion"),  # a theme of the English site, not of this Finnish list
        ("?group=pets", "pets"),
        ("?period=1995-1999", "1995-1999"),
    ],
)
def test_unknown_values_are_ignored_with_a_visible_message(client, showcase_index, projects, query, bad_value):
    response = get(client, showcase_index, query)
    assert listed(response) == {p.title for p in projects.values()}
    html = response.content.decode()
    message = re.search(r'<div class="listing-messages" role="status">(.*?)</div>', html, re.S)
    assert message and bad_value in message.group(1)


def test_a_bad_value_does_not_spoil_the_good_ones(client, showcase_index, projects):
    response = get(client, showcase_index, "?municipality=999&period=2014-2020")
    assert listed(response) == {projects["kuopio_youth"].title, projects["varkaus"].title}
    assert "999" in response.content.decode()
    assert dict(response.context["listing_query"].lists()) == {"period": ["2014-2020"]}


@pytest.fixture
def thirteen(showcase_index):
    return [make_showcase(showcase_index, municipalities=["297"]) for _ in range(13)]


def test_pages_of_twelve_with_previous_and_next_links_that_keep_the_filters(client, showcase_index, thirteen):
    first = get(client, showcase_index, "?municipality=297")
    assert len(first.context["showcases"]) == 12
    html = first.content.decode()
    assert pager_position(html) == (1, 2) and 'rel="prev"' not in html
    next_href = re.search(r'<a rel="next" href="([^"]+)"', html).group(1)
    assert parse_qs(urlsplit(next_href.replace("&amp;", "&")).query) == {"municipality": ["297"], "page": ["2"]}
    assert '<nav class="pager" aria-label="' in html

    second = get(client, showcase_index, "?municipality=297&page=2")
    assert len(second.context["showcases"]) == 1
    html = second.content.decode()
    assert pager_position(html) == (2, 2) and 'rel="next"' not in html
    prev_href = re.search(r'<a rel="prev" href="([^"]+)"', html).group(1)
    assert parse_qs(urlsplit(prev_href.replace("&amp;", "&")).query) == {"municipality": ["297"], "page": ["1"]}


@pytest.mark.parametrize(("page", "expected_number"), [("abc", 1), ("0", 1), ("-3", 1), ("99999", 2)])
def test_impossible_page_numbers_give_the_nearest_page_with_a_message(client, showcase_index, thirteen, page, expected_number):
    response = get(client, showcase_index, f"?page={page}")
    assert response.context["page_obj"].number == expected_number
    html = response.content.decode()
    assert "listing-messages" in html and page in html


def test_no_pagination_for_one_page(client, showcase_index, projects):
    assert "pager" not in get(client, showcase_index).content.decode()


def test_cards_link_back_to_the_same_filtered_page(client, showcase_index, thirteen):
    html = get(client, showcase_index, "?municipality=297&page=2&municipality_extra=x").content.decode()
    hrefs = re.findall(r'<h2 class="card__title"><a href="([^"]+)"', html)
    assert len(hrefs) == 1
    url = urlsplit(hrefs[0].replace("&amp;", "&"))
    assert url.path == thirteen[0].url
    assert parse_qs(url.query) == {"from": ["municipality=297&page=2"]}

    detail = client.get(hrefs[0].replace("&amp;", "&")).content.decode()
    back = re.search(r'<p class="back-link"><a href="([^"]+)">', detail).group(1)
    back_url = urlsplit(back.replace("&amp;", "&"))
    assert back_url.path == showcase_index.url
    assert parse_qs(back_url.query) == {"municipality": ["297"], "page": ["2"]}
    assert listed(client.get(back.replace("&amp;", "&"))) == {thirteen[0].title}


@pytest.mark.parametrize("evil", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_back_link_never_leaves_the_list(client, showcase_index, projects, evil):
    detail = client.get(projects["varkaus"].url, {"from": evil}).content.decode()
    back = re.search(r'<p class="back-link"><a href="([^"]+)">', detail).group(1)
    url = urlsplit(back)
    assert not url.scheme and not url.netloc
    assert url.path == showcase_index.url
    assert "//" not in url.query and ":" not in url.query
    assert get(client, showcase_index, "?" + url.query).status_code == 200


def test_back_link_without_filters_goes_to_the_plain_list(client, showcase_index, projects):
    detail = client.get(projects["varkaus"].url).content.decode()
    assert f'<p class="back-link"><a href="{showcase_index.url}">' in detail


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_projects(index, themes, count: int) -> None:
    for n in range(count):
        make_showcase(
            index,
            municipalities=["297", "140"] if n % 2 else ["915"],
            themes=[themes["osallisuus"]],
            groups=["young_people", "unemployed"],
            period="2014-2020" if n % 3 else "2021-2027",
        )


@pytest.mark.parametrize("query", ["", "?group=young_people&theme=osallisuus", "?municipality=297&page=2"])
def test_query_count_is_the_same_for_5_and_50_projects(client, showcase_index, themes, django_assert_max_num_queries, query):
    url = showcase_index.url + query
    make_projects(showcase_index, themes, 5)
    client.get(url)  # warm the site and locale caches
    small = count_queries(client, url)
    make_projects(showcase_index, themes, 45)
    client.get(url)  # new content dropped the cached menu, footer and registers: warm them again
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= 12


@pytest.mark.parametrize(
    ("raw", "number", "has_message"),
    [("", 1, False), ("2", 2, False), (" 3 ", 3, False), ("abc", 1, True), ("0", 1, True), ("-1", 1, True), ("4", 3, True)],
)
def test_paginate_gives_the_nearest_page(raw, number, has_message):
    state = ListingState()
    page = paginate(list(range(30)), {"page": raw}, state)
    assert (page.number, bool(state.messages)) == (number, has_message)
    assert page.paginator.per_page == 12


def test_paginate_an_empty_list_is_one_empty_page():
    state = ListingState()
    page = paginate([], {"page": "5"}, state)
    assert page.number == 1 and list(page) == []


def test_long_bad_values_are_shortened_in_messages():
    state = ListingState()
    clean_choice({"group": "x" * 5000}, "group", {"young_people"}, state, "%(value)s")
    assert state.values == {"group": ""} and len(state.messages[0]) == 40


INDEX_BUDGET = 15  # issue 9: uncached queries of a filtered showcase index


@pytest.mark.parametrize("query", ["?municipality=297", "?municipality=297&theme=osallisuus&group=young_people&period=2014-2020"])
def test_filtered_index_stays_within_budget_for_5_and_50_projects(client, site, showcase_index, themes, query):
    def steady_count(url):
        client.get(url)
        client.get(url)  # the first request also creates the site settings (a new cache generation)
        return count_queries(client, url)

    url = showcase_index.url + query
    make_projects(showcase_index, themes, 5)
    small = steady_count(url)
    make_projects(showcase_index, themes, 45)
    assert steady_count(url) == small
    assert small <= INDEX_BUDGET


def test_counts_follow_a_renamed_theme_and_an_unknown_code_is_noted(client, showcase_index, projects, themes):
    client.get(showcase_index.url)  # the themes are now kept in memory
    themes["osallisuus"].name = "Osallisuus ja yhteisöt"
    themes["osallisuus"].save()
    html = get(client, showcase_index, "?theme=osallisuus").content.decode()
    assert "Osallisuus ja yhteisöt" in html
    response = get(client, showcase_index, "?municipality=999")
    assert response.context["listing"].messages
