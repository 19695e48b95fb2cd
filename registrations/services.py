"""What registering, cancelling and moving up the waiting list do, under one lock per event.

Every change to who holds a seat locks the event's `RegistrationEvent` row first
(`select_for_update`): on PostgreSQL a second request for the last seat waits until the first
has committed, then counts again and goes to the waiting list. SQLite serialises writers anyway.

The settings come from the event's Finnish page (its source): capacity, times and questions are
one for the event in every language; the page a person registered on gives the mail's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from events.models import EventPage
from koonto.origin import absolute_url
from koonto.visibility import rule_for
from registrations import mails
from registrations.models import Registration, RegistrationEvent


class RegistrationRefused(Exception):
    """The sign-up cannot be taken; the message says why (shown to the person)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def settings_page(page: EventPage) -> EventPage:
    """The page whose registration settings count: the event's page in the default language."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    source = (
        EventPage.objects.filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .first()
    )
    return source or page


def window(page: EventPage, now: datetime) -> str:
    """ "disabled", "not_open", "open" or "closed": closed from the closing moment itself on."""
    if not page.registration_enabled or not page.registration_capacity:
        return "disabled"
    if page.status == EventPage.Status.CANCELLED:
        return "closed"
    if page.registration_opens_at and now < page.registration_opens_at:
        return "not_open"
    closes = page.registration_closes_at
    if closes and now >= closes:
        return "closed"
    return "open"


def sync_event(page: EventPage) -> RegistrationEvent:
    """The event's lock row, created on first use, with its end and retention from the page."""
    row, _created = RegistrationEvent.objects.get_or_create(translation_key=page.translation_key)
    ends_at = page.ends_at or page.starts_at
    if (row.ends_at, row.retention_days) != (ends_at, page.registration_retention_days):
        row.set_schedule(ends_at, page.registration_retention_days)
        row.save(update_fields=["ends_at", "retention_days", "delete_after", "needs_delete_after"])
    return row


def seats_taken(event: RegistrationEvent) -> int:
    return event.registrations.confirmed().aggregate(total=Sum("seats"))["total"] or 0


def seats_summary(page: EventPage, now: datetime | None = None) -> dict | None:
    """Counts only (koonto.seats): for the API, the event page's form and the staff view."""
    source = settings_page(page)
    state = window(source, now or timezone.now())
    if state == "disabled":
        return None
    event = RegistrationEvent.objects.filter(translation_key=page.translation_key).first()
    taken = seats_taken(event) if event else 0
    return {
        "open": state == "open",
        "capacity": source.registration_capacity,
        "seats_left": max(0, source.registration_capacity - taken),
        "waiting_list": source.registration_waiting_list,
        "opens_at": source.registration_opens_at,
        "closes_at": source.registration_closes_at,
        "form_url": form_url(page),
    }


def form_url(page: EventPage) -> str:
    """The registration form's absolute address, in the page's language."""
    with translation.override(page.locale.language_code):
        return absolute_url(reverse("event_registration", args=[page.pk]))


@dataclass
class SignUp:
    name: str
    email: str
    organisation: str = ""
    municipality: object = None
    needs: str = ""
    seats: int = 1
    reminder: bool = False


def register(page: EventPage, sign_up: SignUp, now: datetime | None = None) -> Registration:
    """A confirmed seat, or a place on the waiting list; the mail waits in the outbox.

    A group takes all its seats or waits whole. Raises RegistrationRefused ("closed", "full",
    "duplicate", "too_many") with nothing saved.
    """
    now = now or timezone.now()
    source = settings_page(page)
    if window(source, now) != "open":
        raise RegistrationRefused("closed")
    if sign_up.seats < 1 or sign_up.seats > source.registration_max_group_size:
        raise RegistrationRefused("too_many")
    event = sync_event(source)
    with transaction.atomic():
        registration = take_seat(
            event,
            source.registration_capacity,
            source.registration_waiting_list,
            name=sign_up.name,
            email=sign_up.email,
            organisation=sign_up.organisation if source.registration_asks_organisation else "",
            municipality=sign_up.municipality if source.registration_asks_municipality else None,
            needs=sign_up.needs if source.registration_asks_needs else "",
            seats=sign_up.seats,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            reminder=sign_up.reminder,
            created_at=now,
        )
        mails.confirmation(registration, page_in(page, registration.language))
    return registration


def take_seat(event: RegistrationEvent, capacity: int, waiting_list: bool, **fields) -> Registration:
    """Lock the event's row, count the confirmed seats, and save the sign-up as confirmed if all its
    seats are free, else as waiting (or refuse). Call inside a transaction: the lock holds until
    it commits, so a parallel sign-up counts this one."""
    event = RegistrationEvent.objects.select_for_update().get(pk=event.pk)
    if event.registrations.active().filter(email__iexact=fields["email"]).exists():
        raise RegistrationRefused("duplicate")
    if fields["seats"] <= capacity - seats_taken(event):
        status = Registration.Status.CONFIRMED
    elif waiting_list:
        status = Registration.Status.WAITING
    else:
        raise RegistrationRefused("full")
    return Registration.objects.create(event=event, status=status, **fields)


def cancel(registration: Registration, now: datetime | None = None) -> list[Registration]:
    """Cancel one registration and move up whoever now fits; returns those moved up."""
    now = now or timezone.now()
    with transaction.atomic():
        event = RegistrationEvent.objects.select_for_update().get(pk=registration.event_id)
        registration.refresh_from_db()
        if registration.status == Registration.Status.CANCELLED:
            return []
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.reminder = False
        registration.save(update_fields=["status", "cancelled_at", "reminder"])
        return move_up(event, now)


def move_up(event: RegistrationEvent, now: datetime) -> list[Registration]:
    """Confirm waiting sign-ups in the order they came, each that fits whole (the caller holds the
    lock); each moved-up person is mailed. Nothing moves once the event has started."""
    source = source_for(event)
    if source is None or now >= source.starts_at:
        return []
    free = source.registration_capacity - seats_taken(event)
    moved = []
    for waiting in event.registrations.waiting():
        if free <= 0:
            break
        if waiting.seats <= free:
            waiting.status = Registration.Status.CONFIRMED
            waiting.save(update_fields=["status"])
            free -= waiting.seats
            mails.moved_up(waiting, page_in(source, waiting.language))
            moved.append(waiting)
    return moved


def source_for(event: RegistrationEvent) -> EventPage | None:
    pages = EventPage.objects.filter(translation_key=event.translation_key).select_related("locale")
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()), None)


def page_in(page: EventPage, language: str) -> EventPage:
    """The event's page for a registrant of `language`, by koonto.visibility's rule for readers:
    that translation if the public may see it, else the Finnish page if it may; else `page` itself
    (a mail must still reach the person, and `mails` links a page only if it is public)."""
    locale = Locale.objects.filter(language_code=language).first() or page.locale
    queryset = EventPage.objects.select_related("locale", "municipality")
    return rule_for(None).all_for_reader([page], locale, queryset=queryset)[0] or page


def due_reminders(now: datetime) -> int:
    """Queue the reminder of every confirmed registration whose person asked for one and confirmed
    it, on the day before the event (Finnish calendar days), once. Returns how many were queued."""
    today = timezone.localdate(now)
    pending = Registration.objects.confirmed().filter(reminder=True, reminder_confirmed=True, reminder_sent_at__isnull=True)
    queued = 0
    for event in RegistrationEvent.objects.filter(registrations__in=pending).distinct():
        source = source_for(event)
        if source is None or source.status == EventPage.Status.CANCELLED or now >= source.starts_at:
            continue
        if not rule_for(None).page(source):
            continue  # unpublished or made private: no reminder of an event the public cannot see
        if (timezone.localdate(source.starts_at) - today).days != 1:
            continue
        with transaction.atomic():
            for registration in pending.filter(event=event).select_for_update():
                mails.reminder(registration, page_in(source, registration.language))
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at"])
                queued += 1
    return queued
