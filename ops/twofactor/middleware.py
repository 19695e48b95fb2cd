"""Keep a password-only session out of the admin while a second factor is due, and make it
count as anonymous on the public site."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse

from ops.security import is_admin_path
from ops.twofactor.policy import needs_setup, needs_verification

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

# Sign-in forms: the admin's, and the public one Wagtail sends visitors of restricted pages to.
SIGN_IN_VIEWS = {"wagtailadmin_login", "wagtailcore_login"}


class TwoFactorMiddleware:
    """Send an unverified admin session to the verify step, or to setup when 2FA is compulsory.

    It runs in process_view, once the URL is resolved, so every admin URL is covered (Wagtail's
    own, Django's admin, Koonto's admin views, AJAX endpoints) except OPEN_VIEWS by name.

    Outside the admin such a session is anonymous: otherwise a password alone would open the
    pages and documents that view restrictions keep for signed-in users or groups (Wagtail
    checks them against request.user when it serves a page or a document). Wagtail then sends
    the visitor to a sign-in page; signing in again with the password would lead back to the
    same refusal, so a sign-in page sends such a session to the missing step instead, with the
    page as the place to return to.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponseBase | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        step = due_step(user)
        if step is None:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else None
        if view_name in SIGN_IN_VIEWS and request.method == "GET":
            return redirect_with_next(step, request, request.GET.get("next", ""))
        if not is_admin_path(request.path_info):
            request.user = AnonymousUser()
            return None
        if view_name in OPEN_VIEWS:
            return None
        return redirect_with_next(step, request)


def due_step(user) -> str | None:
    """The two-factor view this user must go through before anything else, if any."""
    if needs_verification(user):
        return "koonto_twofactor_verify"
    if needs_setup(user):
        return "koonto_twofactor_setup"
    return None


def redirect_with_next(view_name: str, request: HttpRequest, next_url: str | None = None) -> HttpResponseRedirect:
    """Back to where the user was going once the step is done (GET paths only: a POST's body is lost).

    The step's view checks that `next` stays on this site before it follows it.
    """
    url = reverse(view_name)
    if next_url is None and request.method == "GET":
        next_url = request.get_full_path()
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return HttpResponseRedirect(url)
