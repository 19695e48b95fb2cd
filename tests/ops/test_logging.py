"""Structured logs (ops/logging.py): JSON lines with the request id, tracebacks for errors."""

import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from ops.logging import JsonFormatter, RequestIdMiddleware, current_request_id, request_id_from


def fails(request):
    logging.getLogger("koonto.tests").info("about to fail")
    raise RuntimeError("the database said no")


def answers(request):
    logging.getLogger("koonto.tests").info("answering")
    return HttpResponse("ok")


urlpatterns = [path("fails/", fails), path("answers/", answers)]


@pytest.fixture
def log_lines():
    """Everything logged during the test, through the production formatter, as parsed JSON."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(), logging.getLogger("django")]
    for logger in loggers:
        logger.addHandler(handler)
    logging.getLogger("koonto.tests").setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger in loggers:
        logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [
        ("4f1c2a9e8b7d4c3a", True),
        ("req-2026.11.29:abc_1", True),
        ("short", False),
        ("has space in it", False),
        ('quote"injection', False),
        ("x" * 200, False),
        ("", False),
        (None, False),
    ],
)
def test_a_sane_incoming_request_id_is_kept_and_anything_else_replaced(incoming, kept):
    request_id = request_id_from(incoming)
    assert (request_id == incoming) is kept
    assert len(request_id) >= 8


@override_settings(ROOT_URLCONF=__name__)
def test_every_line_of_a_request_carries_its_id_and_the_response_returns_it(client, log_lines):
    response = client.get("/answers/", headers={"X-Request-ID": "proxy-assigned-0042"})

    assert response["X-Request-ID"] == "proxy-assigned-0042"
    line = next(line for line in log_lines() if line["message"] == "answering")
    assert line["request_id"] == "proxy-assigned-0042"
    assert line["level"] == "INFO" and line["logger"] == "koonto.tests"
    assert current_request_id() is None, "the id does not leak past the request"


@override_settings(ROOT_URLCONF=__name__)
def test_an_error_is_logged_with_its_traceback_and_the_request_id(client, log_lines):
    client.raise_request_exception = False

    response = client.get("/fails/")

    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    error = next(line for line in log_lines() if line["logger"] == "django.request")
    assert error["level"] == "ERROR" and error["status_code"] == 500
    assert error["request_id"] == request_id and error["path"] == "/fails/"
    assert "Traceback" in error["exception"] and "RuntimeError: the database said no" in error["exception"]
    assert b"the database said no" not in response.content
    assert any(line["message"] == "about to fail" and line["request_id"] == request_id for line in log_lines())


def test_each_log_record_is_one_line_of_json_even_with_newlines_and_odd_values():
    record = logging.LogRecord("koonto", logging.WARNING, __file__, 1, "two\nlines %s", ("ä",), None)
    record.payload = object()
    record.count = 3

    line = JsonFormatter().format(record)

    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["message"] == "two\nlines ä" and parsed["count"] == 3 and "payload" not in parsed


def test_gunicorn_access_lines_become_fields_with_the_response_request_id():
    atoms = {"h": "10.0.0.5", "m": "GET", "U": "/fi/", "q": "page=2", "s": "200", "B": "5120", "D": "12500"}
    atoms |= {"a": "curl/8", "f": "-", "{x-request-id}o": "abcdef0123456789"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s %(m)s %(U)s", (atoms,), None)

    parsed = json.loads(JsonFormatter().format(record))

    assert parsed["request_id"] == "abcdef0123456789"
    assert parsed["http"] == {
        "remote_addr": "10.0.0.5",
        "method": "GET",
        "path": "/fi/",
        "query": "page=2",
        "status": 200,
        "bytes": 5120,
        "duration_ms": 12.5,
        "user_agent": "curl/8",
        "referer": "-",
        "request_id": "abcdef0123456789",
    }


def test_the_request_id_middleware_is_first_and_settings_log_json_to_the_console(settings):
    """First, so that every other middleware's lines and every response (500s too) carry the id.

    The console is stdout in app servers and stderr in commands (tests/ops/test_command_output.py,
    tests/ops/test_two_app_servers.py run both for real)."""
    assert settings.MIDDLEWARE[0] == "ops.logging.RequestIdMiddleware"
    assert RequestIdMiddleware.__module__ == "ops.logging"
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["class"] == "ops.logging.ConsoleHandler"
    assert settings.LOGGING["formatters"][handler["formatter"]]["()"] == "ops.logging.JsonFormatter"
