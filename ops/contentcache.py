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

import hashlib
import math
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from ops.pagecache import current_generation, next_rollover_seconds, until_content_changes


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
        # A publication by this process while it was built (the generation is read once per request).
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


def remember_site(request) -> None:
    """Find Wagtail's Site for `request` once per content generation, host and port.

    Wagtail looks it up with a query of its own on every request (`Site.find_for_request`, which
    then keeps it on the request); sites bump the content generation when saved or deleted
    (ops/signals.py), so the answer for a host and port can be kept like the menu. Sets what
    `Site.find_for_request` reads, so every later lookup in the request gets the same answer.
    """
    from django.core.exceptions import DisallowedHost
    from django.http.request import split_domain_port
    from wagtail.models import Site

    if request is None or hasattr(request, "_wagtail_site"):
        return
    try:
        request.get_host()  # only hosts ALLOWED_HOSTS lets in are kept: a bounded set
    except DisallowedHost:
        return
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    key = "site-for:" + hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:32]
    site = until_content_changes(key, lambda: Site._find_for_request(request) or False)
    request._wagtail_site = site or None


def remember_route(request, path: str) -> None:
    """Route a page request (Wagtail's `Page.route_for_request`) once per content generation,
    site, language and path; later requests fetch the page found by its id, in one query.

    Wagtail routes by reading the site's root page, its translation, and each page on the path
    as its specific type: three to five queries and most of a detail page's CPU once its body
    is kept as HTML. What routing finds depends only on the site, the active language and the
    published tree (slugs, moves, publication), and every change to these moves the content
    generation on (ops/signals.py), so the page's id and type can be kept like the menu. The
    page itself is read fresh, and only if it is still live; anything else (a route with
    arguments, as RoutablePageMixin gives, a page no longer live, a path that leads nowhere)
    is routed by Wagtail as usual, and only paths that lead to a page are kept, so unknown
    paths cannot fill the cache. A page type may name the relations its page view reads
    (`served_with`, for select_related), as its parent's `route` could before.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page
    from wagtail.url_routing import RouteResult

    remember_site(request)
    site = getattr(request, "_wagtail_site", None)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    generation = current_generation()
    digest = hashlib.sha256(f"{site.pk}:{translation.get_language()}:{path}".encode()).hexdigest()[:32]
    key = full_key(generation, f"route:{digest}")
    found = cache.get(key)
    if found is not None:
        page_id, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            page = model.objects.filter(pk=page_id, live=True).select_related(*getattr(model, "served_with", ())).first()
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
                return
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs and current_generation() == generation:
        cache.set(key, (result.page.pk, result.page.content_type_id), timeout=settings.KOONTO_PAGE_CACHE_TIMEOUT)


class RememberRouteMiddleware:
    """Page requests routed once per content generation (remember_route); every other view as is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if view_func is serve:
            remember_route(request, view_kwargs.get("path", view_args[0] if view_args else ""))
        return None
