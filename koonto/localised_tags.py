"""Tags per language: a translation shows its Finnish source's tags, named in its own language.

Finnish pages are tagged in the editor. wagtail-localize would copy those Finnish tags into every
translation (tags are a child relation it synchronises), so an English page would show "rahoitus".
Instead, `LocalisedTagsMixin` keeps tags out of wagtail-localize's copying and sets a translation's
tags whenever it is saved: each source tag's name in the translation's language, from
`koonto.models.TagTranslation` (Registers > Tag translations). A tag with no name in that language
is left off: a translation never shows a Finnish tag.

Saving covers translation by wagtail-localize (a new translation is saved, a synced one is saved
again) and publishing (a revision is saved back into the page). Two changes reach translations that
are not themselves saved: a Finnish page published with other tags, and a tag translation added,
changed or deleted; `refresh_translation_tags` rewrites those translations' tag rows directly. Tags
are vocabulary managed by communications, so this does not wait for the translation's workflow.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db.models import QuerySet
from taggit.models import Tag
from wagtail.models import Page
from wagtail_localize.fields import BaseTranslatableField

from koonto.models import TagTranslation


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


def refresh_translation_tags(page: Page) -> None:
    """Rewrite the tag rows of a translation from its source, without a new revision."""
    source = page.tag_source()
    if source is None:
        return
    page.tags.set(page.localised_tag_names(source))
    page.tagged_items.commit()


def refresh_translations_of(source: Page) -> None:
    """After a Finnish page's tags change: refresh every translation of it."""
    for translation in type(source).objects.filter(translation_key=source.translation_key).exclude(pk=source.pk):
        refresh_translation_tags(translation)


def refresh_pages_tagged(tag: Tag, locale_id: int) -> None:
    """After a tag translation changes: refresh the translations, in that language, of pages with the tag."""
    for model in taggable_page_models():
        through = model.tagged_items.rel.related_model
        keys = through.objects.filter(tag=tag, content_object__locale__language_code=settings.LANGUAGE_CODE).values(
            "content_object__translation_key"
        )
        for translation in model.objects.filter(translation_key__in=keys, locale_id=locale_id):
            refresh_translation_tags(translation)


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
