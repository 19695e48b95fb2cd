"""Audit-log entries for what happens to personal data, in Wagtail's log (Reports > Site history).

Entries record what was done, by whom and how many records: never the data itself, and never the
e-mail address an export or erasure was made for.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import ModelLogEntry

RETENTION = "koonto.personal_data.retention"
EXPORT = "koonto.personal_data.export"
ERASE = "koonto.personal_data.erase"
SUBJECT_CORRECT = "koonto.personal_data.subject_correct"
SUBJECT_DELETE = "koonto.personal_data.subject_delete"
SUBJECT_CANCEL = "koonto.personal_data.subject_cancel"


def log_action(action: str, model: type[models.Model], data: dict, user=None, object_id: str = "0") -> ModelLogEntry:
    """One entry; `data` holds counts and purpose keys only.

    Entries about many rows (retention, export, erasure) name object 0: the site history looks the
    object up by its primary key, and no row has that one.
    """
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        label=str(model._meta.verbose_name_plural),
        action=action,
        data=data,
        timestamp=timezone.now(),
        user=user if user is not None and user.is_authenticated else None,
        object_id=object_id,
    )
