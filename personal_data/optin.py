"""Double opt-in and one-click cancellation behind signed links, for any purpose that declares them.

A purpose that sends mail later (call reminders) declares `confirmed_field` (personal_data.declarations):
its rows wait unconfirmed until the person opens the link of the confirmation mail and presses
"Confirm" (a button, not the link itself: mail scanners that open every link must not confirm for the
person). The link expires after KOONTO_OPTIN_LINK_DAYS; enforce_retention then deletes the row.

A purpose with a `cancel` callable gets a cancellation link for every mail it sends
(`cancel_url`), and the `List-Unsubscribe` and `List-Unsubscribe-Post` headers of RFC 8058
(`list_unsubscribe_headers`): a mail client's one-click POST to that address cancels at once; a
person who opens the link gets one button.

Both tokens are signed (django.core.signing, a salt each) and name the purpose, the row and the row's
creation time, so that a token never fits a later row that happens to get the same id. As with the
rights link (personal_data/rights.py), a token never stays in an address: a GET with `?token=` keeps
it in the session and answers 303 to the token-free address; the request logs redact `token=`
(ops.logging); every page here is no-store, noindex and same-origin referrer.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from koonto.origin import absolute_url
from personal_data.audit import SUBJECT_CANCEL, SUBJECT_CONFIRM, log_action
from personal_data.declarations import Purpose, purpose
from personal_data.rights import private_page

CONFIRM_SALT = "koonto.personal-data.confirm"
CANCEL_SALT = "koonto.personal-data.cancel"
CONFIRM_SESSION_KEY = "koonto_personal_data_confirm"
CANCEL_SESSION_KEY = "koonto_personal_data_cancel"


def _stamp(declared: Purpose, row) -> str:
    created = getattr(row, declared.created_field, None)
    return created.isoformat() if created is not None else ""


def _token(purpose_key: str, row, salt: str) -> str:
    return signing.dumps([purpose_key, row.pk, _stamp(purpose(purpose_key), row)], salt=salt)


def _url(name: str, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse(name)
    return absolute_url(f"{path}?token={token}")


def confirmation_url(purpose_key: str, row, language: str) -> str:
    """The link of a confirmation mail (expires after KOONTO_OPTIN_LINK_DAYS)."""
    return _url("personal_data_confirm", _token(purpose_key, row, CONFIRM_SALT), language)


def cancel_url(purpose_key: str, row, language: str) -> str:
    """The one-click cancellation link of every mail a purpose sends (valid as long as the row exists)."""
    return _url("personal_data_cancel", _token(purpose_key, row, CANCEL_SALT), language)


def list_unsubscribe_headers(purpose_key: str, row, language: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients show an "unsubscribe" button that POSTs to the link."""
    return {
        "List-Unsubscribe": f"<{cancel_url(purpose_key, row, language)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _row(token: str, salt: str, max_age: int | None):
    """(purpose, row) that a valid token names, else None (bad, expired, or the row is gone)."""
    try:
        purpose_key, pk, stamp = signing.loads(token, salt=salt, max_age=max_age)
        declared = purpose(purpose_key)
        row = declared.model._default_manager.filter(pk=pk).first()
    except (signing.BadSignature, ValueError, TypeError, KeyError, AttributeError):
        return None
    if row is None or _stamp(declared, row) != stamp:
        return None
    return declared, row


def _confirm_max_age() -> int:
    return settings.KOONTO_OPTIN_LINK_DAYS * 24 * 3600


def _invalid(request: HttpRequest, template: str) -> HttpResponse:
    context = {"days": settings.KOONTO_OPTIN_LINK_DAYS}
    return private_page(render(request, template, context, status=400))


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    """GET ?token=: keep it and leave the address; GET: one button; POST: confirmed."""
    if "token" in request.GET:
        request.session[CONFIRM_SESSION_KEY] = request.GET["token"]
        return private_page(HttpResponseRedirect(reverse("personal_data_confirm"), status=303))
    found = _row(request.session.get(CONFIRM_SESSION_KEY, ""), CONFIRM_SALT, _confirm_max_age())
    if found is None:
        request.session.pop(CONFIRM_SESSION_KEY, None)
        return _invalid(request, "personal_data/confirm_expired.html")
    declared, row = found
    if not declared.confirmed_field:  # a purpose without double opt-in has nothing to confirm
        return _invalid(request, "personal_data/confirm_expired.html")
    confirmed = getattr(row, declared.confirmed_field) is not None
    if request.method == "POST" and not confirmed:
        setattr(row, declared.confirmed_field, timezone.now())
        row.save(update_fields=[declared.confirmed_field])
        log_action(SUBJECT_CONFIRM, declared.model, {"purpose": declared.key, "count": 1}, object_id=str(row.pk))
        confirmed = True
    context = {"purpose": declared, "row": row, "confirmed": confirmed}
    return private_page(render(request, "personal_data/confirm.html", context))


@csrf_exempt  # the token is the authority: a mail client's one-click POST carries no cookie (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest) -> HttpResponse:
    """GET ?token=: keep it and leave the address; GET: one button; POST (the button, or a mail
    client with ?token=): cancelled."""
    if request.method != "POST" and "token" in request.GET:
        request.session[CANCEL_SESSION_KEY] = request.GET["token"]
        return private_page(HttpResponseRedirect(reverse("personal_data_cancel"), status=303))
    if request.method == "POST":
        # Only a token the request itself carries: the view is exempt from CSRF, so a session's
        # token must not let another site's form cancel for the person.
        token = request.GET.get("token") or request.POST.get("token", "")
    else:
        token = request.session.get(CANCEL_SESSION_KEY, "")
    found = _row(token, CANCEL_SALT, None)
    if found is not None and found[0].can_cancel is not None and not found[0].can_cancel(found[1]):
        found = None  # already cancelled: the same rule as the rights page's button
    if found is None or found[0].cancel is None:
        request.session.pop(CANCEL_SESSION_KEY, None)
        return _invalid(request, "personal_data/cancel_invalid.html")
    declared, row = found
    if request.method == "POST":
        pk = str(row.pk)
        declared.cancel(row)
        log_action(SUBJECT_CANCEL, declared.model, {"purpose": declared.key, "count": 1}, object_id=pk)
        request.session.pop(CANCEL_SESSION_KEY, None)
        context = {"purpose": declared, "done": True}
        return private_page(render(request, "personal_data/cancel.html", context))
    context = {"purpose": declared, "row": row, "token": token, "done": False}
    return private_page(render(request, "personal_data/cancel.html", context))
