"""Security headers, protected media, admin lockout page and view-password rate limit (docs/security.md).

The public site and the admin need different Content-Security-Policies: the public templates
run no inline script, so their policy forbids it; Wagtail's admin renders inline scripts and
styles throughout, so paths under the admin get `ADMIN_CONTENT_SECURITY_POLICY` instead.
Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy and
Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware X-Frame-Options; Django has nothing
for Permissions-Policy, hence the small middleware here.
"""

import logging
import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote

from axes.helpers import get_client_username, get_cool_off
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotFound
from django.shortcuts import render
from wagtail.models import Page

logger = logging.getLogger("koonto.security")

# Staff-only paths whose pages come from Wagtail's or Django's admin, not Koonto's templates.
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PATH_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxed admin policy on admin paths only."""

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp decorator (response._csp_config) still wins.
        if not report_only and parts.config is None:
            if is_admin_path(request.path_info):
                parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
            elif getattr(request, "is_dummy", False):
                # The editor's preview: Wagtail renders the page for a fake request to its public
                # URL (make_preview_request) and shows it in the admin's own iframe, which the
                # public `frame-ancestors 'none'` would refuse. Only that frame may show it.
                parts.config = settings.PREVIEW_CONTENT_SECURITY_POLICY
        return parts


class PermissionsPolicyMiddleware:
    """Send `PERMISSIONS_POLICY` on every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


PROTECTED_MEDIA_FOLDERS = ("documents/", "original_images/")
MAX_PERCENT_DECODINGS = 5


def normalised_path(path: str) -> str:
    """The path as the most lenient server behind us could read it.

    Percent-escapes are decoded again and again (`%252e` is a dot to a server that decodes
    twice), backslashes count as slashes (as on Windows and in some proxies), repeated slashes
    are one, and `.` and `..` segments are resolved. The decoding stops after a few rounds, so
    that a long chain of `%25` costs no more than that; what is still encoded then differs from
    the path it came from, which is enough to refuse it.
    """
    for _ in range(MAX_PERCENT_DECODINGS):
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    path = re.sub(r"/+", "/", "/" + path.replace("\\", "/"))
    return posixpath.normpath(path)


def is_public_media_path(path: str) -> bool:
    """Whether a URL path under MEDIA_URL may be answered with a file.

    Only in its canonical spelling (what `normalised_path` leaves unchanged, which is how
    Wagtail writes rendition URLs) and never under a protected folder. Deciding on the
    normalised path alone would still hand a path like `x/../documents/` to whatever resolves
    it next; refusing every other spelling leaves nothing to resolve.
    """
    normal = normalised_path(path)
    protected = tuple(settings.MEDIA_URL + folder for folder in PROTECTED_MEDIA_FOLDERS)
    return path == normal and "\x00" not in path and not normal.startswith(protected)


class ProtectedMediaMiddleware:
    """404 for uploaded originals: documents and original images are never served as files.

    Documents go through Wagtail's serve view, which checks collection privacy and sends a safe
    Content-Disposition; a direct /media/documents/ URL would skip both. Original images may be
    huge and carry camera metadata (location); the site shows renditions. Whatever serves /media/
    through Django (DEBUG, `make serve`) passes here first; the front proxy must refuse the
    same paths (docs/security.md). The decision is made on the normalised path, so that
    `/media//documents/`, `/media/x/../documents/` or `/media/%2e/documents/` are refused too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        under_media = path.startswith(settings.MEDIA_URL) or normalised_path(path).startswith(settings.MEDIA_URL)
        if under_media and not is_public_media_path(path):
            return HttpResponseNotFound(b"Not found", content_type="text/plain")
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for the login lockout (AXES_CLIENT_IP_CALLABLE) and rate limits.

    Behind KOONTO_TRUSTED_PROXY_COUNT proxies, each appended the address it saw to
    X-Forwarded-For, so the visitor is that many entries from the right; anything further left
    was written by the client and may be forged. Without proxies it is REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.KOONTO_TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-count] if len(forwarded) >= count else remote


def lockout_response(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): say why, for how long, in both languages.

    The admin login has no language prefix, so the visitor's language is not known for sure:
    the page says it in Finnish and in English. The lockout is logged for the administrators.
    """
    username = get_client_username(request, credentials) or ""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    logger.warning(
        "Admin login locked out after %s failed attempts: username=%r ip=%s",
        settings.AXES_FAILURE_LIMIT,
        username,
        client_ip(request),
    )
    context = {"minutes": minutes, "languages": ["fi", "en"]}
    return render(request, "koonto/lockout.html", context, status=429)


def view_password_key(request: HttpRequest) -> str:
    return f"koonto:view-password-attempts:{client_ip(request)}"


def count_in_window(key: str, window: int) -> int:
    """Count one attempt under `key` within a window of `window` seconds; return the total.

    A fixed window in the shared cache: the first attempt starts it, `add` is atomic, and
    `incr` is atomic in Redis and in Django's local-memory cache. When Redis is down (the
    cache ignores its errors, see REDIS_URL) `incr` gives None: the limit is off until it is back
    rather than every visitor getting an error. The view passwords below and the public forms
    (personal_data.protection) count with it.
    """
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key) or 0
    except ValueError:  # the entry expired between add and incr: this is a new window
        cache.add(key, 1, timeout=window)
        return 1


def count_view_password_attempt(request: HttpRequest) -> int:
    """Count one attempt from the visitor's address within the window; return the total."""
    return count_in_window(view_password_key(request), settings.KOONTO_VIEW_PASSWORD_WINDOW)


class ViewPasswordRateLimitMiddleware:
    """Answer 429 once an address has tried too many view-restriction passwords.

    Wagtail checks the shared password of a private page in `wagtailcore_authenticate_with_password`
    and that of a private collection's documents in `wagtaildocs_authenticate_with_password`;
    neither has a limit of its own, so a short shared password falls to guessing. Both forms
    count against one allowance per address: with one counter each, an attacker would get the
    sum of both.
    """

    URL_NAMES = frozenset({"wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in self.URL_NAMES:
            return None
        if count_view_password_attempt(request) <= settings.KOONTO_VIEW_PASSWORD_ATTEMPTS:
            return None
        logger.warning("View password attempts limited: ip=%s form=%s", client_ip(request), match.url_name)
        context = {"minutes": max(1, settings.KOONTO_VIEW_PASSWORD_WINDOW // 60)}
        response = render(request, "koonto/too_many_attempts.html", context, status=429)
        response["Retry-After"] = str(settings.KOONTO_VIEW_PASSWORD_WINDOW)
        return response


def serves_restricted_page(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the response shows a public-site page that has a view restriction.

    Used by ops.cache_headers.PublicCacheMiddleware for personal responses only (a restricted page is
    shown only to a logged-in user or a session that knows the password), so an anonymous
    public page costs no extra query.
    """
    if is_admin_path(request.path_info):
        return False
    page = (getattr(response, "context_data", None) or {}).get("page")
    return isinstance(page, Page) and page.get_view_restrictions().exists()
