"""Signal handlers: translated tags follow their sources; the page cache empties when published content changes."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published


@receiver(page_published)
def refresh_translated_tags(sender, instance, **kwargs):
    """A Finnish page published with other tags: its translations show the new tags' names."""
    from koonto.tags import LocalisedTagsMixin, refresh_translations_of

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

    from koonto.tags import refresh_pages_tagged

    affected = {(instance.tag_id, instance.locale_id)}
    if getattr(instance, "_previous", None):
        affected.add(instance._previous)
    for tag_id, locale_id in affected:
        tag = Tag.objects.filter(pk=tag_id).first()
        if tag is not None:
            refresh_pages_tagged(tag, locale_id)


# --- the anonymous page cache (koonto.pagecache) ------------------------------------------------

# What a public page shows besides its own page row: snippets, tags, media, sites, settings.
CACHE_AFFECTING_MODELS = [
    "koonto.Organisation",
    "koonto.ContactPerson",
    "koonto.Theme",
    "koonto.ProjectDescription",
    "koonto.Municipality",
    "koonto.TagTranslation",
    "koonto.KoontoSettings",
    "koonto.FooterContact",
    "taggit.Tag",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    # A page or collection made private must leave every cached listing and page at once.
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
]


def invalidate_page_cache(**kwargs):
    """Published content changed: every cached page, menu and register table is stale, in every
    process (koonto.pagecache.invalidate: at once in this one, in the others when it commits)."""
    if kwargs.get("raw"):
        return
    from koonto.pagecache import invalidate

    invalidate()


def connect_page_cache_invalidation():
    from django.apps import apps
    from wagtail.signals import page_unpublished, post_page_move

    post_save.connect(invalidate_page_cache, sender=Page, dispatch_uid="pagecache-page-save")
    post_delete.connect(invalidate_page_cache, sender=Page, dispatch_uid="pagecache-page-delete")
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            # Specific page types send their own save/delete signals.
            post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
            post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"pagecache-del-{model._meta.label}")
    page_published.connect(invalidate_page_cache, dispatch_uid="pagecache-published")
    page_unpublished.connect(invalidate_page_cache, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(invalidate_page_cache, dispatch_uid="pagecache-moved")
    for label in CACHE_AFFECTING_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue  # an optional app that is not installed
        post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"pagecache-del-{label}")
