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
import re
import sys
import urllib.parse
import urllib.request
from datetime import datetime
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

from events.models import EventPage
from examples.headless.client import Client
from examples.headless.compare import differences, parsed
from examples.headless.crawl import crawl, main, sitemap_pages
from examples.headless.render import render
from koonto.models import Municipality, Theme
from showcase.models import ShowcaseMunicipality, ShowcaseTargetGroup, ShowcaseTheme
from tests.factories import EventPageFactory, GuidePageFactory, ShowcasePageFactory, StandardPageFactory
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
def small_site(_migrations_data_back, site, home, en_home, guide_index, event_index, showcase_index, en_locale):
    """A menu page, a guide and an event with every shared block type, the event also in English;
    a list of events longer than a page, a past event, and showcases to filter."""
    pages = []
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
    # More upcoming events than the HTML list shows on a page (12), in two municipalities and types,
    # and one past event: the client must give each page of results, each filter and past events.
    kuopio, iisalmi = Municipality.objects.get(code="297"), Municipality.objects.get(code="140")
    for day in range(1, 14):
        publish(
            EventPageFactory(
                parent=event_index,
                title=f"Kurssi {day}",
                slug=f"kurssi-{day}",
                starts_at=datetime(2031, 1 + day % 2, day, 10, 0, tzinfo=HELSINKI),
                ends_at=None,
                municipality=kuopio if day % 3 else iisalmi,
                event_type="training" if day % 2 else "webinar",
            )
        )
    past = publish(
        EventPageFactory(
            parent=event_index,
            title="Mennyt",
            slug="mennyt",
            starts_at=datetime(2020, 5, 4, 10, 0, tzinfo=HELSINKI),
            ends_at=None,
        )
    )
    theme = Theme.objects.create(name="Osallisuus", slug="osallisuus", locale=home.locale)
    showcases = []
    for number, municipality in enumerate([kuopio, iisalmi]):
        showcase = ShowcasePageFactory(
            parent=showcase_index, title=f"Hanke {number}", slug=f"hanke-{number}", programme_period="2021-2027"
        )
        ShowcaseMunicipality.objects.create(page=showcase, municipality=municipality)
        if number:
            ShowcaseTheme.objects.create(page=showcase, theme=theme)
            ShowcaseTargetGroup.objects.create(page=showcase, group=ShowcaseTargetGroup.Group.values[0])
        showcases.append(publish(showcase))
    pages += [past, showcase_index, *showcases, *EventPage.objects.filter(slug__startswith="kurssi-")]
    en_events = translated(event_index, en_locale, "Events")
    en_event = translated(event, en_locale, "Project info")
    pages += [home, en_home, guide_index, event_index, guide, event, about, en_events, en_event]
    return {"paths": {page.url for page in pages}, "guide": guide.url, "about": about.url, "en_event": en_event.url}


def test_the_reference_client_renders_every_page_from_the_api_like_the_site(live_server, small_site, tmp_path):
    origins = ("http://testserver",)  # the site's public origin in the test settings
    counts, not_pages, differ = crawl(live_server.url, tmp_path, origins)
    # Every page, found from the API's data only (menu, listings, links, language switcher), and each
    # agrees with the site's own HTML page in its main content (examples/headless/compare.py).
    assert not differ, json.dumps(differ, indent=1, ensure_ascii=False)
    pages = {address for address in counts if "?" not in address}
    assert pages == small_site["paths"], not_pages
    assert sitemap_pages(live_server.url) == pages  # what `--sitemap` checks on the demo in CI
    assert all(count <= 2 for count in counts.values()), counts
    # The lists at every address their rendering links to: each page of results, each filter value, past events.
    lists = {address for address in counts if "?" in address}
    assert {"/fi/tapahtumat/?page=2", "/fi/tapahtumat/?when=past", "/fi/tapahtumat/?type=webinar"} <= lists
    assert {"/fi/tapahtumat/?municipality=140", "/fi/tapahtumat/?month=2031-02", "/en/tapahtumat/?page=2"} <= lists
    assert {"/fi/hankkeet/?theme=osallisuus", "/fi/hankkeet/?municipality=140", "/fi/hankkeet/?period=2021-2027"} <= lists
    assert (tmp_path / "fi" / "tapahtumat" / "hankeinfo" / "index.html").is_file()
    for path in sorted(pages):
        data = Client(live_server.url).page(path)
        # A detail page in one request; a section that lists its pages in two.
        assert len(data.requests) == (2 if data.page["meta"]["type"].endswith("IndexPage") else 1), data.requests
        ours = render(data)
        with urllib.request.urlopen(live_server.url + path) as response:
            theirs = response.read().decode()
        label = data.components["site"]["data"]["eu_notice"]["statement"]["label"]
        assert label in ours and label in without_soft_hyphens(theirs)
    origins = (live_server.url, "http://testserver")
    event = parsed((tmp_path / "fi" / "tapahtumat" / "hankeinfo" / "index.html").read_text(), origins)
    assert event.headings == {"Mitä tapahtuu?"} and event.alts == {"Talkoolaiset"}
    assert event.times == {"2030-03-02T13:00:00+02:00", "2030-03-02T15:00:00+02:00"}
    assert {small_site["guide"], small_site["en_event"], small_site["about"]} <= event.links
    assert any(link.endswith("/ohjelma.pdf") for link in event.links)
    # The second page of upcoming events has the one event the first (12) could not show.
    second = parsed((tmp_path / "fi" / "tapahtumat" / "page=2.html").read_text(), origins)
    assert "/fi/tapahtumat/kurssi-13/" in second.links and "/fi/tapahtumat/mennyt/" not in second.links
    # `make headless-demo` fails when a page needs more requests than allowed (the sections need two).
    assert main(["--base-url", live_server.url, "--out", str(tmp_path), "--max-requests", "1"]) == 1


def test_the_comparison_fails_on_a_missing_listed_page_a_wrong_title_or_a_link_the_site_lacks():
    site = (
        '<main><h1>Tapa\u00adhtumat</h1><div class="card__title"><a href="http://testserver/fi/tapahtumat/a/?from=1">A</a></div>'
        '<h3 class="card__title"><a href="/fi/tapahtumat/b/">B</a></h3></main>'
    )
    same = '<main><h1>Tapahtumat</h1><a href="/fi/tapahtumat/a/">A</a><a href="/fi/tapahtumat/b/">B</a></main>'
    assert differences(same, site, "/fi/tapahtumat/", ("http://testserver",)) == []
    missing = '<main><h1>Tapahtumat</h1><a href="/fi/tapahtumat/a/">A</a></main>'
    assert differences(missing, site, "/fi/tapahtumat/", ("http://testserver",)) == [
        "pages the site's list shows and ours does not: ['/fi/tapahtumat/b/']"
    ]
    wrong = '<main><h1>Menot</h1><a href="/fi/tapahtumat/a/">A</a><a href="/fi/tapahtumat/b/">B</a><a href="/fi/c/">C</a></main>'
    assert differences(wrong, site, "/fi/tapahtumat/", ("http://testserver",)) == [
        "title: ours 'Menot', the site's 'Tapahtumat'",
        "links not on the site's page: ['/fi/c/']",
    ]


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


def test_the_reference_client_renders_every_block_type_of_every_page_body():
    """A block type added to a page's body without the client learning it would be left out of its
    pages silently (render.block gives "" for a type it does not know)."""
    from wagtail.fields import StreamField
    from wagtail.models import get_page_models

    source = (Path(__file__).parents[2] / "examples" / "headless" / "render.py").read_text()
    known = set(re.findall(r'if kind == "(\w+)"', source))
    used = {
        name
        for model in get_page_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.name == "body"
        for name in field.stream_block.child_blocks
    }
    assert used, "no page body found"
    assert used <= known, sorted(used - known)
