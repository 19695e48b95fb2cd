"""Public snippets go through review; locking, comments and the audit log are on."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from koonto.models import Organisation
from tests.editorial.test_workflow import event_form, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(site):
    organisation = Organisation.objects.create(name="Yhdistys ry")
    organisation.save_revision().publish()
    return organisation


def organisation_form(name: str) -> dict:
    return {"name": name, "business_id": "", "organisation_type": "association", "website": "", "description": ""}


def test_an_organisation_change_by_an_editor_waits_for_communications(client, organisation, editor, communications):
    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_koonto_organisation:edit", args=(organisation.pk,))
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    client.post(edit_url, {**organisation_form("Yhdistys ry (uusi nimi)"), "action-publish": "1"})
    client.post(edit_url, {**organisation_form("Yhdistys ry (uusi nimi)"), "action-submit": "1"})
    organisation.refresh_from_db()
    assert organisation.name == "Yhdistys ry"  # the public still sees the approved name
    state = WorkflowState.objects.for_instance(organisation).get(status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(communications)
    task_state = state.current_task_state
    url = reverse("wagtailsnippets_koonto_organisation:workflow_action", args=(organisation.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    organisation.refresh_from_db()
    assert organisation.name == "Yhdistys ry (uusi nimi)"


def test_communications_can_lock_a_page_and_then_the_editor_cannot_save_it(client, site, draft_event, editor, communications):
    client.force_login(communications)
    client.post(reverse("wagtailadmin_pages:lock", args=(draft_event.pk,)))
    draft_event.refresh_from_db()
    assert draft_event.locked and draft_event.locked_by == communications

    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:edit", args=(draft_event.pk,)), event_form(draft_event, title="Lukittu muutos"))
    draft_event.refresh_from_db()
    assert draft_event.get_latest_revision().as_object().title == "Luonnostapahtuma"


def test_comments_are_available_in_the_page_editor(client, site, draft_event, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(draft_event.pk,))).content.decode()
    assert "comments-data" in html and "comment_notifications" in html


def test_the_audit_log_records_submission_approval_and_publication(client, site, draft_event, editor, communications):
    submit(client, editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    client.force_login(communications)
    task_state = draft_event.current_workflow_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(draft_event.pk, "approve", task_state.pk)), {"comment": ""})
    actions = set(PageLogEntry.objects.filter(page=draft_event).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions


def test_comments_can_be_switched_off(client, site, draft_event, editor, settings):
    settings.WAGTAILADMIN_COMMENTS_ENABLED = False
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(draft_event.pk,))).content.decode()
    assert "comments-data" not in html
