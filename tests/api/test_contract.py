"""The API's contract, checked by clients against a live server on the demo site (issue 18):

- schemathesis runs every check (`--checks all`) on every GET operation of the OpenAPI document,
  from the document's examples, its coverage of each parameter, fuzzing and stateful sequences:
  every response must be declared (status, content type, headers, schema), every request the
  document allows must be accepted and every one it forbids refused;
- a typed client generated from the document with openapi-python-client, without warnings,
  fetches a page by its path and an events listing as typed objects.

Both speak HTTP only, so the site is a real server. Loading the demo takes most of a minute, so
it happens once for this module: as tests/browser/conftest.py does, the module runs pytest-django's
LiveServer itself, loads the demo into the test database (committed, so the server's connection
sees it) and afterwards puts the database back as migrations left it. `make api-contract` runs
this module alone. KOONTO_CONTRACT_EXAMPLES (default 10) sets schemathesis' examples per operation
and KOONTO_CONTRACT_SEED its seed (fixed, so a failure in CI can be replayed).
"""

import importlib
import json
import os
import subprocess
import sys
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

# pytest-django sets up the test database only for tests that are marked so; these tests use it
# through the module's fixture and the live server, not through a `db` fixture.
pytestmark = pytest.mark.django_db

BIN = Path(sys.executable).parent
EXAMPLES = os.environ.get("KOONTO_CONTRACT_EXAMPLES", "10")
SEED = os.environ.get("KOONTO_CONTRACT_SEED", "18")


@pytest.fixture(scope="module")
def demo_server(django_db_setup, django_db_blocker):
    """The demo site behind a live server, for this module; the database restored afterwards."""
    from pytest_django.live_server_helper import LiveServer

    from koonto.origin import sync_site

    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            call_command("load_demo", stdout=StringIO())
            server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
            # The live server is the public origin, as KOONTO_PUBLIC_URL is on a deployment.
            origin = override_settings(
                KOONTO_PUBLIC_URL=server.url, WAGTAILADMIN_BASE_URL=server.url, WAGTAILAPI_BASE_URL=server.url
            )
            origin.enable()
            sync_site()
            try:
                yield server.url
            finally:
                origin.disable()
                server.stop()
        finally:
            restore(snapshot)


def restore(snapshot: str) -> None:
    """Empty every table and load the snapshot back, content types first (as
    tests/examples/test_headless_client.py does, and for the same reason: a flush gives them new
    ids, which Django's content-type cache would keep)."""
    call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0)
    rows = json.loads(snapshot)
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    with transaction.atomic(), connection.constraint_checks_disabled():
        ContentType.objects.bulk_create([obj.object for obj in serializers.deserialize("python", content_types)])
        ContentType.objects.clear_cache()
        for obj in serializers.deserialize("python", [row for row in rows if row["model"] != "contenttypes.contenttype"]):
            obj.save()
        connection.check_constraints()
    ContentType.objects.get_for_models(*apps.get_models())


def run(*command: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1200)


def test_schemathesis_finds_nothing_on_any_get_operation(demo_server, tmp_path):
    result = run(
        str(BIN / "st"),
        "run",
        f"{demo_server}/api/v3/openapi.json",
        "--checks",
        "all",
        "--include-method",
        "GET",
        "--max-examples",
        EXAMPLES,
        "--seed",
        SEED,
        "--workers",
        "1",
        "--continue-on-failure",
        "--generation-database",
        "none",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    # Every GET operation of the document was run, none left out.
    with urllib.request.urlopen(f"{demo_server}/api/v3/openapi.json") as response:
        document = json.load(response)
    operations = sum("get" in operations for operations in document["paths"].values())
    assert f"Tested: {operations}" in result.stdout, result.stdout[-5000:]


@pytest.fixture(scope="module")
def generated_client(demo_server, tmp_path_factory):
    """A Python client generated from the live document by openapi-python-client, importable."""
    folder = tmp_path_factory.mktemp("generated")
    with urllib.request.urlopen(f"{demo_server}/api/v3/openapi.json") as response:
        (folder / "openapi.json").write_bytes(response.read())
    # No post hooks: the generator would run ruff from PATH and warn when it is not there.
    (folder / "config.json").write_text(json.dumps({"post_hooks": [], "package_name_override": "koonto_api_client"}))
    result = run(
        str(BIN / "openapi-python-client"),
        "generate",
        "--path",
        "openapi.json",
        "--config",
        "config.json",
        "--meta",
        "none",
        "--output-path",
        "koonto_api_client",
        cwd=folder,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output and "warning" not in output, output
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("koonto_api_client")
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.split(".")[0] == "koonto_api_client"]:
            del sys.modules[name]


def test_a_generated_typed_client_reads_an_events_listing_and_a_page(demo_server, generated_client):
    from koonto_api_client.api.koonto import koonto_list_events, koonto_page_by_path
    from koonto_api_client.models import EventList, EventOut, EventPageSchema, KoontoListEventsLocale, PageAnswer

    client = generated_client.Client(base_url=demo_server, raise_on_unexpected_status=True)

    events = koonto_list_events.sync(client=client, locale=KoontoListEventsLocale.FI, limit=5)
    assert isinstance(events, EventList)
    assert events.count >= 1 and events.items
    event = events.items[0]
    assert isinstance(event, EventOut)
    assert event.starts_at.tzinfo is not None  # a datetime with its offset, not a string

    answer = koonto_page_by_path.sync(client=client, path=event.url.removeprefix(demo_server), expand="breadcrumbs")
    assert isinstance(answer, PageAnswer)
    assert isinstance(answer.page, EventPageSchema)
    assert answer.page.title == event.title
    assert answer.page.meta.type_ == "events.EventPage"
    # The body's blocks are typed objects chosen by their `type`, not dicts.
    block_types = {type(block).__name__ for block in answer.page.body}
    assert block_types and all(name.endswith("BlockOut") for name in block_types), block_types
    assert [crumb.title for crumb in answer.components.breadcrumbs.items][-1] == event.title
