"""Translation work: submit for translation, translate by PO file, review, publish.

Real users in real groups, through the admin's own URLs (wagtail-localize's and Koonto's).
"""

import json
from datetime import datetime
from decimal import Decimal
from html import unescape
from zoneinfo import ZoneInfo

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation as translations
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from koonto.models import Municipality
from tests.editorial.test_workflow import act
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Hankehaun infotilaisuus": "Funding call info session",
    "hankehaun-infotilaisuus": "funding-call-info-session",
    "Kerromme haun ehdoista.": "We explain the terms of the call.",
    "Yhdistykset": "Associations",
    "Kuopion kaupungintalo": "Kuopio City Hall",
}


@pytest.fixture
def finnish_event(site, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Hankehaun infotilaisuus",
        slug="hankehaun-infotilaisuus",
        summary="Kerromme haun ehdoista.",
        audience="Yhdistykset",
        venue="Kuopion kaupungintalo",
        starts_at=datetime(2030, 3, 2, 13, 0, tzinfo=ZoneInfo("Europe/Helsinki")),
        municipality=Municipality.objects.get(code="297"),
        registration_url="https://example.fi/ilmoittaudu",
        price=Decimal("15.00"),
    )
    event.save_revision().publish()
    return event


@pytest.fixture
def english_event_index(site, event_index, en_locale, django_capture_on_commit_callbacks):
    from wagtail_localize.operations import translate_object

    with django_capture_on_commit_callbacks(execute=True):
        translate_object(event_index, [en_locale])
    english = event_index.get_translation(en_locale)
    english.save_revision().publish()
    return english


def submit_for_translation(client, user, page, locale, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:submit_page_translation", args=(page.pk,)), {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


@pytest.fixture
def event_translation(client, finnish_event, english_event_index, communications, en_locale, django_capture_on_commit_callbacks):
    """The Finnish event submitted for English translation by communications."""
    return submit_for_translation(client, communications, finnish_event, en_locale, django_capture_on_commit_callbacks)


def english_po(client, translation) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    return po


def upload(client, translation, content: bytes, name="translation.po"):
    url = reverse("wagtail_localize:upload_pofile", args=(translation.pk,))
    return client.post(url, {"file": SimpleUploadedFile(name, content), "next": "/admin/"})


def test_round_trip_submit_translate_by_po_review_and_publish(
    client, site, finnish_event, english_event_index, communications, translator, en_locale, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(client, communications, finnish_event, en_locale, django_capture_on_commit_callbacks)
    english = Page.objects.get(translation_key=finnish_event.translation_key, locale=en_locale).specific
    assert not english.live  # new translations are drafts

    client.force_login(translator)
    upload(client, translation, str(english_po(client, translation)).encode())
    response = client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    assert response.status_code == 302
    english.refresh_from_db()
    assert not english.live
    assert english.current_workflow_task.name == "Viestinnän hyväksyntä"

    act(client, communications, english, "approve")
    english.refresh_from_db()
    assert english.live
    # Translated fields are English ...
    assert (english.title, english.summary, english.audience, english.venue) == (
        "Funding call info session",
        "We explain the terms of the call.",
        "Associations",
        "Kuopio City Hall",
    )
    assert english.url == "/en/tapahtumat/funding-call-info-session/"
    # ... and synced fields equal the source.
    for field in ("starts_at", "ends_at", "municipality_id", "registration_url", "price", "event_type", "mode"):
        assert getattr(english, field) == getattr(finnish_event, field), field


def test_translators_see_save_draft_and_submit_in_the_editor_publishers_do_not(
    client, site, finnish_event, english_event_index, communications, translator, en_locale, django_capture_on_commit_callbacks
):
    submit_for_translation(client, communications, finnish_event, en_locale, django_capture_on_commit_callbacks)
    english = Page.objects.get(translation_key=finnish_event.translation_key, locale=en_locale)
    edit_url = reverse("wagtailadmin_pages:edit", args=(english.pk,))
    client.force_login(translator)
    assert "koonto/translations/" in client.get(edit_url).content.decode()
    client.force_login(communications)
    assert "koonto/translations/" not in client.get(edit_url).content.decode()


def test_a_user_who_cannot_edit_the_translation_cannot_submit_it(
    client, site, finnish_event, english_event_index, communications, expert, en_locale, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(client, communications, finnish_event, en_locale, django_capture_on_commit_callbacks)
    client.force_login(expert)
    response = client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    assert response.status_code in (302, 403)
    english = Page.objects.get(translation_key=finnish_event.translation_key, locale=en_locale)
    assert english.current_workflow_state is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not a po file \x00", "ei ole kelvollinen PO-tiedosto"),
        (b"/etc/passwd", "ei ole kelvollinen PO-tiedosto"),
        (None, "Valitse ladattava PO-tiedosto"),
    ],
)
def test_a_broken_po_file_is_refused_with_a_message_and_changes_nothing(client, event_translation, translator, content, message):
    translation = event_translation
    client.force_login(translator)
    before = StringTranslation.objects.count()
    url = reverse("wagtail_localize:upload_pofile", args=(translation.pk,))
    data = {"next": "/admin/"} if content is None else {"file": SimpleUploadedFile("x.po", content), "next": "/admin/"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert any(message in str(m) for m in get_messages(response.wsgi_request))
    assert StringTranslation.objects.count() == before


def test_a_po_file_for_another_page_is_refused(
    client, event_index, event_translation, communications, translator, en_locale, django_capture_on_commit_callbacks
):
    other = EventPageFactory(parent=event_index, title="Toinen tapahtuma")
    other.save_revision().publish()
    translation = event_translation
    other_translation = submit_for_translation(client, communications, other, en_locale, django_capture_on_commit_callbacks)
    client.force_login(translator)
    foreign = client.get(reverse("wagtail_localize:download_pofile", args=(other_translation.pk,))).content
    before = StringTranslation.objects.count()
    response = upload(client, translation, foreign)
    assert any("toiselle sivulle tai kielelle" in str(m) for m in get_messages(response.wsgi_request))
    assert StringTranslation.objects.count() == before


def test_a_translation_sent_back_shows_the_reviewers_comment_in_the_translation_editor_until_resubmitted(
    client, site, event_translation, finnish_event, communications, translator, en_locale
):
    comment = "Käytä sanaa “information session” otsikossa."
    english = Page.objects.get(translation_key=finnish_event.translation_key, locale=en_locale)
    edit_url = reverse("wagtailadmin_pages:edit", args=(english.pk,))
    submit_url = reverse("koonto_submit_translation_for_review", args=(event_translation.pk,))
    client.force_login(translator)
    client.post(submit_url, {"action": "submit"})
    act(client, communications, english, "reject", comment=comment)

    client.force_login(translator)
    html = client.get(edit_url).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's translation editor, not Wagtail's form
    assert f"{communications.get_full_name()} pyysi muutoksia vaiheessa ”Viestinnän hyväksyntä”:" in html
    assert "<q>Käytä sanaa “information session” otsikossa.</q>" in html
    assert "Tee muutokset ja lähetä sivu uudelleen tarkastettavaksi." in html
    assert comment in client.get(edit_url).content.decode()  # on every visit, not once

    client.post(submit_url, {"action": "submit"})
    english.refresh_from_db()
    assert english.current_workflow_task.name == "Viestinnän hyväksyntä"
    assert comment not in client.get(edit_url).content.decode()


# --- dates in the translation editor the reader's way (localisation/editor_dates.py) ---------------

MAY_14 = datetime(2030, 5, 14, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


def test_a_segments_comment_is_dated_the_finnish_way():
    string_translation = StringTranslation(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=MAY_14)
    with translations.override("fi"):
        assert string_translation.get_comment() == "Käännetty manuaalisesti 14.5.2030"
    with translations.override("en"):
        assert string_translation.get_comment() == "Translated manually on 14 May 2030"
    string_translation.tool_name = "DeepL"
    with translations.override("fi"):
        assert string_translation.get_comment() == "Käännetty työkalulla DeepL 14.5.2030"


def test_the_editor_shows_finnish_dates_and_a_finnish_heading(client, event_translation, finnish_event, translator, en_locale):
    english = finnish_event.get_translation(en_locale)
    english.save_revision().publish()
    english.refresh_from_db()
    english.live_revision.created_at = MAY_14
    english.live_revision.save(update_fields=["created_at"])
    segment = event_translation.source.stringsegment_set.select_related("string", "context").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=en_locale,
        context=segment.context,
        data="Info session",
        last_translated_by=translator,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    StringTranslation.objects.filter(locale=en_locale).update(updated_at=MAY_14)

    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,))).content.decode()
    props = json.loads(unescape(html.split('class="js-translation-editor" data-props="')[1].split('"')[0]))
    assert props["object"]["lastPublishedDate"] == "14.5.2030"
    assert [item["comment"] for item in props["initialStringTranslations"]] == ["Käännetty manuaalisesti 14.5.2030"]
    assert "Käännös kielestä suomi kielelle englanti" in html  # replaces "Suomi to English translation"
