"""Two-factor URLs in the admin, and a link to them on the user's account page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ops.twofactor import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/setup/", views.setup, name="koonto_twofactor_setup"),
        path("two-factor/verify/", views.verify, name="koonto_twofactor_verify"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="koonto_twofactor_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("koonto_twofactor_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after the password, and get recovery codes."),
    }
