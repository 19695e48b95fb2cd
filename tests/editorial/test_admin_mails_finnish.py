"""Wagtail's moderation and comment e-mails in Finnish for a user whose admin language is Finnish.

The mails are sent the way Wagtail sends them (its workflow notifiers and `send_notification`, which
render in each recipient's admin language); their subject, text and HTML are checked against the
catalogue strings that have no Finnish (tests/catalogues.py), content left out.
"""

import pytest
from django.core import mail
from wagtail.admin.mail import send_notification
from wagtail.models import Comment, CommentReply

from tests.catalogues import content_strings, find_english, html_texts
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def english_in(message) -> dict[str, str]:
    texts = [message.subject, *message.body.splitlines(), " ".join(message.body.split())]
    for html, _mimetype in getattr(message, "alternatives", []):
        texts += html_texts(html)
    found = find_english([" ".join(text.split()) for text in texts if text.strip()], content_strings())
    return {f"{message.subject}: {msgid}": shown for msgid, shown in found.items()}


def test_moderation_mails_are_finnish(settings, draft_guide, editor, expert, communications):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    mail.outbox.clear()
    draft_guide.get_workflow().start(draft_guide, editor)
    task_state = draft_guide.current_workflow_task_state
    task_state.task.on_action(task_state, expert, "approve", comment="Asiasisältö on kunnossa.")
    draft_guide.refresh_from_db()
    task_state = draft_guide.current_workflow_task_state
    task_state.task.on_action(task_state, communications, "reject", comment="Lyhennä johdantoa.")
    draft_guide.refresh_from_db()
    draft_guide.current_workflow_state.resume(editor)
    draft_guide.refresh_from_db()
    task_state = draft_guide.current_workflow_task_state
    task_state.task.on_action(task_state, communications, "approve", comment="")

    subjects = [message.subject for message in mail.outbox]
    assert len(mail.outbox) >= 4, subjects  # submitted to each step, rejected, approved
    found = {}
    for message in mail.outbox:
        found |= english_in(message)
    assert not found, "English in the moderation mails:\n" + "\n".join(
        f"{key} shown as {shown!r}" for key, shown in found.items()
    )


def test_the_comment_notification_is_finnish(settings, draft_guide, editor, communications):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    reader = make_user("kommenttien-lukija", None)
    revision = draft_guide.latest_revision
    new = Comment.objects.create(
        page=draft_guide, user=editor, text="Tarkista summa.", contentpath="title", revision_created=revision
    )
    resolved = Comment.objects.create(
        page=draft_guide, user=editor, text="Korjattu jo.", contentpath="summary", revision_created=revision
    )
    deleted = Comment.objects.create(
        page=draft_guide, user=editor, text="Poistettava.", contentpath="summary", revision_created=revision
    )
    reply = CommentReply.objects.create(comment=new, user=communications, text="Summa on oikein.")
    mail.outbox.clear()

    assert send_notification(
        [reader],
        "updated_comments",
        {
            "page": draft_guide,
            "editor": communications,
            "new_comments": [new],
            "resolved_comments": [resolved],
            "deleted_comments": [deleted],
            "replied_comments": [{"comment": new, "replies": [reply]}],
        },
    )

    [message] = mail.outbox
    assert draft_guide.title in message.subject
    found = english_in(message)
    assert not found, "English in the comment mail:\n" + "\n".join(f"{key} shown as {shown!r}" for key, shown in found.items())
