"""Keep a password-only session out of the admin while a second factor is due."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse

from koonto.security import is_admin_path
from koonto.twofactor.policy import needs_setup, needs_verification

# Views a password-only session may reach: signing in and out, and the two-factor steps.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "koonto_twofactor_setup",
    "koonto_twofactor_verify",
    "admin:login",
    "admin:logout",
}


class TwoFactorMiddleware:
    """Send an unverified admin session to the verify step, or to setup when 2FA is compulsory.

    It runs in process_view, once the URL is resolved, so every admin URL is covered (Wagtail's
    own, Django's admin, Koonto's admin views, AJAX endpoints) except OPEN_VIEWS by name.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponseBase | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not is_admin_path(request.path_info):
            return None
        if request.resolver_match and request.resolver_match.view_name in OPEN_VIEWS:
            return None
        if needs_verification(user):
            return redirect_with_next("koonto_twofactor_verify", request)
        if needs_setup(user):
            return redirect_with_next("koonto_twofactor_setup", request)
        return None


def redirect_with_next(view_name: str, request: HttpRequest) -> HttpResponseRedirect:
    """Back to where the user was going once the step is done (GET paths only: a POST's body is lost)."""
    url = reverse(view_name)
    if request.method == "GET":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    return HttpResponseRedirect(url)
