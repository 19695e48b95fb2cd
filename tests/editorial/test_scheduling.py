"""Scheduled publishing end to end, its notification, and mail failures that must not block."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from personal_data.models import OutboxMessage
from tests.editorial.test_workflow import act, event_form, submit

pytestmark = pytest.mark.django_db


def helsinki_input(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_approved_page_with_future_go_live_waits_for_publish_scheduled(client, site, draft_event, editor, communications):
    go_live = timezone.now() + timedelta(hours=2)
    submit(client, editor, draft_event, event_form(draft_event, go_live_at=helsinki_input(go_live)))
    draft_event.refresh_from_db()
    act(client, communications, draft_event, "approve")
    draft_event.refresh_from_db()
    assert not draft_event.live
    assert Revision.page_revisions.filter(object_id=str(draft_event.pk), approved_go_live_at__isnull=False).exists()

    call_command("publish_scheduled")
    draft_event.refresh_from_db()
    assert not draft_event.live

    mail.outbox.clear()
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
        draft_event.refresh_from_db()
        assert draft_event.live
        # The mail waits in the outbox (personal_data/outbox.py) until send_outbox sends it.
        assert mail.outbox == []
        [queued] = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)
        assert (queued.to, queued.purpose) == (editor.email, "staff_accounts")
        call_command("send_outbox")
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == f"Ajastettu sivu julkaistiin: {draft_event.title}"


def test_expired_events_are_not_unpublished_by_default(site, event_index):
    from tests.factories import EventPageFactory

    past = EventPageFactory(parent=event_index, starts_at=timezone.now() - timedelta(days=400))
    call_command("publish_scheduled")
    past.refresh_from_db()
    assert past.live


def test_a_broken_mail_server_never_blocks_approval_and_is_logged(
    client, site, draft_event, editor, communications, settings, caplog
):
    submit(client, editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    # A real SMTP connection to a closed port on this machine: refused at once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9
    with caplog.at_level(logging.ERROR):
        response = act(client, communications, draft_event, "approve")
    assert response.status_code in (200, 302)
    draft_event.refresh_from_db()
    assert draft_event.live
    assert any("mail" in record.getMessage().lower() for record in caplog.records)
