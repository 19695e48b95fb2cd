"""Template tags for the site chrome: menu, language switcher, alternates, footer."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    """The home page of the active language (or the site root where none exists)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    if not hasattr(request, "_koonto_home"):
        request._koonto_home = site.root_page.localized.specific
    return request._koonto_home


@register.simple_tag(takes_context=True)
def home_page(context):
    return _site_root(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = _site_root(request)
    current = context.get("page")
    menu_pages = _menu_pages(request, home) if home else []
    ancestor_ids = {crumb.pk for crumb in ancestors(current)} if isinstance(current, Page) else set()
    return {"menu_pages": menu_pages, "current_page": current, "ancestor_ids": ancestor_ids}


def _menu_pages(request, home: Page) -> list[dict]:
    """The home page's public menu children as {pk, title, url}, kept until content changes.

    Every page shows the menu; it changes only when pages are published or moved, which is when
    the content generation changes (koonto.pagecache), so it is cached under that generation:
    every worker builds it anew at its first request after a publication.
    """
    from koonto.pagecache import memo

    def build():
        children = home.get_children().live().in_menu().public()
        return [{"pk": child.pk, "title": child.title, "url": child.get_url(request=request)} for child in children]

    return memo(f"menu:{home.pk}:{request.get_host() if request else ''}", build)


def ancestors(page: Page) -> list[Page]:
    """The page's ancestors below the tree root, home first; one query per page object and request."""
    if not hasattr(page, "_koonto_ancestors"):
        # A home page (depth 2) has none below the tree root: no need to ask the database.
        page._koonto_ancestors = list(page.get_ancestors().filter(depth__gt=1)) if page.depth > 2 else []
    return page._koonto_ancestors


def _live_translations(page: Page) -> dict[str, Page]:
    """The page's live translations (itself included), keyed by language code.

    Kept on the page object: the switcher, the hreflang links and the Open Graph locales of
    one request all ask for them.
    """
    if not hasattr(page, "_koonto_live_translations"):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        page._koonto_live_translations = {p.locale.language_code: p for p in translations}
    return page._koonto_live_translations


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language.

    Where a page has no translation, the link leads to a page in that language that says so
    and offers the original (never silently to a home page). Views that are not pages (search)
    link to the same view and query in the other language, or to the URLs they give as
    `language_urls` (a language without one is shown, not linked).
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = _live_translations(page) if isinstance(page, Page) else {}
    # Views that know their counterparts (tag pages) pass them; a missing language is not linked.
    language_urls = context.get("language_urls")
    languages = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request=request)
        elif language_urls is not None:
            url = language_urls.get(code)
            target = url
        elif isinstance(page, Page):
            # No translation: a page in that language says so and offers this one.
            with translation.override(code):
                url = reverse("untranslated", args=(page.pk,))
        else:
            url = translate_url(request.get_full_path(), code) if request else f"/{code}/"
        with translation.override(code):
            missing_note = _("This page has not been translated into this language yet.")
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": target is not None,
                "missing_note": missing_note,
            }
        )
    return {"languages": languages}


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """`<link rel="alternate" hreflang>` for every live translation, and x-default (Finnish)."""
    request = context.get("request")
    if not isinstance(page, Page):
        return ""
    translations = _live_translations(page)
    links = [(code, p.get_full_url(request=request)) for code, p in translations.items()]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append(("x-default", default.get_full_url(request=request)))
    return format_html_join("\n    ", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.simple_tag
def localized_page(page):
    """The live translation of a page in the active language, else the page itself if live."""
    if page is None:
        return None
    localized = page.localized
    if localized.live:
        return localized
    return page if page.live else None


@register.simple_tag
def footer_contacts(koonto_settings):
    """Footer contacts in the active language where translated, kept until content changes.

    Saving the settings, a footer contact, a contact person or an organisation changes the
    content generation (koonto.signals), which drops them in every process (koonto.pagecache.memo).
    """
    from koonto.pagecache import memo

    if koonto_settings is None or not koonto_settings.pk:
        return []

    def build():
        items = koonto_settings.footer_contacts.select_related("contact__organisation")
        return [item.contact.localized for item in items]

    return memo(f"footer-contacts:{koonto_settings.pk}:{translation.get_language()}", build)
