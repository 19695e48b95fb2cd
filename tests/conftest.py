"""Shared fixtures: a minimal Finnish site tree that tests build on."""

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import (
    EventIndexPageFactory,
    GuideIndexPageFactory,
    HomePageFactory,
    ShowcaseIndexPageFactory,
)


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
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
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
