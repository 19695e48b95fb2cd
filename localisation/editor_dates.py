"""wagtail-localize's translation editor, dated the reader's way.

wagtail-localize writes the dates it shows with `strftime("%-d %B %Y")` ("Translated manually on
5 December 2030", the page's "last published" date), which names the month in English whatever
the admin language. Here they are Django's `DATE_FORMAT` of the active language (5.12.2030 in
Finnish): `StringTranslation.get_comment` (read by the editor's props and by its API after each
saved segment) is replaced at start-up (LocalisationConfig.ready()), and the props' "last
published" date is rewritten by `localised_props()` (the template filter `localised_editor_props`).
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation


def local_date(moment) -> str:
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "DATE_FORMAT")


def string_translation_comment(self: StringTranslation) -> str | None:
    """How and when the segment was translated, dated the reader's way (wagtail-localize's wording)."""
    date = local_date(self.updated_at)
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=self.tool_name, date=date)
    if self.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def localised_props(props: str, instance) -> str:
    """The editor's props (JSON) with the page's "last published" date the reader's way."""
    data = json.loads(props)
    live_revision = getattr(instance, "live_revision", None)
    published = live_revision.created_at if live_revision is not None else getattr(instance, "last_published_at", None)
    if published is not None and data.get("object", {}).get("lastPublishedDate"):
        data["object"]["lastPublishedDate"] = local_date(published)
    return json.dumps(data, cls=DjangoJSONEncoder)


def install() -> None:
    StringTranslation.get_comment = string_translation_comment
