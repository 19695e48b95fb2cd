"""Content for the API tests: one published page of each type, in Finnish and English."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction
from wagtail_localize.operations import translate_object

from guides.models import FundingCallAttachment, FundingCallContact
from koonto.models import ContactPerson, Municipality, Organisation
from showcase.models import OperatingModel, ShowcaseMunicipality, ShowcaseOrganisation
from tests.factories import (
    EventPageFactory,
    FundingCallPageFactory,
    GuidePageFactory,
    ShowcasePageFactory,
)

HELSINKI = ZoneInfo("Europe/Helsinki")


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def translate(english_sections, en_locale, django_capture_on_commit_callbacks):
    """Translate a Finnish page into English with wagtail-localize and publish the translation.

    The sections are translated first (only for tests that ask for this: it is the slow part).
    """

    def translate(page, publish_it=True):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, [en_locale])
        english = page.get_translation(en_locale).specific
        if publish_it:
            english.save_revision().publish()
        return type(english).objects.get(pk=english.pk)

    return translate


@pytest.fixture
def english_sections(site, guide_index, showcase_index, event_index, en_locale, django_capture_on_commit_callbacks):
    english = {}
    for index in (guide_index, showcase_index, event_index):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(index, [en_locale])
        english[index.pk] = index.get_translation(en_locale)
        english[index.pk].save_revision().publish()
    return english


@pytest.fixture
def kuopio(db):
    return Municipality.objects.get(code="297")


@pytest.fixture
def organisation(fi_locale, kuopio):
    return Organisation.objects.create(
        name="Pallokissat Kuopio ry", website="https://pallokissat.example", municipality=kuopio, locale=fi_locale
    )


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(
        title="Kuva", description="Lapset pelaavat jalkapalloa", file__width=1600, file__height=900
    )


@pytest.fixture
def event(site, event_index, kuopio, organisation, image):
    event = EventPageFactory(
        parent=event_index,
        title="Hankeinfo",
        slug="hankeinfo",
        summary="Kerromme hausta.",
        event_type="info_session",
        mode="hybrid",
        venue="Kuopion kaupungintalo",
        municipality=kuopio,
        online_url="https://meet.example/info",
        organiser=organisation,
        price=Decimal("15.50"),
        starts_at=datetime(2030, 3, 2, 13, 0, tzinfo=HELSINKI),
        ends_at=datetime(2030, 3, 2, 15, 0, tzinfo=HELSINKI),
        listing_image=image,
    )
    event.tags.add("infotilaisuus")
    return publish(event)


@pytest.fixture
def call(site, guide_index, fi_locale):
    contact = ContactPerson.objects.create(
        name="Hanna Hankkija", role="Projektipäällikkö", email="hanna@example.fi", locale=fi_locale
    )
    document = Document.objects.create(title="Hakuilmoitus", file=ContentFile(b"%PDF-1.4 hakuilmoitus", name="hakuilmoitus.pdf"))
    call = FundingCallPageFactory(
        parent=guide_index,
        title="Hankehaku 2030",
        slug="hankehaku-2030",
        support_rate=Decimal("80.00"),
        total_budget=Decimal("1500000"),
        eligible_applicants="<p>Rekisteröidyt yhdistykset.</p>",
    )
    FundingCallContact.objects.create(page=call, contact=contact)
    FundingCallAttachment.objects.create(page=call, document=document, title="Hakuilmoitus (PDF)")
    return publish(call)


@pytest.fixture
def showcase(site, showcase_index, organisation, kuopio):
    showcase = ShowcasePageFactory(parent=showcase_index, title="Perhefutis", slug="perhefutis", programme_period="2021-2027")
    ShowcaseOrganisation.objects.create(page=showcase, organisation=organisation, role="implementer")
    ShowcaseMunicipality.objects.create(page=showcase, municipality=kuopio)
    OperatingModel.objects.create(page=showcase, title="Perhefutis-malli", description="Koko perhe pelaa.")
    return publish(showcase)


@pytest.fixture
def guide(site, guide_index):
    return publish(GuidePageFactory(parent=guide_index, title="Näin haet", slug="nain-haet", project_phase="application"))


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def events(site, event_index, kuopio):
    """Two future events in two municipalities (one tagged "koulutus") and one past event."""
    iisalmi = Municipality.objects.get(code="140")
    made = {
        "march_kuopio": EventPageFactory(
            parent=event_index,
            title="Maaliskuu",
            starts_at=datetime(2030, 3, 10, 10, tzinfo=HELSINKI),
            municipality=kuopio,
            event_type="training",
        ),
        "april_iisalmi": EventPageFactory(
            parent=event_index,
            title="Huhtikuu",
            starts_at=datetime(2030, 4, 10, 10, tzinfo=HELSINKI),
            municipality=iisalmi,
            event_type="webinar",
        ),
        "past": EventPageFactory(
            parent=event_index,
            title="Mennyt",
            starts_at=datetime(2020, 1, 10, 10, tzinfo=HELSINKI),
            ends_at=None,
            municipality=kuopio,
            event_type="other",
        ),
    }
    made["march_kuopio"].tags.add("koulutus")
    for page in made.values():
        page.save_revision().publish()
    return made


@pytest.fixture
def assert_constant_queries(client, site, event_index, kuopio, django_assert_max_num_queries):
    """Check that `url` costs no more queries with 50 tagged events than with 5."""

    def make(count):
        for _n in range(count):
            page = EventPageFactory(parent=event_index, municipality=kuopio)
            page.tags.add("koulutus")
            page.save_revision().publish()

    def check(url):
        make(5)
        client.get(url)  # warm the site and locale caches
        # The connection's log keeps only its latest 9,000 queries and a full log makes a capture
        # see none: empty it before each count (creating 45 pages runs thousands).
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as small:
            assert client.get(url).status_code == 200
        budget = len(small)
        assert budget > 0
        make(45)
        client.get(url)  # publishing empties the caches kept per content generation: warm them again
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as large:
            assert client.get(url).status_code == 200
        assert 0 < len(large) <= budget, f"{len(large)} queries with 50 items, {budget} with 5"

    return check
