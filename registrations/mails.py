"""The registrants' mails, each in the registrant's language, through the outbox (never sent in a
request). The confirmation carries the event's .ics (built as the site's calendar builds it,
feeds/views.py) and the signed link to see, correct, cancel or delete the registration."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from feeds.views import build_calendar, event_component, uid
from koonto.origin import absolute_url, page_url
from koonto.visibility import rule_for
from personal_data import outbox
from personal_data.rights import rights_url

PURPOSE = "event_registrations"
REMINDER_SALT = "koonto.registrations.reminder"


def reminder_url(registration) -> str:
    """The double opt-in link of the reminder (registrations.views.confirm_reminder)."""
    with translation.override(registration.language):
        path = reverse("registration_reminder")
    return absolute_url(f"{path}?token={signing.dumps(registration.pk, salt=REMINDER_SALT)}")


def when(page) -> str:
    start = localtime(page.starts_at)
    return date_format(start, "DATE_FORMAT" if page.all_day else "DATETIME_FORMAT")


def ics_attachment(page) -> dict:
    page.feed_url = page_url(page)
    calendar = build_calendar(page.title, uid("calendar", page), [event_component(page)])
    return outbox.attachment(f"{page.slug}.ics", calendar.to_ical().decode(), "text/calendar")


def _event_lines(page) -> list[str]:
    lines = [page.title, _("Time: %(when)s") % {"when": when(page)}]
    place = ", ".join(part for part in (page.venue, page.address) if part)
    if place:
        lines.append(_("Place: %(place)s") % {"place": place})
    address = page_url(page) if rule_for(None).page(page) else ""
    if address:
        lines.append(address)
    return lines


def _rights_lines(registration) -> list[str]:
    return [
        _("You can see, correct or cancel your registration, or delete your data, at this address:"),
        rights_url(PURPOSE, registration.pk, registration.language),
        _("The link works for %(days)d days.") % {"days": settings.KOONTO_RIGHTS_LINK_DAYS},
    ]


def _seats_line(registration) -> str:
    return ngettext(
        "The registration is for %(count)d person.", "The registration is for %(count)d people.", registration.seats
    ) % {"count": registration.seats}


def confirmation(registration, page) -> None:
    with translation.override(registration.language):
        if registration.status == registration.Status.CONFIRMED:
            subject = _("Registration confirmed: %(title)s") % {"title": page.title}
            opening = _("Thank you for registering. Your place is confirmed.")
        else:
            subject = _("On the waiting list: %(title)s") % {"title": page.title}
            opening = _(
                "The event is full, so you are on the waiting list. If a place becomes free, you get it "
                "automatically and we will tell you by e-mail."
            )
        body = [
            _("Hello %(name)s,") % {"name": registration.name},
            "",
            opening,
            _seats_line(registration),
            "",
            *_event_lines(page),
            "",
            *_rights_lines(registration),
        ]
        if registration.reminder:
            body += [
                "",
                _("You asked for a reminder the day before the event. Confirm it at this address within %(days)d days:")
                % {"days": settings.KOONTO_REGISTRATION_REMINDER_LINK_DAYS},
                reminder_url(registration),
            ]
        body += ["", _("Koonto project")]
        attachments = [ics_attachment(page)] if registration.status == registration.Status.CONFIRMED else []
        outbox.enqueue(registration.email, subject, "\n".join(body), PURPOSE, attachments=attachments)


def moved_up(registration, page) -> None:
    with translation.override(registration.language):
        subject = _("You got a place: %(title)s") % {"title": page.title}
        body = [
            _("Hello %(name)s,") % {"name": registration.name},
            "",
            _("A place became free and your registration is now confirmed."),
            _seats_line(registration),
            "",
            *_event_lines(page),
            "",
            _("If you cannot come after all, please cancel so that the next person gets the place."),
            *_rights_lines(registration),
            "",
            _("Koonto project"),
        ]
        outbox.enqueue(registration.email, subject, "\n".join(body), PURPOSE, attachments=[ics_attachment(page)])


def reminder(registration, page) -> None:
    with translation.override(registration.language):
        subject = _("Reminder: %(title)s tomorrow") % {"title": page.title}
        body = [
            _("Hello %(name)s,") % {"name": registration.name},
            "",
            _("A reminder: you have registered for this event."),
            "",
            *_event_lines(page),
            "",
            _("If you cannot come, please cancel so that someone else gets the place."),
            *_rights_lines(registration),
            "",
            _("Koonto project"),
        ]
        outbox.enqueue(registration.email, subject, "\n".join(body), PURPOSE)


def status_changed(registration, page) -> None:
    """The event was cancelled, postponed or moved online."""
    with translation.override(registration.language):
        status = page.get_status_display()
        subject = _("%(status)s: %(title)s") % {"status": status, "title": page.title}
        explanation = {
            "cancelled": _("The event you registered for has been cancelled."),
            "postponed": _(
                "The event you registered for has been postponed. The event page tells the new time when it is known."
            ),
            "moved_online": _("The event you registered for has been moved online. The event page has the link."),
        }[page.status]
        body = [
            _("Hello %(name)s,") % {"name": registration.name},
            "",
            explanation,
            "",
            *_event_lines(page),
        ]
        if page.online_url and page.status == "moved_online":
            body.append(page.online_url)
        body += ["", *_rights_lines(registration), "", _("Koonto project")]
        outbox.enqueue(registration.email, subject, "\n".join(body), PURPOSE)


def staff_message(registration, page, subject: str, message: str) -> None:
    """A message written by staff to every registrant (the registrations view)."""
    with translation.override(registration.language):
        body = [message, "", *_event_lines(page), "", *_rights_lines(registration)]
        outbox.enqueue(registration.email, subject, "\n".join(body), PURPOSE)
