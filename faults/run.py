"""Fault and load tests: Koonto under gunicorn, production settings, a throwaway PostgreSQL database.

Not part of `make test` (it restarts PostgreSQL): `make fault-test`, which CI runs after the test
suites. Loopback only, bounded in time (about three minutes, most of it building the demo site):

1. PostgreSQL restarts while 20 clients load pages and the API: once it is back, no 5xx.
   The 5xx count during the outage itself is reported, not judged.
2. A mixed load (pages, API, search, calendar) with 20 clients: no 5xx; p50/p95 reported.
3. Malformed and hostile requests (huge bodies, bad Host headers, path traversal, very long
   query strings, invalid UTF-8): refused with a 4xx (or harmlessly answered where noted), never
   a 5xx, and nothing written to the database or the media folder.

The report goes to faults/results/latest.md; the exit status is non-zero if any expectation
failed. Whatever happens, PostgreSQL is running again when the script ends.

Environment: FAULTS_PG_URL (server to use, default postgres://postgres@127.0.0.1:5432),
FAULTS_PG_CLUSTER ("<version> <name>" to restart, default the first in /etc/postgresql, "main"),
FAULTS_LOAD_SECONDS (default 30, phase 2), FAULTS_OUTAGE_SECONDS (default 20, phase 1).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
RESULTS = PROJECT_DIR / "faults" / "results" / "latest.md"
PG_URL = os.environ.get("FAULTS_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
CLIENTS = 20
CLIENT_TIMEOUT = 60
OUTAGE_SECONDS = float(os.environ.get("FAULTS_OUTAGE_SECONDS", "20"))
LOAD_SECONDS = float(os.environ.get("FAULTS_LOAD_SECONDS", "30"))
# Tables whose row counts must not change under hostile requests.
WATCHED_TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailimages_image",
    "wagtaildocs_document",
    "auth_user",
    "django_session",
    "wagtailforms_formsubmission",
]


# --- the site under test ------------------------------------------------------------------------


def pg_cluster() -> list[str]:
    """Version and name of the PostgreSQL cluster to restart."""
    configured = os.environ.get("FAULTS_PG_CLUSTER")
    if configured:
        return configured.split()
    return [sorted(os.listdir("/etc/postgresql"))[0], "main"]


def psql(database: str, sql: str) -> str:
    result = subprocess.run(
        ["psql", f"{PG_URL}/{database}", "-XAtq", "-c", sql], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()


def pg_is_ready() -> bool:
    return subprocess.run(["pg_isready", "-d", f"{PG_URL}/postgres", "-q"], check=False).returncode == 0


def ensure_postgres_running() -> None:
    """Start the cluster if it is down (a failed restart must not leave CI without a database)."""
    if pg_is_ready():
        return
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", *pg_cluster(), "start"], check=False)
    for _ in range(60):
        if pg_is_ready():
            return
        time.sleep(0.5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Site:
    """A throwaway database with the demo content, and gunicorn serving it."""

    database: str = field(default_factory=lambda: f"koonto_faults_{secrets.token_hex(4)}")
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="koonto-faults-")))
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def media(self) -> Path:
        return self.workdir / "media"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "koonto.settings.production",
            "DATABASE_URL": f"{PG_URL}/{self.database}",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "KOONTO_PUBLIC_URL": "http://127.0.0.1",  # absolute URLs as a loopback run has them
            "MEDIA_ROOT": str(self.media),
            "STATIC_ROOT": str(self.workdir / "static"),
            "SECURE_SSL_REDIRECT": "0",
            "KOONTO_SERVE_MEDIA": "1",
            # Every request reaches the database: the anonymous page cache would hide an outage.
            "KOONTO_PAGE_CACHE": "0",
            "CONN_MAX_AGE": "60",
            "WEB_CONCURRENCY": "4",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_GRACEFUL_TIMEOUT": "5",
        }

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=self.env(), check=True, timeout=300)

    def build(self) -> None:
        psql("postgres", f'CREATE DATABASE "{self.database}"')
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo")
        self.manage("collectstatic", "--noinput", "-v0")

    def start(self) -> None:
        self.log = (self.workdir / "gunicorn.log").open("w")
        command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]
        self.process = subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env(), stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if request(self.port, "GET", "/healthz").status == 200:
                return
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not become healthy within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        ensure_postgres_running()
        subprocess.run(
            ["psql", f"{PG_URL}/postgres", "-XAtq", "-c", f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'], check=False
        )
        subprocess.run(["rm", "-rf", str(self.workdir)], check=False)

    def snapshot(self) -> dict[str, object]:
        """What hostile requests must not change: row counts and the files under MEDIA_ROOT."""
        counts = {table: psql(self.database, f"SELECT count(*) FROM {table}") for table in WATCHED_TABLES}
        files = sorted(str(path.relative_to(self.media)) for path in self.media.rglob("*")) if self.media.exists() else []
        return {"counts": counts, "media": files}


# --- the client -----------------------------------------------------------------------------------


@dataclass
class Result:
    started: float
    status: int  # 0: no HTTP answer (connection refused or reset, timeout)
    seconds: float
    path: str


def request(port: int, method: str, path: str, headers: dict | None = None, body: bytes | None = None) -> Result:
    """One request on a fresh connection; a failure to get any answer is status 0."""
    started = time.monotonic()
    # Longer than gunicorn's worker timeout (30 s): a request that never gets an answer is one
    # the server dropped, not one the client gave up on.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    return Result(started, status, time.monotonic() - started, path)


def raw_request(port: int, data: bytes) -> int:
    """Send bytes as they are (invalid UTF-8, odd request lines); the status of the answer, or 0."""
    answer = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(data)
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
    except OSError:
        return 0
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def oversized_post(host: str, announced: int, sent: int) -> bytes:
    """A form POST whose Content-Length announces more than it sends."""
    head = f"POST /fi/ HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    return (head + f"Content-Length: {announced}\r\n\r\n").encode() + b"a=" + b"x" * sent


def load(port: int, paths: list[str], seconds: float, during=None) -> list[Result]:
    """CLIENTS threads request `paths` in turn for `seconds`; `during()` runs meanwhile in this thread."""
    results: list[Result] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(seed: int) -> None:
        # Each client its own random order, so that every kind of URL is hit from the start.
        chooser = random.Random(seed)
        while time.monotonic() < stop_at:
            result = request(port, "GET", chooser.choice(paths))
            with lock:
                results.append(result)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    if during:
        during()
    for thread in threads:
        thread.join()
    return results


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def site_paths(port: int) -> dict[str, list[str]]:
    """Public URLs of the demo site, found as a client would: through the API."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/pages/?limit=50&fields=-title", timeout=30) as response:
        items = json.load(response)["items"]
    pages = [urllib.parse.urlsplit(item["meta"]["html_url"]).path for item in items if item["meta"].get("html_url")]
    return {
        "pages": pages,
        "api": [
            "/api/v2/pages/?limit=10",
            "/api/v2/pages/?type=events.EventPage&locale=en&fields=*",
            "/api/v3/koonto/events/",
            "/api/v3/koonto/calls/",
        ],
        "search": ["/fi/search/?q=hanke", "/fi/search/?q=rahoitus", "/en/search/?q=funding"],
        "ics": ["/fi/kalenteri.ics", "/en/calendar.ics"],
    }


# --- the phases -------------------------------------------------------------------------------------


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, text: str = "") -> None:
        self.lines.append(text)
        print(text, flush=True)

    def expect(self, ok: bool, what: str) -> None:
        self.add(f"- {'PASS' if ok else 'FAIL'}: {what}")
        if not ok:
            self.failures.append(what)


def database_restart(site: Site, paths: dict[str, list[str]], report: Report) -> None:
    report.add(f"## 1. PostgreSQL restart under load ({CLIENTS} clients, {OUTAGE_SECONDS:.0f} s, pages and API)\n")
    moments: dict[str, float] = {}

    def restart() -> None:
        time.sleep(OUTAGE_SECONDS / 4)
        moments["down"] = time.monotonic()
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", *pg_cluster(), "restart"], check=True, timeout=60)
        while not pg_is_ready():
            time.sleep(0.1)
        moments["back"] = time.monotonic()

    results = load(site.port, paths["pages"] + paths["api"], OUTAGE_SECONDS, during=restart)
    during = [r for r in results if moments["down"] <= r.started < moments["back"]]
    after = [r for r in results if r.started >= moments["back"]]
    report.add(f"Outage: {moments['back'] - moments['down']:.1f} s. Requests: {len(results)} in all.")
    report.add(f"During the outage: {len(during)} requests, {sum(r.status >= 500 for r in during)} 5xx (reported, not judged).")
    report.add(f"After PostgreSQL was back: {len(after)} requests, statuses {status_counts(after)}.\n")
    report.expect(bool(after), "requests were made after the database was back")
    report.expect(all(0 < r.status < 500 for r in after), "no 5xx (and no dropped connection) once the database was back")
    report.add()


def mixed_load(site: Site, paths: dict[str, list[str]], report: Report) -> None:
    report.add(f"## 2. Mixed load ({CLIENTS} clients, {LOAD_SECONDS:.0f} s: pages, API, search, calendar)\n")
    mix = paths["pages"] + paths["api"] * 2 + paths["search"] * 2 + paths["ics"] * 2
    results = load(site.port, mix, LOAD_SECONDS)
    report.add("| kind | requests | p50 ms | p95 ms | max ms |")
    report.add("|---|---|---|---|---|")
    for kind, kind_paths in paths.items():
        report.add(timing_row(kind, [r for r in results if r.path in kind_paths]))
    report.add(timing_row("all", results))
    report.add(f"\nThroughput {len(results) / LOAD_SECONDS:.1f} requests/s; statuses {status_counts(results)}.\n")
    report.expect(all(0 < r.status < 500 for r in results), "no 5xx and no dropped connection under mixed load")
    report.add()


def hostile_requests(site: Site, report: Report) -> None:
    report.add("## 3. Malformed and hostile requests\n")
    port, host = site.port, f"127.0.0.1:{site.port}"
    long_query = "q=" + "a" * 3000
    cases: list[tuple[str, str, object]] = [
        # (what, expectation: "4xx" refused / "no 5xx" answered harmlessly, request)
        (
            "3 MB JSON to the API",
            "4xx",
            ("POST", "/api/v2/pages/", {"Content-Type": "application/json"}, b"[" + b"1," * 1_500_000 + b"1]"),
        ),
        (
            "form POST to the admin login without CSRF",
            "4xx",
            ("POST", "/admin/login/", {"Content-Type": "application/x-www-form-urlencoded"}, b"username=a&password=b"),
        ),
        ("unknown Host header", "4xx", ("GET", "/fi/", {"Host": "evil.example"}, None)),
        ("Host header with userinfo", "4xx", ("GET", "/fi/", {"Host": f"{host}@evil.example"}, None)),
        ("media path traversal ../", "4xx", ("GET", "/media/../../../../etc/passwd", {}, None)),
        ("media path traversal %2e%2e", "4xx", ("GET", "/media/%2e%2e/%2e%2e/%2e%2e/etc/passwd", {}, None)),
        ("media traversal, encoded slash", "4xx", ("GET", "/media/images/..%2f..%2f..%2fetc%2fpasswd", {}, None)),
        ("document URL traversal", "4xx", ("GET", "/documents/1/..%2f..%2f..%2fetc%2fpasswd", {}, None)),
        ("original image, direct", "4xx", ("GET", "/media/original_images/../../koonto/settings/base.py", {}, None)),
        ("static path traversal", "4xx", ("GET", "/static/../koonto/settings/base.py", {}, None)),
        ("query string over gunicorn's limit (10 kB)", "4xx", ("GET", "/fi/search/?q=" + "a" * 10_000, {}, None)),
        ("long query string (3 kB) to search", "no 5xx", ("GET", "/fi/search/?" + long_query, {}, None)),
        ("long query string to the API", "4xx", ("GET", "/api/v2/pages/?" + "x" * 3000 + "=1", {}, None)),
        ("percent-encoded invalid UTF-8 in the path", "4xx", ("GET", "/fi/%ff%fe%c3%28/", {}, None)),
        ("percent-encoded invalid UTF-8 in a search", "no 5xx", ("GET", "/fi/search/?q=%ff%fe%c3%28", {}, None)),
        ("percent-encoded invalid UTF-8 in an API filter", "4xx", ("GET", "/api/v2/pages/?type=%ff%fe", {}, None)),
        ("header over gunicorn's limit (10 kB)", "4xx", ("GET", "/fi/", {"X-Junk": "a" * 10_000}, None)),
    ]
    raw_cases: list[tuple[str, str, bytes]] = [
        # Announces 30 MB and sends 1 MB: refused from the headers, without waiting for the rest.
        ("30 MB form POST to a page", "4xx", oversized_post(host, 30_000_000, 1_000_000)),
        (
            "raw invalid UTF-8 bytes in the path",
            "4xx",
            f"GET /fi/\xff\xfe\xc3(/ HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"),
        ),
        (
            "raw invalid UTF-8 bytes in the query",
            "no 5xx",
            f"GET /fi/search/?q=\xff\xfe HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"),
        ),
        ("NUL byte in the path", "4xx", f"GET /fi/%00/ HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()),
        ("garbage request line", "4xx", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"),
    ]
    before = site.snapshot()
    report.add("| request | expected | status |")
    report.add("|---|---|---|")
    for what, expected, (method, path, headers, body) in cases:
        headers = {"Host": host, **headers}
        status = request(port, method, path, headers, body).status
        record_case(report, what, expected, status)
    for what, expected, data in raw_cases:
        status = raw_request(port, data)
        record_case(report, what, expected, status)
    after = site.snapshot()
    report.add()
    report.expect(after == before, "nothing written: row counts and the media folder are unchanged")
    if after != before:
        report.add(f"  before: {before}\n  after: {after}")
    report.add()


def record_case(report: Report, what: str, expected: str, status: int) -> None:
    ok = 400 <= status < 500 if expected == "4xx" else 0 < status < 500
    report.add(f"| {what} | {expected} | {status or 'no answer'} |")
    if not ok:
        report.failures.append(f"{what}: expected {expected}, got {status or 'no answer'}")


def timing_row(kind: str, results: list[Result]) -> str:
    """One row of the timing table: count, p50, p95 and max in milliseconds."""
    times = sorted(r.seconds * 1000 for r in results)
    p50, p95, longest = percentile(times, 0.5), percentile(times, 0.95), max(times, default=0)
    return f"| {kind} | {len(times)} | {p50:.0f} | {p95:.0f} | {longest:.0f} |"


def status_counts(results: list[Result]) -> str:
    counts: dict[int, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    return ", ".join(f"{status or 'no answer'}: {count}" for status, count in sorted(counts.items())) or "none"


def main() -> int:
    report = Report()
    site = Site()
    began = time.monotonic()
    report.add("# Koonto fault and load tests\n")
    report.add(
        f"Run {time.strftime('%Y-%m-%d %H:%M:%S %Z')} on {os.cpu_count()} cores: gunicorn, 4 workers, production settings, "
    )
    report.add("persistent connections (CONN_MAX_AGE=60, health checks on), anonymous page cache off (every request reaches ")
    report.add("PostgreSQL), demo content (load_demo) in a throwaway database. Numbers are reported, not asserted.\n")
    try:
        site.build()
        site.start()
        paths = site_paths(site.port)
        database_restart(site, paths, report)
        mixed_load(site, paths, report)
        hostile_requests(site, report)
    except Exception as error:  # noqa: BLE001 - any crash is a failed run, reported as such
        report.failures.append(f"the run stopped: {error!r}")
    finally:
        site.stop()
    report.add(f"## Result\n\nWhole run {time.monotonic() - began:.0f} s. ")
    report.add("All expectations met." if not report.failures else "Failed:\n" + "\n".join(f"- {f}" for f in report.failures))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(report.lines) + "\n")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
