"""Structured data (schema.org JSON-LD) and share metadata (Open Graph, Twitter, canonical).

Search engines read the JSON-LD; social sites and chat apps read the Open Graph tags when a link
is shared. The builders below return plain dicts, so they are tested without rendering;
`share_meta` puts them into `includes/meta.html` in every page's <head>.

Feature models are recognised by their label (`events.eventpage`): the shared package must not
import the feature apps.
"""

import html
import json
from datetime import datetime
from decimal import Decimal

from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from koonto.visibility import rule_for

register = template.Library()

SCHEMA_ORG = "https://schema.org"
SITE_NAME = "Koonto"
SHARE_IMAGE = "koonto/img/share.png"  # 1200x630, used where a page has no listing image
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_SPEC = "fill-1200x630"  # the size Facebook, LinkedIn and X show large
LOGO_SPEC = "max-240x120"  # the rendition the organisation page shows, so it is made once
OG_LOCALES = {"fi": "fi_FI", "en": "en_GB", "sv": "sv_FI"}
# Pages that are one piece of content (og:type article); sections and the home page are websites.
ARTICLE_PAGES = {
    "events.eventpage",
    "guides.guidepage",
    "guides.fundingcallpage",
    "showcase.showcasepage",
    "home.standardpage",
}
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
}
ATTENDANCE_MODE = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}
# The characters that could end a <script> element or open a comment in it, as JSON escapes
# (what Django's json_script does; json_script cannot set type="application/ld+json").
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_description() -> str:
    """What Koonto is, for pages and views that have no description of their own."""
    return _(
        "Koonto brings together funding guides, funding calls, project showcases and events "
        "for citizen-led development in Pohjois-Savo."
    )


# --- small helpers --------------------------------------------------------------------------------


def to_json_ld(data: dict) -> str:
    """`data` as JSON that is safe inside <script>: `</script>` in a title cannot end the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


@register.filter
def json_ld(data: dict) -> SafeString:
    """`{{ data|json_ld }}`: a `<script type="application/ld+json">` element."""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(to_json_ld(data)))  # noqa: S308


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in Finnish time with its offset (2026-12-06T10:00:00+02:00), as schema.org wants."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def number(amount: Decimal) -> int | float:
    """A price as a JSON number: 0, 12, 12.5."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request else url


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
        "url": absolute(request, rendition.url),
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
    return {"url": absolute(request, static(SHARE_IMAGE)), "width": width, "height": height, "alt": SITE_NAME}


def page_description(page: Page) -> str:
    return page.search_description or getattr(page, "summary", "")


# --- breadcrumbs ----------------------------------------------------------------------------------


def breadcrumb_trail(page: Page, request) -> list[dict]:
    """Home › Section › Page below the home page (empty on the home page and above).

    Each item has `name`, `url` (for links), `full_url` (for JSON-LD) and `position`. Kept on the
    request, so the visible trail and the JSON-LD cost one query for the ancestors together.
    """
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    cache = getattr(request, "_koonto_breadcrumbs", None) if request else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    from koonto.templatetags.koonto_tags import ancestors

    # An ancestor the public may not see (a draft section above a live page) is left out.
    rule = rule_for(request)
    pages = [*(crumb for crumb in ancestors(page) if rule.page(crumb)), page]
    trail = [
        {
            "name": _("Home") if crumb.depth == 2 else crumb.title,
            "url": crumb.get_url(request=request),
            "full_url": crumb.get_full_url(request=request),
            "position": position,
        }
        for position, crumb in enumerate(pages, start=1)
    ]
    if request is not None:
        request._koonto_breadcrumbs = {**(cache or {}), page.pk: trail}
    return trail


@register.simple_tag(takes_context=True)
def breadcrumbs(context) -> list[dict]:
    """`{% breadcrumbs as trail %}`: the trail of the page in the context (see breadcrumb_trail)."""
    return breadcrumb_trail(context.get("page"), context.get("request"))


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


# --- schema.org entities --------------------------------------------------------------------------


def organisation_ref(organisation, request) -> dict:
    """An Organisation snippet as a schema.org Organization: name, its page on this site, website."""
    return without_empty(
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": absolute(request, organisation.get_url()),
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
        "url": home.get_full_url(request=request),
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
            "url": page.get_full_url(request=request),
            "inLanguage": current_language(),
            "datePublished": iso(page.first_published_at),
            "dateModified": iso(page.last_published_at),
            "image": [image["url"]] if image else None,
        }
    )


def event_location(page: Page, request, mode: str) -> dict | list[dict]:
    """A Place in person, a VirtualLocation online, both for a hybrid event."""
    municipality = page.municipality
    place = without_empty(
        {
            "@type": "Place",
            "name": page.venue or page.address or (municipality.name if municipality else ""),
            "address": without_empty(
                {
                    "@type": "PostalAddress",
                    "streetAddress": page.address,
                    "addressLocality": municipality.name if municipality else "",
                    "addressCountry": "FI",
                }
            ),
        }
    )
    # schema.org requires a URL; without a joining link the event's page says how to join.
    virtual = {"@type": "VirtualLocation", "url": page.online_url or page.get_full_url(request=request)}
    return {"in_person": place, "online": virtual}.get(mode, [place, virtual])


def event_data(page: Page, request) -> dict:
    """An EventPage as a schema.org Event, the shape Google's event results read.

    An event moved online is online whatever its original mode (Google's guidance for
    EventMovedOnline), so its location is the joining link.
    """
    url = page.get_full_url(request=request)
    mode = "online" if page.status == "moved_online" else page.mode
    image = listing_image(page, request)
    organiser = rule_for(request).for_reader(page.organiser) if page.organiser_id else None
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            "inLanguage": current_language(),
            "startDate": iso(page.starts_at),
            "endDate": iso(page.ends_at),
            "eventStatus": f"{SCHEMA_ORG}/{EVENT_STATUS[page.status]}",
            "eventAttendanceMode": f"{SCHEMA_ORG}/{ATTENDANCE_MODE[mode]}",
            "location": event_location(page, request, mode),
            "offers": {
                "@type": "Offer",
                "price": number(page.price),
                "priceCurrency": "EUR",
                "url": page.registration_url or url,
            },
            "organizer": organisation_ref(organiser, request) if organiser else None,
            "image": [image["url"]] if image else None,
        }
    )


def page_json_ld(page: Page, request) -> list[dict]:
    """Every JSON-LD object for a page: what it is, then its breadcrumbs."""
    label = page._meta.label_lower
    if label == "home.homepage":
        main = koonto_organization(page, request)
    elif label == "events.eventpage":
        main = event_data(page, request)
    else:
        main = web_page_data(page, request)
    crumbs = breadcrumb_list(breadcrumb_trail(page, request))
    return [main, crumbs] if crumbs else [main]


# --- Open Graph -----------------------------------------------------------------------------------


def title_block(context) -> str:
    """The text of the template's `{% block title %}`: the words of <title> without "– Koonto".

    Views that are not pages (search, tags, organisations) name themselves only there.
    """
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    node = block_context.get_block("title") if block_context else None
    return html.unescape(strip_tags(node.render(context))).strip() if node else ""


def alternate_languages(page: Page, request) -> list[str]:
    """Language codes of the page's translations the public may see, itself left out (one query
    per request, shared with the language switcher and the hreflang links)."""
    from koonto.templatetags.koonto_tags import visible_translations

    return sorted(code for code, translation in visible_translations(page, request).items() if translation.pk != page.pk)


def open_graph(page: Page | None, request, title: str) -> dict:
    """Open Graph fields for a page, or for a view that is not a page (page=None)."""
    language = current_language()
    if page is not None:
        url = page.get_full_url(request=request)
        alternates = alternate_languages(page, request)
        og_type = "article" if page._meta.label_lower in ARTICLE_PAGES else "website"
        description = page_description(page)
        image = listing_image(page, request)
    else:
        url = absolute(request, request.path) if request else ""
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


@register.inclusion_tag("includes/meta.html", takes_context=True)
def share_meta(context) -> dict:
    """Canonical link, Open Graph and Twitter tags, and a page's JSON-LD.

    Call it in base.html itself (not from an include): it reads the title block.
    """
    request = context.get("request")
    page = context.get("page")
    page = page.specific_deferred if isinstance(page, Page) else None
    title = title_block(context) or (page.seo_title or page.title if page else "")
    return {
        "og": open_graph(page, request, title),
        "json_ld": page_json_ld(page, request) if page else [],
    }


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation) -> SafeString:
    """`{% organisation_json_ld organisation %}`: the Organization on an organisation's page."""
    return json_ld(organisation_data(organisation, context.get("request")))
