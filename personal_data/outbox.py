"""Queue mail in the outbox and send it from the scheduled loop, with retries and logging.

A hand-written queue rather than Celery or django-mailer: one table, one command in the loop that
already runs `publish_scheduled`, no broker to run. Log lines name the message's id and purpose,
never its address or body.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from personal_data.models import OutboxMessage

logger = logging.getLogger("koonto.outbox")

# The purpose of mail to staff about their work (review, translation, scheduled publication): it
# serves their accounts (personal_data/builtin.py, "staff_accounts").
STAFF_PURPOSE = "staff_accounts"


def attachment(filename: str, content: str, mimetype: str) -> dict:
    """One text attachment for `enqueue` (an event's .ics, a CSV)."""
    return {"filename": filename, "content": content, "mimetype": mimetype}


def enqueue(
    to: str,
    subject: str,
    body: str,
    purpose: str,
    *,
    headers: dict[str, str] | None = None,
    attachments: list[dict] | None = None,
) -> OutboxMessage:
    """Put one message in the outbox (inside the caller's transaction: it exists only if the data does).

    `headers`: extra mail headers (personal_data.optin.list_unsubscribe_headers for mail a person
    subscribed to); `attachments`: text attachments made with `attachment()`."""
    return OutboxMessage.objects.create(
        to=to,
        subject=subject[:255],
        body=body,
        purpose=purpose,
        headers=headers or {},
        attachments=list(attachments or []),
    )


def retry_delay(attempts: int) -> timedelta:
    """2, 4, 8, ... minutes after the n-th failure, at most six hours."""
    return timedelta(minutes=min(2**attempts, 360))


def send_due(now=None, limit: int = 100) -> dict[str, int]:
    """Send the messages whose time has come; return counts of sent, retried and failed."""
    now = now or timezone.now()
    counts = {"sent": 0, "retried": 0, "failed": 0}
    connection = get_connection(fail_silently=False)
    due = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, send_after__lte=now).values_list("pk", flat=True)
    for pk in list(due[:limit]):
        with transaction.atomic():
            # Another runner of the loop (two machines by mistake) skips a message this one holds.
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=OutboxMessage.Status.PENDING)
                .first()
            )
            if message is None:
                continue
            counts[_send(message, connection, now)] += 1
    return counts


def _send(message: OutboxMessage, connection, now) -> str:
    mail = EmailMessage(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        [message.to],
        connection=connection,
        headers=message.headers or None,
    )
    for attached in message.attachments or []:
        mail.attach(attached["filename"], attached["content"], attached["mimetype"])
    message.attempts += 1
    try:
        mail.send()
    except Exception as error:  # any failure of the mail server or network is retried
        code = getattr(error, "smtp_code", "")
        message.last_error = f"{type(error).__name__} {code}".strip()[:255]
        if message.attempts >= settings.KOONTO_OUTBOX_MAX_ATTEMPTS:
            message.status = OutboxMessage.Status.FAILED
            logger.error(
                "Outbox message %s (%s) failed for good after %s attempts: %s",
                message.pk,
                message.purpose,
                message.attempts,
                message.last_error,
            )
            outcome = "failed"
        else:
            message.send_after = now + retry_delay(message.attempts)
            logger.warning(
                "Outbox message %s (%s) not sent (attempt %s): %s",
                message.pk,
                message.purpose,
                message.attempts,
                message.last_error,
            )
            outcome = "retried"
    else:
        message.status = OutboxMessage.Status.SENT
        message.sent_at = now
        message.last_error = ""
        logger.info("Outbox message %s (%s) sent", message.pk, message.purpose)
        outcome = "sent"
    message.save()
    return outcome
