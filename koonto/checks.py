"""System checks of Koonto's own settings (`manage.py check --deploy`)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_NAMES = {"localhost", "localhost.localdomain", "testserver"}


def origin_problem(value: str) -> str | None:
    """Why `value` cannot be a deployment's public origin, or None when it can."""
    if not value.strip():
        return "KOONTO_PUBLIC_URL is not set"
    parts = urlsplit(value.strip())
    if parts.scheme != "https":
        return f"KOONTO_PUBLIC_URL ({value}) does not start with https://"
    host = (parts.hostname or "").lower()
    if not host:
        return f"KOONTO_PUBLIC_URL ({value}) has no host name"
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return f"KOONTO_PUBLIC_URL ({value}) names this machine ({host}), not a public host"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None and (address.is_loopback or address.is_unspecified):
        return f"KOONTO_PUBLIC_URL ({value}) is a loopback address"
    if parts.path.strip("/") or parts.query or parts.fragment:
        return f"KOONTO_PUBLIC_URL ({value}) must be an origin only (scheme and host), without a path"
    return None


@checks.register(checks.Tags.security, deploy=True)
def check_public_origin(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """A deployment must say where the public reaches it: every absolute URL (canonical links,
    hreflang, the sitemap, feeds, the API, e-mails) starts with KOONTO_PUBLIC_URL."""
    problem = origin_problem(getattr(settings, "KOONTO_PUBLIC_URL", ""))
    if problem is None:
        return []
    return [
        checks.Error(
            problem + ".",
            hint="Set KOONTO_PUBLIC_URL to the site's public https origin, e.g. https://koonto.fi (docs/deploy.md).",
            id="koonto.E001",
        )
    ]
