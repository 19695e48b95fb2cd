"""A headless client of Koonto's API v3: fetches what one public page shows, counting requests.

It speaks HTTP only (the standard library's urllib.request) and imports nothing from the project:
a frontend in any language can do the same. Every page needs at most two requests:

1. `GET /api/v3/koonto/page/?path=<path>&expand=navigation,breadcrumbs,translations,site,home`
   gives the page with its menu, breadcrumbs, language links and footer (and on a home page its
   automatic content: the next call, the upcoming events, the newest showcases);
2. only on a section page that lists its pages, one listing: the events of the language
   (`/api/v3/koonto/events/`) or the section's pages (`/api/v2/pages/?child_of=<id>`).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

# `home` is answered only by a home page (its automatic content); other pages leave it out.
EXPAND = "navigation,breadcrumbs,translations,site,home"
LISTING_LIMIT = 50  # the API's largest page of results

# Section pages whose HTML page lists their pages, and how the client asks for that list.
EVENT_INDEX = "events.EventIndexPage"
CHILD_LISTINGS = {"guides.GuideIndexPage", "showcase.ShowcaseIndexPage"}


class NotAPage(Exception):
    """The API has no public page at that path (404): a tag, an organisation, an untranslated page."""


@dataclass
class PageData:
    """Everything one page shows, and the API requests it took."""

    path: str
    page: dict
    components: dict
    home: dict | None = None
    listing: list[dict] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


class Client:
    def __init__(self, base_url: str, timeout: float = 30):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.requests: list[str] = []  # every URL asked for, in order

    def get(self, endpoint: str, **params) -> dict:
        """GET an API endpoint with query parameters, as JSON; NotAPage on a 404."""
        url = f"{self.base_url}{endpoint}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        self.requests.append(url)
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise NotAPage(url) from error
            raise

    def page(self, path: str) -> PageData:
        """The page at a public path (`/fi/…`, `/en/…`) with everything its screen shows."""
        first = len(self.requests)
        data = self.get("/api/v3/koonto/page/", path=path, expand=EXPAND)
        page = data["page"]
        kind, language = page["meta"]["type"], page["meta"]["locale"]
        listing = []
        if kind == EVENT_INDEX:
            listing = self.get("/api/v3/koonto/events/", locale=language, limit=LISTING_LIMIT)["items"]
        elif kind in CHILD_LISTINGS:
            listing = self.get("/api/v2/pages/", child_of=page["id"], limit=LISTING_LIMIT)["items"]
        home = (data.get("home") or {}).get("data")  # only a home page has automatic content
        return PageData(path, page, data["components"], home, listing, self.requests[first:])


# --- links to follow ------------------------------------------------------------------------------

HREF = re.compile(r"""href=["']([^"']+)["']""")
NOT_PAGES = ("/api/", "/media/", "/static/", "/documents/", "/admin/")


def page_path(url: str) -> str | None:
    """The path of a link to a public page of the site (`/fi/…`, `/en/…`), else None."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("", "http", "https"):
        return None  # mailto:, tel:
    path = parts.path
    if not re.match(r"^/(fi|en)/", path) or any(path.startswith(prefix) for prefix in NOT_PAGES):
        return None
    if re.search(r"\.\w+$", path):
        return None  # a file (calendar .ics, feed .rss)
    return path if path.endswith("/") else path + "/"


def links(value) -> set[str]:
    """Every public page path in API data: `url` fields and links inside rich text."""
    if isinstance(value, dict):
        return set().union(*(links_of(key, item) for key, item in value.items()))
    if isinstance(value, list):
        return set().union(*(links(item) for item in value))
    if isinstance(value, str) and "href=" in value:
        return {path for path in map(page_path, HREF.findall(value)) if path}
    return set()


def links_of(key: str, value) -> set[str]:
    if key in ("url", "html_url") and isinstance(value, str):
        path = page_path(value)
        return {path} if path else set()
    if key in ("href", "detail_url"):
        return set()  # API addresses
    return links(value)
