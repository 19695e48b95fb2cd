"""The reference frontend (examples/headless/) against a live server: every page of a small site in
Finnish and English, found from the API's data alone, in at most two API requests, with the main
content of the HTML page the site serves itself (title, headings, dates, images' alt texts, links).

The client speaks HTTP only, so the site must be a real server: pytest-django's `live_server`,
which makes this a transactional test that empties the database afterwards. The module's fixture
puts the migrations' data back (as Django's serialized_rollback does), so that the following tests
and the next `--reuse-db` run find the database as migrations left it.
"""

import ast
import json
import sys
import urllib.parse
import urllib.request
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.documents.models import Document

from examples.headless.client import Client
from examples.headless.crawl import crawl, main
from examples.headless.render import render
from tests.factories import EventPageFactory, GuidePageFactory, StandardPageFactory
from tests.text import without_soft_hyphens

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(scope="module")
def _migrations_data_back(django_db_setup, django_db_blocker):
    """Snapshot the database before the module and load it back after it, content types first.

    The live server's test ends with a flush whose post_migrate signal gives the content types new
    ids, which their cache keeps; reading the snapshot's other rows would then make content types
    anew before the snapshot's own come. So those are inserted first, without signals, and the
    rest as Django's deserialize_db_from_string (which the browser tests use) does.
    """
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0)
        rows = json.loads(snapshot)
        content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
        with transaction.atomic(), connection.constraint_checks_disabled():
            ContentType.objects.bulk_create([obj.object for obj in serializers.deserialize("python", content_types)])
            ContentType.objects.clear_cache()
            others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
            for obj in serializers.deserialize("python", others):
                obj.save()
            connection.check_constraints()
        # Content types are read from Django's cache by tests that build pages without saving them;
        # fill it again as it was before the flush.
        ContentType.objects.get_for_models(*apps.get_models())


def raw(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translated(page, locale, title):
    english = page.copy_for_translation(locale)
    english.title = title
    return publish(english)


@pytest.fixture
def small_site(_migrations_data_back, site, home, en_home, guide_index, event_index, en_locale):
    """A menu page, a guide and an event with every shared block type, the event also in English."""
    image = wagtail_factories.ImageFactory(title="Kuva", file__width=1600, file__height=900)
    document = Document.objects.create(title="Ohjelma", file=ContentFile(b"%PDF-1.4 ohjelma", name="ohjelma.pdf"))
    guide = publish(
        GuidePageFactory(
            parent=guide_index,
            title="Hankesuunnitelman kirjoittaminen",
            slug="hankesuunnitelma",
            body=raw(("heading", {"text": "Tavoitteet", "level": "h2"}), ("paragraph", "<p>Kirjoita tavoitteet.</p>")),
        )
    )
    event = publish(
        EventPageFactory(
            parent=event_index,
            title="Hankeinfo",
            slug="hankeinfo",
            summary="Kerromme hausta.",
            starts_at=datetime(2030, 3, 2, 13, 0, tzinfo=HELSINKI),
            ends_at=datetime(2030, 3, 2, 15, 0, tzinfo=HELSINKI),
            body=raw(
                ("heading", {"text": "Mitä tapahtuu?", "level": "h2"}),
                ("paragraph", f'<p>Lue ensin <a linktype="page" id="{guide.pk}">opas</a>.</p>'),
                ("image", {"image": {"image": image.pk, "alt_text": "Talkoolaiset"}, "caption": "Kuva", "credit": ""}),
                ("document", {"document": document.pk, "title": ""}),
                ("callout", {"variant": "warning", "title": "Huomaa", "text": "<p>Ilmoittaudu ajoissa.</p>"}),
            ),
        )
    )
    about = publish(
        StandardPageFactory(
            parent=home,
            title="Tietoa hankkeesta",
            slug="tietoa",
            show_in_menus=True,
            body=raw(
                ("heading", {"text": "Yhteystiedot", "level": "h2"}),
                ("paragraph", '<p><a href="https://example.org/">Kumppani</a></p>'),
            ),
        )
    )
    en_events = translated(event_index, en_locale, "Events")
    en_event = translated(event, en_locale, "Project info")
    pages = [home, en_home, guide_index, event_index, guide, event, about, en_events, en_event]
    return {"paths": {page.url for page in pages}, "guide": guide.url, "about": about.url, "en_event": en_event.url}


class Main(HTMLParser):
    """What the comparison looks at: in <main>, the h1, headings, <time> values and images' alt
    texts; in the whole document, where its links go (as paths on this site)."""

    def __init__(self, origins):
        super().__init__(convert_charrefs=True)
        self.origins = origins
        self.depth = 0
        self.h1, self.headings, self.times, self.alts, self.links = "", set(), set(), set(), set()
        self.heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add(self.local(attrs["href"]))
        if tag == "main":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("h1", "h2", "h3", "h4"):
            self.heading = [tag, ""]
        elif tag == "time":
            self.times.add(attrs["datetime"])
        elif tag == "img" and attrs.get("alt"):
            self.alts.add(attrs["alt"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        if self.heading and tag == self.heading[0]:
            text = " ".join(without_soft_hyphens(self.heading[1]).split())
            if tag == "h1":
                self.h1 = text
            else:
                self.headings.add(text)
            self.heading = None

    def handle_data(self, data):
        if self.heading:
            self.heading[1] += data

    def local(self, href):
        for origin in self.origins:
            if href.startswith(origin):
                return urllib.parse.urlsplit(href).path
        return href


def parsed(html, origins):
    parser = Main(origins)
    parser.feed(html)
    return parser


def test_the_reference_client_renders_every_page_from_the_api_like_the_site(live_server, small_site, tmp_path):
    counts, not_pages = crawl(live_server.url, tmp_path)
    # Every page, found from the API's data only (menu, listings, links, language switcher).
    assert set(counts) == small_site["paths"], not_pages
    assert all(count <= 2 for count in counts.values()), counts
    assert (tmp_path / "fi" / "tapahtumat" / "hankeinfo" / "index.html").is_file()
    origins = (live_server.url, "http://testserver")
    for path in sorted(counts):
        data = Client(live_server.url).page(path)
        # A detail page in one request; a section that lists its pages in two.
        assert len(data.requests) == (2 if data.page["meta"]["type"].endswith("IndexPage") else 1), data.requests
        ours = render(data)
        with urllib.request.urlopen(live_server.url + path) as response:
            theirs = response.read().decode()
        mine, site = parsed(ours, origins), parsed(theirs, origins)
        assert mine.h1 == site.h1, path
        assert mine.headings <= site.headings, (path, mine.headings - site.headings)
        assert mine.times <= site.times, (path, mine.times - site.times)
        assert mine.alts <= site.alts, (path, mine.alts - site.alts)
        assert mine.links <= site.links, (path, mine.links - site.links)
        label = data.components["site"]["data"]["eu_notice"]["statement"]["label"]
        assert label in ours and label in without_soft_hyphens(theirs)
    event = parsed((tmp_path / "fi" / "tapahtumat" / "hankeinfo" / "index.html").read_text(), origins)
    assert event.headings == {"Mitä tapahtuu?"} and event.alts == {"Talkoolaiset"}
    assert event.times == {"2030-03-02T13:00:00+02:00", "2030-03-02T15:00:00+02:00"}
    assert {small_site["guide"], small_site["en_event"], small_site["about"]} <= event.links
    assert any(link.endswith("/ohjelma.pdf") for link in event.links)
    # `make headless-demo` fails when a page needs more requests than allowed (the sections need two).
    assert main(["--base-url", live_server.url, "--out", str(tmp_path), "--max-requests", "1"]) == 1


def test_the_reference_client_imports_only_the_standard_library():
    """It is a client of the API, not part of the project: a frontend developer can copy it as it is."""
    folder = Path(__file__).parents[2] / "examples" / "headless"
    for source in folder.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names | {"__future__"}, (source.name, name)
