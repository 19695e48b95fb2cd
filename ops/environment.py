"""The one way settings read the environment: typed, each variable read once, every name recorded.

`env.bool("DEBUG", False)`, `env.int(...)`, `env.str(...)`, `env.list(...)`, `env.path(...)`.
A variable that is unset or set to an empty string takes the default (an env file writes
`NAME=` for "use the default"); a value that cannot be read as its type stops the start with a
message naming the variable, instead of a silent default. Each variable is read from the
environment once and keeps one type: dev.py and production.py ask again with their own
defaults and get the same value. `env.names` is every variable the settings read, which
tests/koonto/test_settings.py compares with .env.example.

Why not environs (available here): it refuses a variable that is set but empty, which .env files
and systemd use for "default", and it has no record of the names read.
"""

import os
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


class Environment:
    def __init__(self, environ: Mapping[str, str] = os.environ):
        self.environ = environ
        self.types: dict[str, str] = {}

    @property
    def names(self) -> set[str]:
        return set(self.types)

    def _raw(self, name: str, kind: str) -> str | None:
        known = self.types.setdefault(name, kind)
        if known != kind:
            raise ImproperlyConfigured(f"The settings read {name} both as {known} and as {kind}.")
        value = self.environ.get(name, "").strip()
        return value or None

    def str(self, name: str, default: str = "") -> str:
        value = self._raw(name, "str")
        return default if value is None else value

    def bool(self, name: str, default: bool) -> bool:
        value = self._raw(name, "bool")
        if value is None:
            return default
        if value.lower() in TRUE | FALSE:
            return value.lower() in TRUE
        raise ImproperlyConfigured(f"{name} must be 1 or 0 (true/false, yes/no, on/off), not {value!r}.")

    def int(self, name: str, default: int | None) -> int | None:
        value = self._raw(name, "int")
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None

    def list(self, name: str, default: str = "") -> list[str]:
        """A comma-separated list, blanks dropped."""
        value = self._raw(name, "list")
        return [item.strip() for item in (default if value is None else value).split(",") if item.strip()]

    def path(self, name: str, default: Path) -> Path:
        value = self._raw(name, "path")
        return default if value is None else Path(value)


env = Environment()
