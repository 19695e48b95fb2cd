"""Small content for the search tests: a few published pages whose words the tests look for."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from koonto.models import Municipality
from showcase.models import ShowcaseMunicipality
from tests.factories import EventPageFactory, FundingCallPageFactory, GuidePageFactory, ShowcasePageFactory


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page and run the on-commit work (search index, translations) at once."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return type(page).objects.get(pk=page.pk)

    return publish


@pytest.fixture
def kuopio(db):
    return Municipality.objects.get(code="297")


@pytest.fixture
def iisalmi(db):
    return Municipality.objects.get(code="140")


@pytest.fixture
def pages(site, guide_index, showcase_index, event_index, publish, kuopio, iisalmi):
    """A guide, two showcases and an event that all speak of associations (yhdistys), in Finnish."""
    guide = GuidePageFactory(parent=guide_index, title="Opas yhdistyksille", slug="opas", summary="Näin yhdistys hakee tukea.")
    guide.tags.add("rahoitus")
    first = ShowcasePageFactory(parent=showcase_index, title="Kylätalo", slug="kylatalo", summary="Yhdistysten kylätalo.")
    first.tags.add("kylät")
    ShowcaseMunicipality.objects.create(page=first, municipality=kuopio)
    second = ShowcasePageFactory(
        parent=showcase_index, title="Nuorisotila", slug="nuorisotila", summary="Yhdistyksen nuorisotila."
    )
    second.tags.add("kylät")
    ShowcaseMunicipality.objects.create(page=second, municipality=iisalmi)
    event = EventPageFactory(
        parent=event_index, title="Yhdistysilta", slug="yhdistysilta", summary="Ilta yhdistyksille.", municipality=kuopio
    )
    return {name: publish(page) for name, page in {"guide": guide, "first": first, "second": second, "event": event}.items()}


@pytest.fixture
def calls(site, guide_index, publish):
    """Two calls with the same words: the closed one is newer, so only status can put the open one first."""
    now = timezone.now()
    open_call = FundingCallPageFactory(
        parent=guide_index,
        title="Avustushaku kylille",
        slug="avoin",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=9),
    )
    closed_call = FundingCallPageFactory(
        parent=guide_index,
        title="Avustushaku kylille",
        slug="suljettu",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=9),
    )
    return {"open": publish(open_call), "closed": publish(closed_call)}


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
