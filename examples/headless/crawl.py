"""Crawl every public page of a Koonto site in Finnish and English from the API alone, render each
to HTML and count the API requests it took (`make headless-demo`, or `python -m examples.headless`).

The crawl starts from the two home pages and follows only links found in the API's data and in
the pages it rendered from them: the menu, breadcrumbs, language links, the footer, links in rich
text, section lists (each page of results, each filter value of the listed pages, past events)
and the home page's automatic content. Each page is compared with the site's own HTML page at the
same address (compare.py); a difference, or a page that needs more than `--max-requests` API
requests, fails the run. A link that the page endpoint answers with 404 is not a page of the
tree (a tag, an organisation, the "not translated" notice) and is left out.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

from .client import Client, NotAPage, links
from .compare import differences
from .render import render

LANGUAGES = ("fi", "en")


def output_file(out: Path, address: str) -> Path:
    """`/fi/tapahtumat/hankeinfo/` → out/fi/tapahtumat/hankeinfo/index.html (a static site's layout);
    a list's `/fi/tapahtumat/?type=training` → out/fi/tapahtumat/type=training.html."""
    path, _, query = address.partition("?")
    name = f"{urllib.parse.unquote(query).replace('/', '_')}.html" if query else "index.html"
    return out.joinpath(*[urllib.parse.unquote(part) for part in path.strip("/").split("/")], name)


def site_page(base_url: str, address: str, timeout: float = 30) -> str:
    """The HTML page the site itself serves at `address` (to compare with ours; no API request)."""
    request = urllib.request.Request(base_url.rstrip("/") + address, headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read().decode("utf-8")


def sitemap_pages(base_url: str, timeout: float = 30) -> set[str]:
    """The paths of the pages the site's sitemap lists: to check that the crawl reached them all."""
    with urllib.request.urlopen(base_url.rstrip("/") + "/sitemap.xml", timeout=timeout) as response:
        tree = ElementTree.parse(response)
    locations = tree.iterfind(".//{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    return {urllib.parse.unquote(urllib.parse.urlsplit(loc.text.strip()).path) for loc in locations if loc.text}


def crawl(
    base_url: str, out: Path | None, origins: tuple[str, ...] = (), compare: bool = True
) -> tuple[dict[str, int], list[str], dict[str, list[str]]]:
    """Render every page reachable from the home pages, and compare each with the site's own.

    Returns the API requests per page address, the links that were not pages, and the differences
    per address (only addresses that differ). A list is crawled at every address its rendering
    links to: each page of results, each filter value of its pages, past events.
    """
    client = Client(base_url)
    origins = (base_url.rstrip("/"), *origins)
    queue = [f"/{language}/" for language in LANGUAGES]
    seen = set(queue)
    counts: dict[str, int] = {}
    skipped: list[str] = []
    differ: dict[str, list[str]] = {}
    while queue:
        address = queue.pop(0)
        try:
            data = client.page(address)
        except NotAPage:
            skipped.append(address)
            continue
        counts[address] = len(data.requests)
        html = render(data)
        if out is not None:
            target = output_file(out, address)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        if compare:
            found = differences(html, site_page(base_url, address), data.path, origins)
            if found:
                differ[address] = found
        found_links = links(data.page) | links(data.components) | links(data.home) | links(data.listing) | links(html)
        for link in sorted(found_links - seen):
            seen.add(link)
            queue.append(link)
    return counts, skipped, differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="the running Koonto site")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out", help="where the HTML files go")
    parser.add_argument("--max-requests", type=int, default=2, help="the most API requests a page may need")
    parser.add_argument("--no-compare", action="store_true", help="do not compare with the site's own HTML pages")
    parser.add_argument("--sitemap", action="store_true", help="fail if a page of the site's sitemap.xml was not reached")
    args = parser.parse_args(argv)
    try:
        counts, skipped, differ = crawl(args.base_url, args.out, compare=not args.no_compare)
    except urllib.error.HTTPError as error:
        print(f"The site answered {error.code} to {error.url}.", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Cannot reach {args.base_url} ({error}). Start the site first: `make run` in another terminal.", file=sys.stderr)
        return 2
    missed = sorted(sitemap_pages(args.base_url) - {urllib.parse.unquote(path) for path in counts}) if args.sitemap else []
    too_many = {path: count for path, count in counts.items() if count > args.max_requests}
    for path, count in sorted(counts.items()):
        notes = ("  TOO MANY" if path in too_many else "") + ("  DIFFERS" if path in differ else "")
        print(f"{count} {'request ' if count == 1 else 'requests'}  {path}{notes}")
    print(f"{len(counts)} pages written to {args.out}; {len(skipped)} links were not pages: {', '.join(skipped) or 'none'}")
    for path, found in sorted(differ.items()):
        print(f"{path} differs from the site's page:", *found, sep="\n  ", file=sys.stderr)
    if too_many:
        print(f"{len(too_many)} pages need more than {args.max_requests} API requests.", file=sys.stderr)
    if differ:
        print(f"{len(differ)} pages differ from the site's own in their main content.", file=sys.stderr)
    if missed:
        print(f"{len(missed)} pages of the sitemap were not reached from the API:", *missed, sep="\n  ", file=sys.stderr)
    return 1 if too_many or differ or missed or not counts else 0


if __name__ == "__main__":
    sys.exit(main())
