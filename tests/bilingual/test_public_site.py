"""The public site in two languages (and three when Swedish is on): URLs, switcher, alternates, sitemap."""

import re

import polib
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from tests.factories import (
    EventPageFactory,
    FundingCallPageFactory,
    GuidePageFactory,
    ShowcasePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def translate(page, locale, title, **fields):
    """An English (or other) live translation of `page`, with its parents translated first."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


@pytest.fixture
def en_home(home, en_locale):
    return translate(home, en_locale, "Koonto")


def switcher(html: str) -> str:
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


def test_switcher_leads_to_the_same_page_in_english(client, home, en_home, guide_index, en_locale):
    guide = GuidePageFactory(parent=guide_index, title="Opas", slug="opas")
    english = translate(guide, en_locale, "Guide")
    html = client.get(guide.url).content.decode()
    assert f'href="{english.url}"' in switcher(html)
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/rahoitus/opas/">' in html


def test_untranslated_page_says_so_in_english_and_offers_the_finnish_page(client, home, en_home):
    page = StandardPageFactory(parent=home, title="Vain suomeksi", slug="vain-suomeksi")
    html = client.get(page.url).content.decode()
    link = re.search(r'<a href="([^"]+)" lang="en"', switcher(html)).group(1)
    assert link == f"/en/untranslated/{page.pk}/"
    assert 'hreflang="en"' not in html.split("</head>")[0]  # no alternate for a missing translation

    response = client.get(link)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "This page has not been translated yet" in body
    assert f'href="{page.url}" lang="fi"' in body
    assert response["X-Robots-Tag"] == "noindex"


def test_untranslated_redirects_once_a_translation_exists(client, home, en_home, en_locale):
    page = StandardPageFactory(parent=home, title="Sivu", slug="sivu")
    english = translate(page, en_locale, "Page")
    response = client.get(f"/en/untranslated/{page.pk}/")
    assert response.status_code == 302 and response.url == english.url


def test_untranslated_of_a_draft_or_unknown_page_is_404(client, home, en_home):
    draft = StandardPageFactory(parent=home, title="Luonnos", live=False)
    assert client.get(f"/en/untranslated/{draft.pk}/").status_code == 404
    assert client.get("/en/untranslated/999999/").status_code == 404


def test_search_page_switcher_keeps_the_query(client, home, en_home):
    html = client.get("/fi/search/?q=hanke").content.decode()
    assert 'href="/en/search/?q=hanke"' in switcher(html)


def test_unknown_language_prefix_is_a_finnish_404_without_redirect(client, home):
    response = client.get("/de/tietoa/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()
    assert '<html lang="fi">' in response.content.decode()


def test_paths_without_a_prefix_still_redirect_to_the_visitors_language(client, home, en_home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/fi/"


def test_sitemap_lists_every_language_with_hreflang_alternates(client, home, en_home, en_locale):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    translate(page, en_locale, "About", slug="about")
    StandardPageFactory(parent=home, title="Vain suomeksi", slug="vain-suomeksi")
    StandardPageFactory(parent=home, title="Luonnos", slug="luonnos", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/fi/tietoa/</loc>" in xml
    assert "<loc>http://testserver/en/about/</loc>" in xml
    assert "<loc>http://testserver/fi/vain-suomeksi/</loc>" in xml
    assert "luonnos" not in xml
    entry = xml.split("<loc>http://testserver/en/about/</loc>")[1].split("</url>")[0]
    assert '<xhtml:link rel="alternate" hreflang="fi" href="http://testserver/fi/tietoa/"' in entry
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/fi/tietoa/"' in entry


def test_sitemap_query_count_does_not_grow_with_pages(client, home, django_assert_max_num_queries):
    for n in range(3):
        StandardPageFactory(parent=home, slug=f"sivu-{n}")
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as small:
        client.get("/sitemap.xml")
    budget = len(small.captured_queries)
    for n in range(3, 15):
        StandardPageFactory(parent=home, slug=f"sivu-{n}")
    client.get("/sitemap.xml")  # new pages empty what is kept per content generation: warm it again
    with django_assert_max_num_queries(budget):
        client.get("/sitemap.xml")


@pytest.fixture
def swedish(settings, home):
    settings.LANGUAGES = [*django_settings.LANGUAGES, ("sv", "Svenska")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = settings.LANGUAGES
    sv, _ = Locale.objects.get_or_create(language_code="sv")
    return translate(home, sv, "Koonto")


def test_swedish_switched_on_by_settings_serves_sv_and_appears_in_the_switcher(client, home, swedish):
    response = client.get("/sv/")
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()
    html = client.get("/fi/").content.decode()
    assert 'href="/sv/" lang="sv"' in switcher(html) and "Svenska" in switcher(html)
    assert '<link rel="alternate" hreflang="sv" href="http://testserver/sv/">' in html


def test_swedish_is_an_admin_language_when_switched_on(client, swedish):
    user = get_user_model().objects.create_superuser("admin", "a@example.fi", "x" * 16)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(user)
    assert '<html lang="sv"' in client.get("/admin/").content.decode()


# --- No Finnish UI string leaks into English pages ------------------------------------------------


def finnish_ui_strings() -> list[str]:
    po = polib.pofile(str(django_settings.LOCALE_PATHS[0] / "fi" / "LC_MESSAGES" / "django.po"))
    strings = set()
    for entry in po.translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            text = re.sub(r"%\(\w+\)s|\{\{.*?\}\}", "", text).strip(" .:,")
            if len(text) >= 6 and text.lower() != entry.msgid.lower():
                strings.add(text)
    return sorted(strings, key=len, reverse=True)


@pytest.fixture
def english_site(home, en_home, en_locale, guide_index, showcase_index, event_index):
    english_guides = translate(guide_index, en_locale, "Funding", slug="funding")
    translate(showcase_index, en_locale, "Projects", slug="projects")
    translate(event_index, en_locale, "Events", slug="events")
    guide = translate(GuidePageFactory(parent=guide_index, title="Opas"), en_locale, "Guide", summary="How to apply.")
    call = translate(FundingCallPageFactory(parent=guide_index, title="Haku"), en_locale, "Call", summary="Open call.")
    showcase = translate(ShowcasePageFactory(parent=showcase_index, title="Hanke"), en_locale, "Project", summary="A project.")
    event = translate(EventPageFactory(parent=event_index, title="Tapahtuma"), en_locale, "Event", summary="An event.")
    return [en_home, guide, call, showcase, event, english_guides]


def test_no_finnish_ui_string_appears_on_english_pages(client, english_site):
    finnish = finnish_ui_strings()
    urls = [page.url for page in english_site] + ["/en/search/?q=project", "/en/no-such-page/", "/en/events/?when=past"]
    for url in urls:
        html = client.get(url).content.decode()
        text = re.sub(r"<[^>]+>", " ", html)
        text = re.sub(r"https?://[^\s\"]+", " ", text)  # addresses in JSON-LD keep their Finnish slugs
        leaks = [s for s in finnish if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        assert leaks == [], f"Finnish UI text on {url}: {leaks[:5]}"


def test_the_same_check_finds_finnish_on_finnish_pages(client, english_site):
    """Guards the test above: it must be able to see Finnish UI text when it is there."""
    finnish = finnish_ui_strings()
    html = re.sub(r"<[^>]+>", " ", client.get("/fi/").content.decode())
    assert any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", html) for s in finnish)


def test_english_dates_are_written_the_english_way(client, english_site):
    call = Page.objects.get(title="Call").specific
    html = client.get(call.url).content.decode()
    local = timezone.localtime(call.closes_at)
    assert f"{local.day} {local.strftime('%B')} {local.year}, {local.strftime('%H:%M')}" in html
