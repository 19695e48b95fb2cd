"""Profile one uncached request in-process with pyinstrument and save the report.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koonto_bench .venv/bin/python -m bench.profile /fi/tapahtumat/

Writes bench/results/profile-<slug>.txt (and .html): where the time of a rendered, uncached
request goes, to decide what to optimise next (see bench/README.md for what was done).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="the URL path to profile, e.g. /fi/tapahtumat/")
    parser.add_argument("--repeat", type=int, default=20, help="requests profiled together (default 20)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koonto.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import override_settings
    from pyinstrument import Profiler

    RESULTS.mkdir(parents=True, exist_ok=True)
    with override_settings(KOONTO_PAGE_CACHE=False, ALLOWED_HOSTS=["*"], DEBUG=False):
        client = Client()
        client.get(args.path)  # warm per-process caches: the profile shows steady state
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.repeat):
                assert client.get(args.path).status_code == 200
    slug = re.sub(r"[^a-z0-9]+", "-", args.path.lower()).strip("-") or "home"
    (RESULTS / f"profile-{slug}.txt").write_text(profiler.output_text(unicode=True, show_all=False))
    (RESULTS / f"profile-{slug}.html").write_text(profiler.output_html())
    print(profiler.output_text(unicode=True)[:4000])
    print(f"Written {RESULTS / f'profile-{slug}.txt'}")


if __name__ == "__main__":
    main()
