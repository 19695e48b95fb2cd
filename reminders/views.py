"""The "Remind me" form at its own address, outside the page cache.

A call page and the calls listing link here (`?call=<translation_key>` from a call), so that they
stay cacheable for everyone: the form carries a CSRF token and a time token and is sent
`private, no-store`, and a subscription writes no page or snippet, so it never empties the cache.
"""

import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from guides.models import FundingCallPage
from koonto.visibility import rule_for
from personal_data import outbox
from personal_data.optin import confirmation_url, list_unsubscribe_headers
from personal_data.protection import rate_limit_message, rate_limited_by_address, rate_limited_by_email, too_large
from personal_data.rights import rights_url
from reminders.data_protection import PURPOSE, retention_text
from reminders.forms import ALL_CALLS, ReminderForm
from reminders.models import Subscription

logger = logging.getLogger("koonto.reminders")


def call_for(request, value: str | None) -> FundingCallPage | None:
    """The call a `?call=` names, as the reader sees it, if reminders of it still make sense."""
    try:
        key = uuid.UUID(str(value))
    except ValueError:
        return None
    rule = rule_for(request)
    calls = rule.pages_for_reader(FundingCallPage.objects.filter(translation_key=key))
    call = calls.first()
    if call is None or call.cancelled or call.closes_at <= timezone.now():
        return None
    return call


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    asked_call = request.GET.get("call")
    call = call_for(request, asked_call) if asked_call else None
    form = ReminderForm(call=call, language=language)
    refusal = ""
    status = 200
    if request.method == "POST":
        if too_large(request):
            refusal, status = _("The form is too large to be sent."), 413
        elif rate_limited_by_address(request, ReminderForm.form_name):
            refusal, status = rate_limit_message(), 429
        else:
            form = ReminderForm(request.POST, call=call, language=language)
            if not form.is_valid():
                status = 400
            elif rate_limited_by_email(form.cleaned_data["email"], form.form_name):
                refusal, status = rate_limit_message(), 429
            else:
                record = save_subscription(form.cleaned_data)
                logger.info("Reminder subscription %s waits for confirmation", record.pk)
                query = {"sent": "1", **({"call": asked_call} if call else {})}
                return HttpResponseRedirect(f"{request.path}?{urlencode(query)}", status=303)
        if status == 400:
            logger.info("Reminder form refused: %s", ", ".join(sorted(form.errors)))
        else:
            logger.warning("Reminder form refused with status %s", status)
        if refusal:
            kept = {k: v for k, v in request.POST.items() if k in ("email", "language", "scope")}
            form = ReminderForm(initial=kept, call=call, language=language)
    context = {
        "form": form,
        "call": call,
        "call_closed": bool(asked_call) and call is None,
        "refusal": refusal,
        "time_token": form.fresh_time_token(),
        "sent": request.method == "GET" and request.GET.get("sent") == "1",
        "retention": retention_text(),
        "link_days": settings.KOONTO_OPTIN_LINK_DAYS,
    }
    response = TemplateResponse(request, "reminders/subscribe.html", context, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


@transaction.atomic
def save_subscription(data: dict) -> Subscription:
    """The subscription and its confirmation mail exist together or not at all.

    Asking again for the same thing makes no second row: an unconfirmed one gets a fresh link, a
    confirmed one a note that it exists (with the link to stop it)."""
    call_key = None if data["scope"] == ALL_CALLS else uuid.UUID(data["scope"])
    existing = (
        Subscription.objects.select_for_update().filter(email__iexact=data["email"], call_key=call_key).order_by("pk").first()
    )
    if existing is not None and existing.confirmed_at is not None:
        existing.language = data["language"]
        existing.save(update_fields=["language"])
        _mail(existing, already=True)
        return existing
    if existing is not None:
        existing.language, existing.created_at = data["language"], timezone.now()
        existing.save(update_fields=["language", "created_at"])
        record = existing
    else:
        record = Subscription.objects.create(email=data["email"], language=data["language"], call_key=call_key)
    _mail(record, already=False)
    return record


def _mail(record: Subscription, already: bool) -> None:
    language = record.mail_language
    with translation.override(language):
        what = str(record)
        if already:
            subject = _("You already get these reminders")
            lines = [_("You asked for %(what)s. You already get them: nothing needs to be done.") % {"what": what}, ""]
            headers = list_unsubscribe_headers(PURPOSE, record, language)
        else:
            subject = _("Confirm your funding call reminders")
            days = settings.KOONTO_OPTIN_LINK_DAYS
            lines = [
                _("You asked for %(what)s. Confirm it at this address:") % {"what": what},
                confirmation_url(PURPOSE, record, language),
                translation.ngettext(
                    "The link works for %(days)d day. If you did not ask for reminders, do nothing: "
                    "your address is then deleted.",
                    "The link works for %(days)d days. If you did not ask for reminders, do nothing: "
                    "your address is then deleted.",
                    days,
                )
                % {"days": days},
                "",
            ]
            headers = None
        lines += [
            _("You can see, correct or delete your data, or stop the reminders, at this address:"),
            rights_url(PURPOSE, record.pk, language),
            "",
            _("Koonto project"),
        ]
        outbox.enqueue(record.email, subject, "\n".join(lines), PURPOSE, headers=headers)
