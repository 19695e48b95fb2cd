"""make backup / make restore: a backup restored into an empty database is the same site.

Runs the real scripts (scripts/backup.sh, scripts/restore.sh) with pg_dump and pg_restore
against databases of its own, and compares what an editor would miss if a restore lost it:
pages, revisions, translations, images with their files.
"""

import subprocess
import tarfile

import psycopg
import pytest

from tests.ops.conftest import PROJECT_DIR, app_env, create_database, drop_database, needs_postgres, seed, server_url

pytestmark = needs_postgres

# What must survive: each query returns rows comparable between the two databases.
INVENTORY = {
    "pages": "SELECT p.id, p.title, p.url_path, p.live, l.language_code, p.translation_key::text "
    "FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id ORDER BY p.id",
    "revisions": "SELECT id, object_id, content::text FROM wagtailcore_revision ORDER BY id",
    "images": "SELECT id, title, file, width, height FROM wagtailimages_image ORDER BY id",
    "users": "SELECT id, username, password FROM auth_user ORDER BY id",
}


def inventory(database: str) -> dict[str, list[tuple]]:
    with psycopg.connect(server_url(database)) as conn:
        return {name: conn.execute(query).fetchall() for name, query in INVENTORY.items()}


def run_script(script: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PROJECT_DIR / "scripts" / script), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def restored_database():
    name = "koonto_ops_restored_" + __import__("secrets").token_hex(3)
    create_database(name)
    yield name
    drop_database(name)


def test_backup_restores_into_an_empty_database(throwaway_database, restored_database, tmp_path):
    media, restored_media, backups = tmp_path / "media", tmp_path / "restored-media", tmp_path / "backups"
    summary = seed(app_env(throwaway_database, media))

    backup = run_script("backup.sh", app_env(throwaway_database, media, BACKUP_DIR=str(backups)))
    assert backup.returncode == 0, backup.stderr
    archive = backup.stdout.strip().splitlines()[-1]
    assert archive.startswith(str(backups / "koonto-")) and archive.endswith(".tar")
    with tarfile.open(archive) as bundle:
        assert sorted(bundle.getnames()) == ["database.dump", "media.tar.gz"]

    restore = run_script("restore.sh", app_env(restored_database, restored_media), archive)
    assert restore.returncode == 0, restore.stderr

    original, restored = inventory(throwaway_database), inventory(restored_database)
    assert restored == original
    languages = {row[4] for row in restored["pages"] if row[2].startswith("/koonto")}
    assert languages == {"fi", "en"}, "the English translation came back"
    assert any(row[1] == "About the project" for row in restored["pages"])
    assert len(restored["revisions"]) >= 4 and len(restored["images"]) == 1
    restored_file = restored_media / summary["image_file"]
    assert restored_file.read_bytes() == (media / summary["image_file"]).read_bytes()


def test_restore_refuses_a_database_that_is_not_empty(throwaway_database, tmp_path):
    """A mistyped DATABASE_URL must not pour a backup over a live site."""
    media = tmp_path / "media"
    env = app_env(throwaway_database, media, BACKUP_DIR=str(tmp_path / "backups"))
    archive = run_script("backup.sh", env).stdout.strip().splitlines()[-1]
    before = inventory(throwaway_database)

    restore = run_script("restore.sh", env, archive)

    assert restore.returncode == 1
    assert "not empty" in restore.stderr
    assert inventory(throwaway_database) == before
