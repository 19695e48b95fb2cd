"""The one public origin that every absolute URL starts with (setting `KOONTO_PUBLIC_URL`).

HTML, the API, feeds, the sitemap and e-mails build absolute URLs here, never from the request's
host, the Wagtail Site record or `WAGTAILADMIN_BASE_URL` (docs/deploy.md). Wagtail's own URL
building reads the Site record (`page.full_url`, API v3's `html_url`) and `WAGTAILAPI_BASE_URL`
(API `detail_url`, `download_url`, the `find/` redirect): the settings set the latter to the
origin, and `sync_site()` (run by `setup_editorial` and `load_demo`) makes the default Site
record follow it, so that Wagtail and Koonto agree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_origin() -> str:
    """Scheme and host (and port), without a trailing slash: `https://koonto.fi`."""
    return settings.KOONTO_PUBLIC_URL.rstrip("/")


def admin_url(path: str) -> str:
    """An admin path (`/admin/pages/3/edit/`) on the admin's address in e-mails,
    `WAGTAILADMIN_BASE_URL` (the public origin unless the admin is served elsewhere)."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{path.lstrip('/')}"


def absolute_url(path_or_url: str) -> str:
    """A path (`/fi/tapahtumat/`) on the public origin; an absolute URL is returned unchanged."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return f"{public_origin()}/{path_or_url.lstrip('/')}"


def page_url(page, request=None) -> str:
    """A page's public URL on the public origin (its language prefix included), or "" if it has none.

    Wagtail's `get_full_url()` would prefix the Site record's `root_url`; only the path is taken
    from Wagtail here, so a Site record that still says `localhost` cannot leak into a URL.
    """
    parts = page.get_url_parts(request=request)
    if parts is None:
        return ""
    _site_id, _root_url, path = parts
    return absolute_url(path) if path else ""


def site_address(origin: str | None = None) -> tuple[str, int]:
    """The (hostname, port) a Wagtail Site record needs for its `root_url` to be the origin."""
    parts = urlsplit(origin or public_origin())
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def sync_site() -> str | None:
    """Make the default Site record's hostname and port follow the origin; say what changed, else None.

    Wagtail builds `root_url` from them (port 443 means https, 80 http, any other http with the
    port), so an https origin on another port cannot be expressed there (docs/deploy.md).
    """
    from wagtail.models import Site  # the app registry is ready whenever this runs

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return f"Site record {site.site_name or site.pk}: {hostname}:{port} ({site.root_url})"
