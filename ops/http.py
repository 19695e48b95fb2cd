"""HEAD answers like GET, without a body, whichever WSGI server runs Koonto.

Views answer HEAD as GET (Django's generic views, DRF, and api.http for API v3, the feeds with
`require_safe`); RFC 9110 forbids the body, and servers differ in whether they drop it. This
middleware, first in MIDDLEWARE, drops it after every other middleware has seen the full
response (ConditionalGetMiddleware computes the same ETag as for GET; compression measures
the same body) and keeps the Content-Length a GET would have.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware


class HeadResponseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method == "HEAD" and not getattr(response, "streaming", False) and response.content:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    """Django's ETag and 304, for HEAD as for GET.

    Django's skips HEAD because a HEAD body is empty by then; here it is not yet
    (HeadResponseMiddleware empties it above), so a HEAD gets the ETag a GET would.
    """

    def process_response(self, request, response):
        if request.method != "HEAD":
            return super().process_response(request, response)
        request.method = "GET"
        try:
            return super().process_response(request, response)
        finally:
            request.method = "HEAD"
