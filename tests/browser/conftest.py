"""Real-browser tests: Debian's Chromium driven by Playwright against a live server on the demo site.

Loading the demo takes most of a minute, so it happens once per session. pytest-django's
`live_server` fixture would make every test that uses it a `transactional_db` test, which empties the
database after each test; so these tests never request it. The fixture `demo_site` instead runs
pytest-django's LiveServer itself, loads the demo into the test database (committed, so that the
server's own connection sees it), and afterwards restores the database to the snapshot taken before,
as Django's `serialized_rollback` does: the other tests, and the next `--reuse-db` run, find the
database as migrations left it. The browser tests run one after another (pytest_collection_modifyitems),
so the package-scoped fixtures are set up once and torn down right after the last browser test.

Without Chromium the tests are deselected with one line saying how to install it (the only allowed
skip); `KOONTO_REQUIRE_BROWSER=1` (CI) turns that into an error, and `KOONTO_BROWSER_TESTS=0`
deselects them on purpose (CI's second, PostgreSQL run).
"""

import os
import shutil
from dataclasses import dataclass, field
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = "install it with `apt-get install -y chromium chromium-driver` (or set KOONTO_CHROMIUM=/path/to/chromium)"
PASSWORD = "salasana-123456"  # tests.factories.make_user's password


def chromium_path() -> str | None:
    """Debian's Chromium, or the one KOONTO_CHROMIUM names; None when there is none."""
    candidate = os.environ.get("KOONTO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if os.access(candidate, os.X_OK) else None


def _is_transactional(item) -> bool:
    """Whether pytest-django empties the database after this test (as TransactionTestCase does)."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences") or any(marker.args[:2])):
        return True
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames))


def _deselection_reason() -> str | None:
    """Why the browser tests cannot run here, or None. Raises where they must run (CI)."""
    required = os.environ.get("KOONTO_REQUIRE_BROWSER") == "1"
    if os.environ.get("KOONTO_BROWSER_TESTS") == "0":
        reason = "KOONTO_BROWSER_TESTS=0"
    elif chromium_path() is None:
        reason = f"Chromium not found; {INSTALL_HINT}"
    else:
        return None
    if required:
        raise pytest.UsageError(f"KOONTO_REQUIRE_BROWSER=1, but the browser tests cannot run: {reason}")
    return reason


def pytest_collection_modifyitems(config, items):
    """Deselect the browser tests when asked to (KOONTO_BROWSER_TESTS=0) or when there is no Chromium;
    otherwise run them together, after the ordinary database tests and before the transactional ones.

    The `django_db` marker makes pytest-django set up the test database even when only browser tests
    run (they use no `db` fixture). This hook runs after pytest-django's own sorting (`tryfirst`):
    the demo, loaded at the first browser test and removed after the last, must not be seen by a
    test that expects an empty database, and must be loaded before a transactional test empties
    the tables that migrations filled.
    """
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    browser_set = set(browser_items)
    others = [item for item in items if item not in browser_set]
    reason = _deselection_reason()
    if reason:
        items[:] = others
        config.hook.pytest_deselected(items=browser_items)
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(f"{len(browser_items)} browser tests deselected: {reason}", yellow=True, bold=True)
        return
    for item in browser_items:
        if not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)
    position = next((index for index, item in enumerate(others) if _is_transactional(item)), len(others))
    items[:] = others[:position] + browser_items + others[position:]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """With KOONTO_REQUIRE_BROWSER=1 (CI) a skipped browser test fails: none may pass unrun."""
    report = yield
    if report.skipped and item.get_closest_marker("browser") and os.environ.get("KOONTO_REQUIRE_BROWSER") == "1":
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid} was skipped, but KOONTO_REQUIRE_BROWSER=1 requires every browser test to run"
    return report


@dataclass
class DemoSite:
    """The live server's address and the paths the tests visit, found while the database is at hand."""

    url: str
    paths: dict[str, str] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)

    def __call__(self, name_or_path: str) -> str:
        """The absolute URL of a named page ("fi:showcase") or of a path ("/fi/")."""
        return self.url + self.paths.get(name_or_path, name_or_path)


def _page_paths() -> dict[str, str]:
    """One page of every public type, per language, keyed "<language>:<type>"."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventPage
    from guides.models import FundingCallPage, GuideIndexPage, GuidePage
    from home.models import HomePage, StandardPage
    from koonto.models import KoontoSettings, Organisation
    from showcase.models import ShowcaseIndexPage, ShowcasePage

    settings = KoontoSettings.objects.get()
    paths = {}
    for language in ("fi", "en"):
        locale = Locale.objects.get(language_code=language)

        def first(model, locale=locale, **filters):
            return model.objects.live().filter(locale=locale, **filters).order_by("path").first().url

        paths |= {
            f"{language}:home": first(HomePage),
            f"{language}:standard": first(StandardPage, slug__in=["tietoa-koonto-hankkeesta", "about-koonto"]),
            f"{language}:accessibility": settings.accessibility_page.get_translation(locale).url,
            f"{language}:guide_index": first(GuideIndexPage),
            f"{language}:guide": first(GuidePage),
            f"{language}:call": first(FundingCallPage),
            f"{language}:showcase_index": first(ShowcaseIndexPage),
            f"{language}:showcase": first(ShowcasePage),
            f"{language}:event_index": first(EventIndexPage),
            f"{language}:event": first(EventPage),
        }
        with translation.override(language):
            paths[f"{language}:search"] = reverse("search") + "?q=" + ("hanke" if language == "fi" else "project")
            paths[f"{language}:tag"] = reverse("tag", kwargs={"slug": "tyopaja" if language == "fi" else "workshop"})
            paths[f"{language}:organisation"] = reverse("organisation", kwargs={"slug": Organisation.objects.first().slug})
            paths[f"{language}:404"] = f"/{language}/ei-ole-olemassa/"
    paths |= _untranslated_paths()
    return paths


def _untranslated_paths() -> dict[str, str]:
    """The "no translation yet" page in both languages: a page that exists in one language only."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from home.models import HomePage, StandardPage

    paths = {}
    titles = {"fi": "Vain suomeksi", "en": "Only in English"}
    for language, other in (("fi", "en"), ("en", "fi")):
        home = HomePage.objects.get(locale__language_code=other)
        page = StandardPage(title=titles[other], slug=f"only-{other}", locale=Locale.objects.get(language_code=other))
        only_here = home.add_child(instance=page)
        only_here.save_revision().publish()
        with translation.override(language):
            paths[f"{language}:untranslated"] = reverse("untranslated", kwargs={"page_id": only_here.pk})
    return paths


def _open_call() -> dict[str, str]:
    """An open funding call (the demo's only call closed in 2024), so that the home page has a next call."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.utils import formats, timezone, translation

    from guides.models import GuideIndexPage
    from tests.factories import FundingCallPageFactory

    helsinki = ZoneInfo("Europe/Helsinki")
    deadline_day = timezone.localdate(timezone.now(), helsinki) + timedelta(days=40)
    closes_at = datetime(deadline_day.year, deadline_day.month, deadline_day.day, 16, 15, tzinfo=helsinki)
    index = GuideIndexPage.objects.get(locale__language_code="fi")
    call = FundingCallPageFactory(
        parent=index,
        title="Hankehaku: yhdistysten kokeilut",
        slug="hankehaku-kokeilut",
        opens_at=timezone.now() - timedelta(days=5),
        closes_at=closes_at,
    )
    with translation.override("fi"):
        deadline = formats.date_format(closes_at, "DATETIME_FORMAT")
    return {
        "call_title": call.title,
        "call_path": call.url,
        "call_deadline": deadline,
        "call_deadline_iso": closes_at.isoformat(),
    }


def _make_staff():
    """The editor, the subject expert and the communications person of the editorial journeys and
    the translator of the translation journey, each in their own group only."""
    from editorial.rules import COMMUNICATIONS, EDITORS, EXPERTS, TRANSLATORS
    from tests.factories import make_user

    make_user("selain-toimittaja", EDITORS)
    make_user("selain-asiantuntija", EXPERTS)
    make_user("selain-viestija", COMMUNICATIONS)
    make_user("selain-kaantaja", TRANSLATORS)


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site behind a live server, once per session: the browser tests run together (see
    pytest_collection_modifyitems), so package scope is one load, and the database is restored
    as soon as the last browser test has run."""
    from pytest_django.live_server_helper import LiveServer

    from events.models import EventIndexPage
    from guides.models import GuideIndexPage
    from koonto.origin import sync_site

    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            call_command("load_demo", stdout=StringIO())
            call_command("setup_editorial", stdout=StringIO())
            _make_staff()
            site = DemoSite(url="", paths=_page_paths(), facts=_open_call())
            site.facts["event_index_id"] = str(EventIndexPage.objects.get(locale__language_code="fi").pk)
            site.facts["guide_index_id"] = str(GuideIndexPage.objects.get(locale__language_code="fi").pk)
            server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
            site.url = server.url
            # The live server is the public origin here, as KOONTO_PUBLIC_URL is on a deployment:
            # absolute links (the calendar address, mail links, canonical) lead to it.
            origin = override_settings(
                KOONTO_PUBLIC_URL=server.url, WAGTAILADMIN_BASE_URL=server.url, WAGTAILAPI_BASE_URL=server.url
            )
            origin.enable()
            sync_site()
            try:
                yield site
            finally:
                origin.disable()
                server.stop()
        finally:
            # What TransactionTestCase does with serialized_rollback: empty every table (keeping the
            # sequences, so restored ids never collide) and load the snapshot back.
            call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="package")
def browser(demo_site):
    """One Chromium for all browser tests (started after the demo site is loaded, closed before it is removed).

    Playwright's sync API keeps an asyncio loop in the main thread, so Django takes the test's own
    database calls (pytest-django's per-test transaction) for calls from async code and refuses
    them. They are plain synchronous calls made while the loop waits, hence DJANGO_ALLOW_ASYNC_UNSAFE,
    for as long as the browser runs, as Playwright's documentation advises for Django.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, demo_site):
    """Open pages in fresh contexts (no cookies, no cache): `new_page(width=375)`."""
    contexts = []

    def open_page(width: int = 1280, height: int = 900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, base_url=demo_site.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop-sized page in a fresh context."""
    return new_page()
