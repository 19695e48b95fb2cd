"""Headless preview: a headless client fetches an editor's unpublished draft with a signed token.

wagtail-headless-preview stores the draft as a `PagePreview` row under a token signed with a
timestamp, and sends the editor to the client (`KOONTO_PREVIEW_CLIENT_URL`) with
`?content_type=<app>.<model>&token=<token>`. The client then calls `/api/preview/` with the same
two parameters and gets the draft in the shape of `/api/v2/pages/<id>/` (Koonto's pages endpoint
and serializer), so it renders a preview with the code that renders live pages.

The token is the only credential, so it must not outlive the editor's moment of previewing:
the package checks only its signature, and its rows carry a creation *date*, so the age is
read from the token's own signed timestamp (`KOONTO_PREVIEW_TOKEN_MAX_AGE`). The package's
`PagePreview.garbage_collect()`, run on every preview, deletes rows older than a day; a row
whose page has been deleted meanwhile answers 404 (`check_page_exists`).
A draft is never cacheable: every answer here is `private, no-store`. Page models offer the
headless preview through `koonto.preview_modes.HeadlessPreviewModeMixin`.

A page never saved has no id and no address yet: it is answered with `id: null` and
`meta.detail_url` and `meta.html_url` null (same keys as a live page), and no URL is built from it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404
from django.utils.cache import patch_cache_control
from rest_framework.exceptions import PermissionDenied
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.serializers import DetailUrlField
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from api.v2 import KoontoPagesAPIViewSet, KoontoPageSerializer, PublicHtmlUrlField, api_router


def preview_content_type(value: str) -> ContentType:
    """The page type named by `?content_type=app_label.model`, as the package writes it."""
    app_label, dot, model = value.partition(".")
    if not (app_label and dot and model):
        raise BadRequestError("content_type must look like app_label.model, e.g. events.eventpage.")
    try:
        return ContentType.objects.get_by_natural_key(app_label, model.lower())
    except ContentType.DoesNotExist as error:
        raise PermissionDenied("This preview link is not valid.") from error


def check_token_age(token: str) -> str:
    """Refuse a token whose signature is forged or whose signed timestamp is too old.

    Returns the signed value: `id=<page id>`, or `parent_id=<id>;page_type=<model>` for a page
    not yet saved (HeadlessPreviewMixin.create_page_preview).
    """
    try:
        return HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=settings.KOONTO_PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired as error:
        raise PermissionDenied("This preview link has expired: choose Preview in the admin again.") from error
    except BadSignature as error:
        raise PermissionDenied("This preview link is not valid.") from error


def check_page_exists(draft: Page, signed_value: str) -> None:
    """404 when the draft's page has been deleted, or, for a page never saved, the parent it was
    being added under.

    The package keeps a PagePreview row for a day whatever happens to its page, so without this
    a token would go on serving the draft of a deleted page.
    """
    if draft.pk is not None:
        page_id = draft.pk
    else:
        page_id = dict(part.partition("=")[::2] for part in signed_value.split(";")).get("parent_id", "")
    if not (str(page_id).isdigit() and Page.objects.filter(pk=page_id).exists()):
        raise Http404("The page of this preview no longer exists.")


def draft_from_request(request) -> Page:
    """The draft page that the request's content_type and token point to, or an API error."""
    content_type_name = request.GET.get("content_type", "")
    token = request.GET.get("token", "")
    if not content_type_name or not token:
        raise BadRequestError("Both content_type and token are required.")
    content_type = preview_content_type(content_type_name)
    signed_value = check_token_age(token)
    preview = PagePreview.objects.filter(content_type=content_type, token=token).first()
    if preview is None:
        raise PermissionDenied("This preview link is not valid.")
    page = preview.as_page()
    check_page_exists(page, signed_value)
    return page


class UnsavedPageDetailUrlField(DetailUrlField):
    """`meta.detail_url`, null for a page never saved: there is no /api/v2/pages/<id>/ to point to."""

    def get_attribute(self, instance):
        return super().get_attribute(instance) if instance.pk is not None else None


class UnsavedPageHtmlUrlField(PublicHtmlUrlField):
    """`meta.html_url`, null for a page never saved: nothing is published at its would-be address."""

    def get_attribute(self, instance):
        return instance if instance.pk is not None else None


class PreviewPageSerializer(KoontoPageSerializer):
    detail_url = UnsavedPageDetailUrlField(read_only=True)
    html_url = UnsavedPageHtmlUrlField(read_only=True)


class PagePreviewAPIViewSet(KoontoPagesAPIViewSet):
    """The draft behind a preview token, serialised like a page in the pages API's detail view."""

    renderer_classes = [JSONRenderer]
    base_serializer_class = PreviewPageSerializer
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
