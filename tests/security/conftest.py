"""Fixtures for the security tests: a published event page, an admin user, media files on disk, nginx."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model

from tests.factories import EventPageFactory

NGINX_INSTALL_HINT = "install it with `apt-get install -y nginx-light` (or set KOONTO_NGINX=/path/to/nginx)"


def nginx_path() -> str | None:
    """nginx from the system (Debian puts it in /usr/sbin), or the one KOONTO_NGINX names."""
    candidate = os.environ.get("KOONTO_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    return candidate if os.access(candidate, os.X_OK) else None


def pytest_collection_modifyitems(config, items):
    """Tests marked `nginx` run the documented proxy rules in a real nginx; without one they are
    deselected, saying so (CI installs it, .ci/run)."""
    nginx_items = [item for item in items if item.get_closest_marker("nginx")]
    if not nginx_items or nginx_path() is not None:
        return
    items[:] = [item for item in items if not item.get_closest_marker("nginx")]
    config.hook.pytest_deselected(items=nginx_items)
    config.issue_config_time_warning(
        pytest.PytestWarning(f"{len(nginx_items)} tests need nginx, which was not found; {NGINX_INSTALL_HINT}."),
        stacklevel=2,
    )


@pytest.fixture
def nginx_binary() -> str:
    path = nginx_path()
    assert path is not None, NGINX_INSTALL_HINT
    return path


@pytest.fixture
def event(site, event_index):
    return EventPageFactory(parent=event_index, title="Avoin työpaja", slug="avoin-tyopaja")


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Files in a real folder, as in production (the test settings keep them in memory)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return tmp_path


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("paakayttaja", "admin@example.fi", "salasana-123456")


def header_directives(value: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives
