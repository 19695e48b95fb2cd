"""Views of operations: the health check, and uploaded media for local production-like runs."""

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import Http404, JsonResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve as serve_static

from ops.security import is_public_media_path


@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class HealthCheckMiddleware:
    """`/healthz` answered here, below the middlewares that give every response its request id and
    security headers (ops/logging.py, ops/security.py, Django's SecurityMiddleware) and above all
    the others: sessions, locale, CSRF, authentication, two-factor, CORS, compression, the page
    cache and the rest have nothing to do for a probe that a load balancer sends every few
    seconds, and passing them was half its cost (bench/README.md). It answers whatever the Host
    header (CommonMiddleware's ALLOWED_HOSTS check is below it): a probe often asks by address,
    and the answer says only whether the database answers. The URL stays in koonto/urls.py, so it
    resolves and reverses as before."""

    def __init__(self, get_response):
        self.get_response = get_response
        # The two headers of the skipped middlewares that every response has, from the same code.
        self.frame_options = XFrameOptionsMiddleware(get_response)

    def __call__(self, request):
        if request.path_info != "/healthz":
            return self.get_response(request)
        response = self.frame_options.process_response(request, healthz(request))
        response["Content-Length"] = str(len(response.content))
        return response


@require_GET
def serve_media(request, path: str):
    """Uploaded media from MEDIA_ROOT, for local production-like runs (`make serve`) only.

    whitenoise serves static files but not uploads, so without this a local run under
    production settings shows broken images. It answers only when KOONTO_SERVE_MEDIA is set
    (or DEBUG is on); in production the front proxy or object storage serves media.
    Django's static serve view refuses paths outside MEDIA_ROOT; originals, and any path not in
    its canonical spelling, are refused here as in ops.security.ProtectedMediaMiddleware, in
    case a URL reaches this view without passing the middleware.
    """
    if not (settings.KOONTO_SERVE_MEDIA or settings.DEBUG) or not is_public_media_path(settings.MEDIA_URL + path):
        raise Http404
    return serve_static(request, path, document_root=settings.MEDIA_ROOT)
