"""Events and funding calls are facts for everyone (issue 17): API v3's listings in English list
each in English if that translation is public, else in Finnish, with its own `locale`; never a
hidden page, never a page and its public translation both (koonto.visibility.PublicRule.pages_for_reader)."""

import pytest
from taggit.models import Tag

from koonto.models import TagTranslation
from tests.api.conftest import publish, restrict
from tests.factories import EventPageFactory, FundingCallPageFactory

pytestmark = pytest.mark.django_db


def listing(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["count"] == len(data["items"])
    return {item["title"]: item["locale"] for item in data["items"]}


def test_the_english_event_listing_has_english_events_and_untranslated_finnish_ones(client, event_index, translate):
    translated = publish(EventPageFactory(parent=event_index, title="Käännetty"))
    english = translate(translated)
    english.title = "Translated"
    publish(english)
    publish(EventPageFactory(parent=event_index, title="Vain suomeksi"))
    translate(publish(EventPageFactory(parent=event_index, title="Käännös luonnoksena")), publish_it=False)
    restrict(publish(EventPageFactory(parent=event_index, title="Yksityinen")))
    EventPageFactory(parent=event_index, title="Luonnos", live=False)

    assert listing(client, "/api/v3/koonto/events/?locale=en") == {
        "Translated": "en",
        "Vain suomeksi": "fi",
        "Käännös luonnoksena": "fi",
    }
    assert listing(client, "/api/v3/koonto/events/?locale=fi") == {
        "Käännetty": "fi",
        "Vain suomeksi": "fi",
        "Käännös luonnoksena": "fi",
    }


def test_the_english_call_listing_has_english_calls_and_untranslated_finnish_ones(client, guide_index, translate):
    translated = publish(FundingCallPageFactory(parent=guide_index, title="Käännetty haku"))
    english = translate(translated)
    english.title = "Translated call"
    publish(english)
    publish(FundingCallPageFactory(parent=guide_index, title="Vain suomeksi"))
    restrict(publish(FundingCallPageFactory(parent=guide_index, title="Yksityinen haku")))

    assert listing(client, "/api/v3/koonto/calls/?locale=en") == {"Translated call": "en", "Vain suomeksi": "fi"}
    every_status = "/api/v3/koonto/calls/?locale=en&status=open,upcoming,closed,cancelled"
    assert listing(client, every_status) == {"Translated call": "en", "Vain suomeksi": "fi"}
    # The detail of a listed Finnish call answers in Finnish, whichever listing linked it.
    item = next(i for i in client.get("/api/v3/koonto/calls/?locale=en").json()["items"] if i["locale"] == "fi")
    assert client.get(f"/api/v3/koonto/calls/{item['id']}/").json()["title"] == "Vain suomeksi"


def test_the_english_tag_filter_matches_finnish_events_by_the_tags_english_name(client, event_index, en_locale, translate):
    workshop = Tag.objects.create(name="työpaja")
    TagTranslation.objects.create(tag=workshop, locale=en_locale, name="Workshop")
    for title, tag in (("Työpaja", "työpaja"), ("Kahvila", "kahvila")):  # "kahvila" has no English name
        event = EventPageFactory(parent=event_index, title=title)
        event.tags.add(tag)
        publish(event)

    assert listing(client, "/api/v3/koonto/events/?locale=en&tag=workshop") == {"Työpaja": "fi"}
    assert listing(client, "/api/v3/koonto/events/?locale=en&tag=työpaja") == {}
    assert listing(client, "/api/v3/koonto/events/?locale=en&tag=kahvila") == {}
    assert listing(client, "/api/v3/koonto/events/?locale=fi&tag=kahvila") == {"Kahvila": "fi"}

    english = translate(type(event).objects.get(title="Työpaja"))
    english.title = "Workshop"
    publish(english)
    assert listing(client, "/api/v3/koonto/events/?locale=en&tag=workshop") == {"Workshop": "en"}
