"""Headless preview: a headless client fetches an editor's unpublished draft with a signed token.

wagtail-headless-preview stores the draft as a `PagePreview` row under a token signed with a
timestamp, and sends the editor to the client (`KOONTO_PREVIEW_CLIENT_URL`) with
`?content_type=<app>.<model>&token=<token>`. The client then calls `/api/preview/` with the same
two parameters and gets the draft in the shape of `/api/v2/pages/<id>/` (Koonto's pages endpoint
and serializer), so it renders a preview with the code that renders live pages.

The token is the only credential, so it must not outlive the editor's moment of previewing:
the package checks only its signature, and its rows carry a creation *date*, so the age is
read from the token's own signed timestamp (`KOONTO_PREVIEW_TOKEN_MAX_AGE`). The package's
`PagePreview.garbage_collect()`, run on every preview, deletes rows older than a day.
A draft is never cacheable: every answer here is `private, no-store`. Page models offer the
headless preview through `koonto.preview_modes.HeadlessPreviewModeMixin`.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.utils.cache import patch_cache_control
from rest_framework.exceptions import PermissionDenied
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from koonto.api.v2 import KoontoPagesAPIViewSet, api_router


def preview_content_type(value: str) -> ContentType:
    """The page type named by `?content_type=app_label.model`, as the package writes it."""
    app_label, dot, model = value.partition(".")
    if not (app_label and dot and model):
        raise BadRequestError("content_type must look like app_label.model, e.g. events.eventpage.")
    try:
        return ContentType.objects.get_by_natural_key(app_label, model.lower())
    except ContentType.DoesNotExist as error:
        raise PermissionDenied("This preview link is not valid.") from error


def check_token_age(token: str) -> None:
    """Refuse a token whose signature is forged or whose signed timestamp is too old."""
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=settings.KOONTO_PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired as error:
        raise PermissionDenied("This preview link has expired: choose Preview in the admin again.") from error
    except BadSignature as error:
        raise PermissionDenied("This preview link is not valid.") from error


def draft_from_request(request) -> Page:
    """The draft page that the request's content_type and token point to, or an API error."""
    content_type_name = request.GET.get("content_type", "")
    token = request.GET.get("token", "")
    if not content_type_name or not token:
        raise BadRequestError("Both content_type and token are required.")
    content_type = preview_content_type(content_type_name)
    check_token_age(token)
    preview = PagePreview.objects.filter(content_type=content_type, token=token).first()
    if preview is None:
        raise PermissionDenied("This preview link is not valid.")
    page = preview.as_page()
    if page.pk is None:
        # A page not yet saved has no id; the serializer needs one (as the package's README does).
        page.pk = 0
    return page


class PagePreviewAPIViewSet(KoontoPagesAPIViewSet):
    """The draft behind a preview token, serialised like a page in the pages API's detail view."""

    renderer_classes = [JSONRenderer]
    known_query_parameters = KoontoPagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        # Serialise as a detail view so that the client sees every api_field, as on a live page.
        self.action = "detail_view"
        return Response(self.get_serializer(self.get_object()).data)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = draft_from_request(self.request)
        return self._cached_object

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response


# Wrapped by the public API's router so that links in the draft (detail_url, parent, related
# pages) point to /api/v2/, as they do on a live page.
page_preview = api_router.wrap_view(PagePreviewAPIViewSet.as_view({"get": "listing_view"}))
