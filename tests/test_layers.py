"""The layers of docs/architecture.md hold, and the checks that guard them do fail on a wrong import.

`make lint` runs both checks on the real tree; here each is also run on a copy of the project's
Python files with one deliberate violation, to prove it would catch it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = [
    "ops",
    "koonto",
    "design",
    "guides",
    "showcase",
    "events",
    "home",
    "search",
    "api",
    "feeds",
    "editorial",
    "localisation",
    "demo",
    "personal_data",
    "advice",
]


@pytest.fixture(scope="module")
def copy_of_the_code(tmp_path_factory) -> Path:
    """The project's packages (Python files only) and its contracts, in a temporary directory."""
    root = tmp_path_factory.mktemp("layers")
    for package in PACKAGES:
        shutil.copytree(BASE_DIR / package, root / package, ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "static"))
    shutil.copy(BASE_DIR / ".importlinter", root / ".importlinter")
    shutil.copytree(BASE_DIR / "scripts", root / "scripts")
    return root


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=root, env={"PYTHONPATH": str(root)}, capture_output=True, text=True, timeout=120
    )


def check_model_lookups(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/check_model_lookups.py"], cwd=root, capture_output=True, text=True, timeout=60
    )


def test_the_project_keeps_its_layers(copy_of_the_code):
    result = lint_imports(copy_of_the_code)
    assert result.returncode == 0, result.stdout
    assert check_model_lookups(copy_of_the_code).returncode == 0


def test_a_feature_app_importing_another_breaks_the_contracts(copy_of_the_code, tmp_path):
    root = tmp_path / "code"
    shutil.copytree(copy_of_the_code, root)
    with (root / "guides" / "models.py").open("a") as models:
        models.write("\nfrom events.models import EventPage  # a deliberate violation\n")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "guides is not allowed to import events" in result.stdout


def test_the_bottom_reaching_up_breaks_the_layers(copy_of_the_code, tmp_path):
    root = tmp_path / "code"
    shutil.copytree(copy_of_the_code, root)
    with (root / "koonto" / "listing.py").open("a") as listing:
        listing.write("\nimport search.engine  # a deliberate violation\n")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "koonto is not allowed to import search" in result.stdout


def test_a_model_lookup_by_label_up_the_layers_is_caught(copy_of_the_code, tmp_path):
    root = tmp_path / "code"
    shutil.copytree(copy_of_the_code, root)
    (root / "koonto" / "lookup.py").write_text('from django.apps import apps\n\nEVENT = apps.get_model("events", "EventPage")\n')
    result = check_model_lookups(root)
    assert result.returncode == 1
    assert "koonto/lookup.py:3: koonto looks up a model of events, a higher layer" in result.stdout
