"""Views that belong to the site as a whole rather than to a section."""

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve as serve_static
from taggit.models import Tag
from wagtail.models import Locale, Page

from koonto.listing import ListingState, clean_choice, paginate
from koonto.models import Organisation
from koonto.pagecache import query_parameters
from koonto.security import is_public_media_path
from koonto.tags import tag_counterpart, tag_page_sections
from koonto.visibility import rule_for


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


@require_GET
def serve_media(request, path: str):
    """Uploaded media from MEDIA_ROOT, for local production-like runs (`make serve`) only.

    whitenoise serves static files but not uploads, so without this a local run under
    production settings shows broken images. It answers only when KOONTO_SERVE_MEDIA is set
    (or DEBUG is on); in production the front proxy or object storage serves media.
    Django's static serve view refuses paths outside MEDIA_ROOT; originals, and any path not in
    its canonical spelling, are refused here as in koonto.security.ProtectedMediaMiddleware, in
    case a URL reaches this view without passing the middleware.
    """
    if not (settings.KOONTO_SERVE_MEDIA or settings.DEBUG) or not is_public_media_path(settings.MEDIA_URL + path):
        raise Http404
    return serve_static(request, path, document_root=settings.MEDIA_ROOT)


def organisation(request, slug: str):
    """An organisation's page: what it is, and every showcase it implemented or partnered in.

    The slug is the same in every language; the page shows the organisation's translation in
    the visitor's language where there is one, and the showcases of that language.
    """
    locale = Locale.get_active()
    rule = rule_for(request)
    candidates = rule.snippets(Organisation.objects.filter(slug=slug)).select_related("municipality", "logo")
    organisation = (
        candidates.filter(locale=locale).first() or candidates.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if organisation is None:
        raise Http404
    # By label: the shared app must not import the showcase app's internals.
    showcase_organisation = apps.get_model("showcase", "ShowcaseOrganisation")
    public_pages = rule.pages(Page.objects.filter(locale=locale))
    roles = (
        showcase_organisation.objects.filter(organisation__translation_key=organisation.translation_key, page__in=public_pages)
        .select_related("page")
        .order_by("-page__first_published_at", "page__title")
    )
    showcases = [(item.page, item.get_role_display()) for item in roles]
    return TemplateResponse(request, "koonto/organisation.html", {"organisation": organisation, "showcases": showcases})


TAG_PAGE_GROUP_SIZE = 12


@query_parameters("type", "page")
def tag(request, slug: str):
    """Everything tagged with one tag in the visitor's language, grouped by type.

    Finnish pages carry Finnish tags and translations carry the tags' names in their language
    (koonto.tags), so a tag page lists one language. A tag of the other language in the address
    (from a shared link) redirects to its counterpart. Each group shows its first items and links
    to `?type=<group>`, which lists that group alone, paginated.
    """
    locale = Locale.get_active()
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404
    state = ListingState()
    sections = tag_page_sections(tag, locale, rule_for(request))
    groups = [{"key": key, "heading": heading, "pages": pages, "count": pages.count()} for key, heading, pages in sections]
    total = sum(group["count"] for group in groups)
    if total == 0:
        counterpart = tag_counterpart(tag, locale)
        if counterpart is not None and counterpart != tag:
            return redirect("tag", slug=counterpart.slug)
        raise Http404

    message = _("There is no content type “%(value)s”, so everything with this tag is shown.")
    clean_choice(request.GET, "type", {group["key"] for group in groups}, state, message)
    wanted = state.values.pop("type")  # chooses the view rather than filtering it (kept in links)
    page_obj = None
    if wanted:
        state.keep["type"] = wanted
        group = next(group for group in groups if group["key"] == wanted)
        page_obj = paginate(group["pages"], request.GET, state, per_page=TAG_PAGE_GROUP_SIZE)
        shown_groups = [{**group, "pages": page_obj.object_list, "more": False}]
    else:
        shown_groups = [
            {**group, "pages": group["pages"][:TAG_PAGE_GROUP_SIZE], "more": group["count"] > TAG_PAGE_GROUP_SIZE}
            for group in groups
            if group["count"]
        ]

    language_urls = {}
    for code, _name in settings.LANGUAGES:
        other = Locale.objects.filter(language_code=code).first()
        counterpart = tag_counterpart(tag, other) if other else None
        if counterpart is not None:
            with translation.override(code):
                language_urls[code] = reverse("tag", args=(counterpart.slug,))
    context = {
        "tag": tag,
        "groups": groups,
        "shown_groups": shown_groups,
        "type": wanted,
        "total": total,
        "listing": state,
        "listing_query": state.query,
        "page_obj": page_obj,
        "language_urls": language_urls,
    }
    return TemplateResponse(request, "koonto/tag.html", context)
