"""Signal handlers: translated tags follow their sources; the page cache empties when published content changes."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from koonto.localised_tags import LocalisedTagsMixin, refresh_pages_tagged, refresh_translations_of


@receiver(page_published)
def refresh_translated_tags(sender, instance, **kwargs):
    """A Finnish page published with other tags: its translations show the new tags' names."""

    if isinstance(instance, LocalisedTagsMixin) and instance.tag_source() is None:
        refresh_translations_of(instance)


@receiver(pre_save, sender="koonto.TagTranslation")
def remember_previous_tag_translation(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._previous = None
        return
    instance._previous = sender.objects.filter(pk=instance.pk).values_list("tag_id", "locale_id").first()


@receiver(post_save, sender="koonto.TagTranslation")
@receiver(post_delete, sender="koonto.TagTranslation")
def refresh_pages_of_tag_translation(sender, instance, raw=False, **kwargs):
    """A tag named (or renamed, or unnamed) in a language: pages in that language follow."""
    if raw:
        return
    from taggit.models import Tag

    affected = {(instance.tag_id, instance.locale_id)}
    if getattr(instance, "_previous", None):
        affected.add(instance._previous)
    for tag_id, locale_id in affected:
        tag = Tag.objects.filter(pk=tag_id).first()
        if tag is not None:
            refresh_pages_tagged(tag, locale_id)
