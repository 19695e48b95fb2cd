"""The search page, suggestions and the API's search: what visitors find and never find."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from search.engine import run_search
from search.models import ZeroResultHits
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.search.conftest import restrict

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="search-result__title" href="[^"]*">([^<]*)</a>', html)


def finnish_titles(query: str, **filters) -> list[str]:
    return [hit.title for hit in run_search(query, Locale.objects.get(language_code="fi"), filters).hits]


# --- Finding, by language and privacy ----------------------------------------------------------


def test_an_inflected_query_finds_pages_in_other_forms(client, pages):
    response = client.get("/fi/search/", {"q": "yhdistyksen"})
    assert response.status_code == 200
    assert set(result_titles(response)) == {"Opas yhdistyksille", "Kylätalo", "Nuorisotila", "Yhdistysilta"}


def test_results_are_only_in_the_visitors_language(client, pages, en_locale, publish):
    english = pages["guide"].copy_for_translation(en_locale, copy_parents=True)
    english.title, english.summary = "Guide for associations", "How an association applies."
    publish(english)
    assert "Guide for associations" in result_titles(client.get("/en/search/", {"q": "associations"}))
    assert "Guide for associations" not in finnish_titles("associations")
    assert "Opas yhdistyksille" not in result_titles(client.get("/en/search/", {"q": "yhdistys"}))


def test_drafts_private_pages_and_their_children_are_never_found(client, pages, event_index, publish):
    draft = EventPageFactory(parent=event_index, title="Yhdistysluonnos", live=False)
    draft.save_revision()
    private = publish(EventPageFactory(parent=event_index, title="Yhdistysten salainen ilta"))
    restrict(private)
    section = publish(EventIndexPageFactory(parent=event_index.get_parent(), title="Salaiset", slug="salaiset"))
    child = publish(EventPageFactory(parent=section, title="Yhdistysten salainen lapsi"))
    restrict(section)
    titles = result_titles(client.get("/fi/search/", {"q": "yhdistys"}))
    assert "Yhdistysilta" in titles
    for hidden in (draft, private, child):
        assert hidden.title not in titles
    api = client.get("/api/v2/pages/", {"search": "yhdistys", "locale": "fi"}).json()
    assert {item["id"] for item in api["items"]}.isdisjoint({draft.pk, private.pk, child.pk})


# --- Relevance -----------------------------------------------------------------------------------


def test_open_calls_come_before_closed_calls_with_the_same_words(calls):
    assert finnish_titles("avustushaku") == ["Avustushaku kylille", "Avustushaku kylille"]
    hits = run_search("avustushaku", Locale.objects.get(language_code="fi")).hits
    assert [hit.pk for hit in hits] == [calls["open"].pk, calls["closed"].pk]


def test_a_title_match_ranks_above_a_body_match(site, event_index, publish):
    titled = publish(EventPageFactory(parent=event_index, title="Kansantanssi", slug="tanssi"))
    publish(EventPageFactory(parent=event_index, title="Kesäjuhla", slug="juhla", venue="Kansantanssien lava"))
    assert finnish_titles("kansantanssi") == [titled.title, "Kesäjuhla"]


def test_the_word_as_typed_ranks_above_another_form_and_a_compound_part(site, event_index, publish):
    publish(EventPageFactory(parent=event_index, title="Rahoitushaku", slug="osa"))
    publish(EventPageFactory(parent=event_index, title="Haussa mukana", slug="muoto"))
    publish(EventPageFactory(parent=event_index, title="Haku alkaa", slug="sama"))
    assert finnish_titles("haku") == ["Haku alkaa", "Haussa mukana", "Rahoitushaku"]


# --- The page: labels, facets, snippets, promotions ----------------------------------------------


def test_results_show_type_labels_highlighted_snippets_and_facet_counts(client, pages):
    html = client.get("/en/search/", {"q": "yhdistys"}).content.decode()
    # English UI on an English page even though no English page matches: nothing found.
    assert "0 results" in html
    html = client.get("/fi/search/", {"q": "yhdistys"}).content.decode()
    assert "search-result--showcase" in html and "search-result--guide" in html and "search-result--event" in html
    assert "<mark>Yhdistysten</mark> kylätalo." in html
    assert re.search(r'<option value="showcase">[^<]+ \(2\)</option>', html)
    assert '<option value="kylat">kylät (2)</option>' in html
    assert re.search(r'<option value="297">Kuopio \(2\)</option>', html)
    assert re.search(r'<option value="140">Iisalmi \(1\)</option>', html)


def test_filters_narrow_results_and_each_facet_counts_with_the_other_filters(client, pages):
    response = client.get("/fi/search/", {"q": "yhdistys", "type": "showcase", "municipality": "297"})
    assert result_titles(response) == ["Kylätalo"]
    html = response.content.decode()
    # The type facet counts Kuopio's results of every type; the municipality facet counts showcases.
    assert re.search(r'<option value="event">[^<]+ \(1\)</option>', html)
    assert re.search(r'<option value="140">Iisalmi \(1\)</option>', html)
    assert finnish_titles("yhdistys", tag="rahoitus") == ["Opas yhdistyksille"]


def test_a_tag_filter_shared_before_slugs_were_ascii_still_filters(client, pages):
    """Tag slugs lost their ä/ö (koonto/migrations/0008): an old link's `tag=kylät` is `tag=kylat`."""
    old = result_titles(client.get("/fi/search/", {"q": "yhdistys", "tag": "kylät"}))
    assert old == result_titles(client.get("/fi/search/", {"q": "yhdistys", "tag": "kylat"}))
    assert len(old) == 2


def test_editors_picks_are_shown_first_for_their_query(client, pages):
    SearchPromotion.objects.create(query=Query.get("Tuki"), page=pages["second"], description="Katso tämä.")
    html = client.get("/fi/search/", {"q": "tuki"}).content.decode()
    promotions = html.split('class="search-promotions"')[1].split("</section>")[0]
    assert "Nuorisotila" in promotions and "Katso tämä." in promotions


def test_editors_picks_leave_out_private_pages(client, pages):
    restrict(pages["second"])
    SearchPromotion.objects.create(query=Query.get("tuki"), page=pages["second"])
    assert 'class="search-promotions"' not in client.get("/fi/search/", {"q": "tuki"}).content.decode()


def test_pagination_keeps_the_query_and_filters(client, site, event_index, publish):
    for number in range(12):
        publish(EventPageFactory(parent=event_index, title=f"Kerhoilta {number}", slug=f"kerho-{number}"))
    html = client.get("/fi/search/", {"q": "kerhoilta", "type": "event"}).content.decode()
    assert "q=kerhoilta&amp;type=event&amp;page=2" in html
    assert len(result_titles(client.get("/fi/search/", {"q": "kerhoilta", "page": "2"}))) == 2


def test_nothing_found_suggests_a_spelling_and_the_funding_guides(client, pages):
    html = client.get("/fi/search/", {"q": "yhdistyz"}).content.decode()
    assert '?q=yhdistys">yhdistys</a>' in html
    assert 'href="/fi/rahoitus/opas/"' in html


# --- Bad input ----------------------------------------------------------------------------------


BAD_INPUT = [
    {"q": ""},
    {"q": "   "},
    {"q": "yhdistys" * 250},
    {"q": "'; DROP TABLE wagtailcore_page; --"},
    {"q": "<script>alert('x')</script>"},
    {"q": '"yhdistys'},
    {"q": "yhdistys AND OR NOT NEAR *"},
    {"q": "😀🎉"},
    {"q": "yhdistys", "page": "999"},
    {"q": "yhdistys", "page": "kaksi"},
    {"q": "yhdistys", "page": "-1"},
    {"q": "yhdistys", "type": "<b>x</b>"},
    {"q": "yhdistys", "tag": "<i>x</i>", "municipality": "'"},
]

BAD_INPUT_MESSAGES = [
    ({"q": ""}, "Type a word or two to search for."),
    ({"q": "   "}, "Type a word or two to search for."),
    ({"q": "😀🎉"}, "Your search has no words to look for."),
    ({"q": "x" * 2000}, "only its first 200 characters were used"),
    ({"q": "yhdistys", "page": "999"}, "the last page is shown"),
    ({"q": "yhdistys", "page": "kaksi"}, "the first page is shown"),
    ({"q": "yhdistys", "type": "bogus"}, "results of every type are shown"),
]


def test_bad_input_gives_a_page_with_no_reflected_html(client, pages):
    """One test over the whole list: the pages are built once."""
    for params in BAD_INPUT:
        response = client.get("/en/search/", params)
        html = response.content.decode()
        assert response.status_code == 200, params
        assert "<script>alert" not in html and "<b>x</b>" not in html and "<i>x</i>" not in html, params


def test_bad_input_says_what_happened(client, pages):
    for params, message in BAD_INPUT_MESSAGES:
        assert message in client.get("/en/search/", params).content.decode(), params


# --- Suggestions and the API ---------------------------------------------------------------------


def test_suggestions_are_json_with_title_url_and_type(client, pages):
    first = client.get("/fi/search/suggest/", {"q": "kylä"}).json()["suggestions"][0]
    assert (first["title"], first["url"]) == ("Kylätalo", "/fi/hankkeet/kylatalo/")
    assert first["type"] in {"Project showcase", "Hanke-esittely"}
    assert client.get("/fi/search/suggest/", {"q": "<script>"}).json()["suggestions"] == []


def test_suggestions_also_find_inflected_forms(client, pages):
    titles = [item["title"] for item in client.get("/fi/search/suggest/", {"q": "nuorisotilassa"}).json()["suggestions"]]
    assert titles == ["Nuorisotila"]


def test_the_api_search_uses_the_same_base_forms(client, pages):
    data = client.get("/api/v2/pages/", {"search": "yhdistyksille", "locale": "fi", "type": "showcase.ShowcasePage"}).json()
    assert {item["title"] for item in data["items"]} == {"Kylätalo", "Nuorisotila"}
    assert client.get("/api/v2/pages/", {"search": "😀"}).status_code == 400


# --- The index follows publishing -----------------------------------------------------------------


def test_index_follows_publish_unpublish_and_move(client, pages, event_index, publish):
    assert "Yhdistysilta" in finnish_titles("ilta")
    pages["event"].unpublish()
    assert "Yhdistysilta" not in finnish_titles("ilta")
    publish(pages["event"])
    section = publish(EventIndexPageFactory(parent=event_index.get_parent(), title="Suljettu", slug="suljettu"))
    restrict(section)
    pages["event"].move(section, pos="last-child")
    assert "Yhdistysilta" not in finnish_titles("ilta")
    pages["guide"].refresh_from_db()
    pages["guide"].title = "Opas kyläilloille"
    publish(pages["guide"])
    assert "Opas kyläilloille" in finnish_titles("kyläilta")


def test_a_published_translation_is_found_in_its_language(pages, en_locale, django_capture_on_commit_callbacks):
    from wagtail_localize.operations import translate_object

    with django_capture_on_commit_callbacks(execute=True):
        translate_object(pages["guide"], [en_locale])
    english = pages["guide"].get_translation(en_locale).specific
    english.title = "Workshops for villages"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    hits = run_search("workshop", en_locale).hits
    assert [hit.title for hit in hits] == ["Workshops for villages"]


def test_update_index_rebuilds_the_index(pages):
    IndexEntry.objects.all().delete()
    assert finnish_titles("yhdistys") == []
    call_command("update_index", verbosity=0)
    assert len(finnish_titles("yhdistys")) == 4


# --- Query log and the report ---------------------------------------------------------------------


def test_queries_and_zero_result_queries_are_counted_for_the_report(client, pages, communications, editor):
    client.get("/fi/search/", {"q": "Yhdistys"})
    client.get("/fi/search/", {"q": "yhdistys", "page": "2"})  # later pages are not new searches
    client.get("/fi/search/", {"q": "kameli"})
    assert Query.get("yhdistys").hits == 1
    assert ZeroResultHits.objects.get(query__query_string="kameli").hits == 1
    assert not ZeroResultHits.objects.filter(query__query_string="yhdistys").exists()

    client.force_login(communications)
    html = client.get("/admin/search/queries/").content.decode()
    assert "yhdistys" in html and "kameli" in html
    client.force_login(editor)
    refused = client.get("/admin/search/queries/")
    assert refused.status_code == 302 and "kameli" not in refused.content.decode()


def test_the_search_page_costs_no_more_queries_for_30_results_than_for_3(client, site, event_index, publish, kuopio):
    def add(numbers):
        for number in numbers:
            page = EventPageFactory(parent=event_index, title=f"Iltakerho {number}", slug=f"k-{number}", municipality=kuopio)
            page.tags.add(f"aihe {number}")
            publish(page)

    def count() -> int:
        client.get("/fi/search/", {"q": "iltakerho"})  # per-process lookups warm, as in a running site
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fi/search/", {"q": "iltakerho"}).status_code == 200
        return len(queries)

    add(range(3))
    small = count()
    add(range(3, 30))
    assert count() <= small  # as the other listings: never more queries for more results
