"""The event registrations' declarations of personal data (personal_data.declarations): the
registration itself, kept for the event's own period after it ends, and the dietary and
accessibility needs, which may tell of health and are deleted much sooner."""

from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from personal_data.declarations import Purpose, declare, delete_counting
from registrations.mails import PURPOSE
from registrations.models import Registration, RegistrationEvent

NEEDS_PURPOSE = "event_registration_needs"


def expire(now: datetime) -> int:
    """Delete the registrations of events whose retention period has ended, then their lock rows."""
    removed = delete_counting(Registration.objects.filter(event__delete_after__lt=now))
    RegistrationEvent.objects.filter(delete_after__lt=now).delete()
    return removed


def expire_needs(now: datetime) -> int:
    """Empty the needs texts of events that ended more than KOONTO_REGISTRATION_NEEDS_DAYS ago."""
    return Registration.objects.filter(event__needs_delete_after__lt=now).exclude(needs="").update(needs="")


def cancel(registration: Registration) -> None:
    """The rights page's "cancel" action (personal_data.rights)."""
    from registrations.services import cancel as cancel_registration

    cancel_registration(registration)


def needs_retention() -> str:
    days = settings.KOONTO_REGISTRATION_NEEDS_DAYS
    return ngettext("%(days)d day after the event ends.", "%(days)d days after the event ends.", days) % {"days": days}


EVENT_REGISTRATIONS = declare(
    Purpose(
        key=PURPOSE,
        order=40,
        title=_("Event registrations"),
        data=_(
            "Name, e-mail address, number of people and, when the event asks for them, the organisation and "
            "municipality; whether a reminder was asked for; the registration's status and attendance."
        ),
        purpose=_("Arranging the event: seats, the waiting list, mails about the event, and attendance."),
        legal_basis=_(
            "Legitimate interest of the controller in arranging the events of the Koonto project, "
            "which the person signed up for (GDPR 6(1)(f))."
        ),
        readers=_("Koonto's communications staff (the Viestintä group) and the people named as owners of the event."),
        retention=_("As long as each event states: 90 days after the event ends unless it says otherwise (30–365 days)."),
        model=Registration,
        email_field="email",
        shown_fields=("name", "email", "organisation", "municipality", "needs", "seats", "status", "reminder", "created_at"),
        correctable_fields=("name", "organisation", "needs", "reminder"),
        expire=expire,
        cancel=cancel,
        can_cancel=lambda row: row.status != Registration.Status.CANCELLED,
        cancel_label=_("Cancel my registration"),
        cancelled_message=_("Your registration has been cancelled."),
    )
)

REGISTRATION_NEEDS = declare(
    Purpose(
        key=NEEDS_PURPOSE,
        order=41,
        title=_("Dietary and accessibility needs of event participants"),
        data=_("What a participant wrote about their dietary or accessibility needs, if anything."),
        purpose=_("Serving the participant's needs at the event."),
        legal_basis=_(
            "The participant's consent, given by writing the needs in the registration form "
            "(GDPR 6(1)(a) and, for health information, 9(2)(a))."
        ),
        readers=_("The same people who read the registrations."),
        retention=needs_retention,
        expire=expire_needs,
    )
)
