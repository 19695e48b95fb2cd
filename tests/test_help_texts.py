"""Every content field tells editors, in Finnish, what it is for and where it shows."""

import pytest
from django.apps import apps
from django.utils import translation
from taggit.models import ItemBase
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, TranslatableMixin

# Fields Wagtail itself adds and explains (title, slug, publishing, locking, locale).
FRAMEWORK_FIELDS = {
    field.name
    for base in (Page, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin)
    for field in base._meta.get_fields()
} | {"sort_order", "page", "home", "setting"}


def content_fields():
    for app_label in ("koonto", "home", "guides", "showcase", "events"):
        for model in apps.get_app_config(app_label).get_models():
            if issubclass(model, ItemBase):
                continue
            for field in model._meta.get_fields():
                if (
                    getattr(field, "concrete", False)
                    and field.editable
                    and not field.auto_created
                    and field.name not in FRAMEWORK_FIELDS
                ):
                    yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


@pytest.mark.parametrize("field", list(content_fields()))
def test_field_has_a_finnish_help_text(field):
    assert str(field.help_text), "add a help_text saying what the field is for and where it shows"
    with translation.override("fi"):
        finnish = str(field.help_text)
    with translation.override("en"):
        english = str(field.help_text)
    assert finnish != english, f"help text not translated into Finnish: {english!r}"
