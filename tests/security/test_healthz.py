"""/healthz: 200 while the database answers, 503 without details when it does not."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_healthz_is_ok_with_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db
def test_healthz_is_answered_before_sessions_locale_and_the_page_cache(client):
    """ops.views.HealthCheckMiddleware: the probe keeps every response's headers (request id,
    security, frame options, never cached) and skips the work of the middlewares below it, which
    would add a language and vary on the cookie and the language."""
    response = client.get("/healthz")

    assert response.status_code == 200 and response["Content-Length"] == str(len(response.content))
    assert response["X-Request-ID"] and response["X-Frame-Options"] == "DENY"
    assert "no-store" in response["Cache-Control"] and "Content-Security-Policy" in response
    assert "Content-Language" not in response and "Vary" not in response
    assert client.post("/healthz").status_code == 405


def test_healthz_is_503_without_the_database_and_leaks_nothing():
    """A process whose database is a closed port on this machine (nothing listens on port 1)."""
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.content.decode()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "koonto.settings.test",
        "DATABASE_URL": "postgres://koonto:secret-password@127.0.0.1:1/koonto?connect_timeout=2",
    }

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    body = outcome["body"].lower()
    assert "127.0.0.1" not in body
    assert "secret-password" not in body
    assert "connection" not in body
    assert "traceback" not in body
