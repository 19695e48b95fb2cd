"""Breadcrumbs: Home › Section › Page below the home page (the BreadcrumbList is JSON-LD: tests/test_structured_data.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ShowcasePageFactory

pytestmark = pytest.mark.django_db


def breadcrumbs(html: str) -> str:
    found = re.search(r'<nav class="breadcrumbs wrap" aria-label="[^"]+">(.*?)</nav>', html, re.S)
    return found.group(1) if found else ""


def items(nav: str) -> list[tuple[str, str, str]]:
    """(href, name, position) of each link in the visible trail."""
    links = re.findall(r'<li><a href="([^"]+)"[^>]*>([^<]+)</a></li>', nav)
    return [(href, name, str(position)) for position, (href, name) in enumerate(links, start=1)]


def test_showcase_page_has_home_section_page_trail(client, home, showcase_index):
    project = ShowcasePageFactory(parent=showcase_index, title="Hanaa!")
    html = client.get(project.url).content.decode()
    nav = breadcrumbs(html)
    assert "itemtype" not in nav  # one BreadcrumbList per page: the JSON-LD in the head
    trail = items(nav)
    assert [(href, pos) for href, _, pos in trail] == [(home.url, "1"), (showcase_index.url, "2"), (project.url, "3")]
    assert [name for _, name, _ in trail][1:] == ["Hanke-esittelyt", "Hanaa!"]
    assert nav.count('aria-current="page"') == 1
    assert f'<a href="{project.url}" aria-current="page">' in nav
    assert "<script" not in nav
    # Inside <main>, before the page's own content.
    assert html.index('<main id="main"') < html.index('class="breadcrumbs') < html.index("<h1>")


def test_section_page_has_a_two_item_trail(client, home, showcase_index):
    trail = items(breadcrumbs(client.get(showcase_index.url).content.decode()))
    assert [(href, pos) for href, _, pos in trail] == [(home.url, "1"), (showcase_index.url, "2")]


def test_home_page_has_no_breadcrumbs(client, home):
    html = client.get(home.url).content.decode()
    assert "breadcrumbs" not in html and "BreadcrumbList" not in html


def test_english_page_trail_is_in_english(client, home, showcase_index, en_locale, en_home):
    en_index = showcase_index.copy_for_translation(en_locale)
    en_index.title = "Project showcases"
    en_index.save_revision().publish()
    html = client.get(en_index.url).content.decode()
    trail = items(breadcrumbs(html))
    assert trail == [(en_home.url, "Home", "1"), (en_index.url, "Project showcases", "2")]


def test_breadcrumbs_cost_one_query(client, home, showcase_index):
    """Rendering the trail fetches the ancestors once, however deep the page."""
    project = ShowcasePageFactory(parent=showcase_index, title="Hanaa!")
    client.get(project.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(project.url)
    # Wagtail's own serving also looks up ancestors (ids only); the trail is the query that reads titles.
    ancestor_queries = [
        q for q in queries if '"wagtailcore_page"."path" IN' in q["sql"] and '"wagtailcore_page"."title"' in q["sql"]
    ]
    assert len(ancestor_queries) == 1
