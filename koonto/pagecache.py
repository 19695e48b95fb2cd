"""Full-page cache for anonymous visitors, emptied whenever published content changes.

When a funding call opens, every association in the region loads the same few pages at once.
Those requests are anonymous and identical, so the finished response is kept in the `default`
cache (Redis when `REDIS_URL` is set, shared by every app server) and served again without
touching the database.

What is cached: a response that koonto.http.PublicCacheMiddleware marked `public` (an anonymous
200 GET or HEAD, no cookie set, not the admin, not a preview, not a private page). Requests with
a session cookie or an Authorization header (editors, translators, API tokens) never read from the
cache, so an editor never sees the anonymous copy and a cached page never shows a draft.

How it stays right:
- Every cache key contains a *generation* number. Publishing, unpublishing, moving or deleting a
  page, and saving a snippet, tag, image, document, view restriction, site or site setting, bumps the generation
  (koonto.signals): every cached page is stale at once, on every app server sharing the cache.
  Whole-site invalidation is deliberate: a page shows menus, footers, highlights and listings
  of other pages, and tracking those dependencies is not worth the risk on a site this size.
- The search page is never stored (every search must be counted for the report); the search
  behind it is kept by search.engine.cached_search under the same generation.
- Listings that depend on the clock (upcoming events, open calls) roll over by themselves: an
  entry never outlives the next moment an event starts or ends or a call opens or closes.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone

GENERATION_KEY = "koonto:pagecache:generation"
ROLLOVER_KEY = "koonto:pagecache:rollover:{generation}"
BYPASS_PATH_PREFIXES = ("/admin/", "/django-admin/", "/api/preview/", "/healthz", "/readyz", "/static/", "/media/")


def enabled() -> bool:
    return getattr(settings, "KOONTO_PAGE_CACHE", False)


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache (or one that was cleared): start a generation no earlier key can match.
        generation = int(timezone.now().timestamp() * 1000)
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def invalidate() -> None:
    """Make every cached page stale (on every server sharing the cache)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        current_generation()
        cache.incr(GENERATION_KEY)


def memo(key: str, build: Callable[[], object]):
    """A value that depends only on published content, kept until the next content change.

    For what every page shows (the menu): cached under the current generation, so publishing
    anything drops it together with the cached pages.
    """
    full_key = f"koonto:memo:{current_generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout=settings.KOONTO_PAGE_CACHE_TIMEOUT)
    return value


def next_rollover_seconds(generation: int) -> float | None:
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


def cache_key(request: HttpRequest, generation: int) -> str:
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
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
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
    def store(key: str, generation: int, response: HttpResponseBase) -> None:
        timeout = settings.KOONTO_PAGE_CACHE_TIMEOUT
        rollover = next_rollover_seconds(generation)
        if rollover is not None:
            timeout = min(timeout, max(1, math.floor(rollover)))
        headers = [(name, value) for name, value in response.items() if name.lower() not in ("x-koonto-cache",)]
        cache.set(key, (response.status_code, headers, response.content), timeout=timeout)
