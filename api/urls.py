"""The API's URLs, outside the language prefixes (the language is a parameter): API v2, API v3,
the headless preview, and a problem+json 404 for any other path under /api/."""

from django.urls import path, re_path

from api import views
from api.preview import page_preview
from api.reference import api as v3_api  # API v3 with every Koonto endpoint (api.v3, api.routes, api.reference)
from api.v2 import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("api/v3/", v3_api.urls),
    # Headless preview (api.preview): a client fetches an editor's draft with a signed token.
    path("api/preview/", page_preview, name="api_preview"),
    re_path(r"^api/(?P<path>.*)$", views.not_found),
]
