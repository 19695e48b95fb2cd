"""A new page type needs edits in its own app only (docs/architecture.md, "Adding a page type").

tests/pagetypes/ holds BulletinPage, a page type installed by the test settings alone that
declares what other apps read. Search, the tag pages, the RSS feed, the sitemap, JSON-LD and
Open Graph, API v2 and v3, the visibility rule and the page cache pick it up with no edit to any
of them.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from ops import pagecache
from search.engine import result_types, run_search
from tests.feeds.helpers import get_rss, rss_titles
from tests.pagetypes.models import BulletinPage
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulletin(site, home):
    page = BulletinPage(
        title="Tiedote vesihuollosta", slug="tiedote", summary="Vesikatko Kuopiossa.", body="<p>Katko kestää tunnin.</p>"
    )
    home.add_child(instance=page)
    page.tags.add("vesihuolto")
    page.save_revision().publish()
    return BulletinPage.objects.get(pk=page.pk)


def test_search_finds_it_as_its_own_result_type(bulletin, fi_locale):
    assert result_types()["bulletin"][0] is BulletinPage
    hits = run_search("vesihuolto", fi_locale).hits
    assert [(hit.title, hit.type_key) for hit in hits] == [("Tiedote vesihuollosta", "bulletin")]


def test_its_tag_page_lists_it_in_its_own_group(client, bulletin):
    with translation.override("fi"):
        url = reverse("tag", args=("vesihuolto",))
    text = page_text(client.get(url))
    assert "Bulletins" in text and "Tiedote vesihuollosta" in text


def test_it_joins_the_feed_it_names_and_the_sitemap(client, bulletin):
    assert "Tiedote vesihuollosta" in rss_titles(get_rss(client, "guides_feed"))
    assert bulletin.get_full_url() in client.get("/sitemap.xml").content.decode()


def test_its_page_has_open_graph_article_and_json_ld(client, bulletin):
    html = page_text(client.get(bulletin.url))
    assert '<meta property="og:type" content="article">' in html
    assert '"@type":"WebPage","name":"Tiedote vesihuollosta"' in html


def test_the_api_serves_its_fields(client, bulletin):
    listing = client.get("/api/v2/pages/?type=pagetypes.BulletinPage&fields=body,tags").json()
    assert [item["title"] for item in listing["items"]] == ["Tiedote vesihuollosta"]
    assert listing["items"][0]["tags"] == [{"name": "vesihuolto", "slug": "vesihuolto"}]
    detail = client.get(f"/api/v3/pages/{bulletin.pk}/").json()
    assert detail["meta"]["type"] == "pagetypes.BulletinPage" and "Katko" in detail["body"]


def test_publishing_it_empties_the_page_cache_and_its_moment_ends_cached_listings(bulletin):
    before = pagecache.current_generation()
    bulletin.save_revision().publish()
    assert pagecache.current_generation() != before
    BulletinPage.objects.filter(pk=bulletin.pk).update(expires_at=timezone.now() + timedelta(minutes=5))
    seconds = pagecache.next_rollover_seconds(pagecache.current_generation())
    assert seconds is not None and 0 < seconds <= 300


def test_a_draft_of_it_stays_hidden(client, site, home):
    home.add_child(instance=BulletinPage(title="Salainen tiedote", slug="salainen", live=False))
    assert "Salainen tiedote" not in client.get("/api/v2/pages/?type=pagetypes.BulletinPage").content.decode()
