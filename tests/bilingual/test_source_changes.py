"""A published Finnish change reaches its translations: facts at once, prose through the translator.

Synchronised fields (the event's time and place) reach the live English page without a second
review; new Finnish text waits for the translator, who is told by e-mail in their admin language.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from localisation.report import OUT_OF_DATE, UP_TO_DATE, TranslationReport
from personal_data.outbox import send_due
from tests.editorial.test_workflow import act
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


def translate_strings(page, locale):
    source = TranslationSource.objects.get_for_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": f"EN {segment.string.data}"}
        )


def english_cell(user, page):
    row = next(row for row in TranslationReport(user).rows if row.page_id == page.pk)
    return row.cells[0]


@pytest.fixture
def english_event_index(site, event_index, en_locale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(event_index, [en_locale])
    english = event_index.get_translation(en_locale)
    english.save_revision().publish()
    return english


@pytest.fixture
def finnish_event(site, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Syysseminaari",
        slug="syysseminaari",
        summary="Seminaari hankkeille.",
        venue="Kuopion kaupungintalo",
        registration_url="https://example.fi/ilmoittaudu",
        starts_at=datetime(2030, 9, 2, 13, 0, tzinfo=HELSINKI),
        ends_at=datetime(2030, 9, 2, 15, 0, tzinfo=HELSINKI),
    )
    event.save_revision().publish()
    return event


@pytest.fixture
def live_english_event(
    client, finnish_event, english_event_index, translator, communications, en_locale, django_capture_on_commit_callbacks
):
    """Translated by the translator, approved by communications in the workflow: live and up to date."""
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(finnish_event, [en_locale], user=communications)
    translate_strings(finnish_event, en_locale)
    translation = Translation.objects.get(source__object_id=finnish_event.translation_key, target_locale=en_locale)
    client.force_login(translator)
    client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    english = finnish_event.get_translation(en_locale)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, communications, english, "approve")
    english.refresh_from_db()
    assert english.live and english_cell(communications, finnish_event).state == UP_TO_DATE
    mail.outbox.clear()
    return english


def change_in_finnish(page, editor, capture, **values):
    """An editor's change to the Finnish page, published (as after communications' approval)."""
    page = Page.objects.get(pk=page.pk).specific
    for name, value in values.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision(user=editor).publish(skip_permission_checks=True)
    return page


def test_a_new_time_reaches_the_live_translation_without_review_the_new_text_waits(
    client, finnish_event, live_english_event, editor, communications, translator, en_locale, django_capture_on_commit_callbacks
):
    new_start = datetime(2030, 9, 3, 10, 0, tzinfo=HELSINKI)
    change_in_finnish(
        finnish_event,
        editor,
        django_capture_on_commit_callbacks,
        starts_at=new_start,
        ends_at=datetime(2030, 9, 3, 12, 0, tzinfo=HELSINKI),
        summary="Seminaari hankkeille. Ilmoittaudu viikkoa ennen.",
    )

    english = Page.objects.get(pk=live_english_event.pk).specific
    assert english.live and english.starts_at == new_start  # the fact, at once
    assert english.summary == "EN Seminaari hankkeille."  # the prose waits for the translator
    assert english.current_workflow_state is None
    assert english.live_revision.as_object().starts_at == new_start

    # The translator sees one new segment, without anyone syncing.
    cell = english_cell(communications, finnish_event)
    assert cell.state == OUT_OF_DATE and cell.untranslated == 1 and not cell.source_changed

    # ... and is told, in Finnish, with a link on the public address: through the outbox, which
    # send_outbox empties outside any request.
    assert mail.outbox == []
    send_due()
    [message] = [message for message in mail.outbox if translator.email in message.to]
    assert message.subject == "Suomenkielinen sivu muuttui: Syysseminaari"
    assert f"http://testserver/admin/pages/{english.pk}/edit/" in message.body
    assert not [message for message in mail.outbox if editor.email in message.to]  # the publisher is not told

    # The translator translates the new sentence and submits; communications approves.
    translate_strings(finnish_event, en_locale)
    translation = Translation.objects.get(source__object_id=finnish_event.translation_key, target_locale=en_locale)
    client.force_login(translator)
    client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    english.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, communications, english, "approve")
    english.refresh_from_db()
    assert english.summary == "EN Seminaari hankkeille. Ilmoittaudu viikkoa ennen."
    assert english.starts_at == new_start
    assert english_cell(communications, finnish_event).state == UP_TO_DATE
    response = client.get(english.url)
    assert "EN Seminaari hankkeille. Ilmoittaudu viikkoa ennen." in response.text


def test_a_translation_in_review_keeps_its_review_and_gets_the_new_time(
    client, finnish_event, live_english_event, editor, communications, translator, en_locale, django_capture_on_commit_callbacks
):
    translation = Translation.objects.get(source__object_id=finnish_event.translation_key, target_locale=en_locale)
    client.force_login(translator)
    client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    new_start = datetime(2030, 9, 4, 9, 0, tzinfo=HELSINKI)
    change_in_finnish(
        finnish_event,
        editor,
        django_capture_on_commit_callbacks,
        starts_at=new_start,
        ends_at=datetime(2030, 9, 4, 11, 0, tzinfo=HELSINKI),
    )

    english = Page.objects.get(pk=live_english_event.pk).specific
    assert english.current_workflow_state is not None  # the review goes on
    assert english.starts_at == new_start
    with django_capture_on_commit_callbacks(execute=True):
        act(client, communications, english, "approve")
    english.refresh_from_db()
    assert english.starts_at == new_start  # approving the draft does not bring the old time back


def test_a_change_nobody_translated_sends_no_mail(finnish_event, editor, django_capture_on_commit_callbacks):
    change_in_finnish(finnish_event, editor, django_capture_on_commit_callbacks, venue="Joensuun kaupungintalo")
    send_due()
    assert mail.outbox == []


def test_translators_are_told_when_a_translation_is_requested(
    client, finnish_event, english_event_index, translator, editor, communications, en_locale, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(communications)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtail_localize:submit_page_translation", args=(finnish_event.pk,)), {"locales": [en_locale.pk]})
    english = finnish_event.get_translation(en_locale)
    assert mail.outbox == []  # queued in the outbox, not sent inside the request
    send_due()
    assert [message.to for message in mail.outbox] == [[translator.email]]  # not editors, not the requester
    [message] = mail.outbox
    assert message.subject == "Käännöspyyntö kielelle englanti: Syysseminaari"
    assert f"http://testserver/admin/pages/{english.pk}/edit/" in message.body


def test_a_field_the_translator_overrode_keeps_their_value(
    finnish_event, live_english_event, editor, en_locale, translator, django_capture_on_commit_callbacks
):
    source = TranslationSource.objects.get_for_instance(finnish_event)
    segment = OverridableSegment.objects.get(source=source, context__path="registration_url")
    SegmentOverride.objects.create(
        locale=en_locale, context=segment.context, data_json='"https://example.fi/en/register"', last_translated_by=translator
    )
    type(live_english_event).objects.filter(pk=live_english_event.pk).update(registration_url="https://example.fi/en/register")
    new_start = datetime(2030, 9, 5, 9, 0, tzinfo=HELSINKI)
    change_in_finnish(
        finnish_event,
        editor,
        django_capture_on_commit_callbacks,
        starts_at=new_start,
        ends_at=datetime(2030, 9, 5, 11, 0, tzinfo=HELSINKI),
        registration_url="https://example.fi/ilmoittaudu-uudelleen",
    )
    english = Page.objects.get(pk=live_english_event.pk).specific
    assert english.starts_at == new_start
    assert english.registration_url == "https://example.fi/en/register"


def test_a_failure_to_pass_the_change_on_never_stops_the_finnish_publication(
    finnish_event, live_english_event, editor, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(page, target):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr("localisation.source_changes.push_synchronised_fields", broken)
    page = change_in_finnish(finnish_event, editor, django_capture_on_commit_callbacks, venue="Joensuun kaupungintalo")
    page.refresh_from_db()
    assert page.venue == "Joensuun kaupungintalo" and page.live and not page.has_unpublished_changes


# --- inline rows ----------------------------------------------------------------------------------


@pytest.fixture
def live_english_showcase(site, showcase_index, en_locale, django_capture_on_commit_callbacks):
    """A Finnish showcase with a link (a translatable row: English text, synchronised address) and
    municipalities (a synchronised child relation), translated and live in English."""
    from koonto.models import Municipality
    from showcase.models import ShowcaseLink, ShowcaseMunicipality
    from tests.factories import ShowcasePageFactory

    with django_capture_on_commit_callbacks(execute=True):
        translate_object(showcase_index, [en_locale])
    showcase_index.get_translation(en_locale).save_revision().publish()
    finnish = ShowcasePageFactory(parent=showcase_index, title="Kylätalohanke")
    finnish.links = [ShowcaseLink(title="Hankkeen sivut", url="https://example.fi/vanha")]
    finnish.municipalities = [ShowcaseMunicipality(municipality=Municipality.objects.get(code="297"))]
    finnish.save()
    finnish.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(finnish, [en_locale])
    translate_strings(finnish, en_locale)
    translation = Translation.objects.get(source__object_id=finnish.translation_key, target_locale=en_locale)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = finnish.get_translation(en_locale).specific
    assert english.live and [link.title for link in english.links.all()] == ["EN Hankkeen sivut"]
    return finnish, english


def test_synchronised_values_of_inline_rows_reach_the_live_translation(
    live_english_showcase, editor, en_locale, django_capture_on_commit_callbacks
):
    from koonto.models import Municipality
    from showcase.models import ShowcaseMunicipality

    finnish, english = live_english_showcase
    finnish = Page.objects.get(pk=finnish.pk).specific
    links = list(finnish.links.all())
    links[0].url = "https://example.fi/uusi"
    finnish.links = links
    finnish.municipalities = [
        ShowcaseMunicipality(municipality=Municipality.objects.get(code="140")),
        ShowcaseMunicipality(municipality=Municipality.objects.get(code="749")),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        finnish.save_revision(user=editor).publish(skip_permission_checks=True)

    english = Page.objects.get(pk=english.pk).specific
    # The live page: the new address under the English link text, the new municipalities ...
    assert [(row.title, row.url) for row in english.links.all()] == [("EN Hankkeen sivut", "https://example.fi/uusi")]
    assert [row.municipality.code for row in english.municipalities.all()] == ["140", "749"]
    # ... and its live revision, so a later publication of it does not bring the old ones back.
    revision = english.live_revision.as_object()
    assert [(row.title, row.url) for row in revision.links.all()] == [("EN Hankkeen sivut", "https://example.fi/uusi")]
    assert [row.municipality_id for row in revision.municipalities.all()] == [
        Municipality.objects.get(code="140").pk,
        Municipality.objects.get(code="749").pk,
    ]
    assert english.current_workflow_state is None  # no second review


def test_an_address_the_translator_overrode_in_a_row_keeps_their_value(
    live_english_showcase, editor, en_locale, django_capture_on_commit_callbacks
):
    finnish, english = live_english_showcase
    source = TranslationSource.objects.get_for_instance(finnish)
    link_key = finnish.links.get().translation_key
    overridable = OverridableSegment.objects.get(source=source, context__path=f"links.{link_key}.url")
    SegmentOverride.objects.create(locale=en_locale, context=overridable.context, data_json='"https://example.com/english"')
    english.links.update(url="https://example.com/english")

    finnish = Page.objects.get(pk=finnish.pk).specific
    links = list(finnish.links.all())
    links[0].url = "https://example.fi/uusi"
    finnish.links = links
    with django_capture_on_commit_callbacks(execute=True):
        finnish.save_revision(user=editor).publish(skip_permission_checks=True)
    assert Page.objects.get(pk=english.pk).specific.links.get().url == "https://example.com/english"
