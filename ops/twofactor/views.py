"""Admin views for two-factor sign-in: set up an authenticator app, verify, new recovery codes."""

import base64

import qrcode
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

from ops.twofactor.forms import TokenForm

DEVICE_NAME = "Koonto"
RECOVERY_DEVICE_NAME = "recovery"
RECOVERY_CODE_COUNT = 10


def next_url(request: HttpRequest) -> str:
    """The admin page the user was going to, if it is on this site; else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def qr_code_svg(text: str) -> str:
    """The text as an inline SVG QR code (no image file, nothing sent to another service)."""
    svg = qrcode.make(text, image_factory=SvgPathImage, box_size=8, border=2).to_string(encoding="unicode")
    # Drop the XML declaration: the SVG goes inside HTML.
    return svg[svg.index("<svg") :]


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with a fresh set; each code works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def pending_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being set up; the same key across reloads of the page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def throttled_message(devices) -> str | None:
    """Whether django-otp's throttling refuses codes on every device for now (the wait doubles
    after each wrong code): then say so, so that a right code refused meanwhile does not look wrong."""
    devices = list(devices)
    if devices and all(not device.verify_is_allowed()[0] for device in devices):
        return _("Too many wrong codes. Wait a moment, then try the newest code again.")
    return None


@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    """Show the QR code and key; a correct code confirms the app and shows the recovery codes.

    A session that has not given its current second factor may not replace it: otherwise a
    stolen password would be enough to enrol the thief's own phone.
    """
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect(f"{reverse('koonto_twofactor_verify')}?next={reverse('koonto_twofactor_setup')}")
    device = pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = throttled_message([device])
        if not throttled and device.verify_token(form.cleaned_data["code"]):
            codes = confirm_device(request, device)
            return TemplateResponse(request, "koonto/twofactor/recovery_codes.html", {"codes": codes, "next": next_url(request)})
        form.add_error(
            "code", throttled or _("That code is not right. Check that your phone's clock is correct and try the newest code.")
        )
    context = {
        "form": form,
        "qr_code": mark_safe(qr_code_svg(device.config_url)),  # noqa: S308 - SVG made here from our own URL
        "secret": base64.b32encode(device.bin_key).decode("ascii"),
        "next": next_url(request),
        "has_device": user_has_device(user, confirmed=True),
    }
    return TemplateResponse(request, "koonto/twofactor/setup.html", context)


@transaction.atomic
def confirm_device(request: HttpRequest, device: TOTPDevice) -> list[str]:
    """Make the new app the user's only one, mark this session verified, issue recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return new_recovery_codes(device.user)


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """The step after the password: a code from the app, or a recovery code (used up at once)."""
    user = request.user
    if not user_has_device(user, confirmed=True):
        return redirect(next_url(request))
    if user.is_verified():
        return redirect(next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = throttled_message(devices_for_user(user))
        device = None if throttled else match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("code", throttled or _("That code is not valid. Try the newest code from your app, or a recovery code."))
    return TemplateResponse(request, "koonto/twofactor/verify.html", {"form": form, "next": next_url(request)})


@never_cache
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes for a verified session (the old ones stop working)."""
    if not user_has_device(request.user, confirmed=True):
        messages.error(request, _("Set up an authenticator app first."))
        return redirect("koonto_twofactor_setup")
    codes = new_recovery_codes(request.user)
    return TemplateResponse(
        request, "koonto/twofactor/recovery_codes.html", {"codes": codes, "next": reverse("wagtailadmin_home")}
    )
