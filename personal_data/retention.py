"""Delete (not hide) personal data whose retention period has ended, as each purpose declares."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from personal_data.audit import RETENTION, log_action
from personal_data.declarations import purposes
from personal_data.models import OutboxMessage


def enforce_retention(now=None) -> dict[str, int]:
    """Run every declared `expire(now)`; log an audit entry with the counts; return the counts."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        for declared in purposes():
            if declared.expire is not None:
                counts[declared.key] = declared.expire(now)
            if declared.confirmed_field:
                # Double opt-in: what was never confirmed goes when its confirmation link expires.
                counts[declared.key] = counts.get(declared.key, 0) + declared.expire_unconfirmed(now)
        # The loop of `make run` calls this every minute: the audit log gets an entry when something
        # was deleted, and otherwise one a day to show that the command runs.
        total = sum(counts.values())
        ran_lately = ModelLogEntry.objects.filter(action=RETENTION, timestamp__gt=now - timedelta(hours=23)).exists()
        if total or not ran_lately:
            log_action(RETENTION, OutboxMessage, {"counts": counts, "total": total})
    return counts
