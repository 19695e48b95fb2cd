"""Crawl every public page of a Koonto site in Finnish and English from the API alone, render each
to HTML and count the API requests it took (`make headless-demo`, or `python -m examples.headless`).

The crawl starts from the two home pages and follows only links found in the API's data: the
menu, breadcrumbs, language links, the footer, links in rich text, section listings and the home
page's automatic content. A link that the page endpoint answers with 404 is not a page of the
tree (a tag, an organisation, the "not translated" notice) and is left out.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.parse
from pathlib import Path

from .client import Client, NotAPage, links
from .render import render

LANGUAGES = ("fi", "en")


def output_file(out: Path, path: str) -> Path:
    """`/fi/tapahtumat/hankeinfo/` → out/fi/tapahtumat/hankeinfo/index.html (a static site's layout)."""
    return out.joinpath(*[urllib.parse.unquote(part) for part in path.strip("/").split("/")], "index.html")


def crawl(base_url: str, out: Path | None, max_requests: int = 2) -> tuple[dict[str, int], list[str]]:
    """Render every page reachable from the home pages; returns requests per page and non-pages."""
    client = Client(base_url)
    queue = [f"/{language}/" for language in LANGUAGES]
    seen = set(queue)
    counts: dict[str, int] = {}
    skipped: list[str] = []
    while queue:
        path = queue.pop(0)
        try:
            data = client.page(path)
        except NotAPage:
            skipped.append(path)
            continue
        counts[path] = len(data.requests)
        if out is not None:
            target = output_file(out, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(data), encoding="utf-8")
        found = links(data.page) | links(data.components) | links(data.home) | links(data.listing)
        for link in sorted(found - seen):
            seen.add(link)
            queue.append(link)
    return counts, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="the running Koonto site")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out", help="where the HTML files go")
    parser.add_argument("--max-requests", type=int, default=2, help="the most API requests a page may need")
    args = parser.parse_args(argv)
    try:
        counts, skipped = crawl(args.base_url, args.out, args.max_requests)
    except urllib.error.HTTPError as error:
        print(f"The API answered {error.code} to {error.url}.", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Cannot reach {args.base_url} ({error}). Start the site first: `make run` in another terminal.", file=sys.stderr)
        return 2
    too_many = {path: count for path, count in counts.items() if count > args.max_requests}
    for path, count in sorted(counts.items()):
        print(f"{count} {'request ' if count == 1 else 'requests'}  {path}{'  TOO MANY' if path in too_many else ''}")
    print(f"{len(counts)} pages written to {args.out}; {len(skipped)} links were not pages: {', '.join(skipped) or 'none'}")
    if too_many:
        print(f"{len(too_many)} pages need more than {args.max_requests} API requests.", file=sys.stderr)
        return 1
    if not counts:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
