"""The registration form of an event, outside the cached event page.

The event page (cached for everyone by ops.pagecache) only links here; this view carries the CSRF
and time tokens and the live seat count, is sent `private, no-store`, and a sign-up writes only
registration rows, which never bump the page cache's content generation.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import EventPage
from koonto.visibility import rule_for
from personal_data.protection import rate_limit_message, rate_limited_by_address, rate_limited_by_email, too_large
from personal_data.rights import private_page
from registrations import services
from registrations.forms import RegistrationForm
from registrations.mails import REMINDER_SALT
from registrations.models import Registration

REMINDER_SESSION_KEY = "koonto_registration_reminder"

logger = logging.getLogger("koonto.registrations")

REFUSALS = {
    "closed": lambda: _("Registration for this event is not open."),
    "full": lambda: _("The event is full, and it has no waiting list."),
    "duplicate": lambda: _(
        "This e-mail address has already been registered for this event. The confirmation e-mail has a link to your registration."
    ),
    "too_many": lambda: _("The group is larger than this event allows."),
}


def public_event(request: HttpRequest, page_id: int) -> EventPage:
    page = rule_for(request).pages(EventPage.objects.filter(pk=page_id)).select_related("locale", "municipality").first()
    if page is None:
        raise Http404
    return page


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest, page_id: int) -> HttpResponse:
    page = public_event(request, page_id)
    source = services.settings_page(page)
    now = timezone.now()
    state = services.window(source, now)
    if state == "disabled":
        raise Http404
    form = RegistrationForm(event=source)
    refusal = ""
    status = 200
    if request.method == "POST" and state == "open":
        if too_large(request):
            refusal, status = _("The form is too large to be sent. Shorten your answers and send it again."), 413
        elif rate_limited_by_address(request, RegistrationForm.form_name):
            refusal, status = rate_limit_message(), 429
        else:
            form = RegistrationForm(request.POST, event=source)
            if not form.is_valid():
                status = 400
            elif rate_limited_by_email(form.cleaned_data["email"], form.form_name):
                refusal, status = rate_limit_message(), 429
            else:
                data = form.cleaned_data
                sign_up = services.SignUp(
                    name=data["name"],
                    email=data["email"],
                    organisation=data.get("organisation", ""),
                    municipality=data.get("municipality"),
                    needs=data.get("needs", ""),
                    seats=data.get("seats") or 1,
                    reminder=data.get("reminder", False),
                )
                try:
                    registration = services.register(page, sign_up, now)
                except services.RegistrationRefused as refused:
                    refusal, status = REFUSALS[refused.code](), 409
                else:
                    logger.info("Registration %s (%s) for event %s", registration.pk, registration.status, page.pk)
                    return HttpResponseRedirect(f"{request.path}?sent={registration.status}", status=303)
        if status == 400:
            logger.info("Registration form refused: %s", ", ".join(sorted(form.errors)))
        else:
            logger.warning("Registration form refused with status %s", status)
        if refusal:
            fields = RegistrationForm(event=source).fields
            form = RegistrationForm(event=source, initial={k: v for k, v in request.POST.items() if k in fields})
    elif request.method == "POST":
        refusal, status = REFUSALS["closed"](), 409
    sent = request.GET.get("sent") if request.method != "POST" else ""
    context = {
        "event_page": page,
        "event": source,
        "state": state,
        "seats": services.seats_summary(page, now),
        "form": form,
        "refusal": refusal,
        "time_token": form.fresh_time_token(),
        "sent": sent if sent in (Registration.Status.CONFIRMED, Registration.Status.WAITING) else "",
        "retention_days": source.registration_retention_days,
    }
    response = render(request, "registrations/register.html", context, status=status)
    return private_page(response)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_reminder(request: HttpRequest) -> HttpResponse:
    """The double opt-in of the reminder, as personal_data.optin's: the link in the confirmation
    mail (valid for a few days) leaves its token in the session and the address at once (303);
    only the page's button (a POST with CSRF) confirms, so a mail scanner that opens every link
    confirms nothing."""
    if "token" in request.GET:
        request.session[REMINDER_SESSION_KEY] = request.GET["token"]
        return private_page(HttpResponseRedirect(reverse("registration_reminder"), status=303))
    max_age = settings.KOONTO_REGISTRATION_REMINDER_LINK_DAYS * 24 * 3600
    try:
        pk = signing.loads(request.session.get(REMINDER_SESSION_KEY, ""), salt=REMINDER_SALT, max_age=max_age)
    except signing.BadSignature:
        pk = None
    registration = Registration.objects.active().filter(pk=pk, reminder=True).first() if pk else None
    if registration is None:
        request.session.pop(REMINDER_SESSION_KEY, None)
        return private_page(render(request, "registrations/reminder.html", {"valid": False}, status=400))
    if request.method == "POST" and not registration.reminder_confirmed:
        registration.reminder_confirmed = True
        registration.save(update_fields=["reminder_confirmed"])
    context = {"valid": True, "confirmed": registration.reminder_confirmed}
    return private_page(render(request, "registrations/reminder.html", context))
