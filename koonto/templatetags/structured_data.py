"""Template tags for structured data and share metadata: `{% share_meta %}`, `{% breadcrumbs %}`,
`{{ data|json_ld }}` and `{% organisation_json_ld %}` (the builders are in koonto/structured_data.py)."""

import hashlib
import html

from django import template
from django.template.loader import get_template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from koonto.structured_data import (
    breadcrumb_trail,
    open_graph,
    organisation_data,
    page_json_ld,
    to_json_ld,
)
from koonto.visibility import rule_for
from ops.pagecache import until_content_changes

register = template.Library()


@register.filter
def json_ld(data: dict) -> SafeString:
    """`{{ data|json_ld }}`: a `<script type="application/ld+json">` element."""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(to_json_ld(data)))  # noqa: S308


@register.simple_tag(takes_context=True)
def breadcrumbs(context) -> list[dict]:
    """`{% breadcrumbs as trail %}`: the trail of the page in the context (see breadcrumb_trail)."""
    return breadcrumb_trail(context.get("page"), context.get("request"))


def title_block(context) -> str:
    """The text of the template's `{% block title %}`: the words of <title> without "– Koonto".

    Views that are not pages (search, tags, organisations) name themselves only there.
    """
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    node = block_context.get_block("title") if block_context else None
    return html.unescape(strip_tags(node.render(context))).strip() if node else ""


@register.simple_tag(takes_context=True)
def share_meta(context) -> SafeString:
    """Canonical link, Open Graph and Twitter tags, and a page's JSON-LD (includes/meta.html).

    Call it in base.html itself (not from an include): it reads the title block. A page's are
    kept as HTML until content changes (ops.pagecache), per page, title, language and site: they
    read its translations, ancestors and image, which change only with published content; a
    preview and views that are not pages build them every time.
    """
    request = context.get("request")
    page = context.get("page")
    page = page.specific_deferred if isinstance(page, Page) else None
    title = title_block(context) or (page.seo_title or page.title if page else "")
    site = rule_for(request).site if request is not None else None
    if page is None or page.pk is None or site is None or getattr(request, "is_preview", False):
        return _share_meta(page, request, title)
    digest = hashlib.sha256(title.encode()).hexdigest()[:32]
    key = f"share-meta:{page.pk}:{site.pk}:{get_language()}:{digest}"
    return mark_safe(until_content_changes(key, lambda: str(_share_meta(page, request, title))))  # noqa: S308 - rendered by the template


def _share_meta(page, request, title: str) -> SafeString:
    data = {
        "og": open_graph(page, request, title),
        "json_ld": page_json_ld(page, request) if page else [],
    }
    return mark_safe(get_template("includes/meta.html").render(data))  # noqa: S308 - an autoescaped template


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation) -> SafeString:
    """`{% organisation_json_ld organisation %}`: the Organization on an organisation's page."""
    return json_ld(organisation_data(organisation, context.get("request")))
