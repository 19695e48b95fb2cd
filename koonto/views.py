"""Views that belong to the site as a whole rather than to a section."""

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site


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
