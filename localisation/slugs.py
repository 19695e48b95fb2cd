"""A translation's slug follows its translated title until someone sets it.

wagtail-localize sends the slug to translators as a string of its own, shown under the
promote tab ("Nosto") where translators rarely look, so English addresses stayed Finnish. Here,
whenever a translation (a page outside the source language that wagtail-localize syncs) is
saved with a translated title, its slug is made from that title, unless someone set it:

- a translator translated the slug string in the translation editor (or a PO file), or
- the slug being saved is not the Finnish one (set by hand in the page editor, e.g. after
  syncing was stopped). wagtail-localize writes the Finnish slug into the translation every
  time it saves one whose slug string is untranslated; that is the case handled here.

The slug is made the way wagtail-localize makes slugs (Django's ``slugify``, which writes ä and
ö as a and o) and kept unique among the page's siblings.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from koonto.internals import update_descendant_url_paths


def _is_finnish(slug: str, source: Page) -> bool:
    """The source's slug or title slug, possibly with the number find_available_slug appends."""
    base = re.sub(r"-\d+$", "", slug)
    return bool({slug, base} & {source.slug, slugify(source.title)})


def slug_was_set(page: Page, translation: Translation) -> bool:
    """Whether someone translated the slug string of this page into its language."""
    return StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        context__path="slug",
        translation_of__segments__source_id=translation.source_id,
    ).exists()


def follow_title(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of any page: a synced translation's slug from its title (module docstring)."""
    if raw or not isinstance(instance, Page) or instance.depth is None or instance.depth < 3 or not instance.title:
        return
    if update_fields is not None and "slug" not in update_fields:
        return
    if instance.locale_id is None or instance.alias_of_id is not None:
        return
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        return
    translation = (
        Translation.objects.filter(source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True)
        .select_related("source")
        .first()
    )
    if translation is None or slug_was_set(instance, translation):
        return
    source = Page.objects.filter(translation_key=instance.translation_key, locale=translation.source.locale).first()
    if source is None:
        return
    if instance.title == source.title or not _is_finnish(instance.slug, source):
        return  # the title is not translated yet (the Finnish slug stays), or the slug was set by hand
    wanted = slugify(instance.title)
    if not wanted or wanted == instance.slug:
        return
    parent = instance.get_parent()
    old_url_path = instance.url_path
    instance.slug = find_available_slug(parent, wanted, ignore_page_id=instance.pk) if parent is not None else wanted
    if parent is not None:
        # Page.save() set the URL path from the old slug just before this signal: follow the new
        # slug, and move the subpages' paths once the row is saved (move_subpages).
        instance.set_url_path(parent)
        if instance.pk and old_url_path and old_url_path != instance.url_path:
            instance._localisation_old_url_path = old_url_path


def move_subpages(sender, instance, raw=False, **kwargs):
    """post_save: the subpages of a page whose slug follow_title changed move to its new path."""
    old_url_path = instance.__dict__.pop("_localisation_old_url_path", None)
    if old_url_path and not raw:
        update_descendant_url_paths(instance, old_url_path, instance.url_path)


def connect() -> None:
    pre_save.connect(follow_title, dispatch_uid="localisation-slug-follows-title")
    post_save.connect(move_subpages, dispatch_uid="localisation-slug-moves-subpages")
