"""Apply Koonto's editorial groups, permissions and workflows, and point the default Site record at
the public origin (`KOONTO_PUBLIC_URL`); idempotent, run on every deploy."""

from django.core.management.base import BaseCommand

from editorial.rules import GROUP_NAMES, apply_editorial_rules, language_roots
from koonto.origin import public_origin, sync_site


class Command(BaseCommand):
    help = "Create or complete the editorial groups, page and collection permissions and workflows."

    def handle(self, *args, **options):
        apply_editorial_rules()
        roots = ", ".join(f"{root.title} ({root.locale.language_code})" for root in language_roots())
        self.stdout.write(f"Editorial rules applied: groups {', '.join(GROUP_NAMES)}; language trees: {roots or 'none yet'}.")
        # Wagtail's own URLs (API v3 `html_url`, `page.full_url`) read the Site record.
        self.stdout.write(sync_site() or f"The Site record already points at {public_origin()}.")
