"""Publishing a page tells the caching proxy in front to forget it (wagtail.contrib.frontend_cache).

A real HTTP server on a loopback port plays the proxy (Varnish or nginx with a purge module)
and records the PURGE requests it receives.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from tests.factories import StandardPageFactory


@pytest.fixture
def purge_proxy():
    """A loopback HTTP server that answers 200 to PURGE and remembers (host, path) of each."""
    received: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_url_from_the_proxy(site, purge_proxy, django_capture_on_commit_callbacks):
    location, received = purge_proxy
    backends = {"proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
    page = StandardPageFactory(parent=site, slug="tietoa", live=False)

    with override_settings(WAGTAILFRONTENDCACHE=backends), django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert ("testserver", "/fi/tietoa/") in received


def test_without_a_purge_url_publishing_sends_nothing(site, purge_proxy, django_capture_on_commit_callbacks):
    _location, received = purge_proxy
    page = StandardPageFactory(parent=site, slug="tietoa", live=False)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert received == []
