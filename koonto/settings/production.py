"""Production settings: refuse to start unsafe, and ask browsers to use HTTPS only.

`manage.py check --deploy --fail-level WARNING` passes with the variables of `.env.example`
(tests/security/test_settings.py runs it). Koonto runs behind a TLS proxy or load balancer:
set SECURE_PROXY_SSL_HEADER so that Django knows which requests came in over HTTPS.
"""

from django.core.exceptions import ImproperlyConfigured

from ops.environment import env

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random value in the environment "
        "(see .env.example); Koonto never makes one up."
    )
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG or set DEBUG=0).")


def proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """`X-Forwarded-Proto: https` -> ("HTTP_X_FORWARDED_PROTO", "https"), as Django wants it.

    Set it only when the proxy in front always sets (or strips) that header: otherwise a client
    could claim HTTPS by sending it.
    """
    if not value.strip():
        return None
    name, separator, expected = value.partition(":")
    if not separator or not name.strip() or not expected.strip():
        raise ImproperlyConfigured("SECURE_PROXY_SSL_HEADER must look like 'X-Forwarded-Proto: https'.")
    return "HTTP_" + name.strip().upper().replace("-", "_"), expected.strip()


# The public origin has no default here: `check --deploy` refuses a missing, plain-http or
# loopback one (koonto/checks.py), which the development default would be.
KOONTO_PUBLIC_URL = env.str("KOONTO_PUBLIC_URL", "")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", KOONTO_PUBLIC_URL)
WAGTAILAPI_BASE_URL = KOONTO_PUBLIC_URL

SECURE_PROXY_SSL_HEADER = proxy_ssl_header(env.str("SECURE_PROXY_SSL_HEADER"))
# Plain HTTP is redirected to HTTPS, except the health checks that a load balancer may make
# over plain HTTP on the private network.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# HSTS: a year, subdomains included; SECURE_HSTS_PRELOAD=0 when a subdomain must stay on HTTP.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", True)

# Cookies only over HTTPS; the session and language cookies are out of reach of scripts. The
# CSRF cookie stays readable (Django's default): HttpOnly would add nothing there, since the
# token is in every form anyway, and the admin's scripts read it.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True

# --- Operations (docs/deploy.md) --------------------------------------------------------------
# Persistent database connections (60 s unless CONN_MAX_AGE says otherwise); base.py turns on
# CONN_HEALTH_CHECKS, so a connection that died with a database restart is replaced, not used.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", 60)
