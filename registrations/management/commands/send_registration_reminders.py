"""Queue the day-before reminders of event registrations (docs/deploy.md: every minute, beside
publish_scheduled and send_outbox; the outbox then sends them)."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from registrations.services import due_reminders


class Command(BaseCommand):
    help = "Queue the reminders of registrants whose event is tomorrow (Finnish time) and who asked for one."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="ISO 8601 moment to act as the current time (for tests and catching up).")

    def handle(self, *args, **options):
        now = parse_datetime(options["now"]) if options.get("now") else timezone.now()
        if now is None:
            self.stderr.write("--now is not an ISO 8601 date and time.")
            return
        queued = due_reminders(now)
        if queued:
            self.stdout.write(f"Queued {queued} reminder(s).")
