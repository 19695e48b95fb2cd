"""Rank entries (search/ranking.py): kept beside the search index, so a search does no linguistics
and costs the same number of queries however many pages it matches."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Locale

from guides.models import FundingCallPage
from search.engine import run_search
from search.models import RankEntry
from tests.factories import EventPageFactory, ShowcasePageFactory

pytestmark = pytest.mark.django_db


def finnish(query: str, **filters):
    return run_search(query, Locale.objects.get(language_code="fi"), filters)


def test_publishing_writes_the_normalised_title_and_summary(pages):
    entry = RankEntry.objects.get(page=pages["first"])
    assert entry.title_words == "kylatalo"
    assert entry.summary_words == "yhdistysten kylatalo"
    assert set(entry.summary_bases.split()) == {"yhdistys", "kylatalo"}
    assert set(entry.summary_parts.split()) >= {"kyla", "talo"}


def test_facets_follow_tag_and_municipality_rows_changed_without_publishing(pages, iisalmi):
    """A translation's tags are rewritten when its source is published (koonto/localised_tags.py), without
    the translation being indexed again: facets are read at search time."""
    from guides.models import GuidePageTag
    from showcase.models import ShowcaseMunicipality

    GuidePageTag.objects.create(content_object=pages["guide"], tag=Tag.objects.create(name="uusi", slug="uusi"))
    ShowcaseMunicipality.objects.create(page=pages["first"], municipality=iisalmi)
    outcome = finnish("yhdistys")
    assert {f.value: f.count for f in outcome.facets["tag"]}["uusi"] == 1
    assert {f.value: f.count for f in outcome.facets["municipality"]}["140"] == 2  # was 1


def test_tags_chosen_in_the_editor_count_from_the_first_publish(showcase_index, publish):
    """In the editor, tags live in the page's cluster until it is saved, after the index saw it."""
    page = ShowcasePageFactory(parent=showcase_index, title="Kylätalo", slug="kt")
    page.tags.add("talkoot")
    publish(page)
    assert [hit.title for hit in finnish("kylätalo", tag="talkoot").hits] == ["Kylätalo"]
    assert [hit.title for hit in finnish("talkoot").hits] == ["Kylätalo"]  # the tag's words are searchable


def test_a_renamed_tag_shows_its_new_name_without_reindexing(pages):
    tag = Tag.objects.get(name="kylät")
    Tag.objects.filter(pk=tag.pk).update(name="Kylät ja taajamat")
    facet = {f.value: f.label for f in finnish("yhdistys").facets["tag"]}
    assert facet[tag.slug] == "Kylät ja taajamat"


def test_pages_indexed_before_rank_entries_existed_get_one_when_found(pages):
    before = [(hit.title, hit.score, hit.tags) for hit in finnish("yhdistys").hits]
    RankEntry.objects.all().delete()
    assert [(hit.title, hit.score, hit.tags) for hit in finnish("yhdistys").hits] == before
    assert RankEntry.objects.filter(page__in=[page.pk for page in pages.values()]).count() == 4


def test_update_index_rebuilds_the_rank_entries(pages):
    RankEntry.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert RankEntry.objects.filter(page=pages["guide"]).exists()


def test_deleting_a_page_deletes_its_entry(pages):
    pk = pages["event"].pk
    pages["event"].delete()
    assert not RankEntry.objects.filter(page_id=pk).exists()


@pytest.mark.parametrize("query", ["iltapäivä", "iltapäivä ei-löydy-mitään"])
def test_a_search_costs_the_same_queries_for_3_and_30_matches(event_index, publish, kuopio, query):
    def count() -> int:
        finnish(query)  # per-process lookups (content types) are warm, as in a running site
        with CaptureQueriesContext(connection) as queries:
            finnish(query)
        return len(queries)

    def add(numbers):
        for number in numbers:
            page = EventPageFactory(parent=event_index, title=f"Iltapäivä {number}", slug=f"a-{number}", municipality=kuopio)
            page.tags.add(f"aihe {number}")
            publish(page)

    add(range(3))
    small = count()
    add(range(3, 30))
    assert count() == small


@pytest.mark.postgres
def test_postgresql_matches_through_the_title_and_body_index(pages):
    """Wagtail matches `(title || body) @@ query`; without an index on that expression PostgreSQL
    guesses one matching row and a two-word search took seconds on 10,000 pages (migration 0003)."""
    from search.engine import public_pages, search_pages

    queryset = search_pages(public_pages(Locale.objects.get(language_code="fi")), ["yhdistys", "kylatalo"])
    expression = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert expression in str(queryset.query)  # the expression the index is built on
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few test rows: make the planner show it can
        cursor.execute(f"EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE {expression} to_tsquery('simple', 'yhdistys')")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "koonto_indexentry_title_body_gin" in plan, plan


def test_facets_are_the_same_read_by_id_or_for_the_whole_language(pages, monkeypatch, en_locale):
    """Many hits: the facet rows of the whole language are read instead of by id (MAX_ID_PARAMETERS)."""
    from search import engine

    by_id = finnish("yhdistys").facets
    assert by_id["tag"] and by_id["municipality"]
    monkeypatch.setattr(engine, "MAX_ID_PARAMETERS", 0)
    assert finnish("yhdistys").facets == by_id


# --- Snippet texts: kept in the entry, so showing results reads no page model ---------------------


def test_publishing_keeps_the_texts_a_snippet_quotes(pages):
    assert RankEntry.objects.get(page=pages["first"]).snippet_texts == ["Yhdistysten kylätalo."]


def test_a_republished_page_shows_its_new_text_in_the_snippet(client, pages, publish):
    page = pages["first"]
    page.summary = "Yhdistysten uusi kylätalo."
    publish(page)
    html = client.get("/fi/search/", {"q": "yhdistys"}).content.decode()
    assert "<mark>Yhdistysten</mark> uusi kylätalo." in html
    assert "<mark>Yhdistysten</mark> kylätalo." not in html


def test_an_entry_kept_before_snippet_texts_gets_them_when_shown(client, pages):
    RankEntry.objects.update(snippet_texts=None)
    html = client.get("/fi/search/", {"q": "yhdistys"}).content.decode()
    assert "<mark>Yhdistysten</mark> kylätalo." in html
    assert RankEntry.objects.get(page=pages["first"]).snippet_texts == ["Yhdistysten kylätalo."]


def test_a_call_result_shows_its_status_now(client, calls):
    html = client.get("/fi/search/", {"q": "avustushaku"}).content.decode()
    assert html.count('class="search-result__status"') == 2
    statuses = re.findall(r'class="search-result__status">([^<]+)<', html)
    with translation.override("fi"):
        assert statuses == [str(FundingCallPage.Status.OPEN.label), str(FundingCallPage.Status.CLOSED.label)]
