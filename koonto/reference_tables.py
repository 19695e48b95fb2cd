"""The reference tables (municipalities, themes) kept in memory by each process.

Listings and project pages name the municipalities and themes of their rows. Both tables are
small and change seldom, so each process keeps all their rows instead of joining or querying
them on every request.

The rows are tagged with a token stored under the current content generation
(ops.pagecache.until_content_changes): saving or deleting a municipality or a theme bumps the
generation (ops/signals.py: every snippet), which every process reads (from the database once
per request, or from Redis), so the next lookup in any process reloads the table. A random token, not
the generation number itself, so that rows read before the cache was cleared can never pass for
current ones.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from koonto.models import Municipality, Theme
from ops.pagecache import until_content_changes

_loaded: dict[str, tuple[str, dict]] = {}


def _register(name: str, load: Callable[[], dict]) -> dict:
    token = until_content_changes("registers", lambda: uuid.uuid4().hex)
    entry = _loaded.get(name)
    if entry is None or entry[0] != token:
        entry = (token, load())
        _loaded[name] = entry
    return entry[1]


def municipalities() -> dict[int, object]:
    """Every municipality by primary key."""

    return _register("municipalities", lambda: {m.pk: m for m in Municipality.objects.all()})


def municipality_by_code(code: str):
    """The municipality with this Statistics Finland code, or None."""
    return next((m for m in municipalities().values() if m.code == code), None)


def themes() -> dict[int, object]:
    """Every theme (in every language) by primary key."""

    return _register("themes", lambda: {t.pk: t for t in Theme.objects.all()})


def theme_by_slug(slug: str, locale_id: int):
    """The theme with this slug in this language, or None."""
    return next((t for t in themes().values() if t.slug == slug and t.locale_id == locale_id), None)
