"""An event that takes registrations, in both language trees, and helpers that fill in its form."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from koonto.models import KoontoSettings
from personal_data.models import OutboxMessage
from personal_data.protection import TIME_TOKEN_SALT
from tests.factories import EventPageFactory


@pytest.fixture
def event(site, event_index):
    page = EventPageFactory(
        parent=event_index,
        title="Rahoitusinfo",
        slug="rahoitusinfo",
        starts_at=timezone.now() + timedelta(days=10),
        registration_enabled=True,
        registration_capacity=3,
        registration_max_group_size=3,
        registration_asks_needs=True,
        registration_asks_municipality=True,
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def en_event(event, en_locale):
    index = event.get_parent().copy_for_translation(en_locale)
    index.save_revision().publish()
    page = event.copy_for_translation(en_locale)
    page.title = "Funding info"
    page.save_revision().publish()
    return page


@pytest.fixture
def page_cache(settings, site):
    settings.KOONTO_PAGE_CACHE = True
    KoontoSettings.for_site(site.get_site())


def form_url(page) -> str:
    with translation.override(page.locale.language_code):
        return reverse("event_registration", args=[page.pk])


def token_from(seconds_ago: float = 60) -> str:
    started = (timezone.now() - timedelta(seconds=seconds_ago)).timestamp()
    return signing.dumps({"f": "registration", "t": started}, salt=TIME_TOKEN_SALT)


def form_data(**overrides) -> dict:
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "organisation": "Pallokissat ry",
        "municipality": "",
        "seats": "1",
        "needs": "",
        "website": "",
        "started": token_from(),
    }
    data.update(overrides)
    return data


def sign_up(client, page, **overrides):
    return client.post(form_url(page), form_data(**overrides))


def last_mail(email: str) -> OutboxMessage:
    return OutboxMessage.objects.filter(to=email).order_by("-pk").first()


def link_in(message: OutboxMessage, marker: str) -> str:
    """The first line of the mail that holds `marker`, as a path on the test server."""
    return next(line for line in message.body.splitlines() if marker in line).replace("http://testserver", "")
