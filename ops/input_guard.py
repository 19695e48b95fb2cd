"""The request edge of the public site: a path no page can have is a 400 before any view runs.

PostgreSQL refuses NUL in text, so `/fi/a%00/` failed inside Wagtail's page routing as a 500,
and a tag slug with a NUL failed the same way in the tag view. No page, tag or organisation
has control characters in its address, so such a path is answered at once with the site's
400 page, in the language of the address. (Bytes that are not UTF-8 are harmless here: Django
keeps them percent-encoded, and no page has such an address, so they are a 404.) Query
strings are the views' own (koonto.listing reads them); the API has an edge of its own that
also checks every parameter and answers in problem+json (api.params).
"""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render

# C0 and C1 control characters, and the replacement character that stands for bytes that
# were not valid UTF-8 (Django decodes the query string with errors="replace"). The HTML and
# API parameter layers (koonto.listing, api params) refuse the same characters.
UNUSABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\ufffd]")


class PathGuardMiddleware:
    """Answer a path no page can have with the site's 400 page; the API answers for itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path_info.startswith("/api/") and UNUSABLE_RE.search(request.path_info):
            # No language switcher links: the other languages have no such address either.
            return render(request, "400.html", {"language_urls": {}}, status=400)
        return self.get_response(request)
