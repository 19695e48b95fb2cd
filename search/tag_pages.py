"""Tag pages: everything tagged with one tag in the visitor's language, grouped by page type.

Page types with tags (koonto.localised_tags.LocalisedTagsMixin) say how their group is keyed,
headed and ordered (`tag_page_key`, `tag_page_heading`, `tag_page_ordering`); this module lists
no page type by name.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from koonto.listing import ListingState, clean_choice, paginate
from koonto.localised_tags import taggable_page_models
from koonto.models import TagTranslation
from koonto.slugs import ascii_slug
from koonto.visibility import rule_for
from ops.pagecache import query_parameters


def tag_page_sections(tag: Tag, locale, rule) -> list[tuple[str, str, QuerySet]]:
    """(key, heading, pages the public may see in this language with the tag), one per taggable type.

    `rule` is the request's koonto.visibility.PublicRule: its site's pages only. The querysets are
    not evaluated: the view counts them and takes a slice or a page of each.
    """
    sections = []
    for model in taggable_page_models():
        through = model.tagged_items.rel.related_model
        pages = rule.pages(
            model.objects.filter(locale=locale, pk__in=through.objects.filter(tag=tag).values("content_object_id"))
        )
        # The cards' pictures come with the pages (every taggable page type has a listing image).
        pages = pages.select_related("listing_image").prefetch_related("listing_image__renditions")
        sections.append((model.tag_page_key, str(model.tag_page_heading), pages.order_by(*model.tag_page_ordering)))
    return sections


def tag_counterpart(tag: Tag, locale) -> Tag | None:
    """The same tag in another language: its name there, or the Finnish tag it names."""
    if locale.language_code == settings.LANGUAGE_CODE:
        names = TagTranslation.objects.filter(name__iexact=tag.name).values("tag_id")
        return Tag.objects.filter(pk__in=names).order_by("name").first() or tag
    name = TagTranslation.objects.filter(tag=tag, locale=locale).values_list("name", flat=True).first()
    if name is None:
        # Already a name in that language, or a tag with none.
        if TagTranslation.objects.filter(name__iexact=tag.name, locale=locale).exists():
            return tag
        return None
    return Tag.objects.filter(name__iexact=name).first()


TAG_PAGE_GROUP_SIZE = 12


@query_parameters("type", "page")
def tag_page(request, slug: str):
    """Everything tagged with one tag in the visitor's language, grouped by type.

    Finnish pages carry Finnish tags and translations carry the tags' names in their language
    (koonto.localised_tags), so a tag page lists one language. A tag of the other language in the address
    (from a shared link) redirects to its counterpart. Each group shows its first items and links
    to `?type=<group>`, which lists that group alone, paginated. An older address, whose slug
    still has `ä` or `ö` (koonto/slugs.py), redirects for good to the tag's ASCII slug.
    """
    locale = Locale.get_active()
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        if ascii_slug(slug) != slug and Tag.objects.filter(slug=ascii_slug(slug)).exists():
            query = f"?{request.GET.urlencode()}" if request.GET else ""
            return HttpResponsePermanentRedirect(reverse("tag", args=(ascii_slug(slug),)) + query)
        raise Http404
    state = ListingState()
    sections = tag_page_sections(tag, locale, rule_for(request))
    groups = [{"key": key, "heading": heading, "pages": pages, "count": pages.count()} for key, heading, pages in sections]
    total = sum(group["count"] for group in groups)
    if total == 0:
        counterpart = tag_counterpart(tag, locale)
        if counterpart is not None and counterpart != tag:
            return redirect("tag", slug=counterpart.slug)
        raise Http404

    message = _("There is no content type “%(value)s”, so everything with this tag is shown.")
    clean_choice(request.GET, "type", {group["key"] for group in groups}, state, message)
    wanted = state.values.pop("type")  # chooses the view rather than filtering it (kept in links)
    page_obj = None
    if wanted:
        state.keep["type"] = wanted
        group = next(group for group in groups if group["key"] == wanted)
        page_obj = paginate(group["pages"], request.GET, state, per_page=TAG_PAGE_GROUP_SIZE)
        shown_groups = [{**group, "pages": page_obj.object_list, "more": False}]
    else:
        shown_groups = [
            {**group, "pages": group["pages"][:TAG_PAGE_GROUP_SIZE], "more": group["count"] > TAG_PAGE_GROUP_SIZE}
            for group in groups
            if group["count"]
        ]

    language_urls = {}
    for code, _name in settings.LANGUAGES:
        other = Locale.objects.filter(language_code=code).first()
        counterpart = tag_counterpart(tag, other) if other else None
        if counterpart is not None:
            with translation.override(code):
                language_urls[code] = reverse("tag", args=(counterpart.slug,))
    context = {
        "tag": tag,
        "groups": groups,
        "shown_groups": shown_groups,
        "type": wanted,
        "total": total,
        "listing": state,
        "listing_query": state.query,
        "page_obj": page_obj,
        "language_urls": language_urls,
    }
    return TemplateResponse(request, "koonto/tag.html", context)
