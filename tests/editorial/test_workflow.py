"""Review and approval: editors submit, experts check substance, communications approve."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.rules import COMMUNICATIONS_TASK, DEFAULT_WORKFLOW, GUIDES_WORKFLOW, SUBSTANCE_TASK
from koonto.models import Organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def guide_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "audience": "",
        "project_phase": "",
        "body": streamfield([]),
        "reviewed_on": "",
        "tags": "",
        "related_pages": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def event_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": "",
        "event_type": "training",
        "status": "scheduled",
        "starts_at": "2030-02-01 13:00",
        "ends_at": "2030-02-01 15:00",
        "mode": "online",
        "event_language": "fi",
        "price": "0",
        # Koonto's registration form is off; these two always have a value (registrations/).
        "registration_max_group_size": "1",
        "registration_retention_days": "90",
        "body": streamfield([]),
        **overrides,
    }
    return nested_form_data(data)


def submit(client, user, page, form):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**form, "action-submit": "1"})


def act(client, user, page, action, comment=""):
    """Approve or reject the page's current task as `user`, through the admin's workflow URL."""
    client.force_login(user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_guides_and_calls_have_two_steps_other_pages_and_snippets_one(site, draft_guide, draft_event, en_home):
    assert draft_guide.get_workflow().name == GUIDES_WORKFLOW
    assert [task.name for task in draft_guide.get_workflow().tasks] == [SUBSTANCE_TASK, COMMUNICATIONS_TASK]
    assert draft_event.get_workflow().name == DEFAULT_WORKFLOW
    assert [task.name for task in draft_event.get_workflow().tasks] == [COMMUNICATIONS_TASK]
    assert en_home.get_workflow().name == DEFAULT_WORKFLOW
    assert Organisation(name="Yhdistys ry").get_workflow().name == DEFAULT_WORKFLOW


def test_editor_has_no_publish_action_and_a_forged_publish_is_refused(client, site, draft_event, editor):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft_event.pk,))
    html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    client.post(edit_url, {**event_form(draft_event), "action-publish": "1"})
    draft_event.refresh_from_db()
    assert not draft_event.live
    assert draft_event.live_revision is None


def test_guide_goes_through_expert_then_communications_and_goes_live(client, site, draft_guide, editor, expert, communications):
    response = submit(client, editor, draft_guide, guide_form(draft_guide, summary="Valmis tarkastettavaksi."))
    assert response.status_code == 302
    draft_guide.refresh_from_db()
    assert draft_guide.current_workflow_task.name == SUBSTANCE_TASK
    assert recipients() == [expert.email]  # the group of the current step only

    mail.outbox.clear()
    assert act(client, expert, draft_guide, "approve").status_code in (200, 302)
    draft_guide.refresh_from_db()
    assert draft_guide.current_workflow_task.name == COMMUNICATIONS_TASK
    assert not draft_guide.live
    assert communications.email in recipients()

    mail.outbox.clear()
    act(client, communications, draft_guide, "approve")
    draft_guide.refresh_from_db()
    assert draft_guide.live
    assert draft_guide.summary == "Valmis tarkastettavaksi."
    assert recipients() == [editor.email]


def test_an_expert_cannot_approve_communications_step(client, site, draft_guide, editor, expert, communications):
    submit(client, editor, draft_guide, guide_form(draft_guide))
    draft_guide.refresh_from_db()
    act(client, expert, draft_guide, "approve")
    draft_guide.refresh_from_db()
    response = act(client, expert, draft_guide, "approve")
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # Wagtail's permission denial
    draft_guide.refresh_from_db()
    assert not draft_guide.live
    assert draft_guide.current_workflow_task.name == COMMUNICATIONS_TASK


def test_rejection_returns_the_page_to_its_author_with_the_comment_in_their_language(client, site, draft_event, communications):
    english_editor = make_user("editor-en", "Toimittajat", language="en")
    draft_event.owner = english_editor
    draft_event.save()
    submit(client, english_editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    mail.outbox.clear()

    act(client, communications, draft_event, "reject", comment="Lisää ilmoittautumislinkki.")
    draft_event.refresh_from_db()
    state = WorkflowState.objects.for_instance(draft_event).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not draft_event.live
    [message] = mail.outbox
    assert message.to == [english_editor.email]
    assert "Lisää ilmoittautumislinkki." in message.body
    assert message.subject == f'Changes requested: "{draft_event.title}"'


def test_finnish_author_gets_finnish_mail(client, site, draft_event, editor, communications):
    submit(client, editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    mail.outbox.clear()
    act(client, communications, draft_event, "reject", comment="Korjaa aika.")
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Korjaa aika." in message.body
    assert draft_event.title in message.subject
    assert message.subject != f'Changes requested: "{draft_event.title}"'
    assert "back to you" not in message.body and "palautti" in message.body


def test_resubmitting_after_rejection_restarts_the_rejected_step_with_the_new_edit(
    client, site, draft_guide, editor, expert, communications
):
    submit(client, editor, draft_guide, guide_form(draft_guide))
    draft_guide.refresh_from_db()
    act(client, expert, draft_guide, "approve")
    draft_guide.refresh_from_db()
    act(client, communications, draft_guide, "reject", comment="Tarkenna tiivistelmää.")

    # During review the page is locked for the editor; after rejection the editor edits and resubmits.
    submit(client, editor, draft_guide, guide_form(draft_guide, summary="Tarkennettu tiivistelmä."))
    draft_guide.refresh_from_db()
    task_state = draft_guide.current_workflow_task_state
    assert task_state.task.name == COMMUNICATIONS_TASK  # the substance check is not repeated
    assert task_state.status == task_state.STATUS_IN_PROGRESS
    assert task_state.revision.as_object().summary == "Tarkennettu tiivistelmä."

    act(client, communications, draft_guide, "approve")
    draft_guide.refresh_from_db()
    assert draft_guide.live and draft_guide.summary == "Tarkennettu tiivistelmä."


def test_the_page_is_locked_for_the_editor_while_in_review(client, site, draft_event, editor):
    submit(client, editor, draft_event, event_form(draft_event))
    client.post(reverse("wagtailadmin_pages:edit", args=(draft_event.pk,)), event_form(draft_event, title="Muutettu kesken"))
    draft_event.refresh_from_db()
    assert draft_event.get_latest_revision().as_object().title == "Luonnostapahtuma"
