"""The person's own rights behind a signed link: see, correct, cancel and delete one's data, without staff.

"Cancel" is offered where the purpose declares a `cancel` callable (unsubscribe from reminders,
cancel an event sign-up); personal_data/optin.py offers the same action behind a one-click link.

Every confirmation mail carries a link `/<lang>/my-data/open/?token=...` (django.core.signing,
expiring after KOONTO_RIGHTS_LINK_DAYS). The token must not stay in anything that logs URLs, so:
- the opening view checks the token, keeps what it names in the session and at once answers with a
  303 to the token-free `/<lang>/my-data/`; the browser's history, bookmarks and any later Referer
  carry the clean address;
- the request logs drop token values (ops.logging redacts `token=` in every line it writes, the
  gunicorn access log included), and docs/deploy.md tells the front proxy to log paths without
  query strings;
- every page here is `Cache-Control: no-store` and `X-Robots-Tag: noindex`; the token's address
  says `Referrer-Policy: no-referrer`, the pages with forms `same-origin` (see `private_page`: with
  `no-referrer` a browser sends `Origin: null` with the page's own forms, and Django's CSRF check
  refuses them; tests/browser/test_reminders.py and test_registration.py press those buttons).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.forms import modelform_factory
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_http_methods

from koonto.origin import absolute_url
from personal_data.audit import SUBJECT_CANCEL, SUBJECT_CORRECT, SUBJECT_DELETE, log_action
from personal_data.declarations import Purpose, purpose, text
from personal_data.models import OutboxMessage

RIGHTS_SALT = "koonto.personal-data.rights"
SESSION_KEY = "koonto_personal_data_subject"


def rights_token(purpose_key: str, pk: int) -> str:
    return signing.dumps([purpose_key, pk], salt=RIGHTS_SALT)


def rights_url(purpose_key: str, pk: int, language: str) -> str:
    """The absolute link for a confirmation mail, in the language of the mail."""
    with translation.override(language):
        path = reverse("personal_data_open")
    return absolute_url(f"{path}?token={rights_token(purpose_key, pk)}")


def private_page(response: HttpResponse, referrer_policy: str = "same-origin") -> HttpResponse:
    """no-store, noindex, and no Referer to other sites. Only the address that carries the token
    (`open_link`) says `no-referrer`: on a page with a form, `no-referrer` makes browsers send
    `Origin: null`, which Django's CSRF check refuses (the correct, cancel and delete buttons)."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = referrer_policy
    return response


def _subject(request: HttpRequest) -> tuple[Purpose, object] | None:
    held = request.session.get(SESSION_KEY)
    if not held:
        return None
    try:
        declared = purpose(held[0])
        row = declared.model._default_manager.filter(pk=held[1]).first()
    except (KeyError, AttributeError, IndexError, TypeError):
        return None
    return (declared, row) if row is not None else None


@require_http_methods(["GET", "HEAD"])
def open_link(request: HttpRequest) -> HttpResponse:
    """Check the link's token, keep it in the session, and leave the token's URL at once."""
    max_age = settings.KOONTO_RIGHTS_LINK_DAYS * 24 * 3600
    try:
        purpose_key, pk = signing.loads(request.GET.get("token", ""), salt=RIGHTS_SALT, max_age=max_age)
        purpose(purpose_key)
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        request.session.pop(SESSION_KEY, None)
        response = render(request, "personal_data/link_expired.html", {"days": settings.KOONTO_RIGHTS_LINK_DAYS}, status=400)
        return private_page(response, "no-referrer")
    request.session.cycle_key()
    request.session[SESSION_KEY] = [purpose_key, pk]
    return private_page(HttpResponseRedirect(reverse("personal_data_rights"), status=303), "no-referrer")


@require_http_methods(["GET", "HEAD", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    """What is held, a form to correct it, and a button to delete it."""
    subject = _subject(request)
    if subject is None:
        deleted = request.session.pop("koonto_personal_data_deleted", False)
        cancelled = _cancelled_message(request.session.pop("koonto_personal_data_cancelled", ""))
        status = 200 if deleted or cancelled else 400
        context = {"deleted": deleted, "cancelled": cancelled}
        return private_page(render(request, "personal_data/no_data.html", context, status=status))
    declared, row = subject
    form_class = modelform_factory(declared.model, fields=declared.correctable_fields)
    form = form_class(instance=row)
    saved = False
    status = 200
    can_cancel = declared.cancel is not None and (declared.can_cancel is None or declared.can_cancel(row))
    if request.method == "POST" and request.POST.get("action") == "cancel":
        if not can_cancel:
            status = 400  # nothing to cancel (already cancelled, or the purpose has no cancellation)
        else:
            pk = str(row.pk)
            declared.cancel(row)
            log_action(SUBJECT_CANCEL, declared.model, {"purpose": declared.key, "count": 1}, object_id=pk)
            if not declared.model._default_manager.filter(pk=pk).exists():
                # Cancelling deleted the data (an unsubscription): nothing is left to show.
                request.session.pop(SESSION_KEY, None)
            # The row may stay with a new status (an event sign-up): the page shows it, and the notice.
            request.session["koonto_personal_data_cancelled"] = declared.key
            return private_page(HttpResponseRedirect(reverse("personal_data_rights"), status=303))
    elif request.method == "POST" and request.POST.get("action") == "delete":
        email, pk = getattr(row, declared.email_field), str(row.pk)
        row.delete()
        # The mails kept for the address go with its last row of this purpose: one address may hold
        # several (sign-ups to two events), and the other's mail must still reach the person.
        others = declared.find(email)
        mails = (
            0
            if others is not None and others.exists()
            else OutboxMessage.objects.filter(to__iexact=email, purpose=declared.key).delete()[0]
        )
        log_action(SUBJECT_DELETE, declared.model, {"purpose": declared.key, "count": 1, "mails": mails}, object_id=pk)
        request.session.pop(SESSION_KEY, None)
        request.session["koonto_personal_data_deleted"] = True
        return private_page(HttpResponseRedirect(reverse("personal_data_rights"), status=303))
    elif request.method == "POST":
        form = form_class(request.POST, instance=row)
        if form.is_valid():
            form.save()
            log_action(
                SUBJECT_CORRECT,
                declared.model,
                {"purpose": declared.key, "fields": sorted(form.changed_data)},
                object_id=str(row.pk),
            )
            saved = True
        else:
            status = 400
    shown = [(declared.model._meta.get_field(name).verbose_name, _display(row, name)) for name in declared.shown_fields]
    context = {
        "purpose": declared,
        "shown": shown,
        "form": form,
        "saved": saved,
        "can_cancel": can_cancel,
        "cancel_label": text(declared.cancel_label) if declared.cancel_label else "",
        "cancelled": _cancelled_message(request.session.pop("koonto_personal_data_cancelled", "")),
    }
    return private_page(render(request, "personal_data/my_data.html", context, status=status))


def _cancelled_message(purpose_key: str) -> str:
    """What the person is told after cancelling (the purpose's own words, else a general one)."""
    if not purpose_key:
        return ""
    from django.utils.translation import gettext

    try:
        declared = purpose(purpose_key)
    except KeyError:
        return gettext("Cancelled.")
    return text(declared.cancelled_message) if declared.cancelled_message else gettext("Cancelled.")


def _display(row, name: str) -> str:
    getter = getattr(row, f"get_{name}_display", None)
    value = getter() if getter else getattr(row, name)
    if hasattr(value, "tzinfo"):
        from django.utils.formats import date_format
        from django.utils.timezone import localtime

        return date_format(localtime(value), "SHORT_DATETIME_FORMAT")
    return "" if value is None else str(value)
