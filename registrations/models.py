"""Event registrations: personal data (registrations/data_protection.py), keyed on the event's
translation_key so that one capacity covers the event in every language.

`RegistrationEvent` is the per-event row that every sign-up, cancellation and move-up locks
(`select_for_update`): two people taking the last seat at the same moment are served one after
the other. It also keeps what retention needs when the page is gone: when the event ends and how
long its registrations are kept. It holds no personal data.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 200
NEEDS_MAX_LENGTH = 1000


class RegistrationEvent(models.Model):
    translation_key = models.UUIDField(_("event"), unique=True)
    # From the event's Finnish page, refreshed at every sign-up and publication (services.sync_event).
    ends_at = models.DateTimeField(_("event ends"), null=True)
    retention_days = models.PositiveSmallIntegerField(_("retention (days)"), default=90)
    delete_after = models.DateTimeField(_("registrations deleted after"), null=True, db_index=True)
    needs_delete_after = models.DateTimeField(_("needs deleted after"), null=True, db_index=True)
    # The last event status registrants were told about (cancelled, postponed, moved online).
    notified_status = models.CharField(_("status told to registrants"), max_length=20, default="scheduled")

    class Meta:
        verbose_name = _("registered event")
        verbose_name_plural = _("registered events")

    def __str__(self) -> str:
        return str(self.translation_key)

    def set_schedule(self, ends_at, retention_days: int) -> None:
        self.ends_at = ends_at
        self.retention_days = retention_days
        self.delete_after = ends_at + timedelta(days=retention_days) if ends_at else None
        self.needs_delete_after = ends_at + timedelta(days=settings.KOONTO_REGISTRATION_NEEDS_DAYS) if ends_at else None


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    """One sign-up: a person, or a group of `seats` people from one association."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(RegistrationEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=NAME_MAX_LENGTH, blank=True)
    municipality = models.ForeignKey(
        "koonto.Municipality", verbose_name=_("municipality"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    needs = models.TextField(_("dietary and accessibility needs"), max_length=NEEDS_MAX_LENGTH, blank=True)
    seats = models.PositiveSmallIntegerField(_("number of people"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    language = models.CharField(_("language"), max_length=10, default="fi")
    reminder = models.BooleanField(_("reminder the day before"), default=False)
    # Double opt-in: a reminder is sent only once the person confirmed it through the link in the
    # confirmation mail (it expires after KOONTO_REGISTRATION_REMINDER_LINK_DAYS).
    reminder_confirmed = models.BooleanField(_("reminder confirmed"), default=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        # Granted to Viestintä (editorial/rules.py); an event's named owners see its registrations too.
        permissions = [("view_event_registrations", _("Can see the registrations of every event"))]

    def __str__(self) -> str:
        # The audit log keeps this label after the row is deleted: no personal data in it.
        return _("Registration %(number)s") % {"number": self.pk}
