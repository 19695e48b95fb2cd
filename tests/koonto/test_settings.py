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


def names_read_by(path: Path) -> set[str]:
    """Variables a settings module reads through ops.environment (`env.<type>("NAME"...)`)."""
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "env"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


def documented_names() -> set[str]:
    lines = (BASE_DIR / ".env.example").read_text().splitlines()
    return {
        line.split("=", 1)[0].lstrip("# ").strip() for line in lines if "=" in line and line.lstrip("# ").split("=")[0].isupper()
    }


def test_env_example_lists_every_variable_the_settings_read():
    read = set().union(
        *(names_read_by(BASE_DIR / "koonto" / "settings" / f"{name}.py") for name in ("base", "dev", "production"))
    )
    assert read - documented_names() == set()


def test_every_variable_in_env_example_is_read_somewhere():
    """Settings read most; the process manager (gunicorn.conf.py), the commands and scripts the rest."""
    sources = [BASE_DIR / "gunicorn.conf.py", *BASE_DIR.glob("scripts/*"), *BASE_DIR.glob("*/management/commands/*.py")]
    text = "\n".join(path.read_text() for path in sources if path.is_file())
    read = set().union(*(names_read_by(path) for path in (BASE_DIR / "koonto" / "settings").glob("*.py")))
    unread = {name for name in documented_names() - read if name not in text and name != "DJANGO_SETTINGS_MODULE"}
    assert unread == set()


def test_a_value_that_is_not_of_its_type_stops_the_start_with_its_name():
    result = run_settings("koonto.settings.dev", KOONTO_CACHE_MAX_AGE="a minute")
    assert result.returncode != 0
    assert "KOONTO_CACHE_MAX_AGE must be a whole number" in result.stderr


def test_an_empty_variable_takes_the_default():
    result = run_settings("koonto.settings.dev", DEBUG="", KOONTO_LANGUAGES="")
    assert result.returncode == 0, result.stderr
