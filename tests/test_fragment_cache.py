"""The chrome and page bodies rendered once per content generation (koonto_tags.cached_fragment).

With the page cache off (a deployment without Redis, and the benchmark's "uncached" runs) every
page is rendered, but its header, breadcrumbs, footer, share metadata, cards and the bodies of
showcase, event and home pages are kept as HTML until content changes. They must never be stale:
publishing, unpublishing, translating, snippets, site texts and settings, view restrictions, the
clock (rollover) and another process's commit all show at the next request.
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from koonto.models import ContactPerson, KoontoSettings, Municipality, SiteTexts, SiteTextsContact
from ops import pagecache
from ops.models import ContentGeneration
from showcase.models import ShowcaseMunicipality
from tests.factories import EventPageFactory, ShowcasePageFactory, StandardPageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings, site):
    settings.KOONTO_PAGE_CACHE = False
    KoontoSettings.for_site(site.get_site())  # made on a site's first request; made now


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return page_text(response)


def part(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def committed_elsewhere(change) -> None:
    """Another app process's publication: rows changed without this process's signals, and the
    generation row bumped as its transaction commits (ops.pagecache)."""
    change()
    ContentGeneration.objects.filter(pk=pagecache.GENERATION_ROW).update(number=F("number") + 1)


def test_a_page_body_and_its_chrome_are_kept_until_another_process_commits(client, home, showcase_index):
    showcase = ShowcasePageFactory(parent=showcase_index, slug="hanke", title="Vanha hanke")
    showcase.save_revision().publish()
    text = html(client, showcase.url)
    assert "<h1>Vanha hanke" in text or "Vanha hanke</h1>" in text

    # A change no signal announced is not seen: the body and the breadcrumbs are kept...
    Page.objects.filter(pk=showcase.pk).update(title="Uusi hanke")
    kept = html(client, showcase.url)
    assert "Uusi hanke" not in part(kept, '<main id="main"', "</main>")
    # ...until the generation changes, as it does when another process commits a publication.
    committed_elsewhere(lambda: None)
    fresh = html(client, showcase.url)
    assert "Vanha hanke" not in fresh
    assert "Uusi hanke" in part(fresh, 'class="breadcrumbs', "</nav>")
    assert "Uusi hanke" in part(fresh, '<main id="main"', "</main>")
    assert 'og:title" content="Uusi hanke' in fresh


def test_publishing_and_unpublishing_show_in_bodies_menus_and_cards_at_once(client, home, event_index):
    event = EventPageFactory(parent=event_index, slug="tapahtuma", title="Ensimmäinen nimi")
    event.save_revision().publish()
    page = StandardPageFactory(parent=home, slug="tietoa", title="Tietoa", show_in_menus=True)
    for url in (home.url, event.url, event_index.url):
        assert "Ensimmäinen nimi" in html(client, url)

    event.title = "Toinen nimi"
    event.save_revision().publish()
    for url in (home.url, event.url, event_index.url):
        text = html(client, url)
        assert "Toinen nimi" in text and "Ensimmäinen nimi" not in text

    page.unpublish()
    assert "/fi/tietoa/" not in part(html(client, home.url), 'class="main-menu"', "</nav>")
    event.unpublish()
    assert "Toinen nimi" not in html(client, home.url)
    assert "Toinen nimi" not in html(client, event_index.url)


def test_a_translation_shows_in_the_switcher_and_hreflang_at_once(client, home, showcase_index, en_locale):
    showcase = ShowcasePageFactory(parent=showcase_index, slug="hanke", title="Hanke")
    showcase.save_revision().publish()
    text = html(client, showcase.url)
    assert 'hreflang="en"' not in part(text, "<head>", "</head>")

    english = showcase.copy_for_translation(en_locale, copy_parents=True)
    english.title, english.slug = "Project", "project"
    english.save_revision().publish()
    english.refresh_from_db()
    text = html(client, showcase.url)
    head = part(text, "<head>", "</head>")
    assert f'hreflang="en" href="http://testserver{english.url}"' in head, head
    assert f'href="{english.url}"' in part(text, 'class="language-switcher"', "</nav>")

    english.unpublish()
    text = html(client, showcase.url)
    assert english.url not in part(text, "<head>", "</head>")
    assert f'href="{english.url}"' not in part(text, 'class="language-switcher"', "</nav>")


def test_site_texts_settings_and_contacts_show_in_the_footer_at_once(client, home, fi_locale):
    contact = ContactPerson.objects.create(name="Tuomas Puustinen", role="Projektipäällikkö")
    texts = SiteTexts.objects.create(locale=fi_locale, implementers=[("implementer", "Vanha Yhdistys ry")])
    SiteTextsContact.objects.create(texts=texts, contact=contact)
    footer = part(html(client, home.url), 'class="site-footer"', "</footer>")
    assert "Vanha Yhdistys ry" in footer and "Tuomas Puustinen" in footer
    assert "Euroopan unionin rahoittama" in footer

    texts.implementers = [("implementer", "Uusi Yhdistys ry")]
    texts.save()
    contact.name = "Maija Meikäläinen"
    contact.save()
    settings_row = KoontoSettings.for_site(home.get_site())
    settings_row.eu_statement = KoontoSettings.EUStatement.CO_FUNDED
    settings_row.save()
    footer = part(html(client, home.url), 'class="site-footer"', "</footer>")
    assert "Uusi Yhdistys ry" in footer and "Vanha Yhdistys ry" not in footer
    assert "Maija Meikäläinen" in footer and "Tuomas Puustinen" not in footer
    assert "Euroopan unionin osarahoittama" in footer


def test_a_view_restriction_hides_a_page_from_the_chrome_at_once(client, home):
    page = StandardPageFactory(parent=home, slug="tietoa", title="Pian yksityinen", show_in_menus=True)
    assert "Pian yksityinen" in part(html(client, home.url), 'class="main-menu"', "</nav>")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Pian yksityinen" not in html(client, home.url)


def test_the_home_page_rolls_over_when_an_event_ends(client, home, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index, title="Pian päättyvä", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(minutes=5)
    ).save_revision().publish()
    for _ in range(2):
        assert "Pian päättyvä" in html(client, home.url)
    with time_machine.travel(now + timedelta(minutes=6)):
        assert "Pian päättyvä" not in html(client, home.url)


def test_a_preview_is_never_kept_nor_served_from_what_is_kept(client, home, showcase_index):
    showcase = ShowcasePageFactory(parent=showcase_index, slug="hanke", title="Julkaistu hanke")
    showcase.save_revision().publish()
    assert "Julkaistu hanke" in html(client, showcase.url)

    showcase.title = "Luonnos"
    preview = page_text(showcase.make_preview_request())
    assert "Luonnos" in part(preview, '<main id="main"', "</main>")
    assert 'og:title" content="Luonnos' in preview
    public = html(client, showcase.url)
    assert "Luonnos" not in public and "Julkaistu hanke" in part(public, '<main id="main"', "</main>")


def test_a_listing_costs_the_same_queries_for_one_card_or_three(client, home, event_index):
    def queries() -> int:
        html(client, home.url)  # the first request after a change builds the fragments
        with CaptureQueriesContext(connection) as captured:
            html(client, home.url)
        return len(captured)

    start = timezone.now() + timedelta(days=1)
    EventPageFactory(parent=event_index, title="Tapahtuma 0", starts_at=start).save_revision().publish()
    one = queries()
    for index in (1, 2):
        EventPageFactory(
            parent=event_index, title=f"Tapahtuma {index}", starts_at=start + timedelta(hours=index)
        ).save_revision().publish()
    assert queries() == one


# --- filtered listings: kept per valid query (koonto.listing.kept_listing_key) -------------------


def showcase_in(index, title: str, code: str):
    """A project in the municipality `code`, published as an editor would (the row in the revision)."""
    page = ShowcasePageFactory(parent=index, title=title)
    page.municipalities.add(ShowcaseMunicipality(municipality=Municipality.objects.get(code=code)))
    page.save_revision().publish()
    return page


def main_of(client, url: str) -> str:
    return part(html(client, url), '<main id="main"', "</main>")


def test_a_filtered_listing_is_kept_per_valid_query_until_content_changes(client, home, showcase_index):
    kuopio = showcase_in(showcase_index, "Kuopion hanke", "297")
    showcase_in(showcase_index, "Iisalmen hanke", "140")
    url = f"{showcase_index.url}?municipality=297"
    first = main_of(client, url)
    assert "Kuopion hanke" in first and "Iisalmen hanke" not in first

    # Kept: a change no signal announced is not seen, and the same query spelled otherwise
    # (blanks around the value, page 1 named) is the same entry...
    Page.objects.filter(pk=kuopio.pk).update(title="Nimi vaihtui hiljaa")
    assert main_of(client, url) == first
    assert main_of(client, f"{showcase_index.url}?page=1&municipality=+297+") == first
    # ...while another query is another entry.
    assert "Iisalmen hanke" in main_of(client, f"{showcase_index.url}?municipality=140")

    # A publication shows at once, in the counts as in the cards.
    showcase_in(showcase_index, "Toinen Kuopion hanke", "297")
    text = main_of(client, url)
    assert "Toinen Kuopion hanke" in text and "Nimi vaihtui hiljaa" in text
    assert "2 hanketta" in text


def listing_queries(client, url: str) -> list[str]:
    """The queries of a second request of `url` that read the projects (the listing itself)."""
    html(client, url)
    with CaptureQueriesContext(connection) as captured:
        html(client, url)
    return [query["sql"] for query in captured.captured_queries if "showcase_showcasepage" in query["sql"]]


def test_a_listing_asked_with_an_invalid_value_is_rendered_each_time(client, home, showcase_index):
    showcase_in(showcase_index, "Kuopion hanke", "297")
    bad = f"{showcase_index.url}?municipality=000&period=ei-kausi"
    text = main_of(client, bad)
    assert "Kuopion hanke" in text and "000" in text and "ei-kausi" in text  # the messages say why
    assert listing_queries(client, bad)  # read again: not kept
    assert not listing_queries(client, f"{showcase_index.url}?municipality=297")  # kept


def test_deep_pages_and_invalid_values_are_not_kept():
    from koonto.listing import MAX_KEPT_PAGE, ListingState, kept_listing_key

    clean = ListingState(values={"municipality": "297", "theme": ""})
    assert kept_listing_key(clean, {}) == "municipality=297"
    assert kept_listing_key(clean, {"page": "1"}) == "municipality=297"
    assert kept_listing_key(clean, {"page": "03"}) == "municipality=297&page=3"
    assert kept_listing_key(ListingState(values={"theme": ""}), {}) == ""  # the unfiltered first page
    assert kept_listing_key(clean, {"page": str(MAX_KEPT_PAGE + 1)}) is None
    for page in ("0", "-1", "x", "١"):  # the last one: a digit, but not an ASCII one
        assert kept_listing_key(clean, {"page": page}) is None
    assert kept_listing_key(ListingState(values={"municipality": ""}, messages=["ei kuntaa"]), {}) is None


def test_a_filtered_event_listing_rolls_over_when_an_event_ends(client, home, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index,
        title="Pian päättyvä koulutus",
        event_type="training",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(minutes=5),
    ).save_revision().publish()
    url = f"{event_index.url}?type=training"
    for _ in range(2):
        assert "Pian päättyvä koulutus" in main_of(client, url)
    with time_machine.travel(now + timedelta(minutes=6)):
        assert "Pian päättyvä koulutus" not in main_of(client, url)
        assert "Pian päättyvä koulutus" in main_of(client, f"{event_index.url}?type=training&when=past")


def test_a_kept_listing_reads_none_of_its_rows(client, home, showcase_index):
    for n in range(3):
        showcase_in(showcase_index, f"Hanke {n}", "297")
    url = f"{showcase_index.url}?municipality=297"
    with CaptureQueriesContext(connection) as building:
        html(client, url)
    with CaptureQueriesContext(connection) as kept:
        html(client, url)
    assert len(kept) < len(building)
    assert not [query for query in kept.captured_queries if "showcase_showcasepage" in query["sql"]]


def test_at_most_so_many_filter_combinations_of_a_listing_are_kept(client, home, showcase_index, monkeypatch):
    monkeypatch.setattr(pagecache, "MAX_QUERY_VARIANTS", 2)
    showcase_in(showcase_index, "Kuopion hanke", "297")
    showcase_in(showcase_index, "Iisalmen hanke", "140")
    first, second, third = (f"{showcase_index.url}?municipality={code}" for code in ("297", "140", "297&period=2021-2027"))
    assert not listing_queries(client, first) and not listing_queries(client, second)  # kept
    assert listing_queries(client, third)  # valid, but past the bound: rendered each time
    assert "Kuopion hanke" in main_of(client, third)


@pytest.mark.parametrize("index_fixture", ["showcase_index", "event_index"])
def test_an_index_declares_every_name_its_listing_gives(request, rf, index_fixture):
    index = request.getfixturevalue(index_fixture)
    from koonto.visibility import rule_for

    http_request = rf.get(index.url)
    arguments = (timezone.now(),) if index_fixture == "event_index" else ()
    given = index.listing_context(http_request.GET, *arguments, rule_for(http_request))
    assert set(given) == set(index.listing_names)


def test_a_lazy_value_that_fails_is_an_error_not_an_empty_listing():
    from django.core.exceptions import ObjectDoesNotExist

    from koonto.listing import LazyContextError, lazy_context

    def build():
        raise ObjectDoesNotExist("ei löydy")  # the template engine would render this as ""

    values = lazy_context(build, ["items"])
    with pytest.raises(LazyContextError):
        bool(values["items"])
