"""E-mails to translators, each in the recipient's admin language, with links on the public origin.

- A translation is requested: to the translators of that language, i.e. the users who may edit
  where the translation lives but not the Finnish page (editors and communications, who work in
  every tree, are not "the translators"), except the person who asked.
- The Finnish page of a translation changed: to everyone who saved a revision of that
  translation, except the person who published the change (localisation.source_changes).
- Approved, or sent back with a comment: Wagtail's own workflow notifications reach the person
  who submitted the translation (templates/wagtailadmin/notifications/), in their language.

Each mail goes into the outbox (personal_data/outbox.py), in the transaction of the change that
caused it, and `send_outbox` sends it outside any request, with retries.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, override
from wagtail.models import Locale, Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.users.models import UserProfile

from koonto.origin import admin_url
from personal_data.outbox import STAFF_PURPOSE, enqueue

_WORK = ["change", "publish"]


def language_name(code: str) -> str:
    """The language's name in the active language, as it reads inside a sentence: Finnish and
    Swedish write language names in lower case ("kielelle englanti"), English capitalises them."""
    name = str(get_language_info(code)["name_translated"])
    return name if get_language() == "en" else name.lower()


def _send(users: Iterable, template: str, context: dict, language_code: str) -> int:
    """Queue the mail for each user, in their admin language; the number queued."""
    queued = 0
    for user in users:
        with override(UserProfile.get_for_user(user).get_preferred_language()):
            full = {**context, "user": user, "language": language_name(language_code)}
            subject = render_to_string(f"koonto/email/{template}_subject.txt", full).strip()
            body = render_to_string(f"koonto/email/{template}.txt", full)
        enqueue(user.email, subject, body, STAFF_PURPOSE)
        queued += 1
    return queued


def translators_for(source: Page, place: Page):
    """Users who may edit at ``place`` (in the target tree) but not the Finnish ``source``."""
    policy = PagePermissionPolicy()
    workers = policy.users_with_any_permission_for_instance(_WORK, place, include_superusers=False)
    source_workers = policy.users_with_any_permission_for_instance(_WORK, source, include_superusers=False)
    return workers.exclude(pk__in=source_workers.values("pk")).filter(is_active=True).exclude(email="")


def notify_translation_requested(source: Page, locales: Iterable[Locale], requester) -> int:
    sent = 0
    for locale in locales:
        target = source.get_translation_or_none(locale)
        if target is None:
            continue
        recipients = translators_for(source, target).exclude(pk=requester.pk)
        context = {
            "source_title": source.title,
            "requester": requester.get_full_name() or requester.get_username(),
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=(target.pk,))),
        }
        sent += _send(recipients, "translation_requested", context, locale.language_code)
    return sent


def translators_of(target: Page, exclude_user_id: int | None):
    """Active users who saved a revision of the translation, except ``exclude_user_id``."""
    user_ids = (
        Revision.page_revisions.filter(object_id=str(target.pk), user__isnull=False)
        .exclude(user_id=exclude_user_id)
        .values_list("user_id", flat=True)
        .distinct()
    )
    return get_user_model().objects.filter(pk__in=list(user_ids), is_active=True).exclude(email="")


def notify_source_changed(source: Page, target: Page, publisher_id: int | None) -> int:
    context = {
        "source_title": source.title,
        "title": target.title,
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=(target.pk,))),
    }
    return _send(translators_of(target, publisher_id), "source_changed", context, target.locale.language_code)
