"""The translation editor's footer and the review of translations through the workflow.

A translator's main action is "Tallenna luonnos ja lähetä tarkastettavaksi", never "Poista" or
"Muunna aliassivuksi"; translations of guides go through communications' step only, and
communications approves (or sends back, with a comment) from the editor through Wagtail's
workflow, in Finnish, instead of publishing past it.
"""

import html
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from editorial.rules import COMMUNICATIONS_TASK, DEFAULT_WORKFLOW
from tests.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_guide(site, guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Hakemuksen laatiminen", slug="hakemuksen-laatiminen")
    guide.save_revision().publish()
    return guide


@pytest.fixture
def english_guide(client, finnish_guide, guide_index, translator, en_locale, django_capture_on_commit_callbacks):
    """The translator starts the English translation of the guide (its section is copied on the way)."""
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=(finnish_guide.pk,)), {"locales": [en_locale.pk]}
        )
    assert response.status_code == 302
    client.logout()
    return Page.objects.get(translation_key=finnish_guide.translation_key, locale=en_locale).specific


def editor_page(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.text


def footer(text: str) -> str:
    start = text.index('<footer class="footer w-grid md:w-grid-flow-col koonto-translation-footer">')
    return text[start : text.index("</footer>", start)]


def props(text: str) -> dict:
    return json.loads(html.unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', text).group(1)))


def button_labels(fragment: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>|\s+", " ", label).strip()
        for label in re.findall(r"<(?:button|a)\b[^>]*>(.*?)</(?:button|a)>", fragment, re.S)
    ]


def test_a_translators_main_action_is_save_and_submit_for_review(client, english_guide, translator):
    text = editor_page(client, translator, english_guide)
    labels = [label for label in button_labels(footer(text)) if label]
    assert labels[0] == "Tallenna luonnos ja lähetä tarkastettavaksi"  # the main action
    assert "Tallenna luonnos" in labels and "Synkronoi suomenkielisestä" in labels
    assert not {"Poista", "Muunna aliassivuksi", "Delete", "Convert to alias page"} & set(labels)
    settings = props(text)
    assert settings["perms"]["canDelete"] is False and settings["perms"]["canPublish"] is False
    assert settings["links"]["convertToAliasUrl"] is None
    assert 'class="koonto-own-footer"' in text  # the React footer is hidden under it


def test_an_editor_who_owns_the_translation_is_not_offered_delete_either(
    client, finnish_guide, editor, en_locale, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(finnish_guide, [en_locale], user=editor)
    english = finnish_guide.get_translation(en_locale)
    text = editor_page(client, editor, english)
    assert props(text)["perms"]["canDelete"] is False
    assert button_labels(footer(text))[0] == "Tallenna luonnos ja lähetä tarkastettavaksi"


def test_communications_keeps_wagtail_localizes_footer_when_nothing_is_in_review(client, english_guide, communications):
    text = editor_page(client, communications, english_guide)
    assert "koonto-translation-footer" not in text
    assert props(text)["perms"]["canPublish"] is True


def test_a_guide_translation_goes_through_communications_step_only(
    client, english_guide, translator, communications, django_capture_on_commit_callbacks
):
    translation = Translation.objects.get(source__object_id=english_guide.translation_key, target_locale=english_guide.locale)
    assert english_guide.get_workflow().name == DEFAULT_WORKFLOW
    client.force_login(translator)
    response = client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)), {"action": "submit"})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=(english_guide.pk,))
    english_guide.refresh_from_db()
    assert english_guide.current_workflow_task.name == COMMUNICATIONS_TASK
    assert not english_guide.live


def test_save_draft_does_not_start_the_review(client, english_guide, translator):
    translation = Translation.objects.get(source__object_id=english_guide.translation_key, target_locale=english_guide.locale)
    client.force_login(translator)
    client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)), {"action": "save"})
    english_guide.refresh_from_db()
    assert english_guide.current_workflow_state is None
    assert english_guide.has_unpublished_changes


def submitted(client, english_guide, translator):
    translation = Translation.objects.get(source__object_id=english_guide.translation_key, target_locale=english_guide.locale)
    client.force_login(translator)
    client.post(reverse("koonto_submit_translation_for_review", args=(translation.pk,)))
    english_guide.refresh_from_db()
    return english_guide


def test_communications_approves_the_translation_in_the_workflow_from_the_editor(
    client, english_guide, translator, communications, django_capture_on_commit_callbacks
):
    page = submitted(client, english_guide, translator)
    mail.outbox.clear()
    text = editor_page(client, communications, page)
    bar = footer(text)
    assert button_labels(bar)[0] == "Hyväksy ja julkaise"
    assert "Pyydä muutoksia" in button_labels(bar)
    assert "Tarkastus: Viestinnän hyväksyntä" in text
    assert "Publish in" not in bar
    approve_url = re.search(r'<form id="koonto-review-form" method="post" action="([^"]+)"', text).group(1)
    assert approve_url == reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", page.current_workflow_task_state.pk)
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve_url, {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    # The translator is told, in Finnish (their admin language).
    to_translator = [message for message in mail.outbox if translator.email in message.to]
    assert to_translator and "Hyväksytty" in to_translator[0].subject


def test_communications_sends_the_translation_back_with_a_comment(client, english_guide, translator, communications):
    page = submitted(client, english_guide, translator)
    mail.outbox.clear()
    text = editor_page(client, communications, page)
    reject_url = re.search(r'formaction="([^"]+)"', footer(text)).group(1)
    assert reject_url == reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "reject", page.current_workflow_task_state.pk)
    )
    client.post(reject_url, {"comment": "Otsikko on liian pitkä."})
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
    to_translator = [message for message in mail.outbox if translator.email in message.to]
    assert to_translator and "Otsikko on liian pitkä." in to_translator[0].body
    # Back in the editor, the translator's main action resubmits.
    assert button_labels(footer(editor_page(client, translator, page)))[0] == "Tallenna luonnos ja lähetä tarkastettavaksi"
