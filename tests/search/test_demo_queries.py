"""A Finnish visitor finds what they mean in whatever form they type it: the demo content, searched
with the queries of tests/search/demo_queries.py. CI runs this on SQLite and on PostgreSQL.

The demo is loaded once for the module inside a transaction that is rolled back at the end, so
it costs one `load_demo` per database and leaks into no other test.
"""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale

from search.engine import run_search
from tests.search.demo_queries import ENGLISH_QUERIES, FINNISH_QUERIES


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            # wagtail-localize and the search index update on commit: run those callbacks now.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def titles_found(query: str, language: str) -> list[str]:
    return [hit.title for hit in run_search(query, Locale.objects.get(language_code=language)).hits]


def test_the_table_has_enough_finnish_queries():
    assert len(FINNISH_QUERIES) >= 25


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "title", "why"), FINNISH_QUERIES, ids=[row[0] for row in FINNISH_QUERIES])
def test_finnish_query_finds_the_page(demo, query, title, why):
    assert title in titles_found(query, "fi"), why


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "title", "why"), ENGLISH_QUERIES, ids=[row[0] for row in ENGLISH_QUERIES])
def test_english_query_finds_the_page(demo, query, title, why):
    assert title in titles_found(query, "en"), why


@pytest.mark.django_db
def test_finnish_queries_find_only_finnish_pages_and_english_only_english(demo):
    english_titles = {title for _query, title, _why in ENGLISH_QUERIES}
    finnish_titles = {title for _query, title, _why in FINNISH_QUERIES}
    assert not english_titles & set(titles_found("workshops", "fi"))
    assert not finnish_titles & set(titles_found("työpaja", "en"))


@pytest.mark.django_db
def test_a_page_that_names_the_word_in_its_title_comes_first(demo):
    assert titles_found("työpajoissa", "fi")[0] == "Työpajatoimintaa Lieksassa"
    assert titles_found("hankehakuun", "fi")[0] == "Seuraava hankehaku 15.1.2024"


@pytest.mark.django_db
def test_search_page_shows_demo_results_with_type_labels_and_highlighted_snippets(demo, client):
    response = client.get("/en/search/", {"q": "workshops"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Workshop activities in Lieksa" in html
    assert "Project showcase" in html
    assert "<mark>workshop</mark>" in html.lower()
