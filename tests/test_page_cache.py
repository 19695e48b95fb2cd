"""The anonymous full-page cache: fast for visitors, never stale, never personal."""

import secrets
from datetime import timedelta

import pytest
import redis
import time_machine
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koonto.models import KoontoSettings, Organisation
from ops import pagecache
from tests.factories import EventPageFactory, StandardPageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture(autouse=True)
def page_cache_on(settings, site):
    settings.KOONTO_PAGE_CACHE = True
    # Site settings are created on a site's first request; create them now, so that the
    # first request in a test does not empty the cache it fills.
    KoontoSettings.for_site(site.get_site())


@pytest.fixture
def redis_cache(settings):
    """The `default` cache of a deployment with REDIS_URL: a real Redis, under a key prefix of this
    test's own (only its keys are removed afterwards; the Redis database may be shared)."""
    prefix = f"koonto-test-{secrets.token_hex(4)}"
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}}
    yield
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def test_a_second_anonymous_request_is_served_from_the_cache_with_one_query(client, site, home):
    """Without a shared cache, the one query of a hit reads the content generation (ops.pagecache)."""
    first = get(client, home.url)
    assert first["X-Koonto-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = get(client, home.url)
    assert second["X-Koonto-Cache"] == "hit"
    assert [query["sql"].split(" FROM ")[1].split()[0].strip('"') for query in queries] == ["ops_contentgeneration"]
    assert second.content == first.content
    assert second["ETag"] and second["Cache-Control"] == first["Cache-Control"]
    assert client.get(home.url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


def test_with_redis_a_hit_costs_no_query(redis_cache, client, site, home):
    assert pagecache.shared_cache()
    first = get(client, home.url)
    assert first["X-Koonto-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = get(client, home.url)
    assert second["X-Koonto-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_with_redis_publishing_a_change_shows_at_once(redis_cache, client, site, event_index):
    event = EventPageFactory(parent=event_index, title="Vanha otsikko")
    event.save_revision().publish()
    assert "Vanha otsikko" in get(client, event_index.url).content.decode()
    assert get(client, event_index.url)["X-Koonto-Cache"] == "hit"
    event.title = "Uusi otsikko"
    event.save_revision().publish()
    assert "Uusi otsikko" in get(client, event_index.url).content.decode()


def test_with_redis_a_request_reads_the_generation_once(redis_cache, client, site, home, settings, monkeypatch):
    """Every kept fragment asks for the generation; Redis is asked once per request."""
    from django.core.cache import caches

    settings.KOONTO_PAGE_CACHE = False  # rendered: the header, footer and body each ask
    backend = caches["default"]
    asked = []
    real_get = backend.get

    def counting_get(key, *args, **kwargs):
        asked.append(key)
        return real_get(key, *args, **kwargs)

    get(client, home.url)
    monkeypatch.setattr(backend, "get", counting_get)
    get(client, home.url)
    assert asked.count(pagecache.GENERATION_KEY) == 1
    assert len(asked) > 3  # the fragments were looked up under it


def test_with_redis_a_request_sees_its_own_publication(redis_cache, site):
    token = pagecache._request_generation.set({})
    try:
        before = pagecache.current_generation()
        assert pagecache.current_generation() == before
        pagecache.invalidate()
        assert pagecache.current_generation() != before
    finally:
        pagecache._request_generation.reset(token)


# --- the content generation in the database: what another app process sees ---------------------


def committed_elsewhere(change) -> None:
    """What another app process does when it publishes: it changes rows (here without this
    process's signals) and, as its transaction commits, bumps the generation row."""
    from ops.models import ContentGeneration

    change()
    ContentGeneration.objects.filter(pk=pagecache.GENERATION_ROW).update(number=F("number") + 1)


def menu_of(response) -> str:
    return response.content.decode().split('class="main-menu"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("page_cache", [True, False], ids=["page cache", "no page cache"])
def test_a_change_committed_by_another_process_shows_in_the_menu_at_the_next_request(client, site, home, settings, page_cache):
    """The production layout without Redis: several workers, each with its own memory."""
    from wagtail.models import Page

    settings.KOONTO_PAGE_CACHE = page_cache
    page = StandardPageFactory(parent=home, slug="tietoa", title="Vanha nimi", show_in_menus=True)
    for _ in range(2):
        assert "Vanha nimi" in menu_of(get(client, home.url))

    committed_elsewhere(lambda: Page.objects.filter(pk=page.pk).update(title="Uusi nimi"))
    assert "Uusi nimi" in menu_of(get(client, home.url))

    committed_elsewhere(lambda: Page.objects.filter(pk=page.pk).update(live=False))
    assert "/fi/tietoa/" not in menu_of(get(client, home.url))


@pytest.mark.parametrize("page_cache", [True, False], ids=["page cache", "no page cache"])
def test_the_generation_is_read_once_per_request(client, site, settings, page_cache):
    """The menu, the footer and the page cache all ask for it; the database is asked once."""
    settings.KOONTO_PAGE_CACHE = page_cache
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            get(client, "/fi/tapahtumat/")
        assert sum("ops_contentgeneration" in query["sql"] for query in queries) == 1


def test_publishing_a_change_shows_at_once(client, site, event_index):
    event = EventPageFactory(parent=event_index, title="Vanha otsikko")
    event.save_revision().publish()
    assert "Vanha otsikko" in page_text(get(client, event_index.url))
    event.title = "Uusi otsikko"
    event.save_revision().publish()
    response = get(client, event_index.url)
    assert response["X-Koonto-Cache"] == "miss"
    assert "Uusi otsikko" in page_text(response)
    event.unpublish()
    assert "Uusi otsikko" not in page_text(get(client, event_index.url))


def test_a_draft_is_never_cached_for_visitors(client, site, event_index):
    event = EventPageFactory(parent=event_index, title="Julkaistu")
    event.save_revision().publish()
    event.title = "Luonnos"
    event.save_revision()
    for _ in range(2):
        html = page_text(get(client, event.url))
        assert "Julkaistu" in html and "Luonnos" not in html


def test_an_editor_is_never_served_the_anonymous_copy(client, site, home, editor):
    get(client, home.url)
    assert get(client, home.url)["X-Koonto-Cache"] == "hit"
    client.force_login(editor)
    response = get(client, home.url)
    assert "X-Koonto-Cache" not in response
    assert "private" in response["Cache-Control"]
    # Nor is the editor's response kept for visitors.
    client.logout()
    assert get(client, home.url)["X-Koonto-Cache"] == "hit"


def test_snippets_and_site_settings_empty_the_cache(client, site, fi_locale):
    organisation = Organisation.objects.create(name="Vanha Yhdistys ry", locale=fi_locale)
    url = organisation.get_url()
    get(client, url)
    assert get(client, url)["X-Koonto-Cache"] == "hit"
    organisation.name = "Uusi Yhdistys ry"
    organisation.save()
    assert "Uusi Yhdistys ry" in page_text(get(client, url))
    get(client, url)
    settings_row = KoontoSettings.for_site(site.get_site())
    settings_row.save()
    assert get(client, url)["X-Koonto-Cache"] == "miss"


def test_api_responses_are_cached_and_emptied_on_publish(client, site, event_index):
    url = "/api/v2/pages/?type=events.EventPage"
    get(client, url)
    assert get(client, url)["X-Koonto-Cache"] == "hit"
    EventPageFactory(parent=event_index, title="Uusi").save_revision().publish()
    response = get(client, url)
    assert response["X-Koonto-Cache"] == "miss"
    assert response.json()["meta"]["total_count"] == 1


def test_upcoming_listings_roll_over_when_an_event_ends(client, site, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index, title="Pian päättyvä", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(minutes=5)
    ).save_revision().publish()
    assert "Pian päättyvä" in page_text(get(client, event_index.url))
    assert get(client, event_index.url)["X-Koonto-Cache"] == "hit"
    with time_machine.travel(now + timedelta(minutes=6)):
        response = get(client, event_index.url)
        assert response["X-Koonto-Cache"] == "miss"
        assert "Pian päättyvä" not in page_text(response)


def test_the_admin_previews_and_posts_are_never_cached(client, site, home):
    assert "X-Koonto-Cache" not in client.get("/admin/login/")
    assert "X-Koonto-Cache" not in client.get("/healthz")
    assert "X-Koonto-Cache" not in client.post(home.url)


def test_query_strings_are_separate_entries(client, site, event_index):
    get(client, event_index.url)
    assert get(client, event_index.url + "?when=past")["X-Koonto-Cache"] == "miss"


def test_making_a_page_private_empties_the_cache(client, site, event_index):
    from wagtail.models import PageViewRestriction

    event = EventPageFactory(parent=event_index, title="Pian yksityinen")
    event.save_revision().publish()
    assert "Pian yksityinen" in page_text(get(client, event_index.url))
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    assert "Pian yksityinen" not in page_text(get(client, event_index.url))


def test_every_search_reaches_the_view_and_is_counted(client, site, event_index):
    from wagtail.contrib.search_promotions.models import Query

    EventPageFactory(parent=event_index, title="Yhdistysilta").save_revision().publish()
    for _ in range(2):
        response = get(client, "/fi/search/", data={"q": "yhdistysilta"})
        assert "X-Koonto-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert Query.get("yhdistysilta").hits == 2


def test_a_repeated_search_is_kept_until_content_changes(client, site, event_index):
    EventPageFactory(parent=event_index, title="Kyläilta").save_revision().publish()

    def search() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            html = page_text(get(client, "/fi/search/", data={"q": "kyläilta"}))
        return html, len(queries)

    _html, first = search()
    _html, second = search()
    assert second < first  # the match, its rank entries and facet names are not read again
    EventPageFactory(parent=event_index, title="Toinen kyläilta").save_revision().publish()
    html, _count = search()
    assert "Toinen kyläilta" in html


def test_a_kept_search_rolls_over_when_a_call_opens(site, guide_index):
    from wagtail.models import Locale

    from search.engine import cached_search
    from tests.factories import FundingCallPageFactory

    now = timezone.now()
    FundingCallPageFactory(
        parent=guide_index, title="Kyläavustus", opens_at=now + timedelta(minutes=5), closes_at=now + timedelta(days=30)
    ).save_revision().publish()
    finnish = Locale.objects.get(language_code="fi")
    assert [hit.call_status for hit in cached_search("kyläavustus", finnish).hits] == ["upcoming"]
    with time_machine.travel(now + timedelta(minutes=6)):
        assert [hit.call_status for hit in cached_search("kyläavustus", finnish).hits] == ["open"]


def test_without_a_shared_cache_searches_are_not_kept(site, event_index, settings):
    """Per-process caches cannot all be emptied on publish: then nothing is kept."""
    from wagtail.models import Locale, Page

    from search.engine import cached_search

    settings.KOONTO_PAGE_CACHE = False
    event = EventPageFactory(parent=event_index, title="Kyläkokous")
    event.save_revision().publish()
    finnish = Locale.objects.get(language_code="fi")
    assert len(cached_search("kyläkokous", finnish).hits) == 1
    Page.objects.filter(pk=event.pk).update(live=False)  # no signal, no new generation
    assert cached_search("kyläkokous", finnish).hits == []


def test_a_kept_search_never_shows_a_page_that_is_no_longer_public(client, site, event_index):
    from wagtail.models import Page

    event = EventPageFactory(parent=event_index, title="Kyläkokous")
    event.save_revision().publish()
    assert "Kyläkokous" in page_text(get(client, "/fi/search/", data={"q": "kyläkokous"}))
    Page.objects.filter(pk=event.pk).update(live=False)  # no signal: the kept outcome still has it
    assert "Kyläkokous" not in page_text(get(client, "/fi/search/", data={"q": "kyläkokous"}))


def test_a_kept_search_is_kept_per_language(site, event_index):
    from django.utils import translation
    from wagtail.models import Locale

    from search.engine import cached_search

    EventPageFactory(parent=event_index, title="Kyläkokous").save_revision().publish()
    finnish = Locale.objects.get(language_code="fi")
    with translation.override("fi"):
        assert [f.label for f in cached_search("kyläkokous", finnish).facets["type"]] == ["Tapahtuma"]
    with translation.override("en"):
        assert [f.label for f in cached_search("kyläkokous", finnish).facets["type"]] == ["Event"]


# --- query strings: an entry for each combination of the parameters a page reads, no other --------


def entries() -> int:
    """How many keys the cache holds (LocMemCache has no public way to list them)."""
    return len(cache._cache)


def test_junk_query_strings_make_no_new_entries(client, site, home):
    assert get(client, home.url)["X-Koonto-Cache"] == "miss"
    before = entries()
    for number in range(1000):
        junk = ["junk", "utm_source", "fbclid", "_"][number % 4]
        response = get(client, f"{home.url}?{junk}={number}-{secrets.token_hex(4)}")
        assert "X-Koonto-Cache" not in response
    assert entries() == before
    assert get(client, home.url)["X-Koonto-Cache"] == "hit"


def test_declared_parameters_make_distinct_correct_entries(client, site, event_index):
    EventPageFactory(parent=event_index, title="Koulutusilta", event_type="training").save_revision().publish()
    EventPageFactory(parent=event_index, title="Verkostoaamu", event_type="networking").save_revision().publish()

    def listed(response) -> set[str]:
        return {title for title in ("Koulutusilta", "Verkostoaamu") if title in page_text(response)}

    training = get(client, event_index.url + "?type=training")
    networking = get(client, event_index.url + "?type=networking")
    assert training["X-Koonto-Cache"] == networking["X-Koonto-Cache"] == "miss"
    assert listed(training) == {"Koulutusilta"} and listed(networking) == {"Verkostoaamu"}
    again = get(client, event_index.url + "?type=training")
    assert again["X-Koonto-Cache"] == "hit" and again.content == training.content
    # One entry whatever the order of the parameters.
    assert get(client, event_index.url + "?type=training&page=1")["X-Koonto-Cache"] == "miss"
    assert get(client, event_index.url + "?page=1&type=training")["X-Koonto-Cache"] == "hit"
    # A parameter the page does not read, beside one it does: the right answer, not kept.
    tracked = get(client, event_index.url + "?type=networking&utm_source=uutiskirje")
    assert "X-Koonto-Cache" not in tracked and listed(tracked) == {"Verkostoaamu"}


def test_a_detail_page_keeps_its_back_link_to_the_filtered_list(client, site, event_index):
    event = EventPageFactory(parent=event_index, title="Kyläilta")
    event.save_revision().publish()
    assert get(client, event.url)["X-Koonto-Cache"] == "miss"
    back = get(client, event.url + "?from=type%3Dtraining")
    assert back["X-Koonto-Cache"] == "miss"
    assert 'href="/fi/tapahtumat/?type=training"' in back.content.decode()
    assert get(client, event.url + "?from=type%3Dtraining")["X-Koonto-Cache"] == "hit"
    assert "X-Koonto-Cache" not in get(client, event.url + "?fbclid=abc")


def test_each_path_keeps_a_bounded_number_of_variants(client, site, event_index, monkeypatch):
    """A declared parameter with a free value (`from`, `q`, API `search`) cannot fill the cache either."""
    monkeypatch.setattr(pagecache, "MAX_QUERY_VARIANTS", 3)
    event = EventPageFactory(parent=event_index, title="Kyläilta")
    event.save_revision().publish()
    stored = ["X-Koonto-Cache" in get(client, f"{event.url}?from=page%3D{number}") for number in range(5)]
    assert stored == [True, True, True, False, False]
    assert get(client, event.url)["X-Koonto-Cache"] == "miss"  # the page itself has its place
    assert get(client, event_index.url + "?type=training")["X-Koonto-Cache"] == "miss"  # and other paths theirs


def test_views_and_the_api_are_kept_by_the_parameters_they_read(client, site, event_index):
    from taggit.models import Tag

    event = EventPageFactory(parent=event_index, title="Kyläilta")
    event.tags.add("kyläilta")
    event.save_revision().publish()
    tag = Tag.objects.get(name="kyläilta")
    kept = {
        f"/fi/asiasanat/{tag.slug}/?type=events": True,
        f"/fi/asiasanat/{tag.slug}/?junk=1": False,
        "/fi/kalenteri.ics?type=training": True,
        "/fi/kalenteri.ics?junk=1": False,
        "/fi/search/suggest/?q=kyl": True,
        "/fi/search/suggest/?q=kyl&junk=1": False,
        "/sitemap.xml?p=1": True,
        "/sitemap.xml?junk=1": False,
        "/api/v2/pages/?type=events.EventPage&fields=title": True,
        "/api/v2/pages/?type=events.EventPage&_=1733300000": False,  # jQuery's cache-busting
        f"/api/v2/pages/{event.pk}/?fields=title": True,
        f"/api/v2/pages/{event.pk}/?junk=1": False,
        "/api/v3/pages/?limit=5": True,
        "/api/v3/pages/?junk=1": False,
        f"/api/v3/pages/{event.pk}/?rich_text_format=html": True,
        f"/api/v3/pages/{event.pk}/?junk=1": False,
        "/api/v3/koonto/events/?limit=5": True,
    }
    for url, stored in kept.items():
        assert ("X-Koonto-Cache" in get(client, url)) is stored, url
    # The v2 listing refuses what it does not know, as Koonto's v3 endpoints do: nothing to keep.
    assert client.get("/api/v2/pages/?type=events.EventPage&junk=1").status_code == 400
    assert client.get("/api/v3/koonto/events/?junk=1").status_code == 400
