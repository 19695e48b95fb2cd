"""What clients see of the project's shape: every URL pattern with its name, and the OpenAPI document.

Moving code between apps (docs/architecture.md) must change none of it: these are compared with
the snapshots in tests/snapshots/. A deliberate change (a new endpoint, a documented API change)
updates them with `KOONTO_UPDATE_SNAPSHOTS=1 pytest tests/test_public_interface.py`, and the
diff shows up in review.
"""

import json
import os
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

SNAPSHOTS = Path(__file__).parent / "snapshots"


def url_patterns(resolver=None, prefix: str = "", namespace: str = "") -> list[str]:
    """Every pattern as "route  name", depth first, in the order Django tries them."""
    resolver = resolver or get_resolver()
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += url_patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            found.append(f"{route}  {namespace}{pattern.name or ''}".rstrip())
    return found


def compare(name: str, current: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("KOONTO_UPDATE_SNAPSHOTS") == "1":
        path.write_text(current)
    assert current == path.read_text(), f"{name} changed; if on purpose, update it (see this module's docstring)"


def test_url_patterns_and_names_are_unchanged():
    # Routes under i18n_patterns are translated: read them in Finnish, whatever a test before left active.
    with translation.override("fi"):
        compare("urls.txt", "\n".join(url_patterns()) + "\n")


@pytest.mark.django_db
def test_the_openapi_document_is_unchanged(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    compare("openapi.json", json.dumps(response.json(), indent=1, sort_keys=True, ensure_ascii=False) + "\n")
