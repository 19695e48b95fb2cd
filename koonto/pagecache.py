"""Full-page cache for anonymous visitors, and the content generation every in-process cache follows.

When a funding call opens, every association in the region loads the same few pages at once.
Those requests are anonymous and identical, so the finished response is kept in the `default`
cache (Redis when `REDIS_URL` is set, shared by every app server) and served again without
rendering it again.

What is cached: a response that koonto.http.PublicCacheMiddleware marked `public` (an anonymous
200 GET or HEAD, no cookie set, not the admin, not a preview, not a private page). Requests with
a session cookie or an Authorization header (editors, translators, API tokens) never read from the
cache, so an editor never sees the anonymous copy and a cached page never shows a draft.

The content generation: how cached things stay right
- Every cache key contains a *generation* number. Publishing, unpublishing, moving or deleting a
  page, and saving a snippet, tag, image, document, view restriction, site or site setting, bumps the
  generation (koonto.signals): every cached page, menu (`memo()`) and register table
  (koonto.registers) is stale at once. Whole-site invalidation is deliberate: a page shows menus,
  footers, highlights and listings of other pages, and tracking those dependencies is not worth
  the risk on a site this size.
- Without a shared cache (no `REDIS_URL`: each gunicorn worker has its own LocMemCache) the
  generation is a row in the database (koonto.models.ContentGeneration), the one store every
  process shares. It is read once per request (the first time something asks, kept for the rest of
  the request) and bumped with `UPDATE ... SET number = number + 1` when the change commits, so
  every worker sees a publication at its next request, with one small query per request. The
  bump waits for the commit so that it holds no row lock during the editor's transaction; until
  then the process making the change (which already sees its uncommitted content) adds a count of
  its own changes to the number, and the other processes see neither the content nor the bump.
  A request that read the old number and stored a page under it, while the change committed, does
  no harm: nobody asks for the old number again.
- With a shared cache (Redis) the generation is a counter in that cache, bumped by whichever
  process made the change (now and again after the commit, which closes the window in which a
  request could cache the old content under the new number); every process reads the same
  counter, so a cached page costs no database query at all. The database row is bumped as well.
- So the anonymous page cache is correct without Redis too: each worker keeps its own copies,
  keyed on the database generation. It stays off by default there (KOONTO_PAGE_CACHE, settings):
  every worker would render and hold each page once, and a hit still costs the generation query.
- The search page is never stored (every search must be counted for the report); the search
  behind it is kept by search.engine.cached_search under the same generation.
- Listings that depend on the clock (upcoming events, open calls) roll over by themselves: an
  entry never outlives the next moment an event starts or ends or a call opens or closes.
"""

from __future__ import annotations

import contextvars
import hashlib
import math
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models import F, Min
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone

GENERATION_KEY = "koonto:pagecache:generation"
GENERATION_ROW = 1
ROLLOVER_KEY = "koonto:pagecache:rollover:{generation}"
BYPASS_PATH_PREFIXES = ("/admin/", "/django-admin/", "/api/preview/", "/healthz", "/readyz", "/static/", "/media/")

# The database generation read in this request ({} until something asks); None outside requests.
_request_generation: contextvars.ContextVar[dict | None] = contextvars.ContextVar("koonto_generation", default=None)
# Content changes this process made that the database row may not show yet (they commit later).
_own_changes = 0


def enabled() -> bool:
    return getattr(settings, "KOONTO_PAGE_CACHE", False)


def shared_cache() -> bool:
    """Whether the `default` cache is one store for every process (Redis), not a copy in each."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


# --- the content generation ------------------------------------------------------------------


def current_generation() -> str:
    """The generation the caches of this request are keyed on (see the module docstring)."""
    if shared_cache():
        return str(_cache_generation())
    return f"{_database_generation()}.{_own_changes}"


def invalidate() -> None:
    """Published content changed: make every cached page, menu and register stale everywhere."""
    global _own_changes
    _own_changes += 1
    if shared_cache():
        _bump_cache_generation()
    # One bump per transaction is enough, however many objects it saves (an import, a page move).
    # Robust: the change itself has committed; a failed bump is logged, not turned into an error.
    pending = getattr(connection, "run_on_commit", [])
    if not any(callback is _after_commit for _savepoints, callback, *_rest in pending):
        transaction.on_commit(_after_commit, robust=True)


def _after_commit() -> None:
    _bump_database_generation()
    if shared_cache():
        _bump_cache_generation()


def _cache_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache (or one that was cleared): start a generation no earlier key can match.
        generation = _fresh_number()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _bump_cache_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        _cache_generation()
        cache.incr(GENERATION_KEY)


def _database_generation() -> int:
    scope = _request_generation.get()
    if scope is not None and "number" in scope:
        return scope["number"]
    from koonto.models import ContentGeneration

    number = ContentGeneration.objects.filter(pk=GENERATION_ROW).values_list("number", flat=True).first()
    if number is None:
        # The row is made by a migration; only a flushed database (tests) lacks it.
        number = ContentGeneration.objects.get_or_create(pk=GENERATION_ROW, defaults={"number": _fresh_number()})[0].number
    if scope is not None:
        scope["number"] = number
    return number


def _bump_database_generation() -> None:
    from koonto.models import ContentGeneration

    if not ContentGeneration.objects.filter(pk=GENERATION_ROW).update(number=F("number") + 1):
        ContentGeneration.objects.get_or_create(pk=GENERATION_ROW, defaults={"number": _fresh_number()})


def _fresh_number() -> int:
    return int(timezone.now().timestamp() * 1000)


def memo(key: str, build: Callable[[], object]):
    """A value that depends only on published content, kept until the next content change.

    For what every page shows (the menu): cached under the current generation, so publishing
    anything drops it together with the cached pages, in every process.
    """
    full_key = f"koonto:memo:{current_generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout=settings.KOONTO_PAGE_CACHE_TIMEOUT)
    return value


def next_rollover_seconds(generation: str) -> float | None:
    """Seconds until the next event starts or ends or the next call opens or closes, if any."""
    key = ROLLOVER_KEY.format(generation=generation)
    moment = cache.get(key)
    if moment is None:
        now = timezone.now()
        events = apps.get_model("events", "EventPage").objects.live()
        calls = apps.get_model("guides", "FundingCallPage").objects.live()
        candidates = [
            events.filter(starts_at__gt=now).aggregate(m=Min("starts_at"))["m"],
            events.filter(ends_at__gt=now).aggregate(m=Min("ends_at"))["m"],
            calls.filter(opens_at__gt=now).aggregate(m=Min("opens_at"))["m"],
            calls.filter(closes_at__gt=now).aggregate(m=Min("closes_at"))["m"],
        ]
        moment = min((c for c in candidates if c is not None), default=False)
        cache.set(key, moment, timeout=settings.KOONTO_PAGE_CACHE_TIMEOUT)
    if not moment:
        return None
    return (moment - timezone.now()).total_seconds()


# --- the cache itself --------------------------------------------------------------------------


def cache_key(request: HttpRequest, generation: str) -> str:
    url = f"{request.method}:{request.get_host()}{request.get_full_path()}"
    return f"koonto:pagecache:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


def is_candidate(request: HttpRequest) -> bool:
    """Whether this request may be answered from, or stored in, the anonymous cache."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(BYPASS_PATH_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
    )


def is_storable(response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and "public" in cache_control
        and not response.cookies
        and not getattr(response, "streaming", False)
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous public responses from the cache; store them on the way out.

    Sits above koonto.http.PublicCacheMiddleware (so it sees the Cache-Control that middleware
    decided) and below ConditionalGetMiddleware (so a cached response still answers with 304).
    It also marks the span of each request, in which the database generation is read once.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _request_generation.set({})
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(token)

    def respond(self, request: HttpRequest) -> HttpResponseBase:
        if not enabled() or not is_candidate(request):
            return self.get_response(request)
        generation = current_generation()
        key = cache_key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Koonto-Cache"] = "hit"
            return response
        response = self.get_response(request)
        # Content that changed while this response was made must not be kept under the old key.
        if is_storable(response) and current_generation() == generation:
            self.store(key, generation, response)
            response["X-Koonto-Cache"] = "miss"
        return response

    @staticmethod
    def store(key: str, generation: str, response: HttpResponseBase) -> None:
        timeout = settings.KOONTO_PAGE_CACHE_TIMEOUT
        rollover = next_rollover_seconds(generation)
        if rollover is not None:
            timeout = min(timeout, max(1, math.floor(rollover)))
        headers = [(name, value) for name, value in response.items() if name.lower() not in ("x-koonto-cache",)]
        cache.set(key, (response.status_code, headers, response.content), timeout=timeout)
