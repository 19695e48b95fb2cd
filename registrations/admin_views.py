"""The registrations of one event in the admin: the list, attendance, CSV and XLSX export, and a
mail to every registrant through the outbox.

Who sees what (the declaration is in editorial/rules.py, the matrix):
- `registrations.view_event_registrations` (Viestintä) and the event's named owners: everything;
- anyone else who may edit the event's page (editors): the counts only;
- everyone else: nothing (403).
"""

from __future__ import annotations

import csv
import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import EventPage
from personal_data.audit import EXPORT, log_action
from registrations import mails
from registrations.models import Registration, RegistrationEvent
from registrations.services import seats_summary, settings_page

PERMISSION = "registrations.view_event_registrations"
FULL, COUNTS = "full", "counts"


def access(user, page: EventPage) -> str | None:
    """FULL, COUNTS or None for this user and event."""
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return None
    if user.has_perm(PERMISSION):
        return FULL
    source = settings_page(page)
    if source.registration_owners.filter(pk=user.pk).exists():
        return FULL
    if page.permissions_for_user(user).can_edit():
        return COUNTS
    return None


def _event(request, page_id: int, need: str = COUNTS) -> tuple[EventPage, RegistrationEvent | None, str]:
    page = get_object_or_404(EventPage.objects.select_related("locale"), pk=page_id)
    level = access(request.user, page)
    if level is None or (need == FULL and level != FULL):
        raise PermissionDenied
    event = RegistrationEvent.objects.filter(translation_key=page.translation_key).first()
    return page, event, level


def counts(event: RegistrationEvent | None) -> dict:
    if event is None:
        return {"confirmed": 0, "waiting": 0, "cancelled": 0, "attended": 0}
    confirmed = Q(status=Registration.Status.CONFIRMED)
    return event.registrations.aggregate(
        confirmed=Sum("seats", filter=confirmed, default=0),
        waiting=Sum("seats", filter=Q(status=Registration.Status.WAITING), default=0),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        attended=Sum("seats", filter=confirmed & Q(attended=True), default=0),
    )


class MailForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    message = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def index(request):
    """Events that take registrations, soonest first, with their counts (for anyone who may see counts)."""
    pages = (
        EventPage.objects.filter(registration_enabled=True, locale__language_code="fi")
        .select_related("locale")
        .order_by("-starts_at")
    )
    rows = []
    for page in pages[:200]:
        if access(request.user, page) is None:
            continue
        event = RegistrationEvent.objects.filter(translation_key=page.translation_key).first()
        rows.append((page, counts(event)))
    if not rows and not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return _private(render(request, "registrations/admin/index.html", {"rows": rows}))


def event_registrations(request, page_id: int):
    page, event, level = _event(request, page_id)
    if request.method == "POST":
        if level != FULL:
            raise PermissionDenied
        attended = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
        if event is not None:
            with transaction.atomic():
                rows = event.registrations.confirmed()
                rows.filter(pk__in=attended).update(attended=True)
                rows.exclude(pk__in=attended).update(attended=False)
        return HttpResponseRedirect(f"{request.path}?saved=1")
    context = {
        "page": page,
        "level": level,
        "counts": counts(event),
        "seats": seats_summary(page),
        "registrations": event.registrations.select_related("municipality") if (event and level == FULL) else [],
        "saved": request.GET.get("saved") == "1",
        "mailed": request.GET.get("mailed"),
    }
    return _private(render(request, "registrations/admin/event.html", context))


COLUMNS = [
    ("name", gettext_lazy("Name")),
    ("email", gettext_lazy("E-mail address")),
    ("organisation", gettext_lazy("Organisation")),
    ("municipality", gettext_lazy("Municipality")),
    ("seats", gettext_lazy("Number of people")),
    ("needs", gettext_lazy("Dietary or accessibility needs")),
    ("status", gettext_lazy("Status")),
    ("attended", gettext_lazy("Attended")),
    ("created_at", gettext_lazy("Registered")),
]


def _rows(event: RegistrationEvent | None) -> list[list]:
    if event is None:
        return []
    rows = []
    for registration in event.registrations.select_related("municipality"):
        rows.append(
            [
                registration.name,
                registration.email,
                registration.organisation,
                registration.municipality.name if registration.municipality else "",
                registration.seats,
                registration.needs,
                registration.get_status_display(),
                _("yes") if registration.attended else _("no"),
                date_format(timezone.localtime(registration.created_at), "SHORT_DATETIME_FORMAT"),
            ]
        )
    return rows


def export(request, page_id: int, file_format: str):
    page, event, _level = _event(request, page_id, need=FULL)
    header = [str(label) for _name, label in COLUMNS]
    rows = _rows(event)
    log_action(EXPORT, Registration, {"counts": {mails.PURPOSE: len(rows)}, "format": file_format}, user=request.user)
    filename = f"ilmoittautumiset-{page.slug}.{file_format}"
    if file_format == "csv":
        buffer = io.StringIO()
        # A byte-order mark and semicolons: Excel in Finnish opens the file with the letters and columns right.
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(header)
        writer.writerows(_safe(row) for row in rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Registrations")[:31]
        sheet.append(header)
        for row in rows:
            sheet.append(_safe(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


def _safe(row: list) -> list:
    """Text a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe."""
    return [f"'{value}" if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value for value in row]


def mail_all(request, page_id: int):
    page, event, _level = _event(request, page_id, need=FULL)
    form = MailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = 0
        if event is not None:
            with transaction.atomic():
                for registration in event.registrations.active():
                    mails.staff_message(
                        registration,
                        page,
                        form.cleaned_data["subject"],
                        form.cleaned_data["message"],
                    )
                    sent += 1
        return HttpResponseRedirect(f"{_event_url(page)}?mailed={sent}")
    return _private(render(request, "registrations/admin/mail.html", {"page": page, "form": form}))


def _event_url(page: EventPage) -> str:
    from django.urls import reverse

    return reverse("registrations_admin_event", args=[page.pk])
