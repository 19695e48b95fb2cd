"""Wagtail's `publish_scheduled`, plus an e-mail to the author of each page it publishes.

Run it every minute (cron, a systemd timer or the process manager); `make run` runs it in
a loop beside the dev server. The e-mail goes into the outbox (personal_data/outbox.py), which
`send_outbox` sends with retries: a failing mail server never stops publishing.
It replaces Wagtail's command of the same name because the editorial app comes before the
wagtail apps in INSTALLED_APPS.
"""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile

from koonto.origin import page_url
from personal_data.outbox import STAFF_PURPOSE, enqueue


def notify_scheduled_publication(page: Page, revision: Revision) -> None:
    """Tell the revision's author and the page's owner that their scheduled page went live."""
    recipients = {user for user in (revision.user, page.owner) if user is not None}
    for user in get_user_model().objects.filter(pk__in=[u.pk for u in recipients], is_active=True).exclude(email=""):
        profile = UserProfile.get_for_user(user)
        if not profile.approved_notifications:
            continue
        with translation.override(profile.get_preferred_language()):
            context = {"page": page.specific, "user": user, "url": page_url(page)}
            subject = render_to_string("koonto/email/scheduled_published_subject.txt", context).strip()
            body = render_to_string("koonto/email/scheduled_published.txt", context)
        enqueue(user.email, subject, body, STAFF_PURPOSE)


class Command(WagtailPublishScheduled):
    def handle(self, *args, **options):
        if options.get("dryrun"):
            return super().handle(*args, **options)
        due = list(Revision.page_revisions.filter(approved_go_live_at__lt=timezone.now()).select_related("user"))
        super().handle(*args, **options)
        for revision in due:
            page = Page.objects.filter(pk=revision.object_id, live=True, live_revision=revision).select_related("owner").first()
            if page is not None:
                notify_scheduled_publication(page, revision)
