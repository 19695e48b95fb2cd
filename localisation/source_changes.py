"""When a Finnish page is published, its change reaches the translations without anyone syncing.

1. **The strings** of the page's wagtail-localize source are extracted again
   (``TranslationSource.update_from_db()``, what "Sync translated pages" does), so the translation
   editor and the report show the new or changed sentences to translate at once.
2. **Synchronised fields** (dates, status, place, prices, links: the fields wagtail-localize keeps
   equal to the source and does not send to translators) reach every translation at once, live
   ones included, without a second review: the live row, the live revision and the latest draft
   revision take the new values, so neither serving nor a later approval of the translator's
   draft brings the old values back. Inline rows count too: rows of a synchronised child
   relation (a showcase's municipalities and target groups, a guide's related pages) are replaced
   by the source's rows; translatable rows (links, attachments, images, organisations) keep their
   translated prose and take the source row's synchronised values (address, document, image,
   role), matched by the row's translation key. A row added to or removed from the source's
   translatable rows waits for the translator (it carries prose). Fields a translator overrode
   for their language, and Wagtail's own page fields (slug, menus), are left alone. The prose of
   a live translation waits for the translator.
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
from modelcluster.fields import ParentalKey
from wagtail.models import Page, Revision, TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
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


def _child_relations(model, declared_as) -> list[models.ManyToOneRel]:
    """The model's inline-row relations (modelcluster ParentalKeys) that wagtail-localize declares as ``declared_as``."""
    relations = []
    for declared in get_translatable_fields(model):
        if type(declared) is not declared_as:
            continue
        try:
            field = model._meta.get_field(declared.field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
            relations.append(field)
    return relations


def _row_fields(relation: models.ManyToOneRel) -> list[models.Field]:
    """A row's own stored fields, without its id and its key to the page."""
    return [
        field
        for field in relation.related_model._meta.concrete_fields
        if not field.primary_key and field is not relation.remote_field
    ]


def _row_values(row, fields) -> dict:
    return {field.attname: getattr(row, field.attname) for field in fields}


class _Changes:
    """What a translation takes from its source: the page's synchronised fields, whole
    synchronised child relations, and the synchronised fields of translatable rows (matched by
    the row's translation key)."""

    def __init__(self, page: Page, overridden: set[str]):
        model = type(page)
        self.fields = {
            field.attname: getattr(page, field.attname) for field in synchronised_fields(model) if field.name not in overridden
        }
        self.child_rows = {}
        for relation in _child_relations(model, SynchronizedField):
            fields = _row_fields(relation)
            rows = [_row_values(row, fields) for row in getattr(page, relation.name).all()]
            self.child_rows[relation.name] = (relation, fields, rows)
        self.row_fields = {}
        for relation in _child_relations(model, TranslatableField):
            fields = synchronised_fields(relation.related_model) if issubclass(relation.related_model, TranslatableMixin) else []
            if fields:
                self.row_fields[relation.name] = {
                    row.translation_key: {
                        field.attname: getattr(row, field.attname)
                        for field in fields
                        if f"{relation.name}.{row.translation_key}.{field.name}" not in overridden
                    }
                    for row in getattr(page, relation.name).all()
                }

    def apply(self, instance: Page) -> bool:
        """Give ``instance`` (a revision of the translation, as an object) the source's values in
        memory; True if anything differed."""
        changed = False
        for attname, value in self.fields.items():
            if getattr(instance, attname) != value:
                setattr(instance, attname, value)
                changed = True
        for name, (relation, fields, wanted) in self.child_rows.items():
            if [_row_values(row, fields) for row in getattr(instance, name).all()] != wanted:
                setattr(instance, name, [relation.related_model(**values) for values in wanted])
                changed = True
        for name, by_key in self.row_fields.items():
            for row in getattr(instance, name).all():
                for attname, value in by_key.get(row.translation_key, {}).items():
                    if getattr(row, attname) != value:
                        setattr(row, attname, value)
                        changed = True
        return changed

    def store(self, target: Page) -> bool:
        """Write the source's values into the translation's rows in the database; True if any changed."""
        changed = {attname: value for attname, value in self.fields.items() if getattr(target, attname) != value}
        if changed:
            type(target).objects.filter(pk=target.pk).update(**changed)
            for attname, value in changed.items():
                setattr(target, attname, value)
        for _name, (relation, fields, wanted) in self.child_rows.items():
            row_model = relation.related_model
            rows = row_model._default_manager.filter(**{relation.remote_field.name: target.pk})
            if [_row_values(row, fields) for row in rows.order_by(*(row_model._meta.ordering or ["pk"]))] != wanted:
                rows.delete()
                row_model._default_manager.bulk_create(
                    [row_model(**{**values, relation.remote_field.attname: target.pk}) for values in wanted]
                )
                changed[relation.name] = True
        for name, by_key in self.row_fields.items():
            relation = type(target)._meta.get_field(name)
            for row in relation.related_model._default_manager.filter(**{relation.remote_field.name: target.pk}):
                wanted = by_key.get(row.translation_key, {})
                update = {attname: value for attname, value in wanted.items() if getattr(row, attname) != value}
                if update:
                    type(row)._default_manager.filter(pk=row.pk).update(**update)
                    changed[f"{name}.{row.pk}"] = True
        return bool(changed)


def _patch_revision(revision: Revision | None, changes: _Changes) -> None:
    if revision is None:
        return
    instance = revision.as_object()
    if not changes.apply(instance):
        return
    revision.content = instance.serializable_data()
    revision.save(update_fields=["content"])


def push_synchronised_fields(page: Page, target: Page) -> bool:
    """Give ``target`` (a translation of ``page``) the source's synchronised values, inline rows
    included; True if any changed."""
    overridden = set(
        SegmentOverride.objects.filter(locale_id=target.locale_id, context__object_id=page.translation_key).values_list(
            "context__path", flat=True
        )
    )
    changes = _Changes(page, overridden)
    changed = changes.store(target)
    if changed:
        index.insert_or_update_object(type(target).objects.get(pk=target.pk))
    _patch_revision(target.live_revision, changes)
    if target.latest_revision_id != target.live_revision_id:
        _patch_revision(target.latest_revision, changes)
    return changed


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
