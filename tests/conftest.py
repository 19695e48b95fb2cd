"""Shared fixtures: a minimal Finnish site tree, its English tree, and real users in real groups."""

import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.models import Locale, Page, Site

from editorial.rules import COMMUNICATIONS, EDITORS, EXPERTS, TRANSLATORS, apply_editorial_rules
from koonto.origin import site_address
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    HomePageFactory,
    ShowcaseIndexPageFactory,
    make_user,
)


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only against PostgreSQL; a SQLite run leaves them out, saying so."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    postgres_only = [item for item in items if item.get_closest_marker("postgres")]
    if postgres_only:
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
        config.hook.pytest_deselected(items=postgres_only)
        config.issue_config_time_warning(
            pytest.PytestWarning(
                f"{len(postgres_only)} tests need PostgreSQL and run with DATABASE_URL=postgres://... (CI runs both)."
            ),
            stacklevel=2,
        )


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the database is rolled back, cached renditions and
    pages must not outlive it."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def fi_locale(db):
    return Locale.objects.get(language_code="fi")


@pytest.fixture
def en_locale(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(db, fi_locale):
    """A Finnish HomePage as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="koonto", locale=fi_locale)
    # The Site record follows KOONTO_PUBLIC_URL, as setup_editorial makes it on a deployment.
    hostname, port = site_address()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": hostname, "port": port, "root_page": home})
    Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(content_type=home.content_type).delete()
    return home


@pytest.fixture
def guide_index(home):
    return GuideIndexPageFactory(parent=home, slug="rahoitus", show_in_menus=True)


@pytest.fixture
def showcase_index(home):
    return ShowcaseIndexPageFactory(parent=home, slug="hankkeet", show_in_menus=True)


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home, slug="tapahtumat", show_in_menus=True)


@pytest.fixture
def en_home(home, en_locale):
    en_home = home.copy_for_translation(en_locale)
    en_home.save_revision().publish()
    return en_home


@pytest.fixture
def site(home, guide_index, event_index, en_home):
    """Both language trees with their sections, and the editorial rules applied."""
    apply_editorial_rules()
    return home


@pytest.fixture
def editor(db):
    return make_user("toimittaja", EDITORS)


@pytest.fixture
def expert(db):
    return make_user("asiantuntija", EXPERTS)


@pytest.fixture
def communications(db):
    return make_user("viestija", COMMUNICATIONS)


@pytest.fixture
def translator(db):
    return make_user("kaantaja", TRANSLATORS)


@pytest.fixture
def draft_guide(site, guide_index, editor):
    guide = GuidePageFactory(parent=guide_index, title="Luonnosopas", live=False, owner=editor)
    guide.save_revision(user=editor)
    return guide


@pytest.fixture
def draft_event(site, event_index, editor):
    event = EventPageFactory(parent=event_index, title="Luonnostapahtuma", live=False, owner=editor)
    event.save_revision(user=editor)
    return event
