"""Who must use a second factor, and whether this session has given one."""

from django.conf import settings
from django_otp import user_has_device


def requires_two_factor(user) -> bool:
    """KOONTO_REQUIRE_2FA makes it compulsory for superusers; _STAFF for every admin user."""
    if not settings.KOONTO_REQUIRE_2FA:
        return False
    if user.is_superuser:
        return True
    return settings.KOONTO_REQUIRE_2FA_STAFF and user.has_perm("wagtailadmin.access_admin")


def needs_verification(user) -> bool:
    """A user with a confirmed device always gives a code: an optional second factor that a
    password alone could skip would protect nothing."""
    return user_has_device(user, confirmed=True) and not user.is_verified()


def needs_setup(user) -> bool:
    return requires_two_factor(user) and not user_has_device(user, confirmed=True)
