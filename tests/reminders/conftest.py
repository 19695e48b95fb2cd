"""A funding call that opens later, its English translation, and helpers that use the form as a person would."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from personal_data.models import OutboxMessage
from reminders.models import Subscription
from tests.advice.conftest import token_from
from tests.factories import FundingCallPageFactory

EMAIL = "maija@example.org"
# The clock every test starts at: the call opens 20 days later and closes 60 days later.
START = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def call(clock, site, guide_index):
    page = FundingCallPageFactory(
        parent=guide_index,
        title="Kylätoiminnan hankehaku",
        slug="kylahaku",
        opens_at=START + timedelta(days=20),
        closes_at=START + timedelta(days=60),
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def en_call(call, en_locale):
    page = call.copy_for_translation(en_locale, copy_parents=True)
    page.title = "Village action call"
    page.save_revision().publish()
    return page


def form_url(call=None, language="fi") -> str:
    with translation.override(language):
        path = reverse("reminders_subscribe")
    return f"{path}?call={call.translation_key}" if call is not None else path


def form_data(scope, **overrides) -> dict:
    data = {"email": EMAIL, "language": "fi", "scope": str(scope), "website": "", "started": token_from(60, "reminders")}
    data.update(overrides)
    return data


def subscribe(client, call=None, scope=None, language="fi", **overrides):
    scope = scope or (call.translation_key if call is not None else "all")
    data = form_data(scope, **{"language": language, **overrides})
    return client.post(form_url(call, language), data)


def link(message: OutboxMessage, marker: str) -> str:
    line = next(line for line in message.body.splitlines() if marker in line)
    return line.replace("http://testserver", "")


def confirm(client, subscription: Subscription) -> None:
    """Open the confirmation link of the subscription's mail and press the button."""
    message = OutboxMessage.objects.filter(to=subscription.email).order_by("-pk").first()
    with translation.override(subscription.language):
        marker = reverse("personal_data_confirm") + "?token="
    opened = client.get(link(message, marker))
    assert opened.status_code == 303
    assert client.post(opened["Location"]).status_code == 200
