"""Bring the demo's English catalogue (demo/content/en.po) up to date with the Finnish data.

For the content editor who changed a TOML file: new Finnish strings are added untranslated, changed ones
keep their English marked fuzzy with the old Finnish beside it, and English nobody uses any more is kept
as obsolete; demo/catalogue.py says how. `--check` writes nothing and fails if the file is behind the
data or has fuzzy or untranslated strings, which is what the test suite runs.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demo import catalogue
from demo.data import CONTENT_DIR, ContentError, load


class Command(BaseCommand):
    help = "Update demo/content/en.po from the Finnish demo data: add new strings, mark the English of changed ones fuzzy."

    def add_arguments(self, parser):
        parser.add_argument(
            "--content", type=Path, default=CONTENT_DIR, help="Folder of the demo data and en.po (default: demo/content/)."
        )
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; fail if en.po is not up to date and fully translated."
        )
        parser.add_argument("--no-obsolete", action="store_true", help="Drop English that no Finnish string uses any more.")

    def handle(self, *args, content: Path, check: bool, no_obsolete: bool, **options):
        try:
            data = load(content)
            path = catalogue.catalogue_path(data)
            written = catalogue.read_catalogue(path)
        except ContentError as error:
            raise CommandError(f"The demo data cannot be read: {error}") from error
        merged = catalogue.merge(written, catalogue.source_messages(data), keep_obsolete=not no_obsolete)
        text = str(merged.po) + "\n"
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        details = self.details(merged)
        if check:
            problems = []
            if text != current:
                problems.append(f"{path} is not up to date with the data: run `manage.py demo_messages`")
            if merged.fuzzy or merged.untranslated:
                problems.append(f"{len(merged.fuzzy)} fuzzy and {len(merged.untranslated)} untranslated string(s)")
            if problems:
                raise CommandError("\n".join([*problems, *details]))
            self.stdout.write(f"{path.name} is up to date: {merged.summary()}.")
            return
        if text == current:
            self.stdout.write(f"{path.name} was already up to date: {merged.summary()}.")
        else:
            path.write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {path}: {merged.summary()}."))
        if details:
            self.stdout.write("\n".join(details))

    @staticmethod
    def details(merged: catalogue.Merged) -> list[str]:
        lines = []
        for label, entries in (("fuzzy (review the English)", merged.fuzzy), ("untranslated", merged.untranslated)):
            if entries:
                lines.append(f"{label}:")
                lines += [f"  [{entry.msgctxt}] {entry.msgid!r}" for entry in entries]
        return lines
