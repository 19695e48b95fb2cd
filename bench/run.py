"""Serve Koonto under gunicorn with production settings and measure it from loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koonto_bench .venv/bin/python -m bench.run

For each endpoint, at 1 and 8 concurrent connections, uncached (page cache off: every request
renders) and warm (anonymous page cache on, after a warm-up): server CPU milliseconds per request
(the workers' user + system time from /proc divided by the requests they answered: steadier than
requests per second on a shared machine), requests per second, p50/p95/p99 latency, and its
throughput as a fraction of `/healthz` on the same run (machines differ; ratios travel). Queries
per request are counted in-process, uncached. Peak memory per worker is read from /proc. The
report goes to bench/results/latest.md and .json, with the machine and command. A demo-site run
(`make bench-demo`: the SQLite database `make run` fills) writes bench/results/demo.md and .json.

The load client is plain Python (threads, keep-alive http.client): wrk is not on this machine.
On two cores the client shares the CPU with the two workers, so absolute numbers are low; the
ratios to /healthz are the figures to compare.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# Server CPU ms per request, uncached, that issue 20 sets (the demo site; compare on one machine).
CPU_TARGETS_MS = {
    "healthz": 0.6,
    "home": 8,
    "showcase index (filtered)": 8,
    "showcase page": 6,
    "search": 12,
    "API v2 listing (20, all fields)": 15,
}
# Server CPU ms per request, uncached, on the demo site before issue 20's work: the issue's own
# table (side by side with bakerydemo on a 2-core machine), and for the endpoints it does not list
# the first demo run of bench/README.md (02:07, 5 December 2026). The cold-start figure is held
# to twice these: a first request after a publication renders everything, as every request did.
BEFORE_ISSUE_20_MS = {
    "healthz": 0.84,
    "static CSS": 0.52,
    "home": 23.9,
    "showcase index (filtered)": 23.8,
    "showcase page": 22.9,
    "event index": 25.51,
    "event page": 19.13,
    "search": 33.0,
    "API v2 listing (20, all fields)": 86.0,
    "API v3 events (20)": 11.3,
    "API v2 detail": 16.3,
    "ICS feed": 8.3,
}
TARGETS = {  # endpoint: the fraction of /healthz it should reach (issue 9)
    "uncached detail": 0.06,
    "uncached index": 0.04,
    "uncached api": 0.03,
    "warm page": 0.5,
}


def endpoints() -> dict[str, str]:
    """Name -> path on the generated site (found in the database, so slugs may change)."""
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage
    from koonto.models import Municipality
    from showcase.models import ShowcaseIndexPage, ShowcasePage

    showcase = ShowcasePage.objects.live().filter(locale__language_code="fi").order_by("pk").first()
    event = EventPage.objects.live().filter(locale__language_code="fi").order_by("-pk").first()
    code = Municipality.objects.filter(showcases__isnull=False).values_list("code", flat=True).first() or "297"
    from django.templatetags.static import static
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fi"):
        calendar = reverse("calendar")
    return {
        "healthz": "/healthz",
        "static CSS": static("koonto/css/site.css"),
        "home": HomePage.objects.get(locale__language_code="fi").url,
        "showcase index (filtered)": f"{ShowcaseIndexPage.objects.get(locale__language_code='fi').url}?municipality={code}",
        "showcase page": showcase.url,
        "event index": EventIndexPage.objects.get(locale__language_code="fi").url,
        "event page": event.url,
        "search": "/fi/search/?q=yhdistys",
        "API v2 listing (20, all fields)": "/api/v2/pages/?type=showcase.ShowcasePage&fields=*&limit=20",
        "API v3 events (20)": "/api/v3/koonto/events/?limit=20",
        "API v2 detail": f"/api/v2/pages/{showcase.pk}/",
        "ICS feed": calendar,
    }


KIND = {  # which target applies to an endpoint
    "home": "uncached index",
    "showcase index (filtered)": "uncached index",
    "event index": "uncached index",
    "showcase page": "uncached detail",
    "event page": "uncached detail",
    "API v2 listing (20, all fields)": "uncached api",
    "API v3 events (20)": "uncached api",
}


def live_pages() -> int:
    """How many live pages the measured site has (the 11,000-page run says if it is smaller)."""
    from wagtail.models import Page

    return Page.objects.live().count()


def count_queries(paths: dict[str, str]) -> dict[str, int]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    counts = {}
    with override_settings(KOONTO_PAGE_CACHE=False, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
        client = Client()
        for name, path in paths.items():
            client.get(path)  # the first request fills per-process caches (site, locales)
            with CaptureQueriesContext(connection) as queries:
                status = client.get(path, secure=True).status_code
            counts[name] = len(queries) if status == 200 else -status
    del settings
    return counts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SECRET = secrets.token_urlsafe(50)


REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")


CACHE_PREFIX = f"bench-{SECRET[:8]}"
# Publications per endpoint for the cold-start figure (each followed by one request).
COLD_REQUESTS = 10


def server_env(page_cache: bool) -> dict:
    """Uncached: no Redis and no page cache, as issue 20 measures. Warm: the page cache in Redis
    (`BENCH_REDIS_URL`, empty for the workers' own memory), under a prefix of this run's own."""
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    if page_cache and REDIS_URL:
        environment |= {"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": CACHE_PREFIX}
    return {
        **environment,
        "DJANGO_SETTINGS_MODULE": "koonto.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KOONTO_PUBLIC_URL": "http://127.0.0.1",  # absolute URLs as a loopback run has them
        "DEBUG": "0",
        "KOONTO_PAGE_CACHE": "1" if page_cache else "0",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        # Steady state: no worker recycling mid-measurement (production recycles every ~2,000
        # requests, which a benchmark reaches in seconds: a restart would land in one endpoint).
        "GUNICORN_MAX_REQUESTS": "0",
    }


class Server:
    """gunicorn with production settings, 2 workers, on a free loopback port."""

    def __init__(self, page_cache: bool, workers: int, preload: bool = False):
        self.port = free_port()
        env = server_env(page_cache) | {"GUNICORN_PRELOAD": "1" if preload else "0"}
        self.log = open(RESULTS / "gunicorn.log", "a")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "koonto.wsgi:application", "-c", str(ROOT / "gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--access-logfile", "/dev/null"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        try:
            self.wait_ready()
        except RuntimeError:
            self.stop()  # never leave a server behind
            raise

    def wait_ready(self, timeout: float = 300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                status, _ = request(self.port, "/healthz")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not start; see bench/results/gunicorn.log")

    def worker_pids(self) -> list[str]:
        return Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()

    def worker_cpu_seconds(self) -> float:
        """User + system CPU time the workers have used so far (fields 14 and 15 of /proc/PID/stat)."""
        ticks = 0
        for pid in self.worker_pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def worker_peak_memory_mb(self) -> list[float]:
        peaks = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return peaks

    def worker_memory_mb(self) -> list[dict]:
        """Per worker: peak RSS (VmHWM), and now its RSS, PSS (shared pages split between the
        processes that share them) and private memory (what one more worker costs)."""
        found = []
        for pid in self.worker_pids():
            fields = {}
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
                name, value, *_unit = line.split()
                fields[name.rstrip(":")] = int(value) / 1024
            private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
            found.append({"rss": round(fields["Rss"]), "pss": round(fields["Pss"]), "private": round(private)})
        for memory, peak in zip(found, self.worker_peak_memory_mb(), strict=False):
            memory["peak_rss"] = round(peak)
        return found

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def request(port: int, path: str, connection: http.client.HTTPConnection | None = None):
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    response = conn.getresponse()
    body = response.read()
    if connection is None:
        conn.close()
    return response.status, body


def load(port: int, path: str, concurrency: int, seconds: float) -> dict:
    """Keep `concurrency` connections busy with GETs of `path` for `seconds`; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                status, _ = request(port, path, conn)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            mine.append((time.perf_counter() - started) * 1000)
            failed += status != 200
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1) if latencies else None

    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "errors": errors,
    }


def publish(page_cache: bool) -> None:
    """What a publication does to the caches (ops/pagecache.py invalidate): the content generation
    moves on, in the database row every worker reads and, with the page cache, in Redis."""
    from ops import pagecache

    pagecache._bump_database_generation()
    if page_cache and REDIS_URL:
        import redis

        # django-redis keys: "<prefix>:<version>:<key>"; the counter is stored as a plain integer.
        redis.Redis.from_url(REDIS_URL).incr(f"{CACHE_PREFIX}:1:{pagecache.GENERATION_KEY}")


def cold(server: Server, path: str, page_cache: bool, count: int = COLD_REQUESTS) -> dict:
    """The first request after a publication: `count` times, publish and request once; the
    workers' CPU ms per such request and its latency (each lands in a worker whose caches are stale)."""
    latencies, cpu = [], 0.0
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for _ in range(count):
        publish(page_cache)
        time.sleep(0.05)  # let the workers' CPU counters settle before and after
        before = server.worker_cpu_seconds()
        started = time.perf_counter()
        request(server.port, path, connection)
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(0.05)
        cpu += server.worker_cpu_seconds() - before
    connection.close()
    return {"cpu_ms": round(cpu * 1000 / count, 2), "p50_ms": round(statistics.median(latencies), 1), "requests": count}


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal"))) // 1024**2
    system = f"{platform.system()} {platform.machine()}"
    return f"{system}, {os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}"


def run(seconds: float, workers: int) -> dict:
    paths = endpoints()
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "command": " ".join(["python -m bench.run", *sys.argv[1:]]),
        "database": os.environ.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1],
        "pages": live_pages(),
        "paths": paths,
        "queries": count_queries(paths),
        "runs": {},
    }
    for mode, page_cache in (("uncached", False), ("warm", True)):
        server = Server(page_cache=page_cache, workers=workers)
        try:
            for path in paths.values():  # warm-up: renditions, per-process caches, the page cache
                for _ in range(3):
                    request(server.port, path)
            for concurrency in (1, 8):
                for name, path in paths.items():
                    cpu_before = server.worker_cpu_seconds()
                    result = load(server.port, path, concurrency, seconds)
                    cpu = server.worker_cpu_seconds() - cpu_before
                    result["cpu_ms"] = round(cpu * 1000 / result["requests"], 2) if result["requests"] else None
                    report["runs"].setdefault(mode, {}).setdefault(str(concurrency), {})[name] = result
                    print(
                        f"{mode:8} c={concurrency} {name:34} {result['cpu_ms']} CPU ms  {result['rps']:8} req/s"
                        f"  p95 {result['p95_ms']} ms"
                        f"  errors {result['errors']}",
                        flush=True,
                    )
            for name, path in paths.items():
                result = cold(server, path, page_cache)
                report.setdefault("cold", {}).setdefault(mode, {})[name] = result
                print(f"{mode:8} cold {name:34} {result['cpu_ms']} CPU ms  p50 {result['p50_ms']} ms", flush=True)
            report.setdefault("worker_peak_mb", {})[mode] = [round(m) for m in server.worker_peak_memory_mb()]
            report.setdefault("worker_memory_mb", {})[mode] = server.worker_memory_mb()
        finally:
            server.stop()
    report["worker_memory_mb"]["uncached, preloaded"] = preloaded_memory(paths, workers)
    add_ratios(report)
    return report


def preloaded_memory(paths: dict[str, str], workers: int) -> list[dict]:
    """Worker memory with GUNICORN_PRELOAD=1 (gunicorn.conf.py), after the same endpoints."""
    server = Server(page_cache=False, workers=workers, preload=True)
    try:
        for path in paths.values():
            for _ in range(5):
                request(server.port, path)
        return server.worker_memory_mb()
    finally:
        server.stop()


def add_ratios(report: dict) -> None:
    for runs in report["runs"].values():
        for results in runs.values():
            base = results["healthz"]["rps"] or 1
            for result in results.values():
                result["ratio"] = round(result["rps"] / base, 3)


def target_kind(mode: str, name: str) -> str | None:
    """Which of TARGETS an endpoint is held to in this mode, if any."""
    if mode == "warm":
        return None if name.startswith(("API", "healthz", "ICS", "search")) else "warm page"
    return KIND.get(name)


def markdown(report: dict) -> str:
    lines = [
        "# Koonto benchmark",
        "",
        f"- When: {report['when']}",
        f"- Machine: {report['machine']}",
        f"- Database: {report['database']}, {report.get('pages')} live pages",
        f"- Command: `{report['command']}`",
        f"- Worker peak memory (MB): {report.get('worker_peak_mb')}",
        *memory_lines(report),
        "",
        "Server CPU ms per request: the workers' user + system time divided by the requests answered.",
        "Throughput as a fraction of `/healthz` on the same run (ratio); queries counted uncached.",
        "",
        *cpu_summary(report),
    ]
    for mode, runs in report["runs"].items():
        for concurrency, results in runs.items():
            lines += [f"## {mode}, {concurrency} connection{'s' if concurrency != '1' else ''}", ""]
            lines += [
                "| endpoint | CPU ms | req/s | ratio | target | p50 ms | p95 ms | p99 ms | queries | errors |",
                "|---|---|---|---|---|---|---|---|---|---|",
            ]
            for name, result in results.items():
                target = TARGETS.get(target_kind(mode, name))
                verdict = "" if target is None else f"≥ {target} {'✓' if result['ratio'] >= target else '✗'}"
                cells = [name, result.get("cpu_ms"), result["rps"], result["ratio"], verdict, result["p50_ms"], result["p95_ms"]]
                cells += [result["p99_ms"], report["queries"].get(name), result["errors"]]
                lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
            lines.append("")
    return "\n".join(lines)


def memory_lines(report: dict) -> list[str]:
    """Each worker's memory at the end of a run: peak RSS, RSS, PSS and private MB."""
    lines = []
    for mode, workers in report.get("worker_memory_mb", {}).items():
        cells = ", ".join(f"{w['peak_rss']} / {w['rss']} / {w['pss']} / {w['private']}" for w in workers)
        lines.append(f"- Worker memory, {mode} (MB, peak RSS / RSS / PSS / private, per worker): {cells}")
    return lines


def cpu_summary(report: dict) -> list[str]:
    """CPU ms per request at one connection, uncached and warm, beside issue 20's targets."""
    runs = report["runs"]
    if "1" not in runs.get("uncached", {}):
        return []
    lines = [
        "## Server CPU ms per request (1 connection)",
        "",
        "Cold: the first request after a publication (the content generation moved on: per-process",
        f"caches and, with Redis, the page cache are stale), {COLD_REQUESTS} publications per endpoint.",
        "Before: uncached on the demo site before issue 20 (bench/run.py BEFORE_ISSUE_20_MS); on the demo",
        "a cold request is held to twice that (it renders everything, as every request did then), on",
        "another site to twice this run's uncached figure.",
        "",
        "| endpoint | uncached | warm (page cache) | target, uncached | before (demo) "
        "| cold, no Redis | cold, Redis | cold ≤ 2 × before |",
        "|---|---:|---:|---|---:|---:|---:|---|",
    ]
    on_demo = report.get("report") == "demo"
    cold_runs = report.get("cold", {})
    for name, result in runs["uncached"]["1"].items():
        warm = runs.get("warm", {}).get("1", {}).get(name, {}).get("cpu_ms")
        target = CPU_TARGETS_MS.get(name)
        cpu_ms = result.get("cpu_ms")
        verdict = "" if target is None or cpu_ms is None else f"≤ {target} {'✓' if cpu_ms <= target else '✗'}"
        colds = [cold_runs.get(mode, {}).get(name, {}).get("cpu_ms") for mode in ("uncached", "warm")]
        known = [value for value in colds if value is not None]
        before = BEFORE_ISSUE_20_MS.get(name) if on_demo else None
        limit = 2 * (before if before is not None else cpu_ms) if cpu_ms is not None else None
        cold_verdict = "" if not known or limit is None else ("✓" if max(known) <= limit else "✗")
        before_cell = before if before is not None else ""
        lines.append(f"| {name} | {cpu_ms} | {warm} | {verdict} | {before_cell} | {colds[0]} | {colds[1]} | {cold_verdict} |")
    return [*lines, ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5, help="load per endpoint and concurrency (default 5)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--report", default="latest", help="name of the report in bench/results/ (default latest)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koonto.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    RESULTS.mkdir(parents=True, exist_ok=True)
    # Production settings serve fingerprinted, compressed static files from the manifest.
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=server_env(True), check=True)
    report = run(args.seconds, args.workers)
    report["report"] = args.report
    (RESULTS / f"{args.report}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (RESULTS / f"{args.report}.md").write_text(markdown(report))
    print(f"\nWritten {RESULTS / args.report}.md")


if __name__ == "__main__":
    main()
