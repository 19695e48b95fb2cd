"""Management commands: the compiled translation catalogues."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from ops.management.commands.compile_catalogues import catalogue_files


def test_catalogues_exist_for_finnish_and_english():
    languages = {path.parts[-3] for path in catalogue_files()}
    assert {"fi", "en"} <= languages


@pytest.mark.parametrize("po_path", catalogue_files(), ids=lambda p: p.parts[-3])
def test_compiled_catalogues_are_up_to_date(po_path: Path, tmp_path):
    """A fresh machine needs no gettext tools: the committed .mo must match its .po."""
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
    expected = tmp_path / "expected.mo"
    polib.pofile(str(po_path)).save_as_mofile(str(expected))
    assert expected.read_bytes() == mo_path.read_bytes(), f"{mo_path} is stale: run `make messages`"


def test_finnish_catalogue_is_complete():
    po = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / "fi" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in po.untranslated_entries()] + [entry.msgid for entry in po.fuzzy_entries()]
    assert missing == []
