"""When reminders are due, and sending each exactly once (`manage.py send_reminders`).

A call has moments: when it opens, and KOONTO_REMINDER_DAYS_BEFORE_CLOSE days (14 and 3) before it
closes. A subscriber gets, for each call they follow, the latest moment that has passed since they
confirmed, while the call is still open and not cancelled; a `SentReminder` row (unique per
subscription, call and moment) makes it go once. If the loop stood still past several moments, only
the latest is sent: a "14 days left" mail three days before the deadline would mislead.
"All future calls" subscribers follow every call that opens after they confirmed.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from guides.models import FundingCallPage
from koonto.origin import page_url
from koonto.visibility import rule_for
from personal_data import outbox
from personal_data.optin import cancel_url, list_unsubscribe_headers
from reminders.data_protection import PURPOSE
from reminders.models import SentReminder, Subscription

logger = logging.getLogger("koonto.reminders")

OPENS = "opens"


def moments(opens_at: datetime | None, closes_at: datetime) -> list[tuple[str, datetime]]:
    """A call's reminder moments in time order; a deadline reminder before the opening is left out."""
    found = [(OPENS, opens_at)] if opens_at else []
    for days in settings.KOONTO_REMINDER_DAYS_BEFORE_CLOSE:
        at = closes_at - timedelta(days=days)
        if opens_at is None or at > opens_at:
            found.append((f"closes-{days}", at))
    return sorted(found, key=lambda item: item[1])


def due_moment(call: FundingCallPage, since: datetime, now: datetime) -> str | None:
    """The latest moment in (since, now] of a call that is still open, or None."""
    if call.cancelled or now >= call.closes_at:
        return None
    due = [key for key, at in moments(call.opens_at, call.closes_at) if since < at <= now]
    return due[-1] if due else None


def send_due_reminders(now: datetime | None = None) -> int:
    """Queue every reminder whose moment has come in the outbox; return how many."""
    now = now or timezone.now()
    rule = rule_for(None)
    # Every public language version of the calls still open or to come, by call (translation_key).
    pages: dict = defaultdict(dict)
    calls = rule.pages(FundingCallPage.objects.all()).not_cancelled().filter(closes_at__gt=now).select_related("locale")
    for page in calls:
        pages[page.translation_key][page.locale.language_code] = page
    if not pages:
        return 0
    sent = 0
    subscriptions = Subscription.objects.filter(confirmed_at__isnull=False, confirmed_at__lte=now).prefetch_related("sent")
    for subscription in subscriptions:
        done = {(row.call_key, row.moment) for row in subscription.sent.all()}
        if subscription.call_key is not None:
            keys = [subscription.call_key] if subscription.call_key in pages else []
        else:
            keys = [
                key
                for key, versions in pages.items()
                if _any(versions).opens_at and _any(versions).opens_at > subscription.confirmed_at
            ]
        for key in keys:
            versions = pages[key]
            moment = due_moment(_any(versions), subscription.confirmed_at, now)
            if moment is None or (key, moment) in done:
                continue
            page = versions.get(subscription.mail_language) or versions.get(settings.LANGUAGE_CODE) or _any(versions)
            if _send_once(subscription, page, key, moment, now):
                sent += 1
    return sent


def _any(versions: dict) -> FundingCallPage:
    return versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()))


def _send_once(subscription: Subscription, page: FundingCallPage, key, moment: str, now: datetime) -> bool:
    with transaction.atomic():
        _row, created = SentReminder.objects.get_or_create(
            subscription=subscription, call_key=key, moment=moment, defaults={"sent_at": now}
        )
        if not created:
            return False  # another runner of the loop sent it
        language = subscription.mail_language
        with translation.override(language):
            subject, body = reminder_mail(subscription, page, moment, now)
            headers = list_unsubscribe_headers(PURPOSE, subscription, language)
        outbox.enqueue(subscription.email, subject, body, PURPOSE, headers=headers)
    logger.info("Reminder %s of a call queued for subscription %s", moment, subscription.pk)
    return True


def _when(value: datetime) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def reminder_mail(subscription: Subscription, page: FundingCallPage, moment: str, now: datetime) -> tuple[str, str]:
    """Subject and body in the active language."""
    closes = _when(page.closes_at)
    if moment == OPENS:
        subject = _("The funding call is open: %(title)s") % {"title": page.title}
        opening = _("The funding call “%(title)s” is now open. Applications are accepted until %(closes)s.")
    else:
        days = max(1, math.ceil((page.closes_at - now) / timedelta(days=1)))
        subject = ngettext("%(days)d day left to apply: %(title)s", "%(days)d days left to apply: %(title)s", days) % {
            "days": days,
            "title": page.title,
        }
        opening = _("The funding call “%(title)s” closes on %(closes)s.")
    lines = [
        opening % {"title": page.title, "closes": closes},
        "",
        _("Read more and apply:"),
        page_url(page),
        "",
    ]
    if subscription.call_key is None:
        lines.append(_("You get this reminder because you asked to be reminded of all future funding calls."))
    else:
        lines.append(_("You get this reminder because you asked to be reminded of this call."))
    lines += [
        _("Stop the reminders with one click:"),
        cancel_url(PURPOSE, subscription, subscription.mail_language),
        "",
        _("Koonto project"),
    ]
    return subject, "\n".join(lines)
