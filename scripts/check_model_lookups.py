"""Fail when code looks a model up by label in an app it may not import (docs/architecture.md).

`apps.get_model("events", "EventPage")` is an import in disguise: import-linter sees only import
statements, so this check reads every module's syntax tree for `get_model(...)` calls with
literal labels and applies the same layers, read from `.importlinter`: a lookup may go down the
layers, never up, and never across to another app of the same layer. Migrations are exempt
(their `apps` is the historical registry, and they name models by label by design), as are
tests. Run by `make lint`; exits 1 with one line per offending call.
"""

import ast
import configparser
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_layers(config_path: Path) -> list[set[str]]:
    """The layers contract of .importlinter, bottom first, each a set of package names."""
    config = configparser.ConfigParser()
    config.read(config_path)
    layers = config["importlinter:contract:layers"]["layers"].strip().splitlines()
    parsed = [{name.strip(" ()") for name in line.replace(":", "|").split("|")} for line in layers if line.strip()]
    return list(reversed(parsed))


def label_of(call: ast.Call) -> str | None:
    """The app label of a `get_model("app", "Model")` or `get_model("app.Model")` call, if literal."""
    if not call.args or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
        return None
    return call.args[0].value.split(".")[0]


def lookups(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get_model":
            label = label_of(node)
            if label:
                yield node.lineno, label


def violations(root: Path, layers: list[set[str]]) -> list[str]:
    level = {package: index for index, layer in enumerate(layers) for package in layer}
    found = []
    for package in level:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, label in lookups(path):
                if label not in level or label == package:
                    continue
                if level[label] > level[package]:
                    found.append(f"{path.relative_to(root)}:{line}: {package} looks up a model of {label}, a higher layer")
                elif level[label] == level[package]:
                    found.append(
                        f"{path.relative_to(root)}:{line}: {package} looks up a model of {label}, an app of its own layer"
                    )
    return found


def main(root: Path = ROOT) -> int:
    found = violations(root, read_layers(root / ".importlinter"))
    for message in found:
        print(message)
    if found:
        print(f"{len(found)} model lookup(s) across layers: import through a registry instead (docs/architecture.md).")
        return 1
    print("Model lookups by label follow the layers.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
