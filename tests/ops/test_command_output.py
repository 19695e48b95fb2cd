"""A management command's stdout is its output alone: `manage.py dumpdata > backup.json` is JSON.

Log lines (one JSON object each, ops/logging.py) go to stderr in management commands; app
servers keep them on stdout (tests/ops/test_two_app_servers.py).
"""

import json
import subprocess
import sys

from tests.ops.conftest import PROJECT_DIR, app_env, copy_of_test_database, seed


def test_dumpdata_output_parses_and_the_log_lines_go_to_stderr(django_db_setup, django_db_blocker, tmp_path):
    with copy_of_test_database(django_db_blocker, tmp_path) as database_url:
        env = app_env("unused", tmp_path / "media", DATABASE_URL=database_url, LOG_LEVEL="INFO")
        seed(env)
        result = subprocess.run(
            [sys.executable, "manage.py", "dumpdata", "--indent", "1"],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    assert result.returncode == 0, result.stderr[-3000:]
    objects = json.loads(result.stdout)
    titles = {item["fields"].get("title") for item in objects if item["model"] == "wagtailcore.page"}
    assert "Tietoa Koonto-hankkeesta" in titles
    # The lines that used to open the file are still written, on stderr (django-axes logs as it starts).
    log_lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert log_lines and all({"time", "level", "logger", "message"} <= line.keys() for line in log_lines)
