"""The call reminders' declaration of personal data (personal_data.declarations)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from guides.models import FundingCallPage
from personal_data.declarations import Purpose, declare, delete_counting
from personal_data.models import OutboxMessage
from reminders.models import SentReminder, Subscription

PURPOSE = "call_reminders"


def expire(now: datetime) -> int:
    """A call's subscriptions end when it closes (or when the call is deleted); an "all future calls"
    subscription KOONTO_REMINDERS_ALL_CALLS_DAYS after its confirmation. Unconfirmed ones go when
    their link expires (the declaration's `confirmed_field`, personal_data.retention)."""
    closed = FundingCallPage.objects.filter(closes_at__lte=now).values("translation_key")
    existing = FundingCallPage.objects.values("translation_key")
    ended_call = Q(call_key__isnull=False) & (Q(call_key__in=closed) | ~Q(call_key__in=existing))
    all_calls_cutoff = now - timedelta(days=settings.KOONTO_REMINDERS_ALL_CALLS_DAYS)
    ended_all = Q(call_key__isnull=True, confirmed_at__lt=all_calls_cutoff)
    removed = delete_counting(Subscription.objects.filter(ended_call | ended_all))
    # Which reminders of a closed call went out no longer matters to anyone.
    SentReminder.objects.filter(call_key__in=closed).delete()
    return removed


def cancel(subscription: Subscription) -> None:
    """Unsubscribing deletes the subscription (and with it the record of reminders sent); when the
    address follows no other call, its reminders still waiting in the outbox go too."""
    email = subscription.email
    subscription.delete()
    if not Subscription.objects.filter(email__iexact=email).exists():
        OutboxMessage.objects.filter(to__iexact=email, purpose=PURPOSE, status=OutboxMessage.Status.PENDING).delete()


def retention_text() -> str:
    days = settings.KOONTO_REMINDERS_ALL_CALLS_DAYS
    return ngettext(
        "Until the call closes, or until you unsubscribe; a subscription to all future calls for %(days)d day "
        "after its confirmation. An unconfirmed subscription is deleted when its confirmation link expires.",
        "Until the call closes, or until you unsubscribe; a subscription to all future calls for %(days)d days "
        "after its confirmation. An unconfirmed subscription is deleted when its confirmation link expires.",
        days,
    ) % {"days": days}


CALL_REMINDERS = declare(
    Purpose(
        key=PURPOSE,
        order=60,
        title=_("Reminders of funding calls"),
        data=_(
            "The e-mail address, the language of the reminders, the call (or all future calls) and when you "
            "subscribed and confirmed."
        ),
        purpose=_("Reminding you by e-mail when a funding call opens and before it closes."),
        legal_basis=_("Your consent, which you confirm from the e-mail we send and can withdraw at any time (GDPR 6(1)(a))."),
        readers=_("Koonto's communications staff (the Viestintä group)."),
        retention=retention_text,
        model=Subscription,
        email_field="email",
        shown_fields=("email", "language", "call_key", "created_at", "confirmed_at"),
        correctable_fields=("language",),
        expire=expire,
        confirmed_field="confirmed_at",
        confirmed_message=_(
            "We will remind you when the call opens and before it closes. Every reminder has a link to stop them."
        ),
        cancel=cancel,
        cancel_label=_("Stop the reminders"),
        cancelled_message=_("The reminders have been stopped and your e-mail address has been deleted."),
    )
)
