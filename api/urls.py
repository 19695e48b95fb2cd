"""The API's URLs, outside the language prefixes (the language is a parameter): API v2, API v3,
the headless preview, and a problem+json 404 for any other path under /api/."""

from django.urls import path, re_path
from django.utils import translation

from api import views
from api.preview import page_preview
from api.reference import api as v3_api  # API v3 with every Koonto endpoint (api.v3, api.routes, api.reference)
from api.v2 import api_router

# Binding the API builds its remaining schemas: in English, as in api.apps (the OpenAPI document
# is English whatever the reader's language).
with translation.override("en"):
    v3_urls = v3_api.urls

urlpatterns = [
    path("api/v2/", api_router.urls),
    # django-ninja's root view raises an HTML 404 (or redirects to the docs): a problem instead.
    path("api/v3/", views.not_found, {"path": "v3/"}),
    path("api/v3/", v3_urls),
    # Headless preview (api.preview): a client fetches an editor's draft with a signed token.
    path("api/preview/", page_preview, name="api_preview"),
    re_path(r"^api/(?P<path>.*)$", views.not_found),
]
