"""The organisation pages: each organisation with the project showcases it ran or took part in."""

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from koonto.models import Organisation
from koonto.visibility import rule_for
from showcase.models import ShowcaseOrganisation


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
    public_pages = rule.pages(Page.objects.filter(locale=locale))
    roles = (
        ShowcaseOrganisation.objects.filter(organisation__translation_key=organisation.translation_key, page__in=public_pages)
        .select_related("page", "page__listing_image")
        .prefetch_related("page__listing_image__renditions")  # the cards' pictures
        .order_by("-page__first_published_at", "page__title")
    )
    showcases = [(item.page, item.get_role_display()) for item in roles]
    return TemplateResponse(request, "koonto/organisation.html", {"organisation": organisation, "showcases": showcases})
