"""An advice request form page in both language trees, and a helper that fills it in as a person would."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from advice.models import AdviceRequestPage
from koonto.models import Municipality
from personal_data.protection import TIME_TOKEN_SALT


@pytest.fixture
def advice_page(site, home):
    page = AdviceRequestPage(title="Hankeneuvonta", slug="hankeneuvonta", intro="<p>Kysy neuvoa hankeideaasi.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def en_advice_page(advice_page, en_home, en_locale):
    page = advice_page.copy_for_translation(en_locale)
    page.title = "Project advice"
    page.save_revision().publish()
    return page


def token_from(seconds_ago: float, form: str = "advice") -> str:
    started = (timezone.now() - timedelta(seconds=seconds_ago)).timestamp()
    return signing.dumps({"f": form, "t": started}, salt=TIME_TOKEN_SALT)


def form_data(**overrides) -> dict:
    data = {
        "association": "Pallokissat ry",
        "contact_person": "Maija Meikäläinen",
        "email": "maija@example.org",
        "municipality": str(Municipality.objects.get(code="297").pk),
        "description": "Haluaisimme perustaa kylätalolle nuorten iltapäiväkerhon.",
        "contact_method": "email",
        "phone": "",
        "website": "",
        "started": token_from(60),
    }
    data.update(overrides)
    return data
