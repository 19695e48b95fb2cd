"""Management commands: the first admin account, and the compiled translation catalogues."""

from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from koonto.management.commands.compile_catalogues import catalogue_files


@pytest.mark.django_db
def test_ensure_admin_creates_one_superuser_with_a_printed_random_password(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "already exists" in out.getvalue()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "pitkä-salasana-123")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "pitkä-salasana-123" not in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password("pitkä-salasana-123")


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
