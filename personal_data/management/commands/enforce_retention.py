"""Delete personal data whose retention period has ended (docs/deploy.md: every minute with publish_scheduled, or daily)."""

import logging

from django.core.management.base import BaseCommand

from personal_data.retention import enforce_retention

logger = logging.getLogger("koonto.retention")


class Command(BaseCommand):
    help = "Delete personal data whose declared retention period has ended, and log how many records went."

    def handle(self, *args, **options):
        counts = enforce_retention()
        total = sum(counts.values())
        summary = ", ".join(f"{key}: {count}" for key, count in counts.items())
        logger.info("Retention enforced: %s records deleted (%s)", total, summary)
        self.stdout.write(f"Deleted {total} records past their retention period ({summary}).")
