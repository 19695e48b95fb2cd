"""What a page's screen needs beside the page: the menu, the breadcrumbs, the language switcher
and the footer, for headless clients (`expand=` on the v3 page endpoints, and each on its own).

plone.restapi, which Plone's Volto frontend is built on, answers `?expand=breadcrumbs,navigation,
translations` with the page and its `@components` in one request; a component not asked for is
a link to its own endpoint. Koonto's v3 does the same, typed in the OpenAPI document: each
component has `href` (its own small, cacheable endpoint, api/routes.py) and its content only when
it was expanded.

Nothing here decides anything: each component asks the function the HTML chrome asks
(koonto.templatetags.koonto_tags, koonto.structured_data), in the page's language, so that a
client shows exactly what the HTML page shows. `site_payload(locale)` is the one place that reads
the site settings a footer needs.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Schema
from wagtail.models import Page, Site

from api.params import parse_list
from koonto.models import KoontoSettings
from koonto.origin import absolute_url
from koonto.site_texts import accessibility_feedback, public_site_texts
from koonto.structured_data import breadcrumb_trail
from koonto.templatetags.koonto_tags import ancestors, language_links, menu
from koonto.visibility import language_of, rule_for

EXPANSIONS = ("navigation", "breadcrumbs", "translations", "site")
EXPAND_DESCRIPTION = (
    "Components to include in full, comma-separated: " + ", ".join(EXPANSIONS) + ". "
    "Those not asked for are links (`href`) to their own endpoints."
)
API_NAMESPACE = "wagtailapi_v3"


# --- schemas -----------------------------------------------------------------------------------


class MenuItem(Schema):
    id: int
    title: str
    url: str = Field(description="The page, absolute.")
    current: Literal["page", "ancestor"] | None = Field(
        None, description="`page` for the page asked about, `ancestor` for the section it is in (aria-current)."
    )


class Crumb(Schema):
    id: int
    title: str = Field(description="The home page is called Home (Etusivu) here, as in the HTML breadcrumbs.")
    url: str


class TranslationLink(Schema):
    language: str = Field(description="Language code, e.g. en.")
    name: str = Field(description="The language's name in itself, e.g. Suomi.")
    translated: bool = Field(description="False: the page has no public translation in this language.")
    title: str | None = Field(description="The translation's title; null when not translated.")
    url: str = Field(description="The translation, or the page that says it is not translated yet (absolute).")
    current: bool = Field(description="The page's own language.")


class EmblemOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class EUStatementOut(Schema):
    value: Literal["funded", "co_funded"]
    label: str = Field(description="The funding statement in the requested language.")


class EUNoticeOut(Schema):
    statement: EUStatementOut
    programme: str = Field(description="The EU programme named beside the emblem.")
    emblem: EmblemOut = Field(description="The EU emblem for light backgrounds.")
    emblem_bordered: EmblemOut = Field(description="The emblem with its white border, for dark backgrounds (the footer).")


class SiteContactOut(Schema):
    name: str
    role: str
    email: str
    phone: str
    organisation: str | None


class LinkOut(Schema):
    label: str
    url: str


class SiteOut(Schema):
    locale: str
    name: str
    tagline: str
    texts_language: str = Field(
        description="The language the site texts (programme, implementers, contacts) are written in: "
        '`locale`, or Finnish while they are not translated (show them with lang="fi").'
    )
    eu_notice: EUNoticeOut
    implementers: list[str] = Field(description="One organisation per line, with its role.")
    contacts: list[SiteContactOut]
    accessibility_statement: LinkOut | None
    accessibility_feedback: LinkOut | None = Field(
        description="Where to give feedback on accessibility (a mailto: link to the first contact): "
        "the Act on Digital Services requires it."
    )
    privacy_notice: LinkOut | None
    social_links: list[LinkOut]


class NavigationComponent(Schema):
    href: str
    items: list[MenuItem] | None = Field(description="Present when expanded.")


class BreadcrumbsComponent(Schema):
    href: str
    items: list[Crumb] | None = Field(description="Present when expanded: root first, the page last; empty on a home page.")


class TranslationsComponent(Schema):
    href: str
    items: list[TranslationLink] | None = Field(description="Present when expanded: one per site language.")


class SiteComponent(Schema):
    href: str
    data: SiteOut | None = Field(description="Present when expanded.")


class Components(Schema):
    navigation: NavigationComponent
    breadcrumbs: BreadcrumbsComponent
    translations: TranslationsComponent
    site: SiteComponent


# --- the components ----------------------------------------------------------------------------


def navigation(request: HttpRequest, language: str, page: Page | None = None) -> list[dict]:
    """The main menu of `language`, as the HTML menu (koonto_tags.menu) decides it."""
    with translation.override(language):
        items = menu(request)
    ancestor_ids = {crumb.pk for crumb in ancestors(page)} if page is not None else set()

    def current(pk: int) -> str | None:
        if page is not None and pk == page.pk:
            return "page"
        return "ancestor" if pk in ancestor_ids else None

    return [{"id": i["pk"], "title": i["title"], "url": absolute_url(i["url"]), "current": current(i["pk"])} for i in items]


def breadcrumbs(request: HttpRequest, page: Page) -> list[dict]:
    """The HTML breadcrumbs (koonto.structured_data.breadcrumb_trail): the ancestors the public
    may see, root first, then the page; in the page's language."""
    with translation.override(language_of(page)):
        trail = breadcrumb_trail(page, request)
    return [{"id": crumb["id"], "title": crumb["name"], "url": absolute_url(crumb["url"])} for crumb in trail]


def translations(request: HttpRequest, page: Page) -> list[dict]:
    """The language switcher's links (koonto_tags.language_links) for the page."""
    with translation.override(language_of(page)):
        links = language_links(page, request)
    return [
        {
            "language": link["code"],
            "name": str(link["name"]),
            "translated": link["translated"],
            "title": link["page"].title if link["page"] is not None else None,
            "url": absolute_url(link["url"]),
            "current": link["current"],
        }
        for link in links
    ]


def site_payload(locale: str, request: HttpRequest | None = None) -> dict:
    """What a footer needs in `locale`: the site texts (koonto.site_texts.public_site_texts, as the
    footer template reads them) and the site settings' links; `request` only chooses the site (the
    default site without one).
    """
    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    settings_row = KoontoSettings.for_site(site) if site is not None else KoontoSettings()
    rule = rule_for(request)
    texts = public_site_texts(locale)
    contacts = texts.contacts if texts is not None else []
    with translation.override(locale):
        accessibility = rule.for_reader(settings_row.accessibility_page) if settings_row.accessibility_page_id else None
        privacy = rule.for_reader(settings_row.privacy_page) if settings_row.privacy_page_id else None
        feedback = accessibility_feedback(texts)
        flag = _("Flag of the European Union")
        return {
            "locale": locale,
            "name": "Koonto",
            "tagline": _("Citizen-led development in Pohjois-Savo"),
            # The site texts' own language: the reader's, or Finnish while they are not translated.
            "texts_language": texts.language if texts is not None else locale,
            "eu_notice": {
                "statement": {"value": settings_row.eu_statement, "label": str(settings_row.get_eu_statement_display())},
                "programme": texts.programme_name if texts is not None else "",
                "emblem": {"url": absolute_url(static("koonto/img/eu-emblem.svg")), "width": 72, "height": 48, "alt": flag},
                "emblem_bordered": {
                    "url": absolute_url(static("koonto/img/eu-emblem-bordered.svg")),
                    "width": 79,
                    "height": 54,
                    "alt": flag,
                },
            },
            "implementers": texts.implementers if texts is not None else [],
            "contacts": [
                {
                    "name": contact.name,
                    "role": contact.role,
                    "email": contact.email,
                    "phone": contact.phone,
                    "organisation": contact.public_organisation.name if contact.public_organisation else None,
                }
                for contact in contacts
            ],
            "accessibility_statement": link(_("Accessibility statement"), accessibility, request),
            "accessibility_feedback": {"label": _("Give feedback on accessibility"), "url": feedback.url}
            if feedback is not None
            else None,
            "privacy_notice": link(_("Privacy notice"), privacy, request),
            "social_links": [{"label": name, "url": url} for name, url in settings_row.social_links],
        }


def link(label: str, page: Page | None, request: HttpRequest | None) -> dict | None:
    return {"label": label, "url": absolute_url(page.get_url(request))} if page is not None else None


# --- expand= -----------------------------------------------------------------------------------


def parse_expand(raw: str | None, allowed: tuple[str, ...] = EXPANSIONS) -> frozenset[str]:
    """`expand=navigation,site` as a set; an unknown name is a ParameterError naming `expand`."""
    return frozenset(parse_list("expand", raw, allowed)) if raw is not None else frozenset()


def api_url(name: str, **kwargs) -> str:
    return absolute_url(reverse(f"{API_NAMESPACE}:{name}", kwargs=kwargs))


def components(request: HttpRequest, page: Page, expand: frozenset[str]) -> dict:
    """The page's components: each a link to its endpoint, with its content where expanded."""
    language = language_of(page)
    return {
        "navigation": {
            "href": f"{api_url('koonto_navigation')}?locale={language}",
            "items": navigation(request, language, page) if "navigation" in expand else None,
        },
        "breadcrumbs": {
            "href": api_url("koonto_breadcrumbs", page_id=page.pk),
            "items": breadcrumbs(request, page) if "breadcrumbs" in expand else None,
        },
        "translations": {
            "href": api_url("koonto_translations", page_id=page.pk),
            "items": translations(request, page) if "translations" in expand else None,
        },
        "site": {
            "href": f"{api_url('koonto_site')}?locale={language}",
            "data": site_payload(language, request) if "site" in expand else None,
        },
    }
