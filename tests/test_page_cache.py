"""The anonymous full-page cache: fast for visitors, never stale, never personal."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koonto.models import KoontoSettings, Organisation
from tests.factories import EventPageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, site):
    settings.KOONTO_PAGE_CACHE = True
    # Site settings are created on a site's first request; create them now, so that the
    # first request in a test does not empty the cache it fills.
    KoontoSettings.for_site(site.get_site())


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def test_a_second_anonymous_request_is_served_from_the_cache_without_queries(client, site, home):
    first = get(client, home.url)
    assert first["X-Koonto-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = get(client, home.url)
    assert second["X-Koonto-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["ETag"] and second["Cache-Control"] == first["Cache-Control"]
    assert client.get(home.url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


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
