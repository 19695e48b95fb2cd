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

from koonto.models import ContactPerson, KoontoSettings, SiteTexts, SiteTextsContact
from ops import pagecache
from ops.models import ContentGeneration
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
