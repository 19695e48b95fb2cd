"""Compile the project's .po catalogues to .mo in pure Python (no gettext tools needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_files() -> list[Path]:
    return sorted(p for path in settings.LOCALE_PATHS for p in Path(path).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files with polib."

    def handle(self, *args, **options):
        for po_path in catalogue_files():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"Compiled {po_path}")
