"""Bad input on the public HTML site (issue 15): a 4xx or a visible note, never a 5xx.

NUL bytes made PostgreSQL fail (tag pages, listing filters, search, the calendar); ids beyond
64 bits made SQLite fail (one event's .ics). Paths no page can have are the site's 400 page;
query values go through the listings' query-string layer (koonto.listing), which ignores a
value it cannot use and says so.
"""

import pytest

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775808"
IGNORED = "had characters that cannot be used"
IGNORED_FI = "oli merkkejä, joita ei voi käyttää"


@pytest.fixture
def tagged_event(site, event_index):
    event = EventPageFactory(parent=event_index, title="Kerhoilta", slug="kerhoilta")
    event.tags.add("koulutus")
    event.save_revision().publish()
    return event


@pytest.mark.parametrize("path", [f"/fi/kalenteri/{HUGE}.ics", f"/en/calendar/{HUGE}.ics", f"/fi/untranslated/{HUGE}/"])
def test_ids_beyond_64_bits_in_paths_are_not_found(client, tagged_event, path):
    assert client.get(path).status_code == 404


def test_the_largest_id_is_looked_up(client, tagged_event):
    assert client.get(f"/fi/kalenteri/{2**63 - 1}.ics").status_code == 404
    assert client.get(f"/fi/kalenteri/{tagged_event.pk}.ics").status_code == 200


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("/fi/asiasanat/kou%00lutus/", "fi", "Virheellinen osoite"),
        ("/fi/organisaatiot/a%00b/", "fi", "Virheellinen osoite"),
        ("/fi/tapahtumat/a%00b/", "fi", "Virheellinen osoite"),
        ("/en/tags/a%00b/", "en", "Invalid address"),
        ("/en/a%1Bb/", "en", "Invalid address"),
    ],
)
def test_paths_with_control_characters_are_the_sites_400_page(client, tagged_event, path, lang, title):
    response = client.get(path)
    assert response.status_code == 400
    assert f'<html lang="{lang}">' in response.text
    assert title in response.text
    assert 'role="search"' in response.text  # the site's own header


def test_invalid_utf8_in_a_path_is_not_found(client, tagged_event):
    """Django keeps such bytes percent-encoded (harmless ASCII); no page has that address."""
    assert client.get("/fi/%FF%FE/").status_code == 404


def test_calendar_refuses_a_nul_in_a_filter(client, tagged_event):
    response = client.get("/fi/kalenteri.ics?tag=kou%00lutus")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "tag" in response.text and IGNORED_FI in response.text
    assert client.get("/fi/kalenteri.ics?tag=koulutus").status_code == 200


def test_suggestions_ignore_a_query_with_nul(client, tagged_event):
    response = client.get("/fi/search/suggest/?q=kerho%00ilta")
    assert response.status_code == 200
    assert response.json() == {"query": "", "suggestions": []}


@pytest.mark.parametrize("query", ["q=kerho%00ilta", "q=kerhoilta&tag=a%00b", "q=kerhoilta&municipality=297%00"])
def test_search_ignores_a_value_with_nul_and_says_so(client, tagged_event, query):
    response = client.get(f"/fi/search/?{query}")
    assert response.status_code == 200
    assert IGNORED_FI in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/fi/tapahtumat/?municipality=297%00",
        "/fi/tapahtumat/?type=training%00&month=2030-01",
        "/fi/tapahtumat/?page=%FF",
        "/fi/hankkeet/?municipality=297%00",
        "/fi/hankkeet/?theme=a%00b",
        "/fi/asiasanat/koulutus/?type=events%00",
    ],
)
def test_listings_ignore_a_value_with_nul_and_say_so(client, tagged_event, showcase_index, url):
    response = client.get(url)
    assert response.status_code == 200
    assert IGNORED_FI in response.text


def test_the_note_is_in_english_on_english_pages(client, tagged_event, showcase_index):
    response = client.get("/en/search/?q=kerhoilta%00")
    assert response.status_code == 200
    assert IGNORED in response.text
