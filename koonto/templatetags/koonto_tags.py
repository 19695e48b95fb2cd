"""Template tags for the site chrome: menu, language switcher, alternates, footer, and the
`{% cached_fragment %}` that keeps the chrome and page bodies rendered until content changes.

The decisions behind the menu, the language switcher and the footer contacts are plain functions
(`site_root`, `menu_pages`, `language_links`) so that the API's expansions
(api/expansions.py) give headless clients exactly what the HTML chrome shows.
"""

import hashlib

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from koonto.origin import absolute_url, page_url
from koonto.site_texts import public_site_texts
from koonto.visibility import language_of, rule_for
from ops.pagecache import current_generation, until_content_changes, variant_allowed

register = template.Library()


def site_root(request):
    """The home page of the active language as the public may see it (koonto.visibility), else the
    Finnish one; None when neither is."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    if not hasattr(request, "_koonto_home"):
        home = rule_for(request).home_page(or_source=True)
        request._koonto_home = home.specific if home is not None else None
    return request._koonto_home


@register.simple_tag(takes_context=True)
def home_page(context):
    return site_root(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    ancestor_ids = {crumb.pk for crumb in ancestors(current)} if isinstance(current, Page) else set()
    return {"menu_pages": menu(request), "current_page": current, "ancestor_ids": ancestor_ids}


def menu(request) -> list[dict]:
    """The main menu of the active language: the menu children of that language's home page
    (site_root) that the public may see, as {pk, title, url}."""
    home = site_root(request)
    return menu_pages(request, home) if home else []


def menu_pages(request, home: Page) -> list[dict]:
    """The home page's public menu children as {pk, title, url}, kept until content changes.

    Every page shows the menu; it changes only when pages are published or moved, which is when
    the content generation changes (ops.pagecache), so it is cached under that generation:
    every worker builds it anew at its first request after a publication.
    """

    def build():
        children = rule_for(request).pages(home.get_children().in_menu())
        return [{"pk": child.pk, "title": child.title, "url": child.get_url(request=request)} for child in children]

    # Keyed by the request's site, not its Host header: an error page answering a Host that
    # ALLOWED_HOSTS refuses renders the menu too, and reading that header raises there.
    site = rule_for(request).site if request else None
    return until_content_changes(f"menu:{home.pk}:{site.pk if site else ''}", build)


def ancestors(page: Page) -> list[Page]:
    """The page's ancestors below the tree root, home first; one query per page object and request."""
    if not hasattr(page, "_koonto_ancestors"):
        # A home page (depth 2) has none below the tree root: no need to ask the database.
        page._koonto_ancestors = list(page.get_ancestors().filter(depth__gt=1)) if page.depth > 2 else []
    return page._koonto_ancestors


def visible_translations(page: Page, request) -> dict[str, Page]:
    """The page's translations the public may see (itself included), keyed by language code.

    Kept on the page object: the switcher, the hreflang links and the Open Graph locales of
    one request all ask for them.
    """
    if not hasattr(page, "_koonto_visible_translations"):
        translations = rule_for(request).pages(page.get_translations(inclusive=True)).select_related("locale")
        page._koonto_visible_translations = {p.locale.language_code: p for p in translations}
    return page._koonto_visible_translations


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language (see language_links)."""
    request = context.get("request")
    return {"languages": language_links(context.get("page"), request, context.get("language_urls"))}


def language_links(page, request, language_urls: dict | None = None) -> list[dict]:
    """The language switcher's links: one per site language, with `code`, `name`, `url`,
    `current`, `translated`, `missing_note` and `page` (the visible translation, else None).

    Where a page has no translation, the link leads to a page in that language that says so
    and offers the original (never silently to a home page). Views that are not pages (search)
    link to the same view and query in the other language, or to the URLs they give as
    `language_urls` (a language without one is shown, not linked).
    """
    current = translation.get_language()
    translations = visible_translations(page, request) if isinstance(page, Page) else {}
    languages = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request=request)
        elif language_urls is not None:
            url = language_urls.get(code)
            target = url
        elif isinstance(page, Page) and page.pk is None:
            # The preview of a page not yet saved: nothing to link to yet.
            url = None
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
                "page": target if isinstance(target, Page) else None,
            }
        )
    return languages


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """`<link rel="alternate" hreflang>` for every visible translation, and x-default (Finnish).

    Kept as HTML until content changes, per page and site (a translation published or
    unpublished changes the generation); a preview builds them afresh.
    """
    request = context.get("request")
    if not isinstance(page, Page):
        return ""
    site = rule_for(request).site if request is not None else None
    if page.pk is None or site is None or getattr(request, "is_preview", False):
        return _alternate_links(page, request)
    return mark_safe(until_content_changes(f"alternates:{page.pk}:{site.pk}", lambda: str(_alternate_links(page, request))))  # noqa: S308 - built by format_html_join


def _alternate_links(page, request):
    translations = visible_translations(page, request)
    links = [(code, page_url(p, request)) for code, p in translations.items()]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append(("x-default", page_url(default, request)))
    return format_html_join("\n    ", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.simple_tag(takes_context=True)
def for_reader(context, obj):
    """`{% for_reader page.organiser as organiser %}`: a related page or snippet as the reader may
    see it (koonto.visibility): in the reader's language, else the source language, else None."""
    return rule_for(context.get("request")).for_reader(obj)


@register.simple_tag(takes_context=True)
def lang_attr(context, obj):
    """` lang="fi"` on an element that shows `obj` in a language other than the page's, else ""."""
    if obj is None:
        return ""
    code = language_of(obj)
    return format_html(' lang="{}"', code) if code != translation.get_language() else ""


@register.simple_tag
def language_note(obj):
    """After the title of a page shown in Finnish on a page in another language (a call or event not yet
    translated, koonto.visibility.PublicRule.pages_for_reader): a note saying so, else ""."""
    if obj is None or language_of(obj) == translation.get_language():
        return ""
    return format_html(' <span class="language-note">({})</span>', _("in Finnish"))


@register.simple_tag
def site_texts():
    """`{% site_texts as texts %}`: the programme, implementers and footer contacts in the page's
    language, else in Finnish (koonto.site_texts.public_site_texts)."""
    return public_site_texts()


@register.simple_tag(takes_context=True)
def public_url(context, page_or_path):
    """`{% public_url page %}` or `{% public_url path %}`: absolute, on the public origin
    (koonto.origin), for the places that need a whole URL (e-mails, a calendar address to copy)."""
    if isinstance(page_or_path, Page):
        return page_url(page_or_path, context.get("request"))
    return absolute_url(str(page_or_path))


@register.tag("cached_fragment")
def cached_fragment(parser, token):
    """`{% cached_fragment "name" value... [rollover] [variants] %}...{% endcached_fragment %}`: the enclosed
    HTML, rendered once per content generation and kept until content changes (ops.pagecache).

    For what depends only on published content, the reader's language and the site: the site
    chrome (header, footer, breadcrumbs) and the bodies of pages. The key is the name, the
    request's site, the active language and the values given (`page.pk`, a card's page and its
    link query); `rollover` for HTML that depends on the clock as listings do (events starting or
    ending, calls opening or closing; it is also kept no longer than the day, for "N days left").
    `variants` for HTML with many versions per first value (a page's listing per filter query):
    at most ops.pagecache.MAX_QUERY_VARIANTS of them are kept per generation, the rest rendered.
    Never cached, rendered every time: without a request or a
    site, in a preview (an unsaved revision), or when a value is missing (None: no page).
    The enclosed template must not set variables that the rest of the template reads.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    flags = set()
    while len(bits) > 2 and bits[-1] in ("rollover", "variants"):
        flags.add(bits.pop())
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]), vary_on, "rollover" in flags, "variants" in flags)


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, rollover: bool, variants: bool = False):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.rollover = rollover
        self.variants = variants

    def render(self, context):
        request = context.get("request")
        values = [value.resolve(context, ignore_failures=True) for value in self.vary_on]
        site = rule_for(request).site if request is not None else None
        if site is None or getattr(request, "is_preview", False) or any(value is None for value in values):
            return self.nodelist.render(context)
        vary = hashlib.sha256(repr([str(value) for value in values]).encode()).hexdigest()[:32]
        name = self.name.resolve(context)
        key = f"fragment:{name}:{site.pk}:{translation.get_language()}:{vary}"
        if self.rollover:
            # Clock-dependent HTML also says "closes in 3 days": a new day is a new entry.
            key += f":{timezone.localdate().isoformat()}"
        may_store = None
        if self.variants:
            scope = f"fragment:{name}:{site.pk}:{values[0] if values else ''}"
            may_store = lambda: variant_allowed(scope, current_generation())  # noqa: E731
        html = until_content_changes(key, lambda: str(self.nodelist.render(context)), rollover=self.rollover, may_store=may_store)
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped when it was rendered
