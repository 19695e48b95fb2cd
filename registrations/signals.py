"""Registrations follow their event: a freed seat moves the waiting list up; a cancelled,
postponed or moved event is told to its registrants."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from events.models import EventPage
from registrations import mails
from registrations.models import Registration, RegistrationEvent

TOLD_STATUSES = {EventPage.Status.CANCELLED, EventPage.Status.POSTPONED, EventPage.Status.MOVED_ONLINE}


@receiver(post_delete, sender=Registration, dispatch_uid="registrations-deleted-moves-up")
def deleted_moves_up(sender, instance, **kwargs):
    """A confirmed registration deleted by its person (the rights page) or by staff frees its seats."""
    if instance.status != Registration.Status.CONFIRMED:
        return
    from registrations.services import move_up

    with transaction.atomic():
        event = RegistrationEvent.objects.select_for_update().filter(pk=instance.event_id).first()
        if event is not None:
            move_up(event, timezone.now())


@receiver(page_published, sender=EventPage, dispatch_uid="registrations-event-published")
def event_published(sender, instance, **kwargs):
    """The event's end and retention follow the page; registrants hear once of a changed status."""
    from registrations.services import page_in, settings_page, sync_event

    source = settings_page(instance)
    if source.pk != instance.pk:
        return  # the Finnish page decides (its translations follow it)
    if not RegistrationEvent.objects.filter(translation_key=instance.translation_key).exists():
        return
    with transaction.atomic():
        event = sync_event(instance)
        event = RegistrationEvent.objects.select_for_update().get(pk=event.pk)
        if instance.status == event.notified_status:
            return
        if instance.status in TOLD_STATUSES:
            for registration in event.registrations.active():
                mails.status_changed(registration, page_in(instance, registration.language))
        event.notified_status = instance.status
        event.save(update_fields=["notified_status"])
