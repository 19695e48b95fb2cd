"""API v2 keeps each published page's serialised fields (api.serialised): never stale.

Every test serves the page first (so its representation is kept), changes what the public sees,
and asks again, in the listing and in the detail view. The page cache is off (the test settings'
default), as for a headless client whose query string varies: only the serialised fields are kept.
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ops.pagecache import invalidate
from tests.api.conftest import publish, restrict
from tests.factories import EventPageFactory, FundingCallPageFactory

pytestmark = pytest.mark.django_db

EVENTS = "/api/v2/pages/?type=events.EventPage&fields=*"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json() if status == 200 else None


def listed(client, url=EVENTS) -> dict[int, dict]:
    return {item["id"]: item for item in get(client, url)["items"]}


def both(client, page) -> tuple[dict | None, dict | None]:
    """The page as the listing of its type and as its detail view show it (None: not there)."""
    label = page._meta.label
    items = listed(client, f"/api/v2/pages/?type={label}&fields=*")
    response = client.get(f"/api/v2/pages/{page.pk}/")
    return items.get(page.pk), (response.json() if response.status_code == 200 else None)


def queries(client, url) -> int:
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_page_served_again_is_not_serialised_again(client, event):
    """The kept representation is what is served: a change that bumps nothing is not seen (which is
    why every public change bumps the content generation, tested below)."""
    first = both(client, event)
    type(event).objects.filter(pk=event.pk).update(title="Muutettu ohi julkaisun")
    assert both(client, event) == first
    invalidate()
    assert both(client, event)[1]["title"] == "Muutettu ohi julkaisun"


def test_publishing_a_change_shows_at_once(client, event):
    assert both(client, event)[0]["title"] == "Hankeinfo"
    event.title = "Hankeinfo, uusi aika"
    publish(event)
    item, detail = both(client, event)
    assert item["title"] == detail["title"] == "Hankeinfo, uusi aika"


def test_unpublishing_removes_the_page(client, event):
    assert all(both(client, event))
    event.unpublish()
    assert both(client, event) == (None, None)


def test_a_snippet_change_shows_in_every_page_that_shows_it(client, event, organisation):
    assert both(client, event)[1]["organiser"]["name"] == "Pallokissat Kuopio ry"
    organisation.name = "Pallokissat ry"
    organisation.save()
    item, detail = both(client, event)
    assert item["organiser"]["name"] == detail["organiser"]["name"] == "Pallokissat ry"


def test_a_translation_shows_in_the_translated_page(client, event, organisation, translate, en_locale):
    """Translating the page makes a draft of its organiser's translation (wagtail-localize): the
    Finnish organisation shows until the translation is published."""
    english = translate(event)
    assert both(client, english)[1]["organiser"]["name"] == "Pallokissat Kuopio ry"
    translated = organisation.get_translation(en_locale)
    translated.name = "Ball Cats Kuopio"
    translated.save_revision().publish()
    item, detail = both(client, english)
    assert item["organiser"]["name"] == detail["organiser"]["name"] == "Ball Cats Kuopio"
    assert both(client, event)[1]["organiser"]["name"] == "Pallokissat Kuopio ry"


def test_an_image_change_shows_in_its_pages(client, event, image):
    assert both(client, event)[1]["listing_image"]["alt"] == "Lapset pelaavat jalkapalloa"
    image.description = "Lapsia pelaamassa"
    image.save()
    item, detail = both(client, event)
    assert item["listing_image"]["alt"] == detail["listing_image"]["alt"] == "Lapsia pelaamassa"
    assert detail["listing_image"]["medium"]["alt"] == "Lapsia pelaamassa"


def test_a_view_restriction_hides_the_page_and_its_rows_elsewhere(client, call, guide):
    """Restricting a page removes it; restricting a related page removes the row that names it."""
    from guides.models import GuidePageRelatedPage

    GuidePageRelatedPage.objects.create(page=guide, related_page=call)
    guide = publish(guide)
    assert [row["related_page"]["id"] for row in both(client, guide)[1]["related_pages"]] == [call.pk]
    assert both(client, call)[1] is not None

    restriction = restrict(call)
    assert both(client, call) == (None, None)
    item, detail = both(client, guide)
    assert item["related_pages"] == detail["related_pages"] == []

    restriction.delete()
    assert [row["related_page"]["id"] for row in both(client, guide)[1]["related_pages"]] == [call.pk]
    assert PageViewRestriction.objects.count() == 0


def test_a_computed_status_rolls_over_when_a_call_closes(client, site, guide_index):
    now = timezone.now()
    call = publish(
        FundingCallPageFactory(
            parent=guide_index, title="Pian sulkeutuva", opens_at=now - timedelta(days=1), closes_at=now + timedelta(minutes=5)
        )
    )
    assert both(client, call)[1]["status"]["value"] == "open"
    with time_machine.travel(now + timedelta(minutes=6)):
        item, detail = both(client, call)
        assert item["status"]["value"] == detail["status"]["value"] == "closed"


def test_the_fields_asked_for_are_kept_apart(client, event):
    assert "title" not in get(client, "/api/v2/pages/?type=events.EventPage&fields=-title")["items"][0]
    assert get(client, EVENTS)["items"][0]["title"] == "Hankeinfo"
    assert "starts_at" not in get(client, "/api/v2/pages/?type=events.EventPage")["items"][0]
    assert get(client, f"/api/v2/pages/{event.pk}/?fields=-title").get("title") is None
    assert get(client, f"/api/v2/pages/{event.pk}/")["title"] == "Hankeinfo"


def test_a_preview_neither_reads_nor_keeps_the_published_fields(client, event):
    """The draft behind a preview has the published page's id and revision: it must not meet its entry."""
    from wagtail_headless_preview.models import HeadlessPreviewMixin

    assert get(client, f"/api/v2/pages/{event.pk}/")["title"] == "Hankeinfo"
    event.title = "Luonnos"
    event.save_revision()
    draft = type(event).objects.get(pk=event.pk).get_latest_revision_as_object()
    token = HeadlessPreviewMixin.get_preview_signer().sign(f"id={event.pk}")
    HeadlessPreviewMixin.update_page_preview(draft, token)
    for _ in range(2):
        assert get(client, f"/api/preview/?content_type=events.eventpage&token={token}")["title"] == "Luonnos"
        assert get(client, f"/api/v2/pages/{event.pk}/")["title"] == "Hankeinfo"


def test_uncached_listing_costs_the_same_for_5_and_25_events(client, site, event_index, kuopio):
    """Serialising (a cold cache after each publication) costs a constant number of queries, as does
    serving the kept fields; and serving them costs fewer."""

    def make(count):
        for _n in range(count):
            page = EventPageFactory(parent=event_index, municipality=kuopio)
            page.tags.add("koulutus")
            page.save_revision().publish()

    def counts():
        client.get(EVENTS)  # the site, locales, registers and renditions
        invalidate()
        cold = queries(client, EVENTS)
        return cold, queries(client, EVENTS)

    make(5)
    small_cold, small_warm = counts()
    make(20)
    large_cold, large_warm = counts()
    assert large_cold <= small_cold
    assert large_warm <= small_warm < small_cold


# --- API v3's events listing keeps each event's fields the same way ---------------------------------

V3_EVENTS = "/api/v3/koonto/events/?limit=50"


def v3_events(client, url=V3_EVENTS) -> dict[int, dict]:
    return {item["id"]: item for item in get(client, url)["items"]}


def test_v3_events_follow_publishing_unpublishing_and_snippets(client, event, organisation):
    assert v3_events(client)[event.pk]["title"] == "Hankeinfo"
    type(event).objects.filter(pk=event.pk).update(title="Ohi julkaisun")
    assert v3_events(client)[event.pk]["title"] == "Hankeinfo"  # kept: nothing was published

    event.title = "Hankeinfo, uusi aika"
    publish(event)
    assert v3_events(client)[event.pk]["title"] == "Hankeinfo, uusi aika"
    organisation.name = "Pallokissat ry"
    organisation.save()
    assert v3_events(client)[event.pk]["organiser"]["name"] == "Pallokissat ry"
    event.unpublish()
    assert event.pk not in v3_events(client)


def test_v3_events_follow_images_restrictions_and_translations(client, event, call, image, translate):
    event.related_call = call
    event = publish(event)
    assert v3_events(client)[event.pk]["related_call"]["id"] == call.pk
    image.description = "Lapsia pelaamassa"
    image.save()
    assert v3_events(client)[event.pk]["image"]["alt"] == "Lapsia pelaamassa"

    restriction = restrict(call)
    assert v3_events(client)[event.pk]["related_call"] is None
    restriction.delete()
    assert v3_events(client)[event.pk]["related_call"]["id"] == call.pk

    english_url = V3_EVENTS + "&locale=en"
    assert v3_events(client, english_url)[event.pk]["locale"] == "fi"
    english = translate(event)
    listed_in_english = v3_events(client, english_url)
    assert event.pk not in listed_in_english and listed_in_english[english.pk]["locale"] == "en"


def test_v3_event_listing_costs_the_same_cold_and_kept_for_5_and_25_events(client, site, event_index, kuopio):
    def make(count):
        for _n in range(count):
            EventPageFactory(parent=event_index, municipality=kuopio).save_revision().publish()

    def counts():
        client.get(V3_EVENTS)  # the site, locales and renditions
        invalidate()
        cold = queries(client, V3_EVENTS)
        return cold, queries(client, V3_EVENTS)

    make(5)
    small_cold, small_kept = counts()
    make(20)
    large_cold, large_kept = counts()
    assert len(get(client, V3_EVENTS)["items"]) == 25
    assert large_cold <= small_cold
    assert large_kept <= small_kept < small_cold


def test_the_site_found_for_a_host_follows_a_site_change(client, event):
    """The Site a host and port lead to is found once per content generation (ops.contentcache.remember_site):
    a site saved with another hostname no longer answers for the old one."""
    from wagtail.models import Site

    assert event.pk in listed(client)
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "muu.example"
    site.save()
    assert listed(client) == {}  # no site answers for this host: it has no public pages
