"""gzip for the API's JSON, the feeds and the sitemap, in Django, so that it works without a proxy.

Django's GZipMiddleware, narrowed to content types that carry no secret: API JSON
(problems too), RSS, iCalendar and the sitemap. HTML pages are left to the proxy, because
they carry the CSRF token and a compressed secret beside reflected input is what BREACH
reads; the API carries neither tokens nor session data (docs/security.md), and Django pads
each compressed body with random bytes besides.

It sits above ConditionalGetMiddleware and the page cache (koonto/settings/base.py): the
ETag is computed from the uncompressed body (and made weak here, which If-None-Match
compares weakly), and the page cache stores one uncompressed copy that each hit is
compressed from for the clients that accept gzip (`Vary: Accept-Encoding`).
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = (
    "application/json",
    "application/problem+json",
    "application/rss+xml",
    "application/xml",
    "text/calendar",
)


class FeedAndAPICompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
