"""Send the mail waiting in the outbox (docs/deploy.md: every minute, beside publish_scheduled)."""

from django.core.management.base import BaseCommand

from personal_data.outbox import send_due


class Command(BaseCommand):
    help = "Send the outbox's due messages; a failed message is tried again later, at most KOONTO_OUTBOX_MAX_ATTEMPTS times."

    def handle(self, *args, **options):
        counts = send_due()
        if not any(counts.values()):
            return  # the loop of `make run` calls this every minute: say nothing when nothing was due
        self.stdout.write(f"Sent {counts['sent']}, to retry {counts['retried']}, failed for good {counts['failed']}.")
