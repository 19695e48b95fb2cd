"""A translation's slug follows its translated title until someone sets it."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_event_index(site, event_index, en_locale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(event_index, [en_locale])
    english = event_index.get_translation(en_locale)
    english.save_revision().publish()
    return english


@pytest.fixture
def finnish_event(english_event_index, event_index):
    event = EventPageFactory(parent=event_index, title="Hyvän hakemuksen työpaja", slug="hyvan-hakemuksen-tyopaja")
    event.save_revision().publish()
    return event


@pytest.fixture
def translation(finnish_event, en_locale, communications, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(finnish_event, [en_locale], user=communications)
    return Translation.objects.get(source__object_id=finnish_event.translation_key, target_locale=en_locale)


def translate(page, locale, path, text):
    source = TranslationSource.objects.get_for_instance(page)
    segment = StringSegment.objects.get(source=source, context__path=path)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
    )


def submit(client, translator, translation):
    client.force_login(translator)
    response = client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    assert response.status_code == 302


def test_the_slug_follows_the_translated_title(client, finnish_event, translation, translator, en_locale):
    translate(finnish_event, en_locale, "title", "Workshop: a good application")
    submit(client, translator, translation)
    english = finnish_event.get_translation(en_locale)
    assert english.get_latest_revision_as_object().slug == "workshop-a-good-application"
    assert english.slug == "workshop-a-good-application"
    # The address follows the slug: Wagtail builds links from url_path and routes by slug.
    assert english.url_path.endswith("/workshop-a-good-application/")


def test_a_section_whose_slug_follows_its_title_takes_its_pages_along(
    client, finnish_event, translation, translator, event_index, english_event_index, en_locale
):
    english_event = finnish_event.get_translation(en_locale)
    section = Translation.objects.get(source__object_id=event_index.translation_key, target_locale=en_locale)
    translate(event_index, en_locale, "title", "Events")
    submit(client, translator, section)
    english_event_index.refresh_from_db()
    english_event.refresh_from_db()
    assert english_event_index.slug == "events" and english_event_index.url_path.endswith("/events/")
    assert english_event.url_path.startswith(english_event_index.url_path)


def test_a_slug_the_translator_set_is_kept(client, finnish_event, translation, translator, en_locale):
    translate(finnish_event, en_locale, "title", "Workshop: a good application")
    translate(finnish_event, en_locale, "slug", "application-workshop")
    submit(client, translator, translation)
    assert finnish_event.get_translation(en_locale).slug == "application-workshop"


def test_the_slug_is_unique_among_its_siblings(client, finnish_event, english_event_index, translation, translator, en_locale):
    english_event_index.add_child(instance=EventPageFactory.build(title="Other", slug="workshop", locale=en_locale))
    translate(finnish_event, en_locale, "title", "Workshop")
    submit(client, translator, translation)
    assert finnish_event.get_translation(en_locale).slug == "workshop-1"


def test_a_slug_set_by_hand_is_kept(finnish_event, translation, en_locale):
    english = finnish_event.get_translation(en_locale)
    english.slug = "chosen-address"
    english.save()
    english.refresh_from_db()
    assert english.slug == "chosen-address"
