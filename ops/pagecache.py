"""Full-page cache for anonymous visitors, and the content generation every in-process cache follows.

When a funding call opens, every association in the region loads the same few pages at once.
Those requests are anonymous and identical, so the finished response is kept in the `default`
cache (Redis when `REDIS_URL` is set, shared by every app server) and served again without
rendering it again.

What is cached: a response that ops.cache_headers.PublicCacheMiddleware marked `public` (an anonymous
200 GET or HEAD, no cookie set, not the admin, not a preview, not a private page). Requests with
a session cookie or an Authorization header (editors, translators, API tokens) never read from the
cache, so an editor never sees the anonymous copy and a cached page never shows a draft.

The content generation: how cached things stay right
- Every cache key contains a *generation* number. Publishing, unpublishing, moving or deleting a
  page, and saving a snippet, tag, image, document, view restriction, site or site setting, bumps the
  generation (ops/signals.py): every cached page, menu (`until_content_changes()`) and reference table
  (koonto.reference_tables) is stale at once. Whole-site invalidation is deliberate: a page shows menus,
  footers, highlights and listings of other pages, and tracking those dependencies is not worth
  the risk on a site this size.
- Without a shared cache (no `REDIS_URL`: each gunicorn worker has its own LocMemCache) the
  generation is a row in the database (ops.models.ContentGeneration), the one store every
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

Query strings: only what the page reads
- Each view declares the query parameters its answer depends on: page models with a
  `query_parameters` class attribute (read by a `before_serve_page` hook), other views with
  the `query_parameters` decorator or `declare_query_parameters()`, API v2 by its own
  validation and API v3 by its OpenAPI document (sources added with `add_query_parameter_source`).
  A view that declares nothing reads nothing.
- The key is the path with the query sorted by parameter name, so `?b=2&a=1` and `?a=1&b=2`
  share an entry.
- A response to a request that carries a parameter its view does not declare is not stored
  (`/fi/?junk=<random>`, `utm_source`, jQuery's `_=<time>`): it is answered, never kept. The
  other choice, storing and finding it under the key without those parameters, would serve one
  page's copy to a request whose view reads a parameter someone forgot to declare; this way a
  forgotten declaration only costs caching, never correctness, and a hit needs no lookup of the
  declarations before the key is known.
- Declared parameters with free values (`?from=`, `?q=`, API `?search=`) still make a new entry
  per value, so each path keeps at most MAX_QUERY_VARIANTS entries with a query string per
  generation; past that, such answers are served without being stored.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import math
import re
from collections.abc import Callable, Collection
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models import F, Min
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone

from ops.models import ContentGeneration
from ops.security import ADMIN_PATH_PREFIXES

GENERATION_KEY = "koonto:pagecache:generation"
GENERATION_ROW = 1
ROLLOVER_KEY = "koonto:pagecache:rollover:{generation}"
VARIANTS_KEY = "koonto:pagecache:{generation}:variants:{path}"
BYPASS_PATH_PREFIXES = (*ADMIN_PATH_PREFIXES, "/api/preview/", "/healthz", "/readyz", "/static/", "/media/")
# Entries with a query string kept per path and generation: far more than the filter combinations
# visitors actually use in ten minutes, far fewer than someone inventing values could make.
MAX_QUERY_VARIANTS = 100
QUERY_PARAMETERS_ATTRIBUTE = "_koonto_query_parameters"

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
    # Read once per request, as the database generation is: a page asks for it once per kept
    # fragment, and each ask was a round trip to Redis (half of a cold page's overhead).
    scope = _request_generation.get()
    if scope is not None and "cache" in scope:
        return scope["cache"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache (or one that was cleared): start a generation no earlier key can match.
        generation = _fresh_number()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    if scope is not None:
        scope["cache"] = generation
    return generation


def _bump_cache_generation() -> None:
    scope = _request_generation.get()
    if scope is not None:
        scope.pop("cache", None)  # this request's own change: it reads the new generation
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        _cache_generation()
        cache.incr(GENERATION_KEY)
    if scope is not None:
        scope.pop("cache", None)


def _database_generation() -> int:
    scope = _request_generation.get()
    if scope is not None and "number" in scope:
        return scope["number"]

    number = ContentGeneration.objects.filter(pk=GENERATION_ROW).values_list("number", flat=True).first()
    if number is None:
        # The row is made by a migration; only a flushed database (tests) lacks it.
        number = ContentGeneration.objects.get_or_create(pk=GENERATION_ROW, defaults={"number": _fresh_number()})[0].number
    if scope is not None:
        scope["number"] = number
    return number


def _bump_database_generation() -> None:

    if not ContentGeneration.objects.filter(pk=GENERATION_ROW).update(number=F("number") + 1):
        ContentGeneration.objects.get_or_create(pk=GENERATION_ROW, defaults={"number": _fresh_number()})


def _fresh_number() -> int:
    return int(timezone.now().timestamp() * 1000)


def until_content_changes(
    key: str, build: Callable[[], object], *, rollover: bool = False, may_store: Callable[[], bool] | None = None
):
    """A value that depends only on published content, kept until the next content change.

    For what every page shows (the menu): cached under the current generation, so publishing
    anything drops it together with the cached pages, in every process. `rollover=True` for a
    value that also depends on the clock the way listings do (an event that started or ended, a
    call that opened or closed): it is kept no longer than the next such moment, as cached pages are.
    `may_store()`, asked after a miss is built, may refuse to keep it (variant_allowed).
    """
    generation = current_generation()
    full_key = f"koonto:memo:{generation}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        timeout = settings.KOONTO_PAGE_CACHE_TIMEOUT
        if rollover:
            seconds = next_rollover_seconds(generation)
            if seconds is not None:
                timeout = min(timeout, max(1, math.floor(seconds)))
        # A publication by this process while this was built (the generation is read once per
        # request, so another process's publication is seen by the next request).
        if current_generation() == generation and (may_store is None or may_store()):
            cache.set(full_key, value, timeout=timeout)
    return value


def variant_allowed(scope: str, generation: str) -> bool:
    """Whether another variant of `scope` may be kept under `generation`: at most
    MAX_QUERY_VARIANTS per scope, so that endless query strings (the page cache's scope: a host
    and path) or valid but endless combinations of filters and page numbers (a kept listing's:
    the fragment and its page) cannot fill the cache. Called once per variant stored."""
    key = VARIANTS_KEY.format(generation=generation, path=hashlib.sha256(scope.encode()).hexdigest())
    cache.add(key, 0, timeout=settings.KOONTO_PAGE_CACHE_TIMEOUT)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        return False
    return isinstance(count, int) and count <= MAX_QUERY_VARIANTS


def rollover_fields() -> list[tuple[type, str]]:
    """(page model, field) for every moment at which a page's public listing changes by itself.

    A page type declares them as `cache_rollover_fields` (events: when they start and end; calls:
    when they open and close); this module finds them, so it knows no page type by name.
    """
    from wagtail.models import get_page_models  # the page models exist only once apps are ready

    return [(model, name) for model in get_page_models() for name in getattr(model, "cache_rollover_fields", ())]


def next_rollover_seconds(generation: str) -> float | None:
    """Seconds until the next declared moment (an event starting or ending, a call opening or
    closing) of a live page, if any."""
    key = ROLLOVER_KEY.format(generation=generation)
    moment = cache.get(key)
    if moment is None:
        now = timezone.now()
        candidates = [
            model.objects.live().filter(**{f"{name}__gt": now}).aggregate(m=Min(name))["m"] for model, name in rollover_fields()
        ]
        moment = min((c for c in candidates if c is not None), default=False)
        cache.set(key, moment, timeout=settings.KOONTO_PAGE_CACHE_TIMEOUT)
    if not moment:
        return None
    return (moment - timezone.now()).total_seconds()


# --- which query parameters a response depends on ----------------------------------------------

QueryParameterSource = Callable[[HttpRequest], Collection[str] | None]
_query_parameter_sources: list[QueryParameterSource] = []


def declare_query_parameters(request, names: Collection[str]) -> None:
    """The answer to `request` depends on these query parameters and on no others."""
    request = getattr(request, "_request", request)  # a DRF Request wraps Django's
    setattr(request, QUERY_PARAMETERS_ATTRIBUTE, frozenset(names))


def query_parameters(*names: str):
    """Decorate a view whose answer depends on these query parameters and on no others.

    The one declaration of what a public view reads: the page cache keys on it at run time
    (declare_query_parameters), and `view.query_parameters` lets tests find every parameter
    (tests/security/test_hostile_input.py). Page types say the same with a `query_parameters`
    class attribute.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            declare_query_parameters(request, names)
            return view(request, *args, **kwargs)

        wrapper.query_parameters = frozenset(names)
        return wrapper

    return decorator


def add_query_parameter_source(source: QueryParameterSource) -> QueryParameterSource:
    """Register a function that tells the parameters of requests no view declared (None: not mine).

    For views that are not ours to decorate (Wagtail's API v3, api.v3).
    """
    _query_parameter_sources.append(source)
    return source


def declared_query_parameters(request: HttpRequest) -> frozenset[str]:
    declared = getattr(request, QUERY_PARAMETERS_ATTRIBUTE, None)
    if declared is not None:
        return declared
    for source in _query_parameter_sources:
        names = source(request)
        if names is not None:
            return frozenset(names)
    return frozenset()


def route_template(request: HttpRequest) -> str | None:
    """The matched URL pattern as OpenAPI writes paths: `/api/v3/pages/{page_id}/`."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route:
        return None
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", match.route)


# --- the cache itself --------------------------------------------------------------------------


def cache_key(request: HttpRequest, generation: str) -> str:
    """The key of this request's answer: method, host, path and the query sorted by name."""
    pairs = [(name, value) for name, values in sorted(request.GET.lists()) for value in values]
    url = f"{request.method}:{request.get_host()}{request.path}?{urlencode(pairs)}"
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


def query_is_storable(request: HttpRequest, generation: str) -> bool:
    """Every parameter is one the view reads, and the path has room for another variant."""
    if not request.GET:
        return True
    if not set(request.GET) <= declared_query_parameters(request):
        return False
    return variant_allowed(f"{request.get_host()}{request.path}", generation)


class AnonymousPageCacheMiddleware:
    """Serve anonymous public responses from the cache; store them on the way out.

    Sits above ops.cache_headers.PublicCacheMiddleware (so it sees the Cache-Control that middleware
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
        # A publication by this process while this response was made: not kept under the old key.
        if is_storable(response) and current_generation() == generation and query_is_storable(request, generation):
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
