"""Throwaway PostgreSQL databases and processes for the operations tests (tests/ops/).

These tests run what an operator runs (gunicorn, pg_dump, pg_restore, manage.py) in separate
processes against databases of their own, cloned from the migrated test database (CREATE
DATABASE ... TEMPLATE takes a second; migrating afresh would take half a minute).
"""

import json
import os
import secrets
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import setup_databases

PROJECT_DIR = Path(__file__).resolve().parents[2]
IS_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# Tests that need PostgreSQL itself (pg_dump, a second server process on the same database):
# tests/conftest.py leaves them out of a SQLite run, which CI follows with a PostgreSQL run.
needs_postgres = [pytest.mark.postgres]


# One throwaway key per run: API tokens and sessions made by one process must work in another.
SECRET_KEY = secrets.token_urlsafe(50)


def server_url(database: str = "postgres") -> str:
    """A libpq URL for a database on the test run's PostgreSQL server."""
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{database}"


def admin_sql(statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) in the maintenance database."""
    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(statement)


def create_database(name: str, template: str | None = None) -> None:
    """An empty database, or a copy of `template` (which nobody may be connected to)."""
    clause = f' TEMPLATE "{template}"' if template else " TEMPLATE template0"
    for attempt in range(10):
        try:
            admin_sql(f'CREATE DATABASE "{name}"{clause}')
            return
        except psycopg.errors.ObjectInUse:
            # Another session (autovacuum, a closing connection) still holds the template.
            if attempt == 9:
                raise
            time.sleep(0.5)


def drop_database(name: str) -> None:
    admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def app_env(database: str, media_root: Path, static_root: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a production process of our own: its database, media, a throwaway key."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "koonto.settings.production",
        "DATABASE_URL": server_url(database),
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root or media_root.parent / "static"),
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DEBUG": "0",
        "PYTHONPATH": str(PROJECT_DIR),
    }
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """Static files collected once per run, as production serves them (whitenoise's manifest)."""
    static_root = tmp_path_factory.mktemp("static")
    env = app_env("unused", static_root.parent / "unused-media", static_root)
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    result = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return static_root


def seed(env: dict[str, str]) -> dict:
    """Fill a cloned database with the small site of tests/ops/seed_site.py; its summary."""
    result = subprocess.run(
        [sys.executable, "-c", "from tests.ops.seed_site import main; main()"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def migrated_test_database() -> str:
    """The name of the migrated test database, made (or reused) if this run has not yet.

    pytest-django sets the test database up only for tests marked `django_db`; these tests are
    not (a test transaction would hold the template open), so when they run alone they ask
    Django for it the same way, keeping an existing one as `--reuse-db` does.
    """
    connection = connections["default"]
    test_name = connection.creation._get_test_db_name()
    if connection.settings_dict["NAME"] != test_name:
        setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=True)
    return connection.settings_dict["NAME"]


def clone_test_database(django_db_blocker) -> str:
    """A copy of the migrated test database under a name of its own (the caller drops it)."""
    name = f"koonto_ops_{secrets.token_hex(4)}"
    with django_db_blocker.unblock():
        template = migrated_test_database()
        # CREATE DATABASE ... TEMPLATE needs the template free of connections, ours included.
        connections.close_all()
        create_database(name, template)
    return name


@contextmanager
def copy_of_test_database(django_db_blocker, directory: Path) -> Iterator[str]:
    """The DATABASE_URL of a copy of the migrated test database, on whichever database this run uses:
    a cloned PostgreSQL database (dropped afterwards) or an SQLite file in `directory`."""
    if IS_POSTGRES:
        name = clone_test_database(django_db_blocker)
        try:
            yield server_url(name)
        finally:
            drop_database(name)
        return
    with django_db_blocker.unblock():
        source = sqlite3.connect(migrated_test_database())
    target = sqlite3.connect(directory / "site.sqlite3")
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    yield f"sqlite:///{directory / 'site.sqlite3'}"


@pytest.fixture
def throwaway_database(django_db_setup, django_db_blocker):
    """A copy of the migrated test database for one test, dropped afterwards."""
    name = clone_test_database(django_db_blocker)
    yield name
    drop_database(name)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, method: str = "GET", headers: dict | None = None, body: bytes | None = None, timeout: float = 60):
    """One HTTP request; (status, headers, body) for any status, errors included."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class AppServer:
    """A gunicorn process of our own on a free loopback port, its stdout in a file."""

    def __init__(self, env: dict[str, str], log_path: Path, stderr_path: Path | None = None):
        """stdout goes to `log_path`; stderr too, unless `stderr_path` names a file of its own."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("w")
        self._stderr = stderr_path.open("w") if stderr_path else None
        command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--workers", "1"]
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "SECURE_SSL_REDIRECT": "0", "GUNICORN_GRACEFUL_TIMEOUT": "3"}
        stderr = self._stderr or subprocess.STDOUT
        self.process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=self._log, stderr=stderr)

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_path.read_text()[-3000:]
            try:
                if get(f"{self.url}/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.url} did not start:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()
        if self._stderr:
            self._stderr.close()

    def log_lines(self) -> list[dict]:
        """The JSON log lines the process wrote (anything else is a failure of the format)."""
        return [json.loads(line) for line in self.log_path.read_text().splitlines() if line.strip()]
