"""A page by its public address, in one request: `GET /api/v3/koonto/page/?path=/fi/tapahtumat/…`.

A headless frontend receives the path a reader asked for and needs the page there, with its
menu, breadcrumbs, language links and footer (`expand=`, api/expansions.py). Wagtail's own
`pages/find/` answers with a redirect to the page's id (and v2's to the Site record's host), and
only in the default language's tree; this answers 200 with the page itself, for every page type
(Wagtail's v3 read schema of each type, discovered from the page models: the union is typed in
the OpenAPI document), and a 404 problem for anything the public may not see (koonto.visibility).

The path is routed as the HTML site routes it: the language prefix chooses the language (Django's
i18n URL patterns), and Wagtail's own `route()` walks that language's tree, so a page type's
custom routing (showcase.ShowcaseIndexPage.route) is honoured. Paths of other views (search,
tags, organisations) and sub-routes of a page are not pages: 404.

Each component also has its own endpoint here (navigation, breadcrumbs, translations, site),
small and cached like every anonymous API answer (ops.pagecache).
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import unquote, urlsplit
from uuid import UUID

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve
from django.utils import translation
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page, Site

from api.expansions import (
    EXPAND_DESCRIPTION,
    EXPANSIONS,
    Components,
    Crumb,
    MenuItem,
    SiteOut,
    TranslationLink,
    breadcrumbs,
    components,
    navigation,
    parse_expand,
    site_payload,
    translations,
)
from api.home_content import HomeComponent, HomeContent, home_component, home_content, home_page
from api.params import PRINTABLE, ParameterError
from api.v3 import PageId, api, one_or_more, router
from koonto.visibility import language_of, rule_for

__all__ = ["api"]  # api/urls.py mounts the API from here, so that these endpoints are on it

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
PAGE_EXPANSIONS = (*EXPANSIONS, "home")
# A public path with its language prefix, or a full URL; no control characters (api.params' edge).
_NO_CONTROL = PRINTABLE[2:-1]  # the characters PRINTABLE excludes
PATH_PATTERN = rf"^(https?://[^/?#{_NO_CONTROL}]+)?/(" + "|".join(LANGUAGES) + rf")(/[^?#{_NO_CONTROL}]*)?([?#]{PRINTABLE}*)?$"


class PageAnswer(Schema):
    page: PageDetailSchema = Field(  # type: ignore[valid-type]
        description="The page as `/api/v3/pages/{id}/` gives it: its type's every API field; `meta.type` names the type."
    )
    translation_key: UUID = Field(description="The same for a page and its translations.")
    components: Components
    home: HomeComponent | None = Field(
        description="A home page's automatic content (next call, events, newest showcases); null on other pages."
    )


class PageQuery(Schema):
    path: str = Field(
        description="The page's public path with its language prefix, e.g. /fi/tapahtumat/hankeinfo/ "
        "(a full URL is read for its path).",
        pattern=PATH_PATTERN,
    )
    expand: str | None = Field(
        None, description=EXPAND_DESCRIPTION + " On a home page also `home`.", pattern=one_or_more(list(PAGE_EXPANSIONS))
    )


class LocaleQuery(Schema):
    locale: Literal[LANGUAGES] = Field(  # type: ignore[valid-type]
        settings.LANGUAGE_CODE, description="Language code: " + ", ".join(LANGUAGES) + "."
    )


def bad_request(error: ParameterError) -> HttpError:
    return HttpError(400, str(error))


def check_parameters(request: HttpRequest, known: set[str]) -> None:
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise HttpError(400, f"{unknown[0]}: unknown parameter; known are {', '.join(sorted(known))}")


def check_locale(code: str) -> str:
    if code not in LANGUAGES:
        raise HttpError(400, f"locale: unknown language '{code}'; use one of {', '.join(LANGUAGES)}")
    return code


def expansions(raw: str | None) -> frozenset[str]:
    try:
        return parse_expand(raw, PAGE_EXPANSIONS)
    except ParameterError as error:
        raise bad_request(error) from None


def page_at(request: HttpRequest, raw: str) -> Page | None:
    """The page the HTML site serves at `raw` if the public may see it, else None."""
    path = unquote(urlsplit(raw).path if raw.startswith(("http://", "https://")) else raw.split("?")[0].split("#")[0])
    parts = [part for part in path.split("/") if part]
    if not parts or parts[0] not in LANGUAGES:
        prefixes = ", ".join(f"/{code}/" for code in LANGUAGES)
        raise HttpError(400, f"path: '{raw[:100]}' does not start with a language prefix: {prefixes}")
    site = Site.find_for_request(request)
    if site is None:
        return None
    with translation.override(parts[0]):
        try:
            match = resolve("/" + "/".join(parts) + "/")
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            return None  # search, tags, organisations: views, not pages
        try:
            page, args, kwargs = site.root_page.localized.specific.route(request, parts[1:])
        except Http404:
            return None
    if args or kwargs or not rule_for(request).page(page):
        return None
    return page


def public_page(request: HttpRequest, page_id: int) -> Page:
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not rule_for(request).page(page):
        raise Http404(f"No public page with the id {page_id}.")
    return page


@router.get(
    "/page/",
    response=PageAnswer,
    summary="A page by its public path, with expansions",
    operation_id="koonto_page_by_path",
    url_name="koonto_page_by_path",
)
def page_by_path(request: HttpRequest, query: Query[PageQuery]):
    """The page at a public path (`/fi/tapahtumat/…`), any page type, with `expand=` components.

    200 with the page, never a redirect; 404 when no page the public may see is there.
    """
    check_parameters(request, {"path", "expand"})
    expand = expansions(query.expand)
    page = page_at(request, query.path)
    if page is None:
        raise Http404(f"No public page at {query.path[:200]}.")
    page = page.specific
    with translation.override(language_of(page)):
        # Rich-text links and labels in the page's own language (as API v2 and the HTML do).
        answer = PageAnswer.model_validate(
            {
                "page": page,
                "translation_key": page.translation_key,
                "components": components(request, page, expand),
                "home": home_component(request, page, "home" in expand),
            },
            context={"request": request},
        )
    return answer


@router.get(
    "/navigation/",
    response=list[MenuItem],
    summary="The main menu of a language",
    operation_id="koonto_navigation",
    url_name="koonto_navigation",
)
def navigation_endpoint(request: HttpRequest, query: Query[LocaleQuery]):
    """The pages of the main menu, as the HTML menu shows them (the pages staff marked "show in menus")."""
    check_parameters(request, {"locale"})
    return navigation(request, check_locale(query.locale))


@router.get(
    "/pages/{page_id}/breadcrumbs/",
    response=list[Crumb],
    summary="A page's breadcrumbs",
    operation_id="koonto_breadcrumbs",
    url_name="koonto_breadcrumbs",
)
def breadcrumbs_endpoint(request: HttpRequest, page_id: PageId):
    """Home › section › page: the ancestors the public may see, root first; empty on a home page."""
    check_parameters(request, set())
    return breadcrumbs(request, public_page(request, page_id))


@router.get(
    "/pages/{page_id}/translations/",
    response=list[TranslationLink],
    summary="A page's translations",
    operation_id="koonto_translations",
    url_name="koonto_translations",
)
def translations_endpoint(request: HttpRequest, page_id: PageId):
    """The language switcher of the page: one link per site language."""
    check_parameters(request, set())
    return translations(request, public_page(request, page_id))


@router.get("/site/", response=SiteOut, summary="What a footer needs", operation_id="koonto_site", url_name="koonto_site")
def site_endpoint(request: HttpRequest, query: Query[LocaleQuery]):
    """The EU funding notice and emblem, implementers, contacts, the accessibility statement and
    privacy notice, social links: the site footer in one language."""
    check_parameters(request, {"locale"})
    return site_payload(check_locale(query.locale), request)


@router.get(
    "/home/",
    response=HomeContent,
    summary="The home page's automatic content",
    operation_id="koonto_home",
    url_name="koonto_home",
)
def home_endpoint(request: HttpRequest, query: Query[LocaleQuery]):
    """The next open or upcoming call (else the latest closed one), the next three events and the
    newest showcases, as the home page of that language shows them."""
    check_parameters(request, {"locale"})
    home = home_page(request, check_locale(query.locale))
    if home is None:
        raise Http404("This site has no public home page.")
    return home_content(request, home)
