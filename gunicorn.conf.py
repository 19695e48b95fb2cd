"""gunicorn settings for Koonto's app servers (docs/deploy.md), read from the environment.

`gunicorn koonto.wsgi` picks this file up from the working directory. Every value can be
changed without editing code: the same file serves a laptop (`make serve`) and a production
server behind a TLS proxy. Logs go to stdout as JSON lines (ops/logging.py), like the app's.
"""

import gc
import multiprocessing
import os

# Memory, not CPU, limits a small server: each worker holds a full Django + Wagtail (~150 MB).
MAX_DEFAULT_WORKERS = 8


def default_workers(cores: int) -> int:
    """gunicorn's rule of thumb, 2 x cores + 1, capped so that a big machine does not run out of memory."""
    return min(2 * cores + 1, MAX_DEFAULT_WORKERS)


wsgi_app = "koonto.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or default_workers(multiprocessing.cpu_count()))
# A worker busy longer than this is killed and replaced (a stuck request must not hold it for ever).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On restart or deploy, requests in progress get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Keep-alive with the proxy in front; a little above nginx's default upstream keepalive.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so that a slow memory leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# GUNICORN_PRELOAD=1: load Django and the search dictionaries once, in the master, before the
# workers fork, and freeze those objects out of the garbage collector (when_ready below): the
# workers share them instead of each holding a copy (about 100 MB less private memory per worker
# on the demo, bench/README.md). Off by default because a reload (HUP, `systemctl reload`) then
# keeps the old code: with it on, deploy with `systemctl restart` (docs/deploy.md).
preload_app = os.environ.get("GUNICORN_PRELOAD", "0") == "1"
# Addresses whose X-Forwarded-* headers are trusted (the TLS proxy); loopback by default.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Access and error logs on stdout, one JSON object a line with the request id (ops.logging).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
    },
    # gunicorn merges this into its own defaults, whose root logger must find a handler here.
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}


def post_worker_init(worker):
    """Load the search dictionaries before the worker takes requests, not in the first search
    (a second or two per language: the p99 of search in bench/results/latest.md)."""
    from koonto.normalise import load_dictionaries

    load_dictionaries()


def when_ready(server):
    """With preload_app: the master has loaded the app; load the dictionaries too, close the
    database connections the workers must not share, and freeze what is loaded so that the
    collector's passes in the workers never copy the shared pages (gc.freeze)."""
    if not server.cfg.preload_app:
        return
    from django.db import connections

    from koonto.normalise import load_dictionaries

    load_dictionaries()
    connections.close_all()
    gc.freeze()
