"""Structured data (schema.org JSON-LD) and share metadata (Open Graph, Twitter, canonical): the builders.

Search engines read the JSON-LD; social sites and chat apps read the Open Graph tags when a link
is shared. The builders return plain dicts, so they are tested without rendering; the template
tags in koonto/templatetags/structured_data.py put them into every page's <head>. A page type
with a schema.org type of its own gives it with a `json_ld(request)` method (events.EventPage,
home.HomePage), and a page that is one piece of content says `og_type = "article"`: nothing here
knows a page type by name.
"""

import json
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from koonto.origin import absolute_url, page_url
from koonto.templatetags.koonto_tags import ancestors, visible_translations
from koonto.visibility import rule_for

SCHEMA_ORG = "https://schema.org"
SITE_NAME = "Koonto"
SHARE_IMAGE = "koonto/img/share.png"  # 1200x630, used where a page has no listing image
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_SPEC = "fill-1200x630"  # the size Facebook, LinkedIn and X show large
LOGO_SPEC = "max-240x120"  # the rendition the organisation page shows, so it is made once
OG_LOCALES = {"fi": "fi_FI", "en": "en_GB", "sv": "sv_FI"}
# The characters that could end a <script> element or open a comment in it, as JSON escapes
# (what Django's json_script does; json_script cannot set type="application/ld+json").
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_description() -> str:
    """What Koonto is, for pages and views that have no description of their own."""
    return _(
        "Koonto brings together funding guides, funding calls, project showcases and events "
        "for citizen-led development in Pohjois-Savo."
    )


def to_json_ld(data: dict) -> str:
    """`data` as JSON that is safe inside <script>: `</script>` in a title cannot end the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in Finnish time with its offset (2026-12-06T10:00:00+02:00), as schema.org wants."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def number(amount: Decimal) -> int | float:
    """A price as a JSON number: 0, 12, 12.5."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def without_empty(data: dict) -> dict:
    """Leave out fields with no value: schema.org readers treat "" as a (wrong) value."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def current_language() -> str:
    """The language being served: a page's own, as pages are served under their language prefix."""
    return translation.get_language() or settings.LANGUAGE_CODE


def image_data(image, request, spec: str = SHARE_IMAGE_SPEC) -> dict | None:
    """Absolute URL, size and alt text of a rendition of `image`.

    None without an image, or when its file is missing: sharing falls back to the default image
    rather than breaking the page (as Wagtail's `{% image %}` tag does not break it either).
    """
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def listing_image(page: Page, request) -> dict | None:
    """The page's listing image for sharing, with the alt text in the page's language where given."""
    data = image_data(getattr(page, "listing_image", None), request)
    if data and getattr(page, "listing_image_alt", ""):
        data["alt"] = page.listing_image_alt
    return data


def default_share_image(request) -> dict:
    width, height = SHARE_IMAGE_SIZE
    return {"url": absolute_url(static(SHARE_IMAGE)), "width": width, "height": height, "alt": SITE_NAME}


def page_description(page: Page) -> str:
    return page.search_description or getattr(page, "summary", "")


def breadcrumb_trail(page: Page, request) -> list[dict]:
    """Home › Section › Page below the home page (empty on the home page and above).

    Each item has `id`, `name`, `url` (for links), `full_url` (for JSON-LD) and `position`. Kept on
    the request, so the visible trail, the JSON-LD and the API's breadcrumbs (api/expansions.py)
    cost one query for the ancestors together.
    """
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    cache = getattr(request, "_koonto_breadcrumbs", None) if request else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    # An ancestor the public may not see (a draft section above a live page) is left out.
    rule = rule_for(request)
    pages = [*(crumb for crumb in ancestors(page) if rule.page(crumb)), page]
    trail = [
        {
            "id": crumb.pk,
            "name": _("Home") if crumb.depth == 2 else crumb.title,
            "url": crumb.get_url(request=request),
            "full_url": page_url(crumb, request),
            "position": position,
        }
        for position, crumb in enumerate(pages, start=1)
    ]
    if request is not None:
        request._koonto_breadcrumbs = {**(cache or {}), page.pk: trail}
    return trail


def breadcrumb_list(trail: list[dict]) -> dict | None:
    """schema.org BreadcrumbList with absolute item URLs; the site's only BreadcrumbList markup."""
    if not trail:
        return None
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": item["position"], "name": item["name"], "item": item["full_url"]} for item in trail
        ],
    }


def organisation_ref(organisation, request) -> dict:
    """An Organisation snippet as a schema.org Organization: name, its page on this site, website."""
    return without_empty(
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": absolute_url(organisation.get_url()),
            "sameAs": organisation.website,
        }
    )


def organisation_data(organisation, request) -> dict:
    """The full Organization for an organisation's own page."""
    logo = image_data(organisation.logo, request, LOGO_SPEC)
    municipality = organisation.municipality
    address = {"@type": "PostalAddress", "addressLocality": municipality.name, "addressCountry": "FI"} if municipality else None
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            **organisation_ref(organisation, request),
            "description": organisation.description,
            "logo": logo["url"] if logo else None,
            "taxID": organisation.business_id,
            "address": address,
        }
    )


def koonto_organization(home: Page, request) -> dict:
    """The Koonto project itself, on the home page of each language."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "Organization",
        "name": SITE_NAME,
        "url": page_url(home, request),
        "description": site_description(),
    }


def web_page_data(page: Page, request) -> dict:
    """A WebPage: guides, calls, showcases, sections and standard pages."""
    image = listing_image(page, request)
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "WebPage",
            "name": page.seo_title or page.title,
            "description": page_description(page),
            "url": page_url(page, request),
            "inLanguage": current_language(),
            "datePublished": iso(page.first_published_at),
            "dateModified": iso(page.last_published_at),
            "image": [image["url"]] if image else None,
        }
    )


def page_json_ld(page: Page, request) -> list[dict]:
    """Every JSON-LD object for a page: what it is, then its breadcrumbs."""
    # A page type with its own schema.org type says so with a `json_ld(request)` method (events,
    # the home page); every other page is a WebPage.
    main = page.json_ld(request) if hasattr(page, "json_ld") else web_page_data(page, request)
    crumbs = breadcrumb_list(breadcrumb_trail(page, request))
    return [main, crumbs] if crumbs else [main]


def alternate_languages(page: Page, request) -> list[str]:
    """Language codes of the page's translations the public may see, itself left out (one query
    per request, shared with the language switcher and the hreflang links)."""
    return sorted(code for code, translation in visible_translations(page, request).items() if translation.pk != page.pk)


def open_graph(page: Page | None, request, title: str) -> dict:
    """Open Graph fields for a page, or for a view that is not a page (page=None)."""
    language = current_language()
    if page is not None:
        url = page_url(page, request)
        alternates = alternate_languages(page, request)
        # Pages that are one piece of content say `og_type = "article"`; sections are websites.
        og_type = getattr(page, "og_type", "website")
        description = page_description(page)
        image = listing_image(page, request)
    else:
        url = absolute_url(request.path) if request else ""
        alternates, og_type, description, image = [], "website", "", None
    image = image or default_share_image(request)
    return {
        "title": title or SITE_NAME,
        "description": description or site_description(),
        "url": url,
        "type": og_type,
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [OG_LOCALES.get(code, code) for code in alternates],
        "site_name": SITE_NAME,
        "image": image,
    }
