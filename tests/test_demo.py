"""`load_demo` builds the Finnish site from the source material, and a second run changes nothing."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from events.models import EventPage
from guides.models import FundingCallPage, GuidePage
from home.models import HomePage, StandardPage
from koonto.models import ContactPerson, KoontoSettings, Organisation, Theme
from showcase.models import ShowcasePage

pytestmark = pytest.mark.django_db

SOURCE_PROJECTS = {
    "Työpajatoimintaa Lieksassa",
    "Avoimet tilat",
    "Nuorten oma Kuopio!",
    "Hanaa!",
    "Osallisuutta osuuskunnista",
    "Työelämän avaimet",
    "Hyvä arki",
    "Pallo Haltuun",
    "Uusi tapa toimia",
    "Jalkapallosta elämäniloa",
}


def snapshot():
    """Everything load_demo writes, in a comparable form."""
    return {
        "pages": sorted(Page.objects.values_list("locale__language_code", "url_path", "title", "live")),
        "revisions": Revision.objects.count(),
        "organisations": sorted(Organisation.objects.values_list("name", flat=True)),
        "contacts": sorted(ContactPerson.objects.values_list("name", "email")),
        "themes": sorted(Theme.objects.values_list("slug", flat=True)),
        "events": sorted(EventPage.objects.values_list("title", "starts_at")),
        "settings": list(KoontoSettings.objects.values_list("accessibility_page", "privacy_page", "implementers")),
    }


@pytest.fixture
def demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_second_run_creates_nothing_and_changes_nothing(demo):
    before = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing created" in out.getvalue()
    assert snapshot() == before


def test_the_finnish_site_is_the_default_site_with_an_english_home(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.locale.language_code == "fi" and home.live
    assert HomePage.objects.filter(translation_key=home.translation_key, locale__language_code="en", live=True).exists()
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_twelve_earlier_kake_projects_with_their_organisations_and_places(demo):
    showcases = ShowcasePage.objects.live()
    assert showcases.count() == 12
    assert set(showcases.values_list("title", flat=True)) >= SOURCE_PROJECTS
    hanaa = showcases.get(title="Hanaa!")
    assert [o.organisation.name for o in hanaa.organisations.all()] == ["Tatu ry"]
    lieksa = showcases.get(title="Työpajatoimintaa Lieksassa")
    assert [m.municipality.code for m in lieksa.municipalities.all()] == ["422"]
    assert not lieksa.organisations.exists()  # the source names no organisation


def test_the_call_of_15_1_2024_is_recorded_as_closed_with_the_sources_words(demo):
    call = FundingCallPage.objects.get()
    assert call.closes_at == datetime(2024, 1, 15, 16, 15, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert call.status == "closed"
    assert "SEURAAVA HAKU 15.1.2024" in str(call.body)
    guide = GuidePage.objects.get()
    assert "80" in str(guide.body)


def test_contacts_and_required_pages(demo):
    assert set(ContactPerson.objects.values_list("name", flat=True)) == {"Tuomas Puustinen", "Tiina Kiiskinen"}
    settings = KoontoSettings.objects.get()
    assert isinstance(settings.accessibility_page.specific, StandardPage)
    assert "Traficom" in str(settings.accessibility_page.specific.body)
    assert isinstance(settings.privacy_page.specific, StandardPage)


def test_example_events_are_upcoming_and_labelled_as_examples(demo):
    events = EventPage.objects.live().upcoming(timezone.now())
    assert events.count() >= 3
    assert all("esimerk" in (e.title + e.summary).lower() for e in events)


def test_every_demo_page_renders(client, demo):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_the_home_page_shows_the_latest_call_and_upcoming_events(client, demo):
    html = client.get("/fi/").content.decode()
    assert "15.1.2024 klo 16.15" in html
    assert "Esimerkki" in html
