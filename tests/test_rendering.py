"""Every page type renders its fields; the page chrome is accessible and in the right language."""

import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from guides.models import FundingCallAttachment
from koonto.models import ContactPerson, KoontoSettings, Municipality, Organisation, SiteTexts, SiteTextsContact
from showcase.models import OperatingModel, ShowcaseMunicipality, ShowcaseOrganisation, ShowcaseTargetGroup
from tests.factories import (
    EventPageFactory,
    FundingCallPageFactory,
    GuidePageFactory,
    ShowcasePageFactory,
    StandardPageFactory,
)
from tests.text import page_text

HELSINKI = ZoneInfo("Europe/Helsinki")
pytestmark = pytest.mark.django_db


def get_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return page_text(response)


def test_home_page_has_one_h1_skip_link_landmarks_and_language(client, home):
    html = get_html(client, home)
    assert '<html lang="fi">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="#main"' in html and 'id="main"' in html
    for landmark in ("<header", "<main", "<footer", "<nav"):
        assert landmark in html
    assert 'role="search"' in html and 'name="q"' in html


def test_footer_shows_eu_notice_contacts_and_required_page_links(client, home, fi_locale):
    accessibility = StandardPageFactory(parent=home, title="Saavutettavuusseloste")
    privacy = StandardPageFactory(parent=home, title="Tietosuojaseloste")
    contact = ContactPerson.objects.create(name="Tuomas Puustinen", role="Projektipäällikkö", phone="050 541 5188")
    settings = KoontoSettings.for_site(home.get_site())
    settings.accessibility_page = accessibility
    settings.privacy_page = privacy
    settings.save()
    texts = SiteTexts.objects.create(locale=fi_locale, implementers=[("implementer", "Pohjois-Savon Liikunta ry")])
    SiteTextsContact.objects.create(texts=texts, contact=contact)
    html = get_html(client, home)
    assert "eu-emblem.svg" in html
    assert "Euroopan unionin rahoittama" in html and "Uudistuva ja osaava Suomi 2021–2027" in html
    assert "Pohjois-Savon Liikunta ry" in html
    assert "Tuomas Puustinen" in html and 'href="tel:+358505415188"' in html
    assert f'href="{accessibility.url}"' in html and f'href="{privacy.url}"' in html

    settings.eu_statement = KoontoSettings.EUStatement.CO_FUNDED
    settings.save()
    assert "Euroopan unionin osarahoittama" in get_html(client, home)


def test_main_menu_lists_live_pages_marked_for_menus(client, home, guide_index, showcase_index):
    hidden = StandardPageFactory(parent=home, title="Piilossa", show_in_menus=False)
    html = get_html(client, home)
    menu = html.split('class="main-menu"')[1].split("</nav>")[0]
    assert guide_index.title in menu and showcase_index.title in menu
    assert hidden.title not in menu


def test_funding_call_page_shows_dates_the_finnish_way_and_its_facts(client, guide_index):
    call = FundingCallPageFactory(
        parent=guide_index,
        title="Seuraava hankehaku",
        opens_at=datetime(2023, 12, 1, 9, 0, tzinfo=HELSINKI),
        closes_at=datetime(2024, 1, 15, 16, 15, tzinfo=HELSINKI),
        support_rate=Decimal("80.00"),
        fund="ESR+",
        application_url="https://www.eura2021.fi/",
    )
    html = get_html(client, call)
    assert "15.1.2024 klo 16.15" in html
    assert 'datetime="2024-01-15T16:15:00+02:00"' in html
    assert "80\xa0%" in html and "ESR+" in html and "https://www.eura2021.fi/" in html
    assert "Päättynyt" in html


def test_funding_call_lists_its_info_sessions_and_attachments(client, guide_index, event_index):
    call = FundingCallPageFactory(parent=guide_index)
    EventPageFactory(parent=event_index, title="Infotilaisuus haussa", related_call=call, event_type="info_session")
    document = Document.objects.create(title="Hakuohje", file=ContentFile(b"%PDF-1.4 test", name="hakuohje.pdf"))
    FundingCallAttachment.objects.create(page=call, document=document)
    html = get_html(client, call)
    assert "Infotilaisuus haussa" in html
    assert "Hakuohje" in html and "PDF" in html


def test_guide_page_renders_body_blocks_and_review_date(client, guide_index):
    guide = GuidePageFactory(
        parent=guide_index,
        audience="Yhdistykset",
        reviewed_on=datetime(2025, 3, 4).date(),
        body=[
            ("heading", {"text": "Mitä KAKE on?", "level": "h2"}),
            ("paragraph", "<p>Hankkeilla edistetään osallisuutta.</p>"),
            ("quote", {"text": "SEURAAVA HAKU 15.1.2024", "attribution": "Koonto"}),
            ("callout", {"variant": "warning", "title": "Huomio", "text": "<p>Tarkista päivä.</p>"}),
        ],
    )
    html = get_html(client, guide)
    assert '<h2 id="mitä-kake-on">Mitä KAKE on?</h2>' in html
    assert "Hankkeilla edistetään osallisuutta." in html
    assert "<blockquote><p>SEURAAVA HAKU 15.1.2024</p></blockquote>" in html
    assert "callout--warning" in html
    assert "4.3.2025" in html and "Yhdistykset" in html


def test_showcase_page_shows_organisations_places_groups_and_models(client, showcase_index):
    showcase = ShowcasePageFactory(
        parent=showcase_index, title="Hanaa!", programme_period="2014-2020", results="<p>Uusia kavereita.</p>"
    )
    organisation = Organisation.objects.create(name="Tatu ry")
    ShowcaseOrganisation.objects.create(page=showcase, organisation=organisation)
    ShowcaseMunicipality.objects.create(page=showcase, municipality=Municipality.objects.get(code="297"))
    ShowcaseTargetGroup.objects.create(page=showcase, group="young_people")
    OperatingModel.objects.create(page=showcase, title="Harrastusryhmät", description="Ryhmät yhdessä seurojen kanssa.")
    html = get_html(client, showcase)
    for text in ("Tatu ry", "Kuopio", "2014–2020", "Uusia kavereita.", "Harrastusryhmät", "Nuoret"):
        assert text in html


def test_event_page_shows_time_place_and_price(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Hankeklinikka",
        starts_at=datetime(2030, 2, 1, 13, 0, tzinfo=HELSINKI),
        ends_at=datetime(2030, 2, 1, 15, 30, tzinfo=HELSINKI),
        municipality=Municipality.objects.get(code="140"),
        mode="hybrid",
    )
    html = get_html(client, event)
    assert "1.2.2030 klo 13.00" in html and "–<time" in html and "15.30" in html
    assert "Iisalmi" in html and "Maksuton" in html


def test_index_pages_list_their_children(client, guide_index, showcase_index, event_index):
    GuidePageFactory(parent=guide_index, title="Opas yhdistyksille")
    FundingCallPageFactory(parent=guide_index, title="Kevään haku")
    ShowcasePageFactory(parent=showcase_index, title="Avoimet tilat")
    EventPageFactory(parent=event_index, title="Verkostotapaaminen")
    assert "Opas yhdistyksille" in get_html(client, guide_index) and "Kevään haku" in get_html(client, guide_index)
    assert "Avoimet tilat" in get_html(client, showcase_index)
    assert "Verkostotapaaminen" in get_html(client, event_index)


def test_event_index_lists_upcoming_first_and_past_events_separately(client, event_index):
    upcoming = EventPageFactory(parent=event_index, title="Tuleva", starts_at=datetime(2099, 1, 1, tzinfo=HELSINKI))
    past = EventPageFactory(parent=event_index, title="Mennyt", starts_at=datetime(2020, 1, 1, tzinfo=HELSINKI))
    html = get_html(client, event_index)
    # As card links: "Tuleva" is also part of the page's "Tulevat tapahtumat" feed link.
    assert f">{upcoming.title}</a>" in html and f">{past.title}</a>" not in html
    assert "?when=past" in html
    past_html = client.get(event_index.url + "?when=past").content.decode()
    assert f">{past.title}</a>" in past_html and f">{upcoming.title}</a>" not in past_html


def test_standard_page_renders(client, home):
    page = StandardPageFactory(parent=home, title="Tietoa Koontosta", summary="Koonto koordinoi.")
    html = get_html(client, page)
    assert "Tietoa Koontosta" in html and "Koonto koordinoi." in html


def test_root_redirects_to_finnish_by_default(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == "/fi/"


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_unknown_page_is_a_404_in_finnish(client, home):
    response = client.get("/fi/ei-ole/")
    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()


def test_document_block_shows_file_type_and_size(client, home):
    document = Document.objects.create(title="Hakuopas", file=ContentFile(b"x" * 2048, name="hakuopas.pdf"))
    page = StandardPageFactory(parent=home, body=[("document", {"document": document, "title": ""})])
    html = get_html(client, page)
    assert f'href="{document.url}">Hakuopas</a>' in html
    assert "(PDF, 2,0\xa0KB)" in html


def test_titles_name_the_page_then_the_site(client, home, guide_index):
    assert "<title>Rahoitusoppaat – Koonto</title>" in get_html(client, guide_index)
    assert "<title>Koonto – Kansalaistoimijalähtöistä kehittämistä Pohjois-Savossa</title>" in get_html(client, home)
