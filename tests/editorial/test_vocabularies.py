"""Vocabularies are communications' alone; the project description is reviewed like organisations.

Through the admin's own views as each role: a forged save is refused, a change by an editor
waits for communications' approval, and the matrix is exact (a grant made by hand is undone).
"""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import WorkflowState

from editorial.rules import EDITORS, TRANSLATORS, apply_editorial_rules
from koonto.models import ProjectDescription, Theme

pytestmark = pytest.mark.django_db


def draftail(text: str) -> str:
    """Rich text as the admin's editor posts it."""
    block = {"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


@pytest.fixture
def theme(site):
    return Theme.objects.create(name="Osallisuus", slug="osallisuus", description="Osallistuminen.")


@pytest.fixture
def description(site):
    description = ProjectDescription.objects.create(title="Koonto-hanke", text="<p>Tavoitteet.</p>")
    description.save_revision().publish()
    return description


def test_an_editor_cannot_change_a_theme(client, theme, editor):
    client.force_login(editor)

    client.post(
        reverse("wagtailsnippets_koonto_theme:edit", args=(theme.pk,)),
        {"name": "Syrjäytyminen", "slug": "osallisuus", "description": ""},
    )
    client.post(reverse("wagtailsnippets_koonto_theme:add"), {"name": "Uusi teema", "slug": "uusi", "description": ""})

    theme.refresh_from_db()
    assert theme.name == "Osallisuus"
    assert not Theme.objects.filter(slug="uusi").exists()


def test_an_editor_can_still_choose_a_theme_for_a_showcase(client, theme, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippetchoosers_koonto_theme:choose"))

    assert response.status_code == 200
    assert "Osallisuus" in response.json()["html"]


def test_an_editors_change_to_the_project_description_waits_for_communications(client, description, editor, communications):
    edit_url = reverse("wagtailsnippets_koonto_projectdescription:edit", args=(description.pk,))
    form = {"title": "Koonto-hanke (uusi)", "text": draftail("Uudet tavoitteet.")}
    client.force_login(editor)

    assert 'name="action-publish"' not in client.get(edit_url).text
    client.post(edit_url, {**form, "action-publish": "1"})
    client.post(edit_url, {**form, "action-submit": "1"})

    description.refresh_from_db()
    assert description.title == "Koonto-hanke"  # the public still sees the approved text
    assert description.live
    state = WorkflowState.objects.for_instance(description).get(status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(communications)
    url = reverse(
        "wagtailsnippets_koonto_projectdescription:workflow_action",
        args=(description.pk, "approve", state.current_task_state.pk),
    )
    client.post(url, {"comment": ""})
    description.refresh_from_db()
    assert description.title == "Koonto-hanke (uusi)"
    assert "Uudet tavoitteet." in description.text


def test_a_project_description_without_revisions_is_live():
    """Rows from before descriptions had drafts have no revision; they stay live."""
    assert ProjectDescription.objects.create(title="Koonto-hanke", text="<p>Tavoitteet.</p>").live


def test_the_rules_undo_a_vocabulary_grant_made_by_hand(site):
    editors, translators = Group.objects.get(name=EDITORS), Group.objects.get(name=TRANSLATORS)
    editors.permissions.add(Permission.objects.get(codename="change_theme"))
    translators.permissions.add(Permission.objects.get(codename="add_tagtranslation"))

    apply_editorial_rules()

    assert not editors.permissions.filter(codename="change_theme").exists()
    assert not translators.permissions.filter(codename="add_tagtranslation").exists()
