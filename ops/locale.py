"""Locale middleware that treats an unknown language prefix as a plain 404 in Finnish,
and leaves the API (`/api/...`) alone.

Django's LocaleMiddleware redirects any 404 to the same path under the visitor's language
when that path resolves; with Wagtail's catch-all route every path resolves, so /de/tietoa/
would bounce to /fi/de/tietoa/. A path that starts with a language-like prefix that is not
one of ours is answered at once with the 404 page in the default language.

The admin is Finnish first: its pages for those not signed in (the login page, password reset)
are in the default language whatever the browser asks for; once signed in, Wagtail speaks the
language saved in the person's profile.
"""

import re

from django.conf import global_settings, settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from ops.security import is_admin_path

LANGUAGE_PREFIX_RE = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


def unknown_language_prefix(path: str) -> bool:
    match = LANGUAGE_PREFIX_RE.match(path)
    if not match:
        return False
    prefix = match.group(1).lower()
    return prefix not in {code for code, _ in settings.LANGUAGES} and prefix in {code for code, _ in global_settings.LANGUAGES}


# Paths that carry no language prefix and must never be redirected to one: the API takes the
# language as a parameter, and a 404 there must stay a JSON 404 (not a 302 to /fi/api/...).
UNPREFIXED_PATHS = ("/api/",)


class KoontoLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            request.koonto_unprefixed = True
            return None
        if is_admin_path(request.path_info):
            # Wagtail's admin views then switch to the signed-in user's own admin language.
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return None
        if unknown_language_prefix(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            request.koonto_unknown_language = True
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if getattr(request, "koonto_unprefixed", False):
            return response
        if response.status_code == 404 and is_admin_path(request.path_info):
            # An admin URL that does not exist is a 404, not a 302 to /fi/admin/... (which the
            # catch-all page route would "resolve").
            return response
        if getattr(request, "koonto_unknown_language", False):
            response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
