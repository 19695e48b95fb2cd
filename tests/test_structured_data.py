"""Structured data and sharing: schema.org JSON-LD, Open Graph, Twitter card and canonical links.

Every public page, in both languages, carries a canonical link and Open Graph tags with absolute
URLs. Pages carry JSON-LD: an Event for events, an Organization for the home page (Koonto itself)
and organisation pages, a WebPage for the rest, and below the home page exactly one
BreadcrumbList, in JSON-LD only (the visible trail has no microdata).
"""

import json
import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail.models import Site
from wagtail_localize.operations import translate_object

from koonto.models import Municipality, Organisation
from koonto.templatetags.structured_data import open_graph, page_json_ld, to_json_ld
from koonto.visibility import rule_for
from tests.factories import EventPageFactory, GuidePageFactory, ShowcasePageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
WINTER_START = datetime(2026, 12, 6, 10, 0, tzinfo=HELSINKI)
WINTER_END = datetime(2026, 12, 6, 12, 30, tzinfo=HELSINKI)
JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


# --- reading a response -------------------------------------------------------------------------


def get_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return page_text(response)


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD object on the page; each must parse and use schema.org."""
    found = [json.loads(text) for text in JSON_LD_RE.findall(html)]
    assert all(data["@context"] == "https://schema.org" for data in found)
    return found


def of_type(html: str, schema_type: str) -> list[dict]:
    return [data for data in json_ld(html) if data["@type"] == schema_type]


def only(html: str, schema_type: str) -> dict:
    found = of_type(html, schema_type)
    assert len(found) == 1, f"{len(found)} {schema_type} objects"
    return found[0]


def meta(html: str, name: str) -> list[str]:
    """The content of every <meta property|name="name">."""
    return re.findall(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)


def one_meta(html: str, name: str) -> str:
    values = meta(html, name)
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def canonical(html: str) -> str:
    links = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert len(links) == 1
    return links[0]


def assert_shareable(html: str, url: str, locale: str) -> None:
    """Canonical link, Open Graph and Twitter tags of any public view, with absolute URLs."""
    assert canonical(html) == url
    assert one_meta(html, "og:url") == url
    assert one_meta(html, "og:site_name") == "Koonto"
    assert one_meta(html, "og:locale") == locale
    assert one_meta(html, "og:title")
    assert one_meta(html, "og:description")
    assert one_meta(html, "og:image").startswith("http://")
    assert one_meta(html, "og:image:alt")
    assert one_meta(html, "twitter:card") == "summary_large_image"


# --- content ------------------------------------------------------------------------------------


def translate(page, locale, capture):
    """Translate with wagtail-localize as the admin does, and publish the translation."""
    with capture(execute=True):
        translate_object(page, [locale])
    english = page.get_translation(locale).specific
    english.save_revision().publish()
    return type(english).objects.get(pk=english.pk)


@pytest.fixture
def kuopio():
    return Municipality.objects.get(code="297")


@pytest.fixture
def organisation(fi_locale, kuopio):
    return Organisation.objects.create(
        name="Pallokissat Kuopio ry",
        description="Jalkapalloseura.",
        website="https://pallokissat.example.fi/",
        business_id="1234567-1",
        municipality=kuopio,
        logo=wagtail_factories.ImageFactory(title="Pallokissojen logo"),
        locale=fi_locale,
    )


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(title="Osallistujia työpajassa", description="Kymmenen ihmistä pöydän ääressä")


def event(parent, **fields):
    defaults = {"title": "Rahoitusinfo", "summary": "Kaikki hankehausta.", "starts_at": WINTER_START}
    return EventPageFactory(parent=parent, **{**defaults, "ends_at": WINTER_END, **fields})


def full_url(page) -> str:
    return page.get_full_url()


# --- events -------------------------------------------------------------------------------------


def test_in_person_paid_event_is_an_event_with_place_offer_and_organiser(client, site, event_index, kuopio, organisation, image):
    page = event(
        event_index,
        venue="Kuopion kaupungintalo",
        address="Suokatu 42",
        municipality=kuopio,
        price=Decimal("12.50"),
        registration_url="https://ilmo.example.fi/rahoitusinfo",
        organiser=organisation,
        listing_image=image,
    )
    data = only(get_html(client, page.url), "Event")
    assert data["name"] == "Rahoitusinfo"
    assert data["description"] == "Kaikki hankehausta."
    assert data["url"] == full_url(page) == "http://testserver/fi/tapahtumat/" + page.slug + "/"
    assert data["inLanguage"] == "fi"
    assert data["startDate"] == "2026-12-06T10:00:00+02:00"
    assert data["endDate"] == "2026-12-06T12:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Kuopion kaupungintalo",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Suokatu 42",
            "addressLocality": "Kuopio",
            "addressCountry": "FI",
        },
    }
    assert data["offers"] == {
        "@type": "Offer",
        "price": 12.5,
        "priceCurrency": "EUR",
        "url": "https://ilmo.example.fi/rahoitusinfo",
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Pallokissat Kuopio ry",
        "url": "http://testserver/fi/organisaatiot/pallokissat-kuopio-ry/",
        "sameAs": "https://pallokissat.example.fi/",
    }
    assert len(data["image"]) == 1
    assert re.fullmatch(r"http://testserver/media/images/.+\.fill-1200x630\.\w+", data["image"][0])


def test_summer_event_dates_carry_the_summer_offset(client, site, event_index):
    summer = datetime(2027, 6, 15, 9, 0, tzinfo=HELSINKI)
    page = event(event_index, starts_at=summer, ends_at=None)
    data = only(get_html(client, page.url), "Event")
    assert data["startDate"] == "2027-06-15T09:00:00+03:00"
    assert "endDate" not in data


def test_free_online_event_has_a_virtual_location_and_a_zero_price(client, site, event_index):
    page = event(event_index, mode="online", online_url="https://teams.example.fi/info")
    data = only(get_html(client, page.url), "Event")
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://teams.example.fi/info"}
    # Free of charge, and no registration link: the offer points at the event's own page.
    assert data["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "EUR", "url": full_url(page)}
    assert "organizer" not in data and "image" not in data


def test_hybrid_event_has_both_a_place_and_a_virtual_location(client, site, event_index, kuopio):
    page = event(event_index, mode="hybrid", venue="Kirjasto", municipality=kuopio, online_url="https://meet.example.fi/x")
    data = only(get_html(client, page.url), "Event")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["name"] == "Kirjasto"
    assert place["address"] == {"@type": "PostalAddress", "addressLocality": "Kuopio", "addressCountry": "FI"}
    assert virtual == {"@type": "VirtualLocation", "url": "https://meet.example.fi/x"}


@pytest.mark.parametrize(
    ("status", "schema_status"),
    [("cancelled", "EventCancelled"), ("postponed", "EventPostponed"), ("scheduled", "EventScheduled")],
)
def test_event_status_follows_the_page(client, site, event_index, status, schema_status):
    data = only(get_html(client, event(event_index, status=status, venue="Sali").url), "Event")
    assert data["eventStatus"] == f"https://schema.org/{schema_status}"


def test_event_moved_online_is_online_wherever_it_was_to_be_held(client, site, event_index):
    page = event(event_index, status="moved_online", venue="Sali", online_url="https://meet.example.fi/y")
    data = only(get_html(client, page.url), "Event")
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.fi/y"}


def test_english_event_is_described_in_english_with_the_same_facts(
    client, site, event_index, en_locale, kuopio, django_capture_on_commit_callbacks
):
    translate(event_index, en_locale, django_capture_on_commit_callbacks)
    finnish = event(event_index, venue="Kirjasto", municipality=kuopio, price=Decimal("5"))
    english = translate(finnish, en_locale, django_capture_on_commit_callbacks)
    html = get_html(client, english.url)
    data = only(html, "Event")
    assert data["url"] == full_url(english) and english.url.startswith("/en/")
    assert data["inLanguage"] == "en"
    assert data["startDate"] == "2026-12-06T10:00:00+02:00"
    assert data["offers"]["price"] == 5
    assert data["location"]["address"]["addressLocality"] == "Kuopio"
    assert one_meta(html, "og:locale") == "en_GB"
    assert meta(html, "og:locale:alternate") == ["fi_FI"]
    assert one_meta(html, "og:type") == "article"


def test_a_title_cannot_close_the_script_element(client, site, event_index):
    title = 'Ilta </script><script>alert("x")</script> & <!-- kommentti'
    page = event(event_index, title=title)
    html = get_html(client, page.url)
    assert "<script>alert" not in html and "<!-- kommentti" not in html
    assert only(html, "Event")["name"] == title
    assert only(html, "BreadcrumbList")["itemListElement"][-1]["name"] == title
    assert (
        one_meta(html, "og:title")
        == "Ilta &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;!-- kommentti"
    )


def test_json_ld_escapes_what_could_end_a_script():
    text = to_json_ld({"name": "</script><!--&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!--&"}


# --- breadcrumbs --------------------------------------------------------------------------------


def test_guide_has_exactly_one_breadcrumb_list_in_json_ld_with_absolute_urls(client, site, guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Näin haet")
    html = get_html(client, guide.url)
    crumbs = only(html, "BreadcrumbList")
    assert crumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Etusivu", "item": "http://testserver/fi/"},
        {"@type": "ListItem", "position": 2, "name": "Rahoitusoppaat", "item": "http://testserver/fi/rahoitus/"},
        {"@type": "ListItem", "position": 3, "name": "Näin haet", "item": full_url(guide)},
    ]
    # JSON-LD only: the visible trail carries no second, microdata BreadcrumbList.
    assert html.count("BreadcrumbList") == 1
    assert "itemtype" not in re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S)[0]
    # The visible trail is still there, with the current page marked.
    assert f'<a href="{guide.url}" aria-current="page">Näin haet</a>' in html


def test_english_breadcrumbs_are_in_english(client, site, guide_index, en_locale, en_home, django_capture_on_commit_callbacks):
    english_index = translate(guide_index, en_locale, django_capture_on_commit_callbacks)
    items = only(get_html(client, english_index.url), "BreadcrumbList")["itemListElement"]
    assert [(item["name"], item["item"]) for item in items] == [
        ("Home", full_url(en_home)),
        (english_index.title, full_url(english_index)),
    ]


def test_home_page_has_no_breadcrumb_list(client, site):
    assert of_type(get_html(client, site.url), "BreadcrumbList") == []


# --- home, guides, showcases --------------------------------------------------------------------


def test_home_page_is_koonto_the_organization_in_each_language(client, site, en_home):
    for home, language, other in ((site, "fi", "en_GB"), (en_home, "en", "fi_FI")):
        html = get_html(client, home.url)
        data = only(html, "Organization")
        assert data["name"] == "Koonto"
        assert data["url"] == full_url(home) == f"http://testserver/{language}/"
        assert data["description"]
        assert_shareable(html, full_url(home), {"fi": "fi_FI", "en": "en_GB"}[language])
        assert one_meta(html, "og:type") == "website"
        assert meta(html, "og:locale:alternate") == [other]


def test_guide_is_a_web_page_with_its_modification_date(client, site, guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Näin haet", summary="Hakemisen vaiheet.")
    guide.save_revision().publish()
    guide.refresh_from_db()
    html = get_html(client, guide.url)
    data = only(html, "WebPage")
    assert data["name"] == "Näin haet"
    assert data["description"] == "Hakemisen vaiheet."
    assert data["inLanguage"] == "fi"
    assert data["url"] == full_url(guide)
    # In Finnish time with its offset, to the second: 2026-11-29T11:02:03+02:00.
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00", data["dateModified"])
    assert datetime.fromisoformat(data["dateModified"]) == guide.last_published_at.replace(microsecond=0)
    assert_shareable(html, full_url(guide), "fi_FI")
    assert one_meta(html, "og:type") == "article"
    assert one_meta(html, "og:description") == "Hakemisen vaiheet."


def test_search_description_is_preferred_for_sharing(client, site, guide_index):
    guide = GuidePageFactory(parent=guide_index, summary="Tiivistelmä.", search_description="Hakukoneille.")
    assert one_meta(get_html(client, guide.url), "og:description") == "Hakukoneille."


def test_showcase_shares_its_listing_image_and_alternates_only_live_translations(
    client, site, showcase_index, en_locale, image, django_capture_on_commit_callbacks
):
    translate(showcase_index, en_locale, django_capture_on_commit_callbacks)
    showcase = ShowcasePageFactory(parent=showcase_index, title="Hanaa!", listing_image=image)
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(showcase, [en_locale])  # a draft translation
    html = get_html(client, showcase.url)
    data = only(html, "WebPage")
    assert data["name"] == "Hanaa!" and data["inLanguage"] == "fi"
    assert meta(html, "og:locale:alternate") == []
    og_image = one_meta(html, "og:image")
    assert re.fullmatch(r"http://testserver/media/images/.+\.fill-1200x630\.\w+", og_image)
    assert data["image"] == [og_image]
    assert one_meta(html, "og:image:alt") == "Kymmenen ihmistä pöydän ääressä"

    english = showcase.get_translation(en_locale)
    english.save_revision().publish()
    html = get_html(client, showcase.url)
    assert meta(html, "og:locale:alternate") == ["en_GB"]
    english_html = get_html(client, english.url)
    assert only(english_html, "WebPage")["inLanguage"] == "en"
    assert_shareable(english_html, full_url(english), "en_GB")
    assert meta(english_html, "og:locale:alternate") == ["fi_FI"]


def test_a_translation_shares_its_listing_image_with_alt_text_in_its_own_language(
    client, site, showcase_index, en_locale, image, django_capture_on_commit_callbacks
):
    translate(showcase_index, en_locale, django_capture_on_commit_callbacks)
    showcase = ShowcasePageFactory(parent=showcase_index, title="Hanaa!", listing_image=image)
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(showcase, [en_locale])
    english = showcase.get_translation(en_locale)
    english.listing_image_alt = "Ten people at a table"
    english.save_revision().publish()

    assert one_meta(get_html(client, english.url), "og:image:alt") == "Ten people at a table"
    assert one_meta(get_html(client, showcase.url), "og:image:alt") == "Kymmenen ihmistä pöydän ääressä"


def test_page_without_an_image_shares_the_default_image(client, site, guide_index):
    html = get_html(client, GuidePageFactory(parent=guide_index).url)
    assert one_meta(html, "og:image") == "http://testserver/static/koonto/img/share.png"
    assert one_meta(html, "og:image:width") == "1200" and one_meta(html, "og:image:height") == "630"
    assert one_meta(html, "og:image:alt") == "Koonto"
    with Image.open(finders.find("koonto/img/share.png")) as share:
        assert share.format == "PNG" and share.size == (1200, 630)


def test_a_listing_image_whose_file_is_lost_falls_back_to_the_default_image(client, site, guide_index, image):
    guide = GuidePageFactory(parent=guide_index, listing_image=image)
    image.file.storage.delete(image.file.name)
    html = get_html(client, guide.url)
    assert one_meta(html, "og:image") == "http://testserver/static/koonto/img/share.png"
    assert "image" not in only(html, "WebPage")


# --- organisation pages and other views that are not pages ---------------------------------------


@pytest.mark.parametrize("language", ["fi", "en"])
def test_organisation_page_is_an_organization(client, site, en_home, organisation, language):
    with translation.override(language):
        url = reverse("organisation", args=(organisation.slug,))
    html = get_html(client, url)
    data = only(html, "Organization")
    assert data["name"] == "Pallokissat Kuopio ry"
    assert data["url"] == f"http://testserver{url}"
    assert data["description"] == "Jalkapalloseura."
    assert data["sameAs"] == "https://pallokissat.example.fi/"
    assert data["taxID"] == "1234567-1"
    assert data["address"] == {"@type": "PostalAddress", "addressLocality": "Kuopio", "addressCountry": "FI"}
    assert re.fullmatch(r"http://testserver/media/images/.+\.max-240x120\.\w+", data["logo"])
    assert of_type(html, "BreadcrumbList") == []
    assert_shareable(html, f"http://testserver{url}", {"fi": "fi_FI", "en": "en_GB"}[language])
    assert one_meta(html, "og:title") == "Pallokissat Kuopio ry"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_views_that_are_not_pages_share_sensible_defaults(client, site, en_home, guide_index, language):
    guide = GuidePageFactory(parent=guide_index)
    guide.tags.add("jalkapallo")
    guide.save_revision().publish()
    with translation.override(language):
        # The Finnish guide has a Finnish tag page and, in English, a "not translated yet" page.
        other = reverse("tag", args=("jalkapallo",)) if language == "fi" else reverse("untranslated", args=(guide.pk,))
        urls = [reverse("search") + "?q=opas", other]
    for url in urls:
        html = get_html(client, url)
        path = url.split("?")[0]
        assert_shareable(html, f"http://testserver{path}", {"fi": "fi_FI", "en": "en_GB"}[language])
        assert one_meta(html, "og:image") == "http://testserver/static/koonto/img/share.png"
        assert one_meta(html, "og:type") == "website"
        assert json_ld(html) == []


def test_search_is_titled_for_sharing(client, site, en_home):
    assert one_meta(get_html(client, "/en/search/"), "og:title") == "Search"


def test_not_found_page_renders_its_meta(client, site):
    response = client.get("/fi/ei-ole/")
    assert response.status_code == 404
    assert canonical(response.content.decode()) == "http://testserver/fi/ei-ole/"


# --- cost ---------------------------------------------------------------------------------------


def test_meta_of_a_fully_described_event_costs_a_few_queries(
    site, event_index, kuopio, organisation, image, django_assert_max_num_queries
):
    page = event(event_index, venue="Sali", municipality=kuopio, organiser=organisation, listing_image=image)
    page = type(page).objects.get(pk=page.pk)
    request = RequestFactory().get(page.url)
    Site.find_for_request(request), page.get_full_url(request=request)  # done by serving the page anyway
    rule_for(request).page(page)  # so is asking the visibility rule (kept per content generation)
    image.get_rendition("fill-1200x630")  # made once, on the first view
    # Translations, listing image, ancestors (shared with the visible trail); the page's template
    # reads the municipality and the organiser (in the active locale) anyway.
    with django_assert_max_num_queries(6), translation.override("fi"):
        open_graph(page, request, page.title)
        page_json_ld(page, request)
