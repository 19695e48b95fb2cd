"""HTTP around the API: HEAD and OPTIONS on v3, compact JSON, and one date-time format.

- django-ninja (API v3) routes only the methods an operation declares, so HEAD and OPTIONS were
  405s. `APIMethodsMiddleware` answers HEAD as GET (ops.http.HeadResponseMiddleware then drops
  the body) and OPTIONS with the operation's `Allow` header. CORS preflights never get here:
  corsheaders answers them first.
- JSON without pretty printing: Wagtail's v2 asks DRF for an indent of 4, ninja writes
  `", "` and `": "`; both now write the compact form (a 20-item listing shrinks by a third
  before compression, ops.compression).
- Date-times as Europe/Helsinki local time with its offset, as DRF already writes them in v2
  (`2026-12-05T10:00:00+02:00`, microseconds only when there are any): Wagtail's v3 schemas
  give UTC (`…Z`) and ninja's encoder cuts to milliseconds.
"""

from __future__ import annotations

import functools
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from ops.pagecache import route_template

COMPACT = {"separators": (",", ":")}
# The OpenAPI document and its viewer, which the document does not list.
DOCUMENT_VIEWS = {"openapi-json", "openapi-view"}


def local_datetime(value: datetime) -> str:
    """The one format of date-times in the API (v2 and v3): ISO 8601 in Helsinki time with offset."""
    return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()


class KoontoJSONEncoder(NinjaJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime):
            return local_datetime(o)
        return super().default(o)


class CompactJSONRenderer(JSONRenderer):
    """API v3's renderer: compact, with Helsinki date-times (KoontoJSONEncoder)."""

    encoder_class = KoontoJSONEncoder
    json_dumps_params = COMPACT


class CompactRendererContextMixin:
    """For v2 viewsets: no indentation (Wagtail's v2 asks DRF for 4 spaces)."""

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context


@functools.cache
def _allowed_methods(writes: bool) -> dict[str, list[str]]:
    from api.v3 import api  # the document of the routes, built once per writes setting

    paths = api.get_openapi_schema(path_prefix="/api/v3/")["paths"]
    return {
        path: sorted({method.upper() for method in operations} | ({"HEAD"} if "get" in operations else set()))
        for path, operations in paths.items()
    }


def allowed_methods(request: HttpRequest) -> list[str]:
    """The methods the v3 operation at this path answers, from the OpenAPI document."""
    try:
        request.resolver_match = resolve(request.path_info)
    except Resolver404:
        return []
    methods = _allowed_methods(bool(getattr(settings, "KOONTO_API_WRITES", False))).get(route_template(request) or "", [])
    if not methods and request.resolver_match.url_name in DOCUMENT_VIEWS:
        methods = ["GET", "HEAD"]
    return [*methods, "OPTIONS"] if methods else []


class APIMethodsMiddleware:
    """HEAD and OPTIONS wherever API v3 answers GET (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not request.path_info.startswith("/api/v3/") or request.method not in ("HEAD", "OPTIONS"):
            return self.get_response(request)
        if request.method == "OPTIONS":
            methods = allowed_methods(request)
            if not methods:
                return self.get_response(request)
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(methods)
            response["Content-Length"] = "0"
            return response
        request.method = "GET"
        try:
            return self.get_response(request)
        finally:
            request.method = "HEAD"
