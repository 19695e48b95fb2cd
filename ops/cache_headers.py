"""HTTP caching policy: anonymous public responses may be cached briefly, personal ones never.

Pages, the sitemap, tag pages and the read-only API are the same for every anonymous visitor,
so browsers and proxies may keep them for `KOONTO_CACHE_MAX_AGE` seconds (short, so that a
publication shows within a minute); Django's ConditionalGetMiddleware, above this one, adds a
weak ETag and answers If-None-Match with 304. A response that may depend on who asks must
never land in a shared cache: API v2 with session auth shows login-restricted pages to a
logged-in user, a page password is remembered in the session, and a response that sets a
cookie would hand that cookie to the next visitor. Those responses are marked private.

A response that already says how it may be cached (never_cache on /healthz, the admin's own
headers, WhiteNoise's static files, headless previews) is left as it is.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers

from ops.security import ADMIN_PATH_PREFIXES, serves_restricted_page

# The admin is for staff only; its responses are never public, even for an anonymous visitor
# (the login form sets a CSRF cookie, but not every admin view does).
PRIVATE_PATH_PREFIXES = ADMIN_PATH_PREFIXES
CACHEABLE_METHODS = ("GET", "HEAD")


def is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the response may differ per person, or carries something of one person's."""
    if response.cookies:
        return True
    if "Authorization" in request.headers or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_public(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the response is a successful anonymous read of something public."""
    return (
        request.method in CACHEABLE_METHODS
        and response.status_code == 200
        and not request.path_info.startswith(PRIVATE_PATH_PREFIXES)
    )


class PublicCacheMiddleware:
    """Mark anonymous public 200 responses cacheable and personal ones private."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if is_personal(request, response):
            patch_cache_control(response, private=True, no_cache=True)
            # A page behind a view restriction (login, group, password) must not even stay in
            # the browser's own cache, e.g. on a shared computer (ops.security).
            if serves_restricted_page(request, response):
                patch_cache_control(response, no_store=True)
        elif is_public(request, response):
            patch_cache_control(response, public=True, max_age=settings.KOONTO_CACHE_MAX_AGE)
            # The decision above looked at the session cookie: a cache must not give this
            # anonymous copy to a request that carries one.
            patch_vary_headers(response, ["Cookie"])
        return response
