"""Compare a page this client rendered with the HTML page the site serves at the same address.

The main content must agree: the same `<h1>`; every heading, date (`<time datetime>`), image
alternative text and link of ours is on the site's page too; and every page the site's list shows
(the links of its cards, `.card__title`) is in ours, so a list that misses pages (a cap, a wrong
filter, a wrong page of results) is a difference. Soft hyphens (U+00AD, which the site may insert
into long words) are presentation and ignored, as are links to the page itself (a list's filters
and pages) and which host a link names (the site's own origins count as the same).
"""

from __future__ import annotations

import urllib.parse
from html.parser import HTMLParser

SOFT_HYPHEN = "\u00ad"


def plain(text: str) -> str:
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


class MainContent(HTMLParser):
    """In <main>: the h1, the other headings, <time> values, images' alt texts and the cards'
    links; in the whole document, where links go (as paths on the site)."""

    def __init__(self, origins: tuple[str, ...]):
        super().__init__(convert_charrefs=True)
        self.origins = origins
        self.depth = 0
        self.h1, self.headings, self.times, self.alts, self.links, self.cards = "", set(), set(), set(), set(), set()
        self.heading: list[str] | None = None
        self.in_card_title: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add(self.local(attrs["href"]))
            if self.depth and self.in_card_title:
                self.cards.add(self.local(attrs["href"]))
        if tag == "main":
            self.depth += 1
        if not self.depth:
            return
        if "card__title" in (attrs.get("class") or "").split():
            self.in_card_title = tag
        if tag in ("h1", "h2", "h3", "h4"):
            self.heading = [tag, ""]
        elif tag == "time" and attrs.get("datetime"):
            self.times.add(attrs["datetime"])
        elif tag == "img" and attrs.get("alt"):
            self.alts.add(plain(attrs["alt"]))

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        if tag == self.in_card_title:
            self.in_card_title = None
        if self.heading and tag == self.heading[0]:
            text = plain(self.heading[1])
            if tag == "h1":
                self.h1 = text
            else:
                self.headings.add(text)
            self.heading = None

    def handle_data(self, data):
        if self.heading:
            self.heading[1] += data

    def local(self, href: str) -> str:
        """A link on the site as its path (without the query: a list's filters, a card's `?from=`)."""
        parts = urllib.parse.urlsplit(href)
        if not parts.scheme or any(href.startswith(origin) for origin in self.origins):
            return urllib.parse.unquote(parts.path) or href
        return href


def parsed(html: str, origins: tuple[str, ...]) -> MainContent:
    parser = MainContent(origins)
    parser.feed(html)
    return parser


def differences(ours: str, theirs: str, path: str, origins: tuple[str, ...]) -> list[str]:
    """What differs between our page and the site's at `path`; empty when the main content agrees."""
    mine, site = parsed(ours, origins), parsed(theirs, origins)
    found = []
    if mine.h1 != site.h1:
        found.append(f"title: ours {mine.h1!r}, the site's {site.h1!r}")
    for name in ("headings", "times", "alts"):
        extra = getattr(mine, name) - getattr(site, name)
        if extra:
            found.append(f"{name} not on the site's page: {sorted(extra)}")
    extra_links = mine.links - site.links - {path}
    if extra_links:
        found.append(f"links not on the site's page: {sorted(extra_links)}")
    missing = site.cards - mine.links
    if missing:
        found.append(f"pages the site's list shows and ours does not: {sorted(missing)}")
    return found
