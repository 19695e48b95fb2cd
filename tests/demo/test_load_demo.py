"""`load_demo` builds the Finnish site from the data in demo/content/ and its English translation through
wagtail-localize from demo/content/en.po, a second run changes nothing, and a Finnish text that has
changed or is new is reported, never a crash.

A load takes seconds, so the module loads the demo once, in a transaction rolled back when the module
ends; each test runs in a savepoint inside it, as pytest-django's `db` fixture does, so no test sees
another's changes. Tests of a changed text edit a copy of the data and delete the Finnish object it
makes, so that the next load builds it again from the copy.
"""

import re
import shutil
from datetime import datetime, time, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import formats, timezone
from django.utils.translation import override
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from demo import catalogue
from demo.data import CONTENT_DIR, TODAY, load
from events.models import EventPage
from guides.models import FundingCallPage, GuidePage
from home.models import HomePage, StandardPage
from koonto.models import ContactPerson, KoontoSettings, Organisation, ProjectDescription, SiteTexts, Theme
from showcase.models import OperatingModel, ShowcasePage
from tests.text import page_text

pytestmark = pytest.mark.django_db

SOURCE_PROJECTS = {
    "Työpajatoimintaa Lieksassa",
    "Avoimet tilat",
    "Nuorten oma Kuopio!",
    "Hanaa!",
    "Osallisuutta osuuskunnista",
    "Työelämän avaimet",
    "Hyvä arki",
    "Pallo Haltuun",
    "Uusi tapa toimia",
    "Jalkapallosta elämäniloa",
}

# Common Finnish words of the source texts that never belong in English prose.
FINNISH_WORDS = {
    *("ja", "sekä", "tai", "myös", "kanssa", "oli", "ovat", "lisää", "tukea", "tietoa", "esimerkki"),
    *("hanke", "hankkeen", "hankkeessa", "hankkeet", "hankkeita", "tavoitteena", "tavoitteet", "toteuttaja"),
    *("yhdistys", "yhdistykset", "yhdistyksille", "järjestöt", "järjestöjä", "kohderyhmä", "kohderyhmänä"),
    *("tapahtuma", "tapahtumat", "nuoret", "nuoria"),
}
# Proper names that stay Finnish on the English site (organisations, projects, places, institutions).
PROPER_NAMES = (
    "Pohjois-Savon Sosiaaliturvayhdistys",
    "Pohjois-Savon Liikunta",
    "Kuopion Rouvasväenyhdistys",
    "Järjestöjen sote-muutostuki",
    "Nuorten oma Kuopio!",
    "Avoimet tilat",
    "Osallisuutta osuuskunnista",
    "Työelämän avaimet",
    "Hyvä arki",
    "Pallo Haltuun",
    "Uusi tapa toimia",
    "Jalkapallosta elämäniloa",
    "Kuhmon Elinvoimasampo",
    "Kuhmon Työvire",
    "Kuopion Muotoiluakatemia",
    "Kalevalan koulu",
    "Haapaniemen alakoulu",
    "Savon Sanomat Areena",
)


def in_language(instance, language_code: str):
    return instance.get_translation(Locale.objects.get(language_code=language_code))


def finnish_words_in(text: str) -> set[str]:
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    words = set(re.findall(r"\w+", text.lower()))
    return words & FINNISH_WORDS


def texts(instance) -> list[tuple[str, str]]:
    """(field path, plain text) of every string wagtail-localize translates in the instance."""
    return [(s.path, s.render_text()) for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def snapshot():
    """Everything load_demo writes, in a comparable form."""
    return {
        "pages": sorted(Page.objects.values_list("locale__language_code", "url_path", "title", "live")),
        "revisions": Revision.objects.count(),
        "organisations": sorted(Organisation.objects.values_list("locale__language_code", "name", "live")),
        "contacts": sorted(ContactPerson.objects.values_list("locale__language_code", "name", "role", "email")),
        "themes": sorted(Theme.objects.values_list("locale__language_code", "slug", "name")),
        "descriptions": sorted(ProjectDescription.objects.values_list("locale__language_code", "title")),
        "events": sorted(EventPage.objects.values_list("locale__language_code", "title", "starts_at")),
        "settings": list(KoontoSettings.objects.values_list("accessibility_page", "privacy_page", "eu_statement")),
        "site_texts": sorted(SiteTexts.objects.values_list("locale__language_code", "programme_name", "live")),
        "translations": sorted(Translation.objects.values_list("source__object_id", "target_locale__language_code")),
        "sources": sorted(TranslationSource.objects.values_list("object_id", "last_updated_at")),
        "strings": sorted(StringTranslation.objects.values_list("translation_of_id", "context_id", "data")),
        "overrides": sorted(SegmentOverride.objects.values_list("context_id", "data_json")),
    }


def load_demo(capture=TestCase.captureOnCommitCallbacks, content: Path = CONTENT_DIR) -> str:
    """Run load_demo as `make run` does, carrying out what waits for the commit (rules for new language trees)."""
    out = StringIO()
    with capture(execute=True):
        call_command("load_demo", "--content", str(content), stdout=out, stderr=StringIO())
    return out.getvalue()


def english_catalogue() -> catalogue.English:
    return catalogue.English(catalogue.read_catalogue(CONTENT_DIR / catalogue.CATALOGUE))


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A copy of demo/content/ to edit."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def delete_both_languages(page: Page) -> None:
    """Delete a Finnish demo page and its English translation, so that the next load makes them again."""
    for translation in page.get_translations(inclusive=True):
        translation.delete()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, loaded once for the module; the output of that load."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = load_demo()
        yield output
        transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths: forget the demo site's


@pytest.fixture
def demo(demo_site, db):
    return demo_site


def test_second_run_creates_nothing_and_changes_nothing(demo, django_capture_on_commit_callbacks):
    assert "translated into English: 25 pages, 7 organisations, 2 contact persons, 7 themes" in demo
    before = snapshot()
    assert "nothing created" in load_demo(django_capture_on_commit_callbacks)
    assert snapshot() == before


def test_the_finnish_site_is_the_default_site_with_an_english_home(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.locale.language_code == "fi" and home.live
    assert HomePage.objects.filter(translation_key=home.translation_key, locale__language_code="en", live=True).exists()
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_twelve_earlier_kake_projects_with_their_organisations_and_places(demo):
    showcases = ShowcasePage.objects.live().filter(locale__language_code="fi")
    assert showcases.count() == 12
    assert set(showcases.values_list("title", flat=True)) >= SOURCE_PROJECTS
    hanaa = showcases.get(title="Hanaa!")
    assert [o.organisation.name for o in hanaa.organisations.all()] == ["Tatu ry"]
    lieksa = showcases.get(title="Työpajatoimintaa Lieksassa")
    assert [m.municipality.code for m in lieksa.municipalities.all()] == ["422"]
    assert not lieksa.organisations.exists()  # the source names no organisation


def test_the_call_of_15_1_2024_is_recorded_as_closed_with_the_sources_words(demo):
    call = FundingCallPage.objects.get(locale__language_code="fi")
    assert call.closes_at == datetime(2024, 1, 15, 16, 15, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert call.status == "closed"
    assert "SEURAAVA HAKU 15.1.2024" in str(call.body)
    guide = GuidePage.objects.get(locale__language_code="fi")
    assert "80" in str(guide.body)


def test_contacts_and_required_pages(demo):
    assert set(ContactPerson.objects.values_list("name", flat=True)) == {"Tuomas Puustinen", "Tiina Kiiskinen"}
    settings = KoontoSettings.objects.get()
    assert isinstance(settings.accessibility_page.specific, StandardPage)
    assert "Traficom" in str(settings.accessibility_page.specific.body)
    assert isinstance(settings.privacy_page.specific, StandardPage)


def test_example_events_are_upcoming_and_labelled_as_examples(demo):
    events = EventPage.objects.live().filter(locale__language_code="fi").upcoming(timezone.now())
    assert events.count() >= 3
    assert all("esimerk" in (e.title + e.summary).lower() for e in events)
    english_events = EventPage.objects.live().filter(locale__language_code="en").upcoming(timezone.now())
    assert english_events.count() == events.count()
    assert all("example" in (e.title + e.summary).lower() for e in english_events)


def test_every_demo_page_renders(client, demo):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_the_home_page_shows_the_latest_call_and_upcoming_events(client, demo):
    html = page_text(client.get("/fi/"))
    assert "15.1.2024 klo 16.15" in html
    assert "Esimerkki" in html  # the example events say so in their summaries


# --- English -------------------------------------------------------------------------------------


def test_every_finnish_page_and_snippet_has_a_live_english_translation_tracked_by_wagtail_localize(demo):
    finnish_pages = Page.objects.filter(locale__language_code="fi", depth__gt=1).specific()
    snippets = [
        *Organisation.objects.filter(locale__language_code="fi"),
        *ContactPerson.objects.filter(locale__language_code="fi"),
        *Theme.objects.filter(locale__language_code="fi"),
        *ProjectDescription.objects.filter(locale__language_code="fi"),
        *SiteTexts.objects.filter(locale__language_code="fi"),
    ]
    assert len(finnish_pages) == 25 and len(snippets) == 18
    for finnish in [*finnish_pages, *snippets]:
        translated = in_language(finnish, "en")
        if hasattr(translated, "live"):
            assert translated.live and not translated.has_unpublished_changes, translated
        translation = Translation.objects.get(
            source__object_id=finnish.translation_key, source__locale=finnish.locale, target_locale=translated.locale
        )
        total, done = translation.get_progress()
        assert translation.enabled and total == done > 0, finnish
    assert Page.objects.filter(locale__language_code="en", depth__gt=1).count() == 25


def test_english_pages_have_english_addresses(client, demo):
    for path in (
        "/en/",
        "/en/about-koonto/",
        "/en/funding/",
        "/en/funding/kake-projects/",
        "/en/funding/call-for-projects-15-january-2024/",
        "/en/projects/",
        "/en/projects/hanaa/",
        "/en/projects/workshop-activities-in-lieksa/",
        "/en/events/",
        "/en/project-advice/",
        "/en/accessibility-statement/",
        "/en/privacy-notice/",
    ):
        assert client.get(path).status_code == 200, path
    for page in Page.objects.live().filter(locale__language_code="en", depth__gt=1).specific():
        assert page.url.startswith("/en/")
        assert client.get(page.url).status_code == 200, page.url


def test_english_text_fields_hold_no_finnish_prose(demo):
    about = StandardPage.objects.get(locale__language_code="en", slug="about-koonto")
    guide = GuidePage.objects.get(locale__language_code="en")
    showcase = ShowcasePage.objects.get(locale__language_code="en", slug="osallisuutta-osuuskunnista")
    assert about.title == "About the Koonto project"
    assert "Innovation and Skills in Finland 2021–2027" in str(about.body)
    assert guide.title == "Citizen-led development projects (KAKE)"
    assert "Kiipulasäätiö's Osallisuutta osuuskunnista" in showcase.summary  # a proper name stays Finnish

    english = english_catalogue()
    english_objects = [
        *Page.objects.filter(locale__language_code="en", depth__gt=1).specific(),
        *ContactPerson.objects.filter(locale__language_code="en"),
        *Theme.objects.filter(locale__language_code="en"),
        *ProjectDescription.objects.filter(locale__language_code="en"),
        *Organisation.objects.filter(locale__language_code="en"),
        *SiteTexts.objects.filter(locale__language_code="en"),
    ]
    for instance in english_objects:
        for path, text in texts(instance):
            assert not finnish_words_in(text), f"{instance} {path}: {text}"
            # No string is left as a Finnish source that has an English translation.
            assert english(path, text) in (None, text), f"{instance} {path}: {text}"


def test_english_pages_link_english_snippets_and_keep_synced_facts(demo):
    for showcase in ShowcasePage.objects.filter(locale__language_code="en"):
        finnish = in_language(showcase, "fi")
        assert all(o.organisation.locale.language_code == "en" for o in showcase.organisations.all())
        assert [o.organisation.name for o in showcase.organisations.all()] == [
            o.organisation.name for o in finnish.organisations.all()
        ]
        assert all(t.theme.locale.language_code == "en" for t in showcase.themes.all())
        assert [m.municipality_id for m in showcase.municipalities.all()] == [
            m.municipality_id for m in finnish.municipalities.all()
        ]
        assert [g.group for g in showcase.target_groups.all()] == [g.group for g in finnish.target_groups.all()]
        assert (showcase.programme_period, showcase.status) == (finnish.programme_period, finnish.status)

    hanaa = ShowcasePage.objects.get(locale__language_code="en", slug="hanaa")
    tatu = Organisation.objects.get(locale__language_code="en", name="Tatu ry")
    assert str(hanaa.pk) in {reference.object_id for reference in ReferenceIndex.get_references_to(tatu)}  # "Usage"

    call = FundingCallPage.objects.get(locale__language_code="en")
    assert call.closes_at == datetime(2024, 1, 15, 16, 15, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert call.support_rate == Decimal("80") and call.fund == "ESF+"
    assert [c.contact.locale.language_code for c in call.contacts.all()] == ["en", "en"]
    assert {c.contact.role for c in call.contacts.all()} == {"Project manager", "Project adviser"}

    for event in EventPage.objects.filter(locale__language_code="en"):
        finnish = in_language(event, "fi")
        assert (event.starts_at, event.ends_at, event.municipality_id, event.mode, event.event_type) == (
            finnish.starts_at,
            finnish.ends_at,
            finnish.municipality_id,
            finnish.mode,
            finnish.event_type,
        )
        assert event.organiser.locale.language_code == "en"


def test_the_english_home_highlights_the_english_guide_and_about_page(client, demo):
    home = HomePage.objects.get(locale__language_code="en")
    highlighted = [h.page.specific for h in home.highlights.all()]
    assert [page.locale.language_code for page in highlighted] == ["en", "en"]
    assert {type(page) for page in highlighted} == {GuidePage, StandardPage}
    assert home.live and not home.has_unpublished_changes
    html = client.get("/en/").content.decode()
    assert 'href="/en/funding/kake-projects/"' in html and 'href="/en/about-koonto/"' in html


def test_a_change_to_a_finnish_page_syncs_to_english(demo, django_capture_on_commit_callbacks):
    """What the admin's "Sync translated pages" does: update the source, then save every translation."""
    call = FundingCallPage.objects.get(locale__language_code="fi")
    call.support_rate = Decimal("75")
    call.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        source = TranslationSource.objects.get_for_instance(call)
        source.update_from_db()
        for translation in source.translations.filter(enabled=True):
            translation.save_target(publish=True)
    english_call = FundingCallPage.objects.get(locale__language_code="en")
    assert english_call.support_rate == Decimal("75")
    assert english_call.title == "Next call for projects: 15 January 2024"


def test_a_finnish_string_without_english_leaves_that_object_untranslated_and_says_so(
    demo, content_copy, django_capture_on_commit_callbacks
):
    """Rather than publish a Finnish string on the English site, load_demo skips the object and names the string;
    it never stops `make run` (an editor may have changed the Finnish text)."""
    ContactPerson.objects.filter(locale__language_code="en").delete()  # wagtail-localize forgets their English too
    replace_in(content_copy / "en.po", 'msgid "Hankeneuvoja"\nmsgstr "Project adviser"', 'msgid "Hankeneuvoja"\nmsgstr ""')
    output = load_demo(django_capture_on_commit_callbacks, content_copy)
    assert "en.po: 1 untranslated string(s)" in output and "run `manage.py demo_messages`" in output
    assert "not translated into English" in output and "Hankeneuvoja" in output
    assert set(ContactPerson.objects.filter(locale__language_code="en").values_list("name", flat=True)) == {"Tuomas Puustinen"}
    assert "translated into English: 1 contact person" in load_demo(django_capture_on_commit_callbacks)
    assert set(ContactPerson.objects.filter(locale__language_code="en").values_list("role", flat=True)) == {
        "Project manager",
        "Project adviser",
    }


def test_a_changed_finnish_sentence_uses_its_fuzzy_english_and_is_reported(
    demo, content_copy, django_capture_on_commit_callbacks
):
    finnish = EventPage.objects.get(locale__language_code="fi", slug="esimerkki-verkostotapaaminen-iisalmessa")
    english_before = in_language(finnish, "en").summary
    delete_both_languages(finnish)
    old = "Esimerkki verkostotapaamisesta, jossa pohjoissavolaiset"
    new = "Esimerkki verkostotapaamisesta, jossa kaikki pohjoissavolaiset"
    replace_in(content_copy / "events.toml", old, new)

    output = load_demo(django_capture_on_commit_callbacks, content_copy)

    assert "Created: 1 page; translated into English: 1 page." in output
    assert "en.po: 1 fuzzy string(s), the English of an earlier Finnish text" in output
    assert new in output and "run `manage.py demo_messages`" in output
    finnish = EventPage.objects.get(locale__language_code="fi", slug="esimerkki-verkostotapaaminen-iisalmessa")
    assert new in finnish.summary
    assert in_language(finnish, "en").summary == english_before
    assert catalogue.read_catalogue(CONTENT_DIR / catalogue.CATALOGUE).fuzzy_entries() == []  # the file is not written


def test_a_new_untranslated_sentence_is_reported_and_its_page_stays_finnish_only(
    demo, content_copy, django_capture_on_commit_callbacks
):
    finnish = ShowcasePage.objects.get(locale__language_code="fi", slug="hanaa")
    delete_both_languages(finnish)
    added = "Nuoret suunnittelivat itse osan ryhmien toiminnasta."
    replace_in(content_copy / "showcases.toml", "lähikuntiin.</p>", f"lähikuntiin.</p><p>{added}</p>")

    output = load_demo(django_capture_on_commit_callbacks, content_copy)

    assert "en.po: 1 untranslated string(s)" in output and added in output
    assert "not translated into English" in output
    finnish = ShowcasePage.objects.get(locale__language_code="fi", slug="hanaa")
    assert added in finnish.continuation
    assert finnish.get_translation_or_none(Locale.objects.get(language_code="en")) is None


# --- the data and the catalogue ------------------------------------------------------------------


def test_the_site_holds_the_facts_of_the_data(demo):
    today = timezone.localdate()
    helsinki = ZoneInfo("Europe/Helsinki")
    kuopion = Organisation.objects.get(locale__language_code="fi", name="Kuopion Rouvasväenyhdistys ry")
    assert kuopion.municipality.code == "297" and kuopion.organisation_type == "association"
    assert Theme.objects.filter(locale__language_code="fi").count() == 7
    site_texts = SiteTexts.objects.get(locale__language_code="fi")
    assert site_texts.live and site_texts.programme_name == "Uudistuva ja osaava Suomi 2021–2027"
    assert site_texts.implementer_lines == [
        "Pohjois-Savon Sosiaaliturvayhdistys ry – päähankkeen toteuttaja",
        "Pohjois-Savon Liikunta ry – osahankkeen toteuttaja",
    ]
    assert [c.contact.name for c in site_texts.footer_contacts.all()] == ["Tuomas Puustinen", "Tiina Kiiskinen"]
    english_texts = in_language(site_texts, "en")
    assert english_texts.live and english_texts.programme_name == "Innovation and Skills in Finland 2021–2027"
    assert english_texts.implementer_lines == [
        "Pohjois-Savon Sosiaaliturvayhdistys ry – implementer of the main project",
        "Pohjois-Savon Liikunta ry – implementer of the sub-project",
    ]
    # The same people in every language: the rows are synchronised, each shown in the reader's language.
    assert [c.contact_id for c in english_texts.footer_contacts.all()] == [c.contact_id for c in site_texts.footer_contacts.all()]

    online = EventPage.objects.get(locale__language_code="fi", slug="esimerkki-kake-infotilaisuus-verkossa")
    assert online.starts_at == datetime.combine(today + timedelta(days=14), time(13), tzinfo=helsinki)
    assert online.ends_at == datetime.combine(today + timedelta(days=14), time(15), tzinfo=helsinki)
    assert online.organiser.name == "Pohjois-Savon Sosiaaliturvayhdistys ry" and online.mode == "online"
    guide = GuidePage.objects.get(locale__language_code="fi")
    assert guide.reviewed_on == today and set(guide.tags.names()) == {"KAKE", "ESR+", "rahoitus"}
    assert [r.related_page.slug for r in guide.related_pages.all()] == ["hankehaku-15-1-2024"]

    statement = StandardPage.objects.get(locale__language_code="fi", slug="saavutettavuusseloste")
    assert f"Seloste on laadittu {today.day}.{today.month}.{today.year}." in str(statement.body)
    with override("en"):
        english_today = formats.date_format(today, "DATE_FORMAT")
    assert f"This statement was prepared on {english_today}." in str(in_language(statement, "en").body)

    # Block ids and inline translation keys are the data's, so the catalogue's contexts name real places.
    about = StandardPage.objects.get(locale__language_code="fi", slug="tietoa-koonto-hankkeesta")
    data = load()
    about_data = next(page for page in data.pages() if page.path == "tietoa-koonto-hankkeesta")
    assert [block.id for block in about.body] == [block["id"] for block in about_data.fields["body"]]
    hyva_arki = next(page for page in data.pages() if page.path == "hankkeet/hyva-arki")
    model_id = hyva_arki.inline["operating_models"][0]["id"]
    assert {str(m.translation_key) for m in OperatingModel.objects.filter(title="Paikallinen opinollistamisen malli")} == {
        model_id
    }


def test_the_catalogue_names_exactly_the_segments_wagtail_localize_exports(demo):
    """The catalogue is computed from the data in memory; wagtail-localize's export of the loaded site agrees."""
    today = timezone.localdate()
    written = f"{today.day}.{today.month}.{today.year}"
    expected = {
        (message.context, message.msgid.replace(TODAY, written))
        for message in catalogue.source_messages(load())
        if message.context != catalogue.TAG_CONTEXT
    }
    finnish = [
        *Page.objects.filter(locale__language_code="fi", depth__gt=1).specific(),
        *Organisation.objects.filter(locale__language_code="fi"),
        *ContactPerson.objects.filter(locale__language_code="fi"),
        *Theme.objects.filter(locale__language_code="fi"),
        *ProjectDescription.objects.filter(locale__language_code="fi"),
        *SiteTexts.objects.filter(locale__language_code="fi"),
    ]
    exported = set()
    for instance in finnish:
        source = TranslationSource.objects.get_for_instance(instance)
        exported |= {(entry.msgctxt, entry.msgid) for entry in source.export_po()}
    assert exported == expected
