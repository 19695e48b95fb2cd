"""Small views and middleware around the API: JSON for unknown paths, and the writes switch."""

from django.conf import settings
from django.http import JsonResponse

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def not_found(request, path: str = ""):
    """Any other path under /api/: a JSON 404, never the site's HTML page."""
    return JsonResponse({"message": f"Not found: {request.path}. See /api/v2/pages/ and /api/v3/docs/."}, status=404)


class APIWritesMiddleware:
    """Refuses writes through the API unless KOONTO_API_WRITES is on.

    Wagtail's API v3 can create, edit and publish pages with a bearer token. Koonto serves
    read-only clients, so by default every method but GET, HEAD and OPTIONS under /api/ is a
    405; when writes are on, v3 checks the token user's own admin permissions.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith("/api/")
            and request.method not in SAFE_METHODS
            and not getattr(settings, "KOONTO_API_WRITES", False)
        ):
            response = JsonResponse(
                {"message": "Writes through the API are turned off on this site (KOONTO_API_WRITES)."}, status=405
            )
            response["Allow"] = ", ".join(sorted(SAFE_METHODS))
            return response
        return self.get_response(request)
