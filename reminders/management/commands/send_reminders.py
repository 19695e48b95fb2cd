"""Queue the funding-call reminders that are due (docs/deploy.md: every minute, before send_outbox)."""

from django.core.management.base import BaseCommand

from reminders.schedule import send_due_reminders


class Command(BaseCommand):
    help = "Queue the reminders of funding calls whose moment has come (opening, N days before closing), each once."

    def handle(self, *args, **options):
        count = send_due_reminders()
        if count:  # the loop of `make run` calls this every minute: say nothing when nothing was due
            self.stdout.write(f"Queued {count} funding call reminders.")
