"""Apply Koonto's editorial groups, permissions and workflows (idempotent; run on every deploy)."""

from django.core.management.base import BaseCommand

from editorial.rules import GROUP_NAMES, apply_editorial_rules, language_roots


class Command(BaseCommand):
    help = "Create or complete the editorial groups, page and collection permissions and workflows."

    def handle(self, *args, **options):
        apply_editorial_rules()
        roots = ", ".join(f"{root.title} ({root.locale.language_code})" for root in language_roots())
        self.stdout.write(f"Editorial rules applied: groups {', '.join(GROUP_NAMES)}; language trees: {roots or 'none yet'}.")
