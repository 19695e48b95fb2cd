"""Search benchmark (not a test): indexing throughput and query latency on SQLite and PostgreSQL.

    .venv/bin/python -m bench.search --pages 10000          # both databases (make bench-search)
    .venv/bin/python -m bench.search --pages 2000 --only sqlite

For each database it builds a scratch site (SQLite file /tmp/koonto_bench_search.sqlite3,
PostgreSQL database `koonto_bench_search`, both recreated) with `--pages` Finnish pages whose
titles, summaries and bodies are sentences of the demo content (demo/content/) in random
order: realistic Finnish vocabulary and inflection. It then times

- indexing: `update_index` over every page (pages per second, normalisation included);
- searching: each query of tests/search/demo_queries.py plus multi-word ones, through
  `search.engine.run_search` (match, rank, facets) and the first result page's snippets;
  p50 and p95 over `--rounds` rounds.

Each database runs in its own process (Django's settings are per process). Results go to
bench/results/search.md and .json, with the machine and the command.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASES = {
    "sqlite": "sqlite:////tmp/koonto_bench_search.sqlite3",
    "postgresql": "postgres://postgres@127.0.0.1:5432/koonto_bench_search",
}
EXTRA_QUERIES = ["yhdistysten hankkeet", "koulutus nuorille", "rahoitushaku yhdistyksille", "työpaja Kuopiossa", "hanke"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=sorted(DATABASES))
    parser.add_argument("--worker", choices=sorted(DATABASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.worker, args.pages, args.rounds)))
        return
    results = {}
    for name in [args.only] if args.only else list(DATABASES):
        env = {
            **os.environ,
            "DATABASE_URL": DATABASES[name],
            "DJANGO_SETTINGS_MODULE": "koonto.settings.test",
            "LOG_LEVEL": "WARNING",
            "KOONTO_LEMMATISER_LOW_MEMORY": "1",  # as in production (the test settings use the full ones)
        }
        command = [
            sys.executable,
            "-m",
            "bench.search",
            "--worker",
            name,
            "--pages",
            str(args.pages),
            "--rounds",
            str(args.rounds),
        ]
        print(f"{name}: building {args.pages} pages and measuring…", file=sys.stderr)
        output = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, text=True).stdout
        results[name] = json.loads(output.strip().splitlines()[-1])
    write_report(results, args)


# --- One database, in its own process ----------------------------------------------------------


def measure(name: str, pages: int, rounds: int) -> dict:
    recreate_database(name)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    locale, built_seconds = build_site(pages)
    from koonto.normalise import normalise_text

    normalise_text("yhdistyksille", "fi")  # load the dictionary (seconds, once per process) before timing
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    index_seconds = time.perf_counter() - started
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum would after a bulk load: fresh planner statistics
            cursor.execute("ANALYZE")
    return {
        "pages": pages,
        "build_seconds": round(built_seconds, 1),
        "index_seconds": round(index_seconds, 1),
        "index_pages_per_second": round(pages / index_seconds, 1),
        **time_queries(locale, rounds),
    }


def recreate_database(name: str) -> None:
    if name == "sqlite":
        Path(DATABASES["sqlite"].removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS koonto_bench_search")
        connection.execute("CREATE DATABASE koonto_bench_search")


def demo_sentences() -> list[str]:
    """Every sentence of the demo content, without markup."""
    from demo.data import load

    texts = load().texts()
    plain = re.sub(r"<[^>]+>", " ", " ".join(texts))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", plain) if len(s.split()) >= 4]


def build_site(count: int):
    """A Finnish home with three sections and `count` live pages, not indexed yet (timed apart)."""
    from django.db.models.signals import post_save
    from django.utils import timezone
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Locale, Page

    from events.models import EventIndexPage, EventPage
    from guides.models import GuideIndexPage, GuidePage
    from home.models import HomePage
    from showcase.models import ShowcaseIndexPage, ShowcasePage

    for model in search_index.get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
    started = time.perf_counter()
    rng = random.Random(7)
    sentences = demo_sentences()
    title_words = sorted({w for s in sentences for w in re.findall(r"[^\W\d_]{5,}", s)})
    locale = Locale.objects.get(language_code="fi")
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Koonto", slug="bench-koonto", locale=locale))
    sections = [
        (home.add_child(instance=GuideIndexPage(title="Oppaat", slug="oppaat")), GuidePage),
        (home.add_child(instance=ShowcaseIndexPage(title="Hankkeet", slug="hankkeet")), ShowcasePage),
        (home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat")), EventPage),
    ]

    for number in range(count):
        parent, model = sections[number % 3]
        fields = {
            "title": " ".join(rng.sample(title_words, rng.randint(2, 5))).capitalize(),
            "slug": f"sivu-{number}",
            "summary": " ".join(rng.sample(sentences, 2))[:400],
            "body": [("paragraph", f"<p>{' '.join(rng.sample(sentences, rng.randint(4, 10)))}</p>")],
        }
        if model is EventPage:
            fields["starts_at"] = timezone.now()
        parent.add_child(instance=model(**fields))
    return locale, time.perf_counter() - started


def time_queries(locale, rounds: int) -> dict:
    from wagtail.models import Page

    from search.engine import run_search
    from search.excerpts import snippet
    from tests.search.demo_queries import FINNISH_QUERIES

    queries = [query for query, _title, _why in FINNISH_QUERIES] + EXTRA_QUERIES
    samples, hits = [], []
    for _round in range(rounds):
        for query in queries:
            started = time.perf_counter()
            outcome = run_search(query, locale)
            first_page = Page.objects.filter(pk__in=[hit.pk for hit in outcome.hits[:10]]).specific()
            for page in first_page:
                snippet(page, outcome.terms, "fi")
            samples.append((time.perf_counter() - started) * 1000)
            hits.append(len(outcome.hits))
    samples.sort()
    return {
        "queries": len(queries),
        "searches": len(samples),
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
        "max_ms": round(samples[-1], 1),
        "median_hits": statistics.median(hits),
        "max_hits": max(hits),
    }


# --- Report -----------------------------------------------------------------------------------------


def write_report(results: dict, args) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.only and (RESULTS / "search.json").exists():  # keep the other database's last numbers
        results = {**json.loads((RESULTS / "search.json").read_text())["results"], **results}
    command = "python -m bench.search " + " ".join(arg for arg in sys.argv[1:])
    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average": os.getloadavg(),
        "command": command.strip(),
    }
    (RESULTS / "search.json").write_text(json.dumps({**meta, "results": results}, indent=2) + "\n")
    lines = [
        "# Search benchmark",
        "",
        f"`{meta['command']}` on {meta['date']}, {meta['machine']}, load average {meta['load_average'][0]:.1f}.",
        "",
        "| database | pages | indexing (pages/s) | search p50 (ms) | search p95 (ms) | max (ms) | median hits |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['pages']} | {row['index_pages_per_second']} | {row['p50_ms']} | {row['p95_ms']} "
            f"| {row['max_ms']} | {row['median_hits']} |"
        )
    lines += [
        "",
        "Search time is `run_search` (match in the database, rank and facet in Python) plus the first",
        f"result page's pages and snippets, over {next(iter(results.values()))['searches']} searches per database",
        "(the Finnish queries of tests/search/demo_queries.py and a few multi-word ones). Indexing is",
        "`manage.py update_index` over every page, base forms and compound parts included.",
        "",
    ]
    (RESULTS / "search.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
