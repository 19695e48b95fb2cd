"""The outbox: mail waits in a table and the scheduled loop sends it (`manage.py send_outbox`).

Mail is never sent inside a visitor's request: a slow or failing mail server must not make a form
hang or lose a submission, and a message that failed is tried again (personal_data/outbox.py).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    to = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    # Text attachments, e.g. an event's .ics: [{"filename": ..., "content": ..., "mimetype": ...}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # The declared purpose (personal_data.declarations) the mail serves, for the data map and export.
    purpose = models.CharField(_("purpose"), max_length=50)
    # Extra mail headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) of reminders.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    send_after = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The exception's class and the mail server's reply code only: never an address or the body.
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["send_after", "pk"]
        # Granted to Viestintä by editorial/rules.py: export and erase everything held about an address.
        permissions = [("manage_personal_data", _("Can export and erase personal data by e-mail address"))]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk} ({self.status})"
