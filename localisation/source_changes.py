"""When a Finnish page is published, its change reaches the translations without anyone syncing.

1. **The strings** of the page's wagtail-localize source are extracted again
   (``TranslationSource.update_from_db()``, what "Sync translated pages" does), so the translation
   editor and the report show the new or changed sentences to translate at once.
2. **Synchronised fields** (dates, status, place, prices, links: the fields wagtail-localize keeps
   equal to the source and does not send to translators) reach every translation at once, live
   ones included, without a second review: the live row, the live revision and the latest draft
   revision take the new values, so neither serving nor a later approval of the translator's
   draft brings the old values back. Fields a translator overrode for their language, and
   Wagtail's own page fields (slug, menus), are left alone. The prose of a live translation
   waits for the translator.
3. **The translators are told** by e-mail, in their admin language: everyone who has saved a
   revision of that translation (other than the person who published the Finnish page).

Why the live row is updated directly rather than by publishing a revision: publishing would cancel
a translator's review in progress (``WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH``) and log a publication
nobody made. The source page's own publication empties the page cache after the commit.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from wagtail.models import Page, Revision
from wagtail.search import index
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import SegmentOverride, TranslationSource

from localisation.notifications import notify_source_changed

logger = logging.getLogger(__name__)


def synchronised_fields(model) -> list[models.Field]:
    """The model's own concrete fields that wagtail-localize keeps equal to the source."""
    fields = []
    for declared in get_translatable_fields(model):
        if not isinstance(declared, SynchronizedField):
            continue
        try:
            field = model._meta.get_field(declared.field_name)
        except FieldDoesNotExist:
            continue
        if not field.concrete or field.many_to_many or field.model is Page:
            continue
        fields.append(field)
    return fields


def _patch_revision(revision: Revision | None, values: dict) -> None:
    if revision is None:
        return
    instance = revision.as_object()
    if all(getattr(instance, attname) == value for attname, value in values.items()):
        return
    for attname, value in values.items():
        setattr(instance, attname, value)
    revision.content = instance.serializable_data()
    revision.save(update_fields=["content"])


def push_synchronised_fields(page: Page, target: Page) -> bool:
    """Give ``target`` (a translation of ``page``) the source's synchronised values; True if any changed."""
    overridden = set(
        SegmentOverride.objects.filter(locale_id=target.locale_id, context__object_id=page.translation_key).values_list(
            "context__path", flat=True
        )
    )
    values = {
        field.attname: getattr(page, field.attname) for field in synchronised_fields(type(page)) if field.name not in overridden
    }
    changed = {attname: value for attname, value in values.items() if getattr(target, attname) != value}
    if changed:
        type(target).objects.filter(pk=target.pk).update(**changed)
        for attname, value in changed.items():
            setattr(target, attname, value)
        index.insert_or_update_object(target)
    _patch_revision(target.live_revision, values)
    if target.latest_revision_id != target.live_revision_id:
        _patch_revision(target.latest_revision, values)
    return bool(changed)


def on_source_published(sender, instance, revision=None, **kwargs):
    """page_published: a Finnish page with translations passes its change on (module docstring)."""
    page = instance
    if not isinstance(page, Page) or page.locale.language_code != settings.LANGUAGE_CODE:
        return
    targets = list(
        type(page)
        .objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale", "live_revision", "latest_revision")
    )
    if not targets:
        return
    try:
        with transaction.atomic():
            strings_changed = False
            source = TranslationSource.objects.get_for_instance_or_none(page)
            if source is not None and source.translations.filter(enabled=True).exists():
                before = _segments(source)
                source.update_from_db()
                strings_changed = _segments(source) != before
            publisher_id = revision.user_id if revision is not None else None
            changed_targets = [target for target in targets if push_synchronised_fields(page, target) or strings_changed]
    except Exception:
        # The Finnish publication stands whatever happens here; a sync from the admin can redo it.
        logger.exception("Passing the change of page %s on to its translations failed", page.pk)
        return
    for target in changed_targets:
        notify_source_changed(page, target, publisher_id)


def _segments(source: TranslationSource) -> set[tuple[int, int]]:
    return set(source.stringsegment_set.values_list("string_id", "context_id"))


def connect() -> None:
    page_published.connect(on_source_published, dispatch_uid="localisation-source-published")
