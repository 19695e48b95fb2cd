"""The public side of translation: the page that says a page has no translation yet."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.models import Locale

from koonto.visibility import rule_for


def untranslated(request, page_id: int):
    """Said in the visitor's chosen language: this page has no translation yet; here is the original.

    The language switcher links here instead of silently dropping the visitor on a home page.
    """
    rule = rule_for(request)
    page = get_object_or_404(rule.pages().specific(), pk=page_id)
    locale = Locale.get_active()
    translation = page.get_translation_or_none(locale)
    if rule.page(translation):
        return redirect(translation.get_url(request=request))
    context = {"original": page, "original_language": page.locale.language_code, "home": rule.home_page(locale)}
    response = TemplateResponse(request, "koonto/untranslated.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
