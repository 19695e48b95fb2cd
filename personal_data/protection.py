"""Spam and abuse defences for public forms, with nothing from another origin (no CAPTCHA).

- A honeypot field that people never see and simple bots fill in.
- A signed time token (django.core.signing): sent with the form, it says when the form was shown.
  A form sent faster than a person could fill it in, or after it was left open for hours, is refused
  with a clear message and a fresh token, so that the person can simply send again.
- Rate limits per address (the visitor's IP, ops.security.client_ip) and per e-mail address, counted
  in the `default` cache (shared by every app server with REDIS_URL) by ops.security.count_in_window,
  the same counter the view-password limit uses. django-ratelimit would add a dependency for the
  same two cache calls.
- A size limit on the whole request, before the form is read.
Every refusal saves nothing: the form is validated before anything is written.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ops.security import client_ip, count_in_window

TIME_TOKEN_SALT = "koonto.personal-data.form-time"
HONEYPOT_FIELD = "website"
TIME_FIELD = "started"


def time_token(form_name: str) -> str:
    """A token that says when `form_name` was shown (signed, so it cannot be made up)."""
    return signing.dumps({"f": form_name, "t": timezone.now().timestamp()}, salt=TIME_TOKEN_SALT)


class SpamProtectedForm(forms.Form):
    """A public form with a honeypot and a time token; subclasses set `form_name`."""

    form_name = "form"

    # Hidden from people by CSS and from assistive technology (templates/personal_data/spam_fields.html).
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    def fresh_time_token(self) -> str:
        return time_token(self.form_name)

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _(
                    "The form was not sent: a field meant to be left empty was filled in. "
                    "If you are a person, empty it and send again."
                ),
                code="honeypot",
            )
        self._check_time(self.data.get(TIME_FIELD, ""))
        return cleaned

    def _check_time(self, token: str) -> None:
        try:
            payload = signing.loads(token, salt=TIME_TOKEN_SALT)
            started = float(payload["t"])
            assert payload["f"] == self.form_name
        except (signing.BadSignature, KeyError, TypeError, ValueError, AssertionError):
            raise forms.ValidationError(_("The form could not be checked. Please send it again."), code="time_token") from None
        elapsed = timezone.now().timestamp() - started
        if elapsed < settings.KOONTO_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent faster than a person can fill it in. Please check your answers and send it again."),
                code="too_fast",
            )
        if elapsed > settings.KOONTO_FORM_MAX_SECONDS:
            hours = settings.KOONTO_FORM_MAX_SECONDS // 3600
            raise forms.ValidationError(
                ngettext(
                    "The form was open for more than %(hours)d hour. Please check your answers and send it again.",
                    "The form was open for more than %(hours)d hours. Please check your answers and send it again.",
                    hours,
                )
                % {"hours": hours},
                code="too_old",
            )


def too_large(request: HttpRequest) -> bool:
    """Whether the request body is larger than any honest form submission."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.KOONTO_FORM_MAX_BYTES


def rate_limited_by_address(request: HttpRequest, form_name: str) -> bool:
    """Count this submission from the visitor's IP address; True when over the limit."""
    key = f"koonto:form-rate:{form_name}:ip:{client_ip(request)}"
    return count_in_window(key, settings.KOONTO_FORM_RATE_WINDOW) > settings.KOONTO_FORM_RATE_PER_IP


def rate_limited_by_email(email: str, form_name: str) -> bool:
    """Count this submission for the e-mail address; True when over the limit.

    The cache key holds a keyed hash of the address, not the address.
    """
    digest = salted_hmac("koonto.form-rate", email.strip().lower()).hexdigest()[:32]
    key = f"koonto:form-rate:{form_name}:email:{digest}"
    return count_in_window(key, settings.KOONTO_FORM_RATE_WINDOW) > settings.KOONTO_FORM_RATE_PER_EMAIL


def rate_limit_message() -> str:
    minutes = max(1, settings.KOONTO_FORM_RATE_WINDOW // 60)
    return ngettext(
        "Too many forms have been sent from your connection or for your e-mail address. Please try again in %(minutes)d minute.",
        "Too many forms have been sent from your connection or for your e-mail address. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
