"""Profile one uncached request in-process and save the report.

    .venv/bin/python -m bench.profile /fi/tapahtumat/ --name event-index
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koonto_bench .venv/bin/python -m bench.profile /fi/

    .venv/bin/python -m bench.profile /fi/ --cold      # the first request after a publication

Writes bench/results/profile-<name>.txt (and .html): the CPU ms of one request without a
profiler, the queries it makes, pyinstrument's call tree and cProfile's functions by cumulative
time: where the time of a rendered, uncached request goes, to decide what to optimise next (see
bench/README.md for what was done). Production's switches: DEBUG off, page cache off, the
cached template loader; per-process caches are warm (one request first), as in a running worker.
With `--cold` every request follows a publication (the content generation moved on, as
bench/run.py's cold figures do), so what is kept per generation is built again each time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="the URL path to profile, e.g. /fi/tapahtumat/")
    parser.add_argument("--name", help="the report's name (default: from the path)")
    parser.add_argument("--repeat", type=int, default=20, help="requests profiled together (default 20)")
    parser.add_argument("--cold", action="store_true", help="each request after a publication (generation moved on)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koonto.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from pyinstrument import Profiler

    from ops import pagecache

    def get(path):
        """One request; with --cold, the first after a publication (outside the measured time
        where it matters little: one UPDATE of the generation row)."""
        if args.cold:
            pagecache._after_commit()  # what a publication's commit does: the row, and Redis if shared
        return client.get(path)

    RESULTS.mkdir(parents=True, exist_ok=True)
    with override_settings(KOONTO_PAGE_CACHE=False, ALLOWED_HOSTS=["*"], DEBUG=False):
        client = Client()
        client.get(args.path)  # warm per-process caches: the profile shows steady state
        queries = []  # counted with a wrapper: the connection closes at the end of each request

        def record(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            assert get(args.path).status_code == 200
        started = time.process_time()
        for _ in range(args.repeat):
            get(args.path)
        cpu_ms = (time.process_time() - started) * 1000 / args.repeat

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.repeat):
                assert get(args.path).status_code == 200
        cprofile = cProfile.Profile()
        cprofile.enable()
        for _ in range(args.repeat):
            get(args.path)
        cprofile.disable()

    stats_text = io.StringIO()
    stats = pstats.Stats(cprofile, stream=stats_text)
    stats.sort_stats("cumulative").print_stats(r"koonto|ops|home|showcase|events|guides|design|template|wagtail", 70)
    header = (
        f"{args.path}{' (cold: after a publication)' if args.cold else ''}: {cpu_ms:.2f} CPU ms per request "
        "(in-process test client, no profiler, "
        f"mean of {args.repeat}), {len(queries)} queries\n\n" + "\n".join(f"  {sql[:200]}" for sql in queries) + "\n\n"
    )
    tree = profiler.output_text(unicode=True, show_all=False)
    slug = args.name or re.sub(r"[^a-z0-9]+", "-", args.path.lower()).strip("-") or "home"
    report = header + tree + "\n\ncProfile, cumulative (all requests together):\n" + stats_text.getvalue()
    (RESULTS / f"profile-{slug}.txt").write_text(report)
    (RESULTS / f"profile-{slug}.html").write_text(profiler.output_html())
    print(header)
    print(f"Written {RESULTS / f'profile-{slug}.txt'}")


if __name__ == "__main__":
    main()
