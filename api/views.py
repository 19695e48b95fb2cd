"""Small views and middleware around the API: problem+json for unknown paths, and the writes switch."""

from django.conf import settings

from api.params import problem

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def not_found(request, path: str = ""):
    """Any other path under /api/: a problem+json 404, never the site's HTML page."""
    return problem(404, f"Not found: {request.path}. See /api/v2/pages/, /api/v3/docs/ and /api/v3/openapi.json.")


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
            response = problem(405, "Writes through the API are turned off on this site (KOONTO_API_WRITES).")
            response["Allow"] = ", ".join(sorted(SAFE_METHODS))
            return response
        return self.get_response(request)
