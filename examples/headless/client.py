"""A headless client of Koonto's API v3: fetches what one public page shows, counting requests.

It speaks HTTP only (the standard library's urllib.request) and imports nothing from the project:
a frontend in any language can do the same. Every page needs at most two requests:

1. `GET /api/v3/koonto/page/?path=<path>&expand=navigation,breadcrumbs,translations,site,home`
   gives the page with its menu, breadcrumbs, language links and footer (and on a home page its
   automatic content: the next call, the upcoming events, the newest showcases);
2. only on a section page that lists its pages, one page of that list, exactly as the HTML page
   at the same address lists it (its `?type=…&month=…&page=2` filters and page become the API's
   parameters, 12 to a page): the events (`/api/v3/koonto/events/`), the showcases
   (`/api/v2/pages/?type=showcase.ShowcasePage&child_of=<id>`) or a guide section's pages
   (`/api/v2/pages/?child_of=<id>`: every page, in pages of 50 results, so a section of more than
   50 pages takes more requests, and the crawl says so).
"""

from __future__ import annotations

import calendar
import html
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

# `home` is answered only by a home page (its automatic content); other pages leave it out.
EXPAND = "navigation,breadcrumbs,translations,site,home"
API_LIMIT = 50  # the API's largest page of results
PAGE_SIZE = 12  # the HTML lists' page size: a list's `?page=N` is the same page of results

# Section pages whose HTML page lists their pages, and the filters of their HTML lists.
EVENT_INDEX = "events.EventIndexPage"
SHOWCASE_INDEX = "showcase.ShowcaseIndexPage"
CHILD_LISTINGS = {"guides.GuideIndexPage"}
FILTERS = {
    EVENT_INDEX: ("when", "type", "month", "municipality", "page"),
    SHOWCASE_INDEX: ("municipality", "theme", "group", "period", "page"),
}
SHOWCASE_FIELDS = "summary,listing_image,programme_period,municipalities,themes,target_groups"


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
    query: dict[str, str] = field(default_factory=dict)  # the list's filters and page, as in the HTML's address
    count: int = 0  # how many pages the (filtered) list has in all


def list_query(kind: str, query: str) -> dict[str, str]:
    """The filters and page number of a list's address that this list knows, in a fixed order."""
    values = dict(urllib.parse.parse_qsl(query))
    return {name: values[name] for name in FILTERS.get(kind, ()) if values.get(name)}


def page_number(query: dict[str, str]) -> int:
    return int(query["page"]) if query.get("page", "").isdigit() and int(query["page"]) > 0 else 1


def month_range(month: str) -> tuple[str, str]:
    """`2030-03` → the first and last day of that month (the API reads dates in Finnish time)."""
    year, number = (int(part) for part in month.split("-"))
    last = calendar.monthrange(year, number)[1]
    return f"{year:04d}-{number:02d}-01", f"{year:04d}-{number:02d}-{last:02d}"


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

    def page(self, address: str) -> PageData:
        """The page at a public address (`/fi/…`, `/en/…`, a list's with its `?filters`) with
        everything its screen shows."""
        first = len(self.requests)
        path, _, query_string = address.partition("?")
        data = self.get("/api/v3/koonto/page/", path=path, expand=EXPAND)
        page = data["page"]
        kind, language = page["meta"]["type"], page["meta"]["locale"]
        query = list_query(kind, query_string)
        listing, count = [], 0
        if kind == EVENT_INDEX:
            listing, count = self.events(language, query)
        elif kind == SHOWCASE_INDEX:
            listing, count = self.showcases(page["id"], query)
        elif kind in CHILD_LISTINGS:
            listing = self.children(page["id"])
            count = len(listing)
        home = (data.get("home") or {}).get("data")  # only a home page has automatic content
        return PageData(path, page, data["components"], home, listing, self.requests[first:], query, count)

    def events(self, language: str, query: dict[str, str]) -> tuple[list[dict], int]:
        """One page of the event list as the HTML gives it: upcoming (or past) events of every
        language for readers of this one, filtered by type, month and municipality."""
        params = {"locale": language, "limit": PAGE_SIZE, "offset": (page_number(query) - 1) * PAGE_SIZE}
        if query.get("when") == "past":
            params.update(past="true", order="-starts_at")
        else:
            params["upcoming"] = "true"
        for name in ("type", "municipality"):
            if name in query:
                params[name] = query[name]
        if "month" in query:
            params["starts_after"], params["starts_before"] = month_range(query["month"])
        answer = self.get("/api/v3/koonto/events/", **params)
        return answer["items"], answer["count"]

    def showcases(self, index_id: int, query: dict[str, str]) -> tuple[list[dict], int]:
        """One page of a showcase list as the HTML gives it: newest first, filtered."""
        params = {
            "type": "showcase.ShowcasePage",
            "child_of": index_id,
            "fields": SHOWCASE_FIELDS,
            "order": "-first_published_at",
            "limit": PAGE_SIZE,
            "offset": (page_number(query) - 1) * PAGE_SIZE,
        }
        for name, parameter in (
            ("municipality", "municipality"),
            ("theme", "theme"),
            ("group", "group"),
            ("period", "programme_period"),
        ):
            if name in query:
                params[parameter] = query[name]
        answer = self.get("/api/v2/pages/", **params)
        return answer["items"], answer["meta"]["total_count"]

    def children(self, index_id: int) -> list[dict]:
        """Every page of a section, however many: the API's pages of results one after another."""
        items: list[dict] = []
        while True:
            answer = self.get("/api/v2/pages/", child_of=index_id, limit=API_LIMIT, offset=len(items))
            items += answer["items"]
            if not answer["items"] or len(items) >= answer["meta"]["total_count"]:
                return items


# --- links to follow ------------------------------------------------------------------------------

HREF = re.compile(r"""href=["']([^"']+)["']""")
NOT_PAGES = ("/api/", "/media/", "/static/", "/documents/", "/admin/")


def page_path(url: str) -> str | None:
    """The address of a link to a public page of the site (`/fi/…`, `/en/…`, a list's with its
    query), else None."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("", "http", "https"):
        return None  # mailto:, tel:
    path = parts.path
    if not re.match(r"^/(fi|en)/", path) or any(path.startswith(prefix) for prefix in NOT_PAGES):
        return None
    if re.search(r"\.\w+$", path):
        return None  # a file (calendar .ics, feed .rss)
    path = path if path.endswith("/") else path + "/"
    return f"{path}?{parts.query}" if parts.query else path  # a list's filters and page of results


def links(value) -> set[str]:
    """Every public page path in API data: `url` fields and links inside rich text."""
    if isinstance(value, dict):
        return set().union(*(links_of(key, item) for key, item in value.items()))
    if isinstance(value, list):
        return set().union(*(links(item) for item in value))
    if isinstance(value, str) and "href=" in value:
        return {path for path in (page_path(html.unescape(href)) for href in HREF.findall(value)) if path}
    return set()


def links_of(key: str, value) -> set[str]:
    if key in ("url", "html_url") and isinstance(value, str):
        path = page_path(value)
        return {path} if path else set()
    if key in ("href", "detail_url"):
        return set()  # API addresses
    return links(value)
