"""Values built from published content, kept until the content changes or the clock moves a listing.

ops.pagecache keeps whole responses; this module keeps the parts that requests the page cache
cannot answer still share (a headless client's own query string, the first request after a
publication, the uncached set-up without Redis): an API page's serialised fields, the built
calendar. Every key contains the content generation (ops.pagecache.current_generation), so any
publication, snippet, image or view-restriction change makes every entry stale in every process,
exactly as it does for the page cache, and no entry outlives the next moment an event starts or
ends or a call opens or closes (ops.pagecache.next_rollover_seconds), after which a listing or a
computed status may read differently.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache

from ops.pagecache import current_generation, next_rollover_seconds


def timeout_for(generation: str) -> int:
    """How long an entry made now under `generation` may be kept: until the next rollover at most."""
    timeout = settings.KOONTO_PAGE_CACHE_TIMEOUT
    rollover = next_rollover_seconds(generation)
    if rollover is not None:
        timeout = min(timeout, max(1, math.floor(rollover)))
    return timeout


def full_key(generation: str, key: str) -> str:
    return f"koonto:content:{generation}:{key}"


def until_content_or_clock_changes(key: str, build: Callable[[], object]):
    """`build()`, kept under the current generation until content changes or the next rollover."""
    generation = current_generation()
    value = cache.get(full_key(generation, key))
    if value is None:
        value = build()
        # Content that changed while it was built must not be kept under the old generation.
        if current_generation() == generation:
            cache.set(full_key(generation, key), value, timeout=timeout_for(generation))
    return value


class Batch:
    """Many entries of one request under one generation: one read for all, one write for the misses.

    `found(keys)` reads them (a dict of the keys present); `keep(key, value)` queues a value
    built by the request, and `save()` writes the queued ones, unless content changed meanwhile.
    """

    def __init__(self):
        self.generation = current_generation()
        self.pending: dict[str, object] = {}

    def found(self, keys: Iterable[str]) -> dict[str, object]:
        keys = list(keys)
        stored = cache.get_many([full_key(self.generation, key) for key in keys])
        prefix = len(full_key(self.generation, ""))
        return {name[prefix:]: value for name, value in stored.items()}

    def keep(self, key: str, value: object) -> None:
        self.pending[key] = value

    def save(self) -> None:
        if not self.pending or current_generation() != self.generation:
            self.pending = {}
            return
        values = {full_key(self.generation, key): value for key, value in self.pending.items()}
        cache.set_many(values, timeout=timeout_for(self.generation))
        self.pending = {}
