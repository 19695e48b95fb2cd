"""Tags per language: a translation shows its Finnish source's tags, named in its own language.

Finnish pages are tagged in the editor. wagtail-localize would copy those Finnish tags into every
translation (tags are a child relation it synchronises), so an English page would show "rahoitus".
Instead, `LocalisedTagsMixin` keeps tags out of wagtail-localize's copying and sets a translation's
tags whenever it is saved: each source tag's name in the translation's language, from
`koonto.models.TagTranslation` (Registers > Tag translations). A tag with no name in that language
is left off: a translation never shows a Finnish tag.

Saving covers translation by wagtail-localize (a new translation is saved, a synced one is saved
again) and publishing (a revision is saved back into the page). Two changes reach translations that
are not themselves saved (a Finnish page published with other tags, a tag translation added,
changed or deleted): localisation/tag_sync.py rewrites those translations' tag rows. The tag
pages, which list a tag's pages in one language, are search/tag_pages.py.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from taggit.models import Tag
from wagtail.models import Page
from wagtail_localize.fields import BaseTranslatableField

from koonto.models import TagTranslation
from koonto.slugs import ascii_slug, tag_slug


class NotCopiedField(BaseTranslatableField):
    """A field wagtail-localize neither translates nor copies into translations."""

    def __repr__(self):
        return f"<NotCopiedField {self.field_name}>"


class LocalisedTagsMixin:
    """For page types with `tags = ClusterTaggableManager(...)` on a `tagged_items` relation.

    They also set `tag_page_key` (the `type` parameter), `tag_page_heading` and `tag_page_ordering`
    for their group on tag pages.
    """

    override_translatable_fields = [NotCopiedField("tagged_items")]

    def tag_source(self) -> Page | None:
        """The Finnish page this one translates, or None if this page is the source (or has none)."""
        if self.locale_id is None or not self.translation_key:
            return None
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .exclude(pk=self.pk)
            .first()
        )

    def localised_tag_names(self, source: Page) -> list[str]:
        """The source's tags named in this page's language; untranslated tags are left out."""
        source_tag_ids = type(self).tagged_items.rel.related_model.objects.filter(content_object=source).values("tag_id")
        return list(
            TagTranslation.objects.filter(tag_id__in=source_tag_ids, locale_id=self.locale_id)
            .order_by("name")
            .values_list("name", flat=True)
        )

    def save(self, *args, **kwargs):
        source = self.tag_source()
        if source is not None:
            self.tags.set(self.localised_tag_names(source))
        return super().save(*args, **kwargs)


def taggable_page_models() -> list[type[Page]]:
    """The page types with tags, in INSTALLED_APPS order and then their order in their app (the
    order of the tag page's groups), whatever order the apps' modules happened to be imported in."""
    return [model for app in apps.get_app_configs() for model in app.get_models() if issubclass(model, LocalisedTagsMixin)]


class ReaderTags:
    """A tag filter (tag slugs) on a listing that shows pages to readers of one language by the
    facts-for-everyone rule (koonto.visibility.PublicRule.pages_for_reader): in a non-Finnish
    listing, Finnish pages that are not translated are listed too.

    A slug is one of the reader's language: a page in that language matches by its own tags; a
    Finnish page shown in the listing matches by its tags' names in the reader's language
    (`TagTranslation`), never by its Finnish tag, so `?tag=workshop` on the English calendar
    finds the untranslated Finnish event tagged "työpaja" whose English name is "workshop", and
    `?tag=tyopaja` there finds nothing. In the Finnish listing a slug is a Finnish tag's.
    A slug from an older address, with `ä` or `ö` in it, is read as today's ASCII slug
    (koonto/slugs.py). Costs two queries (the tags and, for another language, its tag translations), however many
    pages the listing has.
    """

    def __init__(self, slugs, locale):
        self.slugs = {ascii_slug(slug) for slug in slugs}
        self.locale = locale
        self.own = set(Tag.objects.filter(slug__in=self.slugs).values_list("slug", flat=True))
        self.translated_tag_ids: list[int] = []
        translated_slugs = set()
        if self.slugs and locale.language_code != settings.LANGUAGE_CODE:
            # TagTranslation keeps names, not slugs: slugged here the way a tag's name is slugged.
            for tag_id, name in TagTranslation.objects.filter(locale=locale).values_list("tag_id", "name"):
                slug = tag_slug(name)
                if slug in self.slugs:
                    self.translated_tag_ids.append(tag_id)
                    translated_slugs.add(slug)
        self.unknown = sorted(self.slugs - self.own - translated_slugs)

    def filter(self, pages):
        """`pages` (a listing for readers of the locale) narrowed to those with any of the tags."""
        if not self.slugs:
            return pages
        through = pages.model.tagged_items.rel.related_model
        own = Q(pk__in=through.objects.filter(tag__slug__in=self.slugs).values("content_object_id"))
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return pages.filter(own)
        by_translation = Q(
            locale__language_code=settings.LANGUAGE_CODE,
            pk__in=through.objects.filter(tag_id__in=self.translated_tag_ids).values("content_object_id"),
        )
        return pages.filter((Q(locale_id=self.locale.pk) & own) | by_translation)
