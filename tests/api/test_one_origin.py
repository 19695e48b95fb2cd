"""Every absolute URL that points at the site itself starts with KOONTO_PUBLIC_URL (koonto/origin.py):
HTML pages (canonical, hreflang, Open Graph, JSON-LD, the calendar address) in Finnish and English,
API v2 and v3, the RSS and iCalendar feeds, the sitemap and robots.txt.

The origin is a distinctive one that neither the test client's host (`testserver`) nor Wagtail's
defaults could produce, and the admin's address (WAGTAILADMIN_BASE_URL, which Wagtail puts into
rendition URLs) is yet another, so a URL built from anything but the origin shows up here.
"""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from editorial.management.commands.publish_scheduled import notify_scheduled_publication
from koonto.origin import sync_site
from personal_data.models import OutboxMessage

ORIGIN = "https://koonto.example.fi"
URL_RE = re.compile(r"""https?://[^\s"'<>\\)]+""")
# Hosts of content and of standards the responses name: not the site itself.
EXTERNAL_HOSTS = {
    "schema.org",
    "www.sitemaps.org",
    "www.w3.org",
    "www.google.com",
    "purl.org",
    "backend.userland.com",
    "pallokissat.example",
    "meet.example",
}


@pytest.fixture
def public_origin(settings):
    settings.KOONTO_PUBLIC_URL = ORIGIN
    settings.WAGTAILAPI_BASE_URL = ORIGIN
    settings.WAGTAILADMIN_BASE_URL = "https://admin.koonto.example.fi"
    return ORIGIN


@pytest.fixture
def content(public_origin, event, call, showcase, guide, translate):
    english = {name: translate(page) for name, page in {"event": event, "call": call, "guide": guide}.items()}
    return {"event": event, "call": call, "showcase": showcase, "guide": guide, "english": english}


def own_urls(text: str) -> list[str]:
    urls = [url.rstrip(".,;") for url in URL_RE.findall(text)]
    return [url for url in urls if urlsplit(url).hostname not in EXTERNAL_HOSTS]


def assert_on_origin(client, path: str) -> int:
    """Fetch `path`; every absolute URL in it that is the site's own starts with the origin."""
    response = client.get(path, follow=False)
    assert response.status_code == 200, (path, response.status_code)
    text = response.content.decode()
    urls = own_urls(text)
    wrong = [url for url in urls if not url.startswith(ORIGIN + "/")]
    assert not wrong, (path, wrong)
    return len(urls)


def paths_to_check(content) -> list[str]:
    event, call, showcase, guide, english = (content[key] for key in ("event", "call", "showcase", "guide", "english"))
    pages = [event, call, showcase, guide, *english.values(), event.get_parent(), english["event"].get_parent()]
    html = ["/fi/", "/en/", *(page.url for page in pages), "/fi/organisaatiot/pallokissat-kuopio-ry/"]
    api = [
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?fields=*&locale=en",
        *(f"/api/v2/pages/{page.pk}/" for page in [event, call, showcase, guide, english["event"]]),
        "/api/v2/images/?fields=*",
        "/api/v2/documents/?fields=*",
        "/api/v3/koonto/events/",
        "/api/v3/koonto/events/?locale=en",
        f"/api/v3/koonto/events/{event.pk}/",
        "/api/v3/koonto/calls/",
        f"/api/v3/koonto/calls/{call.pk}/",
        "/api/v3/pages/",
        f"/api/v3/pages/{event.pk}/",
        "/api/v3/images/",
        "/api/v3/documents/",
    ]
    feeds = [
        "/fi/syotteet/tapahtumat.rss",
        "/en/feeds/events.rss",
        "/fi/syotteet/hankkeet.rss",
        "/fi/syotteet/rahoitus.rss",
        "/en/feeds/guides.rss",
        "/fi/kalenteri.ics",
        "/en/calendar.ics",
        f"/fi/kalenteri/{event.pk}.ics",
        "/sitemap.xml",
        "/robots.txt",
    ]
    return html + api + feeds


@pytest.mark.django_db
def test_every_absolute_url_of_the_site_starts_with_the_public_origin(client, content):
    # The deploy step (setup_editorial): Wagtail's own URLs (API v3 `html_url`) read the Site record.
    sync_site()
    assert Site.objects.get(is_default_site=True).root_url == ORIGIN

    counts = {path: assert_on_origin(client, path) for path in paths_to_check(content)}

    # Each kind of answer did carry URLs of the site, so the check above checked something.
    empty = [path for path, count in counts.items() if count == 0 and path != "/robots.txt"]
    assert not empty, empty


@pytest.mark.django_db
def test_a_site_record_left_at_localhost_does_not_leak_into_koonto_urls(client, content):
    """A deployment that forgot the Site record: HTML, feeds, the sitemap and Koonto's API still
    use the origin."""
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    event = content["event"]
    for path in [
        event.url,
        "/sitemap.xml",
        "/fi/syotteet/tapahtumat.rss",
        f"/api/v2/pages/{event.pk}/",
        "/api/v3/koonto/events/",
    ]:
        assert_on_origin(client, path)


@pytest.mark.django_db
def test_html_carries_canonical_hreflang_and_open_graph_on_the_origin(client, content):
    event = content["event"]
    html = client.get(event.url).content.decode()

    assert f'<link rel="canonical" href="{ORIGIN}/fi/tapahtumat/hankeinfo/">' in html
    assert f'hreflang="en" href="{ORIGIN}/en/' in html
    assert f'hreflang="x-default" href="{ORIGIN}/fi/tapahtumat/hankeinfo/"' in html
    assert f'<meta property="og:url" content="{ORIGIN}/fi/tapahtumat/hankeinfo/">' in html
    assert f'<meta property="og:image" content="{ORIGIN}/media/images/' in html


@pytest.mark.django_db
def test_the_find_endpoint_redirects_to_the_origin(client, content):
    response = client.get("/api/v2/pages/find/?html_path=/fi/tapahtumat/hankeinfo/")

    assert response.status_code == 302
    assert response["Location"].startswith(f"{ORIGIN}/api/v2/pages/{content['event'].pk}/")


@pytest.mark.django_db
def test_mails_link_to_the_page_on_the_origin(content, editor):
    event = content["event"]
    editor.email = "toimittaja@example.fi"
    editor.save()
    revision = event.save_revision(user=editor)

    notify_scheduled_publication(event, revision)

    assert f"{ORIGIN}/fi/tapahtumat/hankeinfo/" in OutboxMessage.objects.order_by("pk").last().body


@pytest.mark.django_db
def test_v2_html_url_comes_from_the_origin_not_from_a_site_record_pointing_elsewhere(client, content):
    """In live-server setups the Site record and the origin differ: v2's `meta.html_url` (Wagtail's
    own would be the Site record's `root_url`) follows koonto.origin.page_url in every v2 answer."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "elsewhere.example", 8080
    site.save()  # clears Wagtail's cached site root paths, which .update() would leave
    assert site.root_url == "http://elsewhere.example:8080"
    event, english = content["event"], content["english"]["event"]

    detail = client.get(f"/api/v2/pages/{event.pk}/").json()
    listing = client.get("/api/v2/pages/?type=events.EventPage&fields=html_url&locale=en").json()
    by_path = client.get("/api/v3/koonto/page/", {"path": event.url}).json()
    wagtail_v3 = client.get(f"/api/v3/pages/{event.pk}/").json()
    wagtail_v3_listing = client.get("/api/v3/pages/", {"child_of": event.get_parent().pk}).json()

    assert detail["meta"]["html_url"] == f"{ORIGIN}/fi/tapahtumat/hankeinfo/"
    assert [item["meta"]["html_url"] for item in listing["items"]] == [f"{ORIGIN}{english.url}"]
    assert by_path["page"]["meta"]["html_url"] == f"{ORIGIN}/fi/tapahtumat/hankeinfo/"
    # The parent page linked in `meta` too.
    assert detail["meta"]["parent"]["meta"]["html_url"] == f"{ORIGIN}/fi/tapahtumat/"
    assert by_path["page"]["meta"]["parent"]["meta"]["html_url"] == f"{ORIGIN}/fi/tapahtumat/"
    # Wagtail's own v3 pages (detail, listing, the parent in `meta`) as well.
    assert wagtail_v3["meta"]["html_url"] == f"{ORIGIN}/fi/tapahtumat/hankeinfo/"
    assert wagtail_v3["meta"]["parent"]["meta"]["html_url"] == f"{ORIGIN}/fi/tapahtumat/"
    assert f"{ORIGIN}/fi/tapahtumat/hankeinfo/" in [item["meta"]["html_url"] for item in wagtail_v3_listing["items"]]
    everything = str(detail) + str(listing) + str(by_path) + str(wagtail_v3) + str(wagtail_v3_listing)
    assert "elsewhere.example" not in everything
