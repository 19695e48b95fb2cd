"""Production settings: `check --deploy` passes with .env.example, and unsafe starts are refused.

Production settings are read once per process, so each case runs `manage.py` in a subprocess
with the environment a deployment would have.
"""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

ENV_EXAMPLE = settings.BASE_DIR / ".env.example"


def example_environment(**overrides: str) -> dict[str, str]:
    """The process environment plus every variable of .env.example, with a real secret key."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name.strip()] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_the_example_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=example_environment())

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=example_environment(SECRET_KEY=""))

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = manage("check", env=example_environment(DEBUG="1"))

    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_cookies_hsts_proxy_header_and_trusted_origins_come_from_the_environment():
    code = (
        "from django.conf import settings as s; import json; print(json.dumps({"
        "'proxy': s.SECURE_PROXY_SSL_HEADER, 'origins': s.CSRF_TRUSTED_ORIGINS, 'hsts': s.SECURE_HSTS_SECONDS,"
        "'cookies': [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_HTTPONLY], 'redirect': s.SECURE_SSL_REDIRECT,"
        "'img': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
    )
    env = example_environment(
        CSRF_TRUSTED_ORIGINS="https://a.example.fi,https://b.example.fi",
        KOONTO_CSP_MEDIA_ORIGINS="https://media.koonto.example.fi",
    )

    result = manage("shell", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "proxy": ["HTTP_X_FORWARDED_PROTO", "https"],
        "origins": ["https://a.example.fi", "https://b.example.fi"],
        "hsts": 31536000,
        "cookies": [True, True, True, True, True],
        "redirect": True,
        # Media on object storage or a CDN: the CSP lets pages show its images.
        "img": ["'self'", "data:", "https://media.koonto.example.fi"],
    }


def test_a_malformed_proxy_ssl_header_is_refused():
    result = manage("check", env=example_environment(SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto"))

    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must look like" in result.stderr


def test_password_validators_refuse_short_and_common_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for password in ("lyhyt", "password1234", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(password)
    validate_password("pitkä-ja-harvinainen-lause-42")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "KOONTO_PUBLIC_URL is not set"),
        ("http://koonto.example.fi", "does not start with https://"),
        ("https://localhost", "names this machine"),
        ("https://127.0.0.1:8000", "is a loopback address"),
        ("https://[::1]", "is a loopback address"),
        ("https://koonto.example.fi/fi/", "without a path"),
    ],
)
def test_check_deploy_refuses_a_public_origin_that_is_missing_plain_http_or_this_machine(value, reason):
    result = manage("check", "--deploy", env=example_environment(KOONTO_PUBLIC_URL=value))

    assert result.returncode != 0
    assert "koonto.E001" in result.stderr
    assert reason in result.stderr


def test_the_public_origin_checks_pass_for_an_https_host():
    from koonto.checks import origin_problem

    assert origin_problem("https://koonto.example.fi") is None
    assert origin_problem("https://koonto.example.fi:8443") is None
