"""Fixtures for the feeds: published pages in the Finnish tree and their English translations."""

import pytest
from wagtail_localize.operations import translate_object

from tests.factories import EventPageFactory, FundingCallPageFactory, GuidePageFactory, ShowcasePageFactory


def publish(factory, parent, **fields):
    """A page created and published as an editor would, so it has publication dates."""
    page = factory(parent=parent, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, capture, publish_it=True):
    """Translate (or sync) with wagtail-localize as the admin does; publish unless asked not to."""
    with capture(execute=True):
        translate_object(page, [locale])
    translation = page.get_translation(locale).specific
    if publish_it:
        translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


@pytest.fixture
def publish_event(site, event_index):
    def make(**fields):
        return publish(EventPageFactory, event_index, **fields)

    return make


@pytest.fixture
def publish_call(site, guide_index):
    def make(**fields):
        return publish(FundingCallPageFactory, guide_index, **fields)

    return make


@pytest.fixture
def publish_guide(site, guide_index):
    def make(**fields):
        return publish(GuidePageFactory, guide_index, **fields)

    return make


@pytest.fixture
def publish_showcase(site, showcase_index):
    def make(**fields):
        return publish(ShowcasePageFactory, showcase_index, **fields)

    return make


@pytest.fixture
def english(en_locale, django_capture_on_commit_callbacks):
    """`english(page)`: the page's published English translation (sections are translated first)."""

    def make(page, publish_it=True):
        parent = page.get_parent().specific
        if parent.get_translation_or_none(en_locale) is None:
            translate(parent, en_locale, django_capture_on_commit_callbacks)
        return translate(page, en_locale, django_capture_on_commit_callbacks, publish_it=publish_it)

    return make
