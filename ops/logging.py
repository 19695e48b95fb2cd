"""Structured logs: one JSON object a line, each tagged with the request it belongs to.

App servers write them to stdout; management commands to stderr (ConsoleHandler), because a
command's stdout is its output: `manage.py dumpdata > backup.json` must be JSON and nothing else.
Process managers, container platforms and log shippers read either stream line by line; one
JSON object a line needs no parsing rules and keeps a multi-line traceback inside its record.
The request id ties together every line one request wrote (the access log line, a warning, an
error with its traceback) and is returned to the client as `X-Request-ID`, so a visitor's report
("it failed at 12.03, id 4f1c...") leads straight to the lines. A proxy or load balancer that
already assigns ids (nginx `$request_id`, a cloud load balancer) passes its own in the same
header and we keep it.

This module must not import Django settings at import time: gunicorn.conf.py uses the formatter
before Django is set up.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
# A sane incoming id: letters, digits and a few separators, short enough for a log line. Anything
# else (spaces, quotes, control characters, kilobytes of text) could forge or break log lines.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")

# Signed tokens in query strings (the personal-data link, personal_data/rights.py) never reach a
# log line: their values are replaced wherever a line mentions them.
_TOKEN_VALUE = re.compile(r"((?:^|[?&\s])token=)[^&\s\"']+")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("koonto_request_id", default=None)
# Set by the WSGI entry point (koonto/wsgi.py) before Django configures logging.
_serving = False

# Attributes every LogRecord has; anything else on a record was passed with `extra=` and is kept.
_STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def serve_logs_on_stdout() -> None:
    """This process is an app server (gunicorn or any WSGI server loading koonto.wsgi)."""
    global _serving
    _serving = True


class ConsoleHandler(logging.StreamHandler):
    """The LOGGING handler: stdout in an app server, stderr in everything else.

    Decided by the entry point, not by guessing from the command line: every way of running a
    command (manage.py, django-admin, a script calling django.setup()) keeps its stdout clean,
    and every WSGI server goes through koonto/wsgi.py, which says so first. `runserver` is a
    command too (it loads koonto.wsgi after logging is set up): it logs to stderr.
    """

    def __init__(self):
        super().__init__(sys.stdout if _serving else sys.stderr)


def current_request_id() -> str | None:
    """The id of the request being handled in this thread or task, if any."""
    return _request_id.get()


def request_id_from(incoming: str | None) -> str:
    """Keep a sane id from the client or proxy; otherwise make a new one."""
    if incoming and SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def redact_tokens(text: str) -> str:
    """Replace the value of every `token=` parameter in a log text."""
    return _TOKEN_VALUE.sub(r"\1[redacted]", text) if "token=" in text else text


def record_request_id(record: logging.LogRecord) -> str | None:
    """The request id of a log record: given explicitly, on the request it names, or the current one.

    Django logs 4xx and 5xx responses (`django.request`) with the request attached, sometimes after
    every middleware has returned; the id stored on the request still ties the line to it.
    """
    explicit = getattr(record, "request_id", None)
    if explicit:
        return explicit
    on_request = getattr(getattr(record, "request", None), "request_id", None)
    return on_request if isinstance(on_request, str) else current_request_id()


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON: time, level, logger, message, request id, traceback.

    Values passed with `extra=` are kept when JSON can hold them (Django's `status_code`);
    objects such as Django's `request` are reduced to method and path. gunicorn's access log
    passes its fields as a dict, which becomes an `http` object.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact_tokens(record.getMessage()),
        }
        request_id = record_request_id(record)
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            # Written after the response left, outside the request: the id is the one it carried.
            entry["http"] = access_fields(record.args)
            request_id = entry["http"].get("request_id") or request_id
        if request_id:
            entry["request_id"] = request_id
        entry.update(self.extra_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    @staticmethod
    def extra_fields(record: logging.LogRecord) -> dict[str, object]:
        """Fields given with `extra=`, made safe for JSON."""
        fields: dict[str, object] = {}
        for name, value in vars(record).items():
            if name in _STANDARD_ATTRIBUTES or name == "request_id" or name.startswith("_"):
                continue
            if name == "request" and hasattr(value, "method"):
                fields["method"] = value.method
                fields["path"] = getattr(value, "path", "")
            elif isinstance(value, str | int | float | bool) or value is None:
                fields[name] = value
        return fields


def access_fields(atoms: dict) -> dict[str, object]:
    """The useful part of gunicorn's access-log atoms (see gunicorn's `access_log_format`)."""

    def number(key: str) -> int | None:
        try:
            return int(atoms.get(key))
        except (TypeError, ValueError):
            return None

    fields = {
        "remote_addr": atoms.get("h"),
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "query": redact_tokens(atoms.get("q") or ""),
        "status": number("s"),
        "bytes": number("B") or 0,
        "duration_ms": round((number("D") or 0) / 1000, 1),
        "user_agent": atoms.get("a"),
        "referer": redact_tokens(atoms.get("f") or "") or None,
    }
    request_id = atoms.get("{x-request-id}o")
    if request_id and request_id != "-":
        fields["request_id"] = request_id
    return fields


class RequestIdMiddleware:
    """Give each request an id: in every log line it causes and on the response.

    Sits first in MIDDLEWARE so that every later middleware's and view's log lines carry it,
    and so that even a 500 response (which Django builds inside the inner middleware) gets
    the header.
    """

    def __init__(self, get_response: Callable):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response
