"""Views that belong to the site as a whole rather than to a section."""

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site

from koonto.models import Organisation


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


def untranslated(request, page_id: int):
    """Said in the visitor's chosen language: this page has no translation yet; here is the original.

    The language switcher links here instead of silently dropping the visitor on a home page.
    """
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    locale = Locale.get_active()
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return redirect(translation.get_url(request=request))
    site = Site.find_for_request(request)
    home = site.root_page.get_translation_or_none(locale) if site else None
    context = {"original": page, "original_language": page.locale.language_code, "home": home if home and home.live else None}
    response = TemplateResponse(request, "koonto/untranslated.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def organisation(request, slug: str):
    """An organisation's page: what it is, and every showcase it implemented or partnered in.

    The slug is the same in every language; the page shows the organisation's translation in
    the visitor's language where there is one, and the showcases of that language.
    """
    locale = Locale.get_active()
    candidates = Organisation.objects.filter(slug=slug, live=True).select_related("municipality", "logo")
    organisation = (
        candidates.filter(locale=locale).first() or candidates.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if organisation is None:
        raise Http404
    # By label: the shared app must not import the showcase app's internals.
    showcase_organisation = apps.get_model("showcase", "ShowcaseOrganisation")
    public_pages = Page.objects.live().public().filter(locale=locale)
    roles = (
        showcase_organisation.objects.filter(organisation__translation_key=organisation.translation_key, page__in=public_pages)
        .select_related("page")
        .order_by("-page__first_published_at", "page__title")
    )
    showcases = [(item.page, item.get_role_display()) for item in roles]
    return TemplateResponse(request, "koonto/organisation.html", {"organisation": organisation, "showcases": showcases})
