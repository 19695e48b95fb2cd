"""The one public origin that every absolute URL starts with (setting `KOONTO_PUBLIC_URL`).

HTML, the API, feeds, the sitemap and e-mails build absolute URLs here, never from the request's
host, the Wagtail Site record or `WAGTAILADMIN_BASE_URL` (docs/deploy.md).
"""

from django.conf import settings


def public_origin() -> str:
    """Scheme and host (and port), without a trailing slash: `https://koonto.fi`."""
    return settings.KOONTO_PUBLIC_URL.rstrip("/")


def absolute_url(path_or_url: str) -> str:
    """A path (`/fi/tapahtumat/`) on the public origin; an absolute URL is returned unchanged."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return f"{public_origin()}/{path_or_url.lstrip('/')}"


def page_url(page) -> str:
    """A page's public address on the public origin (`page.full_url` takes the Wagtail Site's
    host name instead, which is `localhost` on many installations)."""
    _site_id, _root_url, path = page.get_url_parts()
    return absolute_url(path)
