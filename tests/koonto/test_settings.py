"""Settings read the environment; production refuses to start without a secret key or with DEBUG."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
SNIPPET = "import django; django.setup(); from django.conf import settings; print(settings.LANGUAGES, settings.DEBUG)"


def run_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "KOONTO_LANGUAGES"}}
    clean_env.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", SNIPPET], cwd=BASE_DIR, env=clean_env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_settings("koonto.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = run_settings("koonto.settings.production", SECRET_KEY="x" * 50, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_settings("koonto.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def test_swedish_is_switched_on_by_configuration_alone():
    result = run_settings("koonto.settings.production", SECRET_KEY="x" * 50, KOONTO_LANGUAGES="fi,en,sv")
    assert result.returncode == 0, result.stderr
    assert "('sv', 'Svenska')" in result.stdout


def test_languages_must_start_with_finnish():
    result = run_settings("koonto.settings.production", SECRET_KEY="x" * 50, KOONTO_LANGUAGES="en,fi")
    assert result.returncode != 0
    assert "must start with 'fi'" in result.stderr


def test_base_settings_are_finnish_first_in_helsinki_time():
    assert settings.LANGUAGE_CODE == "fi"
    assert settings.TIME_ZONE == "Europe/Helsinki"
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _ in settings.LANGUAGES][:2] == ["fi", "en"]
