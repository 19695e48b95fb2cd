"""Tags per language reach translations that are not saved themselves (koonto/localised_tags.py).

A Finnish page published with other tags, and a tag translation added, changed or deleted, rewrite
the tag rows of the translations concerned directly. Tags are vocabulary managed by
communications, so this does not wait for the translation's workflow. Connected in
LocalisationConfig.ready().
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from taggit.models import Tag
from wagtail.models import Page
from wagtail.signals import page_published

from koonto.localised_tags import LocalisedTagsMixin, taggable_page_models
from koonto.models import TagTranslation


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


def refresh_translated_tags(sender, instance, **kwargs):
    """A Finnish page published with other tags: its translations show the new tags' names."""
    if isinstance(instance, LocalisedTagsMixin) and instance.tag_source() is None:
        refresh_translations_of(instance)


def remember_previous_tag_translation(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._previous = None
        return
    instance._previous = sender.objects.filter(pk=instance.pk).values_list("tag_id", "locale_id").first()


def refresh_pages_of_tag_translation(sender, instance, raw=False, **kwargs):
    """A tag named (or renamed, or unnamed) in a language: pages in that language follow."""
    if raw:
        return
    affected = {(instance.tag_id, instance.locale_id)}
    if getattr(instance, "_previous", None):
        affected.add(instance._previous)
    for tag_id, locale_id in affected:
        tag = Tag.objects.filter(pk=tag_id).first()
        if tag is not None:
            refresh_pages_tagged(tag, locale_id)


def connect() -> None:
    page_published.connect(refresh_translated_tags, dispatch_uid="localisation-refresh-translated-tags")
    pre_save.connect(remember_previous_tag_translation, sender=TagTranslation, dispatch_uid="localisation-tag-previous")
    for signal in (post_save, post_delete):
        signal.connect(refresh_pages_of_tag_translation, sender=TagTranslation, dispatch_uid=f"localisation-tags-{signal}")
