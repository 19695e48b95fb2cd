"""Page routing kept per content generation (ops.contentcache.remember_route and remember_site).

A page request's route (the page's id and type) is kept per generation, site, language and path;
the page itself is read fresh. A route must never outlive what it depends on: publication,
unpublication, a slug change, a move, a translation, a site change, another process's commit.
"""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from koonto.models import KoontoSettings
from ops import pagecache
from ops.models import ContentGeneration
from tests.factories import ShowcasePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings, site):
    settings.KOONTO_PAGE_CACHE = False
    KoontoSettings.for_site(site.get_site())  # made on a site's first request (a content change); made now


def queries_of(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, [query["sql"] for query in captured.captured_queries]


def test_a_kept_route_reads_its_page_in_one_query_and_no_site(client, home, showcase_index):
    showcase = ShowcasePageFactory(parent=showcase_index, slug="hanke", title="Hanke")
    showcase.save_revision().publish()
    first_status, first = queries_of(client, showcase.url)
    status, kept = queries_of(client, showcase.url)
    assert first_status == status == 200
    assert not [sql for sql in kept if "wagtailcore_site" in sql]
    routing = [sql for sql in kept if "showcase_showcasepage" in sql]
    assert len(routing) == 1 and "wagtailimages_image" in routing[0]  # with its picture (served_with)
    assert len(kept) < len(first)


def test_a_slug_change_a_move_and_unpublishing_show_at_once(client, home, showcase_index):
    page = StandardPageFactory(parent=home, slug="tietoa", title="Tietoa")
    old_url = page.url
    assert client.get(old_url).status_code == 200

    page.slug = "meista"
    page.save_revision().publish()
    page.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(page.url).status_code == 200

    page.move(showcase_index, pos="last-child")
    page.refresh_from_db()
    assert page.url.startswith(showcase_index.url)
    assert client.get(page.url).status_code == 200
    assert client.get("/fi/meista/").status_code == 301  # Wagtail's automatic redirect to where it moved

    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_page_taken_down_by_another_process_is_not_served_from_a_kept_route(client, home):
    page = StandardPageFactory(parent=home, slug="tietoa", title="Tietoa")
    assert client.get(page.url).status_code == 200
    # Another process unpublished it; this process has not seen the generation move yet.
    Page.objects.filter(pk=page.pk).update(live=False)
    assert client.get(page.url).status_code == 404
    # Published again elsewhere under a new slug: a path not kept is routed by Wagtail, and the
    # old path's kept route goes once the generation moves, as that process's commit makes it.
    old_url = page.url
    Page.objects.filter(pk=page.pk).update(live=True, slug="uusi")
    assert client.get("/fi/uusi/").status_code == 200
    ContentGeneration.objects.filter(pk=pagecache.GENERATION_ROW).update(number=F("number") + 1)
    assert client.get(old_url).status_code == 404


def test_a_route_follows_the_language_and_the_site(client, home, en_home):
    assert client.get("/fi/").context["page"].pk == home.pk
    assert client.get("/en/").context["page"].pk == en_home.pk

    other_root = StandardPageFactory(parent=home, slug="toinen", title="Toinen sivusto")
    Site.objects.create(hostname="toinen.example", port=80, root_page=other_root)
    response = client.get("/fi/", headers={"host": "toinen.example"})
    assert response.status_code == 200 and response.context["page"].pk == other_root.pk
    assert client.get("/fi/").context["page"].pk == home.pk


def test_unknown_paths_are_not_kept(client, home, settings):
    from django.core.cache import cache

    for n in range(5):
        assert client.get(f"/fi/ei-ole-{n}/").status_code == 404
    generation = pagecache.current_generation()
    kept = [key for key in cache._cache if f":content:{generation}:route:" in key]  # LocMemCache's own store
    assert kept == []


def test_the_site_of_a_host_is_kept_only_for_allowed_hosts(client, home, settings):
    from django.core.cache import cache

    settings.ALLOWED_HOSTS = ["testserver"]
    for n in range(3):
        client.get("/%01", headers={"host": f"keksitty-{n}.example"})  # refused before any view
    assert client.get(home.url).status_code == 200
    generation = pagecache.current_generation()
    kept = [key for key in cache._cache if f":memo:{generation}:site-for:" in key]
    assert len(kept) == 1  # testserver's
