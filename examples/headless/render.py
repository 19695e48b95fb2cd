"""HTML for one page from the API data that client.py fetched: plain strings, every value escaped.

A reference for frontend developers, not a design: the markup is minimal, and the parts are the
ones the public site shows (header menu, language switcher, breadcrumbs, the page's own content
and blocks, a section's list, the home page's automatic content, the footer with the EU notice).
Rich text comes from the API as HTML that the site's editors wrote and Koonto sanitised; it is
inserted as it is.
"""

from __future__ import annotations

import urllib.parse
from html import escape

from .client import EVENT_INDEX, PAGE_SIZE, SHOWCASE_INDEX, PageData, page_number

LABELS = {
    "fi": {
        "menu": "Päävalikko",
        "languages": "Kielet",
        "breadcrumbs": "Murupolku",
        "home": "Etusivu",
        "in_finnish": "suomeksi",
        "pages": "Sivut",
        "past": "Menneet tapahtumat",
        "upcoming": "Tulevat tapahtumat",
        "count": "Tuloksia",
    },
    "en": {
        "menu": "Main menu",
        "languages": "Languages",
        "breadcrumbs": "Breadcrumbs",
        "home": "Home",
        "in_finnish": "in Finnish",
        "pages": "Pages",
        "past": "Past events",
        "upcoming": "Upcoming events",
        "count": "Results",
    },
}


def local(url: str) -> str:
    """A link to the site as a path, so that the written files link to each other's addresses."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("http", "https") and parts.path.startswith(("/fi/", "/en/")):
        return parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return url


def a(url: str, text: str, **attributes) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items() if value)
    return f'<a href="{escape(local(url))}"{extra}>{escape(text)}</a>'


def time(value: str | None) -> str:
    """A date or time as the API gives it (ISO 8601); the readable form is the frontend's choice."""
    return f'<time datetime="{escape(value)}">{escape(value.replace("T", " ")[:16])}</time>' if value else ""


def img(source: dict, alt: str) -> str:
    """An image with its size (no layout shift) and its alternative text ("" when decorative)."""
    return f'<img src="{escape(source["url"])}" width="{source["width"]}" height="{source["height"]}" alt="{escape(alt)}">'


def picture(image: dict | None, size: str = "medium") -> str:
    if not image:
        return ""
    return img(image[size], "" if image.get("decorative") else image.get("alt", ""))


# --- blocks ---------------------------------------------------------------------------------------


def block(item: dict) -> str:
    kind, value = item["type"], item["value"]
    if kind == "heading":
        level = value["level"]
        return f'<{level} id="{escape(value["anchor"])}">{escape(value["text"])}</{level}>'
    if kind == "paragraph":
        return f'<div class="rich-text">{value["html"]}</div>'
    if kind == "image":
        caption = " ".join(escape(part) for part in (value["caption"], value["credit"]) if part)
        return f"<figure>{picture(value['image'])}{f'<figcaption>{caption}</figcaption>' if caption else ''}</figure>"
    if kind == "document":
        document = value["document"]
        if not document:
            return ""
        size = f", {document['file_size'] // 1024} kB" if document.get("file_size") else ""
        return f"<p>{a(document['url'], document['title'])} ({escape(document['file_type'].upper())}{size})</p>"
    if kind == "quote":
        cite = f"<footer>{escape(value['attribution'])}</footer>" if value["attribution"] else ""
        return f"<blockquote><p>{escape(value['text'])}</p>{cite}</blockquote>"
    if kind == "callout":
        title = f"<p><strong>{escape(value['title'])}</strong></p>" if value["title"] else ""
        text = f'<div class="rich-text">{value["html"]}</div>'
        return f'<aside class="callout callout--{escape(value["variant"])}">{title}{text}</aside>'
    if kind == "steps":
        steps = "".join(
            f"<li><h3>{escape(step['title'])}</h3>{step['html']}"
            + (f"<p>{a(step['link']['url'], step['link']['text'])}</p>" if step["link"] else "")
            + "</li>"
            for step in value
        )
        return f"<ol>{steps}</ol>"
    if kind == "checklist":
        items = "".join(f"<li>{escape(text)}</li>" for text in value["items"])
        return f"<section><h3>{escape(value['title'])}</h3><ul>{items}</ul></section>"
    if kind == "faq":
        return "".join(f"<details><summary>{escape(q['question'])}</summary>{q['html']}</details>" for q in value)
    if kind == "video":
        return f"<p>{a(value['url'], value['title'] or value['url'])}</p>"
    if kind == "table":
        head = "".join(f"<th>{escape(cell)}</th>" for cell in value["columns"])
        rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in value["rows"])
        caption = f"<caption>{escape(value['caption'])}</caption>" if value["caption"] else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    return ""  # a block type this client does not know yet


# --- the page's own content -----------------------------------------------------------------------


def facts(page: dict) -> str:
    """Dates and the like of events and calls, as the HTML pages give them in <time> elements."""
    rows = []
    if "starts_at" in page:
        end = f"–{time(page['ends_at'])}" if page.get("ends_at") else ""
        rows.append(f"<dt>🕑</dt><dd>{time(page['starts_at'])}{end}</dd>")
        if page.get("venue"):
            rows.append(f"<dt>📍</dt><dd>{escape(page['venue'])}</dd>")
    if "closes_at" in page:
        if page.get("opens_at"):
            rows.append(f"<dt>→</dt><dd>{time(page['opens_at'])}</dd>")
        rows.append(f"<dt>⏰</dt><dd>{time(page['closes_at'])}</dd>")
        rows.append(f"<dt>●</dt><dd>{escape(page['status']['label'])}</dd>")
    return f'<dl class="facts">{"".join(rows)}</dl>' if rows else ""


def card(item: dict, labels: dict, filters: str = "") -> str:
    """One page in a list: a listing of events, a section's pages, the home page's content.

    An event or call not yet translated is listed in Finnish on another language's page: its
    title is marked with its language and a note says so (as on the site).
    """
    url = item.get("url") or item.get("meta", {}).get("html_url", "")
    language = item.get("locale") or item.get("meta", {}).get("locale") or labels["language"]
    note = f" <span>({labels['in_finnish']})</span>" if language != labels["language"] else ""
    title = a(url, item["title"], lang=language if note else "")
    when = time(item.get("starts_at")) or time(item.get("closes_at"))
    summary = f"<p>{escape(item['summary'])}</p>" if item.get("summary") else ""
    return f"<li><h3>{title}{note}</h3>{when}{summary}{filters}</li>"


def address(path: str, query: dict[str, str]) -> str:
    """A list's address with its filters (the same names and values as the HTML list's)."""
    query = {name: value for name, value in query.items() if value and not (name == "page" and value == "1")}
    return path + (f"?{urllib.parse.urlencode(query)}" if query else "")


def filter_links(data: PageData, item: dict) -> str:
    """Links from a listed page to the list filtered by its values (its type, month, municipality;
    a project's municipalities, themes, target groups and period), as a frontend's filter chips."""
    kept = {"when": data.query["when"]} if data.query.get("when") else {}
    chips: list[tuple[str, str, str]] = []
    if data.page["meta"]["type"] == EVENT_INDEX:
        chips.append(("type", item["event_type"]["value"], item["event_type"]["label"]))
        chips.append(("month", item["starts_at"][:7], item["starts_at"][:7]))
        if item.get("municipality"):
            chips.append(("municipality", item["municipality"]["code"], item["municipality"]["name"]))
    elif data.page["meta"]["type"] == SHOWCASE_INDEX:
        chips += [
            ("municipality", row["municipality"]["code"], row["municipality"]["name"])
            for row in item.get("municipalities", [])
            if row.get("municipality")
        ]
        chips += [("theme", row["theme"]["slug"], row["theme"]["name"]) for row in item.get("themes", []) if row.get("theme")]
        chips += [
            ("group", row["group"]["value"], row["group"]["label"]) for row in item.get("target_groups", []) if row.get("group")
        ]
        if item.get("programme_period"):
            chips.append(("period", item["programme_period"]["value"], item["programme_period"]["label"]))
    links = "".join(f"<li>{a(address(data.path, {**kept, name: value}), label)}</li>" for name, value, label in chips)
    return f'<ul class="filters">{links}</ul>' if links else ""


def listing(data: PageData, labels: dict) -> str:
    """A section's list: one page of it (filtered as the address says), with links to its other pages."""
    if data.page["meta"]["type"] not in (EVENT_INDEX, SHOWCASE_INDEX):
        return f'<ul class="listing">{"".join(card(item, labels) for item in data.listing)}</ul>' if data.listing else ""
    parts = [f'<p class="result-count">{labels["count"]}: {data.count}</p>']
    parts.append(f'<ul class="listing">{"".join(card(item, labels, filter_links(data, item)) for item in data.listing)}</ul>')
    pages = -(-data.count // PAGE_SIZE)
    if pages > 1:
        current = page_number(data.query)
        numbers = "".join(
            "<li>"
            + a(address(data.path, {**data.query, "page": str(number)}), str(number), aria_current="page" * (number == current))
            + "</li>"
            for number in range(1, pages + 1)
        )
        parts.append(f'<nav aria-label="{labels["pages"]}"><ol>{numbers}</ol></nav>')
    if data.page["meta"]["type"] == EVENT_INDEX:
        other = {} if data.query.get("when") == "past" else {"when": "past"}
        parts.append(f"<p>{a(address(data.path, other), labels['upcoming'] if not other else labels['past'])}</p>")
    return "".join(parts)


def home_content(home: dict, labels: dict) -> str:
    parts = []
    call = home.get("next_call") or home.get("latest_closed_call")
    if call:
        parts.append(f'<section class="call"><ul>{card(call, labels)}</ul></section>')
    for key in ("upcoming_events", "newest_showcases"):
        if home.get(key):
            parts.append(f'<section class="{key}"><ul>{"".join(card(item, labels) for item in home[key])}</ul></section>')
    return "".join(parts)


def main(data: PageData, labels: dict) -> str:
    page = data.page
    parts = [f"<h1>{escape(page['title'])}</h1>"]
    if page.get("summary"):
        parts.append(f'<p class="lead">{escape(page["summary"])}</p>')
    if page.get("intro"):
        parts.append(f'<div class="rich-text">{page["intro"]}</div>')
    parts.append(facts(page))
    body = page.get("body")
    if isinstance(body, list):
        parts.append(f'<div class="stream">{"".join(block(item) for item in body)}</div>')
    elif isinstance(body, str):
        parts.append(f'<div class="rich-text">{body}</div>')
    parts.append(listing(data, labels))
    if data.home:
        parts.append(home_content(data.home, labels))
    return f'<main id="main">{"".join(part for part in parts if part)}</main>'


# --- the chrome: header, breadcrumbs, footer -------------------------------------------------------


def header(components: dict, labels: dict) -> str:
    site = components["site"]["data"]
    menu = "".join(
        f"<li>{a(item['url'], item['title'], aria_current='page' if item['current'] == 'page' else '')}</li>"
        for item in components["navigation"]["items"]
    )
    languages = "".join(
        f"<li>{a(link['url'], link['name'], lang=link['language'], aria_current='true' if link['current'] else '')}</li>"
        for link in components["translations"]["items"]
    )
    return (
        f"<header><p>{escape(site['name'])}</p>"
        f'<nav aria-label="{labels["menu"]}"><ul>{menu}</ul></nav>'
        f'<nav aria-label="{labels["languages"]}"><ul>{languages}</ul></nav></header>'
    )


def breadcrumbs(components: dict, labels: dict) -> str:
    items = components["breadcrumbs"]["items"]
    if not items:
        return ""
    last = len(items) - 1
    crumbs = "".join(
        f"<li>{a(item['url'], item['title'], aria_current='page' if i == last else '')}</li>" for i, item in enumerate(items)
    )
    return f'<nav aria-label="{labels["breadcrumbs"]}"><ol>{crumbs}</ol></nav>'


def footer(components: dict) -> str:
    site = components["site"]["data"]
    notice = site["eu_notice"]
    emblem = notice["emblem"]
    parts = [
        img(emblem, emblem["alt"]),
        f"<p><strong>{escape(notice['statement']['label'])}</strong> {escape(notice.get('programme') or '')}</p>",
    ]
    parts += [f"<p>{escape(text)}</p>" for text in site.get("implementers", [])]
    for contact in site.get("contacts", []):
        details = ", ".join(escape(contact[key]) for key in ("role", "organisation", "email", "phone") if contact.get(key))
        parts.append(f"<p>{escape(contact['name'])}: {details}</p>")
    for key in ("accessibility_statement", "accessibility_feedback", "privacy_notice"):
        if site.get(key):
            parts.append(f"<p>{a(site[key]['url'], site[key]['label'])}</p>")
    parts += [f"<p>{a(link['url'], link['label'])}</p>" for link in site.get("social_links", [])]
    return f"<footer>{''.join(parts)}</footer>"


def render(data: PageData) -> str:
    """The whole HTML document of a page."""
    language = data.page["meta"]["locale"]
    labels = {**LABELS.get(language, LABELS["en"]), "language": language}
    title = escape(data.page["title"])
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"{header(data.components, labels)}{breadcrumbs(data.components, labels)}{main(data, labels)}{footer(data.components)}"
        "</body></html>\n"
    )
