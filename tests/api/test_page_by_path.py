"""API v3: a page by its public path with `expand=` components, and each component's own endpoint
(api/routes.py, api/expansions.py). The components must say what the HTML chrome shows."""

import json
import re

import pytest
from django.utils import translation

from koonto.models import ContactPerson, KoontoSettings, SiteTexts, SiteTextsContact
from tests.api.conftest import publish, restrict
from tests.api.queries import queries_for
from tests.factories import StandardPageFactory
from tests.pagetypes.models import BulletinPage

pytestmark = pytest.mark.django_db

ALL = "navigation,breadcrumbs,translations,site"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def by_path(client, path, expand="", status=200):
    query = f"/api/v3/koonto/page/?path={path}" + (f"&expand={expand}" if expand else "")
    return get(client, query, status)


@pytest.fixture
def bulletin(site, home):
    page = BulletinPage(title="Tiedote", slug="tiedote", summary="Vesikatko.", body="<p>Katko kestää tunnin.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return BulletinPage.objects.get(pk=page.pk)


@pytest.fixture
def about(site, home):
    return publish(StandardPageFactory(parent=home, title="Tietoa Koontosta", slug="tietoa", show_in_menus=True))


def test_every_page_type_answers_at_its_path(client, event, call, showcase, guide, bulletin, about, home, event_index):
    for page in (event, call, showcase, guide, bulletin, about, home, event_index):
        data = by_path(client, page.url)
        assert data["page"]["id"] == page.pk
        assert data["page"]["meta"]["type"] == page.specific_class._meta.label
        assert data["translation_key"] == str(page.translation_key)
    # The full content of the type, not only its title: the test page type's own fields too.
    assert by_path(client, bulletin.url)["page"]["body"] == "<p>Katko kestää tunnin.</p>"
    assert by_path(client, event.url)["page"]["municipality"] == {"code": "297", "name": "Kuopio"}


def test_a_full_url_and_a_path_without_the_trailing_slash_find_the_page(client, event):
    assert by_path(client, f"http://testserver{event.url}")["page"]["id"] == event.pk
    assert by_path(client, event.url.rstrip("/"))["page"]["id"] == event.pk


def test_an_english_path_answers_the_english_page_with_english_links(client, event, translate):
    english = translate(event)
    data = by_path(client, english.url, expand="translations")
    assert english.url.startswith("/en/") and data["page"]["id"] == english.pk
    assert data["page"]["meta"]["locale"] == "en"
    links = {item["language"]: item for item in data["components"]["translations"]["items"]}
    assert links["fi"] == {
        "language": "fi",
        "name": "Suomi",
        "translated": True,
        "title": "Hankeinfo",
        "url": f"http://testserver{event.url}",
        "current": False,
    }
    assert links["en"]["current"] and links["en"]["url"] == f"http://testserver{english.url}"


@pytest.mark.parametrize("path", ["/fi/ei-ole/", "/fi/haku/", "/fi/search/", "/fi/organisaatiot/pallokissat-kuopio-ry/"])
def test_no_page_there_is_a_404_problem(client, event, path):
    response = client.get(f"/api/v3/koonto/page/?path={path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_pages_the_public_may_not_see_are_404_never_a_redirect(client, event, draft_event):
    restrict(event)
    for page in (event, draft_event):
        response = client.get(f"/api/v3/koonto/page/?path={page.url or '/fi/tapahtumat/' + page.slug + '/'}")
        assert response.status_code == 404, response.content


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("path=/tapahtumat/", "path"),
        ("path=/de/x/", "path"),
        ("path=/fi/&expand=menu", "expand"),
        ("path=/fi/&expand=", "expand"),
        ("path=/fi/&colour=red", "colour"),
        ("", "path"),
    ],
)
def test_bad_parameters_are_400_naming_them(client, site, query, parameter):
    response = client.get(f"/api/v3/koonto/page/?{query}")
    assert response.status_code == 400, response.content
    assert response.json()["detail"].startswith(parameter)


def main_menu(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="main-menu".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav[0]) if nav else []


def test_navigation_is_the_html_menu_of_the_page_language(client, event, about, showcase_index):
    hidden = publish(StandardPageFactory(parent=about.get_parent(), title="Piilossa", slug="piilossa", show_in_menus=True))
    restrict(hidden)
    data = by_path(client, event.url, expand="navigation")
    items = data["components"]["navigation"]["items"]
    html_menu = main_menu(client.get(event.url).content.decode())
    assert [(item["url"].removeprefix("http://testserver"), item["title"]) for item in items] == html_menu
    assert "Piilossa" not in [item["title"] for item in items]
    current = {item["title"]: item["current"] for item in items}
    assert current["Tapahtumat"] == "ancestor" and current["Tietoa Koontosta"] is None
    # The standalone endpoint: the same menu, nothing marked current.
    alone = get(client, "/api/v3/koonto/navigation/?locale=fi")
    assert [item["id"] for item in alone] == [item["id"] for item in items]
    assert {item["current"] for item in alone} == {None}


def test_breadcrumbs_leave_out_ancestors_the_public_may_not_see(client, home, event_index, event):
    data = by_path(client, event.url, expand="breadcrumbs")
    assert [c["title"] for c in data["components"]["breadcrumbs"]["items"]] == ["Etusivu", event_index.title, "Hankeinfo"]
    event_index.unpublish()
    assert [c["id"] for c in get(client, f"/api/v3/koonto/pages/{event.pk}/breadcrumbs/")] == [home.pk, event.pk]
    assert by_path(client, home.url, expand="breadcrumbs")["components"]["breadcrumbs"]["items"] == []


def test_components_not_asked_for_are_links_to_their_endpoints(client, event):
    data = by_path(client, event.url)
    components = data["components"]
    assert components["navigation"] == {"href": "http://testserver/api/v3/koonto/navigation/?locale=fi", "items": None}
    assert components["breadcrumbs"]["items"] is None and components["site"]["data"] is None
    for component in components.values():
        response = client.get(component["href"])
        assert response.status_code == 200, component["href"]


def test_the_untranslated_language_links_to_the_page_that_says_so(client, event):
    links = get(client, f"/api/v3/koonto/pages/{event.pk}/translations/")
    english = next(link for link in links if link["language"] == "en")
    assert english["translated"] is False and english["title"] is None
    assert client.get(english["url"].removeprefix("http://testserver")).status_code == 200


@pytest.fixture
def footer_settings(site, about, fi_locale):
    settings_row = KoontoSettings.for_site(site.get_site())
    settings_row.eu_statement = "co_funded"
    settings_row.accessibility_page = about
    settings_row.facebook_url = "https://facebook.example/koonto"
    settings_row.save()
    contact = ContactPerson.objects.create(
        name="Maija Meikäläinen", role="Projektipäällikkö", email="maija@koonto.example", locale=fi_locale
    )
    contact.save_revision().publish()
    texts = SiteTexts.objects.create(
        locale=fi_locale,
        programme_name="Uudistuva ja osaava Suomi 2021–2027",
        implementers=[("implementer", "Savon Koonto ry (päätoteuttaja)"), ("implementer", "Kuopion kaupunki (osatoteuttaja)")],
    )
    SiteTextsContact.objects.create(texts=texts, contact=contact)
    texts.save_revision().publish()
    return settings_row


def test_site_gives_what_the_footer_shows(client, footer_settings, event, about):
    site_data = by_path(client, event.url, expand="site")["components"]["site"]["data"]
    assert site_data == get(client, "/api/v3/koonto/site/?locale=fi")
    html = client.get(event.url).content.decode()
    assert site_data["eu_notice"]["statement"] == {"value": "co_funded", "label": "Euroopan unionin osarahoittama"}
    assert site_data["eu_notice"]["statement"]["label"] in html
    assert site_data["eu_notice"]["emblem_bordered"]["url"].endswith(".svg")
    assert site_data["implementers"] == ["Savon Koonto ry (päätoteuttaja)", "Kuopion kaupunki (osatoteuttaja)"]
    assert [c["email"] for c in site_data["contacts"]] == ["maija@koonto.example"]
    assert site_data["accessibility_statement"] == {"label": "Saavutettavuusseloste", "url": f"http://testserver{about.url}"}
    # The footer's feedback link and the API's are one rule (koonto.site_texts.accessibility_feedback).
    assert site_data["accessibility_feedback"]["url"] == "mailto:maija@koonto.example?subject=Saavutettavuuspalaute"
    assert f'class="accessibility-feedback" href="{site_data["accessibility_feedback"]["url"]}"' in html
    assert site_data["privacy_notice"] is None
    assert site_data["social_links"] == [{"label": "Facebook", "url": "https://facebook.example/koonto"}]
    for text in ("Saavutettavuusseloste", "Savon Koonto ry (päätoteuttaja)", "Maija Meikäläinen"):
        assert text in html
    with translation.override("en"):
        english = get(client, "/api/v3/koonto/site/?locale=en")
    assert english["eu_notice"]["statement"]["label"] == "Co-funded by the European Union"
    assert english["tagline"] == "Citizen-led development in Pohjois-Savo"
    # The site texts are not translated yet: the Finnish ones, saying so.
    assert english["texts_language"] == "fi" and english["implementers"][0] == "Savon Koonto ry (päätoteuttaja)"
    assert site_data["texts_language"] == "fi"


def test_event_and_call_details_take_expansions(client, event, call):
    data = get(client, f"/api/v3/koonto/events/{event.pk}/?expand={ALL}")
    assert data["title"] == "Hankeinfo"
    assert [c["id"] for c in data["components"]["breadcrumbs"]["items"]][-1] == event.pk
    assert data["components"]["site"]["data"]["locale"] == "fi"
    data = get(client, f"/api/v3/koonto/calls/{call.pk}/?expand=translations")
    assert data["components"]["translations"]["items"][0]["current"] is True
    assert client.get(f"/api/v3/koonto/calls/{call.pk}/?expand=menu").status_code == 400


def test_the_openapi_document_types_the_page_and_its_components(client, site):
    document = get(client, "/api/v3/openapi.json")
    schemas = document["components"]["schemas"]
    page = schemas["PageAnswer"]["properties"]["page"]
    assert len(page["oneOf"]) > 8  # every page type, discovered
    assert any(ref["$ref"].endswith("BulletinPageSchema") for ref in page["oneOf"])
    assert schemas["Components"]["required"] == ["navigation", "breadcrumbs", "translations", "site"]
    assert "/api/v3/koonto/pages/{page_id}/breadcrumbs/" in document["paths"]


def test_one_request_costs_the_same_queries_whatever_the_menu_length(client, site, home, event):
    url = f"/api/v3/koonto/page/?path={event.url}&expand={ALL}"
    client.get(url)
    small = queries_for(client, url)
    for n in range(8):
        publish(StandardPageFactory(parent=home, title=f"Sivu {n}", slug=f"sivu-{n}", show_in_menus=True))
    client.get(url)  # publishing empties the caches kept per content generation: warm them again
    assert queries_for(client, url) <= small
    assert len(client.get(url).json()["components"]["navigation"]["items"]) >= 9


def test_the_shared_body_is_typed_in_the_page_by_path_too(client, about, call):
    about.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Yhteystiedot", "level": "h2"}},
            {"type": "paragraph", "value": f'<p>Katso <a linktype="page" id="{call.pk}">haku</a>.</p>'},
        ]
    )
    about.save_revision().publish()
    body = by_path(client, about.url)["page"]["body"]
    assert [block["type"] for block in body] == ["heading", "paragraph"]
    assert body[0]["value"]["anchor"] == "yhteystiedot"
    assert body[1]["value"] == {"html": f'<p>Katso <a href="{call.url}">haku</a>.</p>'}
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert schemas["StandardPageSchema"]["properties"]["body"]["items"]["discriminator"]["propertyName"] == "type"


def test_a_guide_body_is_typed_with_the_table_of_contents_anchors(client, guide):
    guide.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Hakeminen", "level": "h2"}},
            {"type": "steps", "value": [{"title": "Tee idea", "text": "<p>Kirjaa tavoite.</p>", "link_url": ""}]},
            {"type": "heading", "value": {"text": "Hakeminen", "level": "h2"}},
            {"type": "faq", "value": [{"question": "Kuka voi hakea?", "answer": "<p>Yhdistykset.</p>"}]},
            {"type": "checklist", "value": {"title": "Muista", "items": ["Budjetti"]}},
        ]
    )
    guide.save_revision().publish()
    body = by_path(client, guide.url)["page"]["body"]
    assert [block["type"] for block in body] == ["heading", "steps", "heading", "faq", "checklist"]
    anchors = [block["value"]["anchor"] for block in body if block["type"] == "heading"]
    assert anchors == ["hakeminen", "hakeminen-2"]
    html = client.get(guide.url).content.decode()
    assert all(f'id="{anchor}"' in html and f'href="#{anchor}"' in html for anchor in anchors)
    assert body[1]["value"] == [{"title": "Tee idea", "html": "<p>Kirjaa tavoite.</p>", "link": None}]
    assert body[3]["value"] == [{"question": "Kuka voi hakea?", "html": "<p>Yhdistykset.</p>"}]
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    mapping = schemas["GuidePageSchema"]["properties"]["body"]["items"]["discriminator"]["mapping"]
    assert {"steps", "faq", "checklist", "video", "table", "paragraph"} <= set(mapping)


def test_the_page_and_each_component_endpoint_are_publicly_cacheable(client, event):
    for url in (
        f"/api/v3/koonto/page/?path={event.url}&expand={ALL}",
        "/api/v3/koonto/navigation/?locale=fi",
        f"/api/v3/koonto/pages/{event.pk}/breadcrumbs/",
        f"/api/v3/koonto/pages/{event.pk}/translations/",
        "/api/v3/koonto/site/?locale=en",
        "/api/v3/koonto/home/?locale=fi",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"] and response.has_header("ETag"), url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
