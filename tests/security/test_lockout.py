"""Admin login lockout (django-axes): per username and address, logged, released after cool-off."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


def sign_in(client, password: str, address: str = "192.0.2.10", username: str = "viestija"):
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


@pytest.fixture
def user(site):
    return make_user("viestija", "Viestintä")


def fail_until_locked(client, address: str = "192.0.2.10"):
    return [sign_in(client, "väärä-salasana", address) for _ in range(settings.AXES_FAILURE_LIMIT)]


def test_five_failures_lock_the_username_from_that_address_with_a_clear_message(client, user, caplog):
    assert settings.AXES_FAILURE_LIMIT == 5
    with caplog.at_level(logging.WARNING, logger="koonto.security"):
        failures = fail_until_locked(client)
    locked = sign_in(client, "salasana-123456")

    assert [response.status_code for response in failures[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert failures[-1].status_code == 429
    assert locked.status_code == 429
    assert "Sign-in blocked" in locked.text
    assert "blocked for 15 minutes" in locked.text
    assert 'lang="fi"' in locked.text and 'lang="en"' in locked.text
    assert "_auth_user_id" not in client.session
    assert any("locked out" in record.getMessage() and "viestija" in record.getMessage() for record in caplog.records)


def test_lockout_is_per_username_and_address(client, user, site):
    make_user("toinen", "Viestintä")
    fail_until_locked(client)

    from_elsewhere = sign_in(client, "salasana-123456", address="198.51.100.7")
    client.logout()
    other_user = sign_in(client, "salasana-123456", username="toinen")

    assert from_elsewhere.status_code == 302
    assert other_user.status_code == 302


def test_lockout_ends_after_the_cool_off(client, user):
    fail_until_locked(client)
    assert sign_in(client, "salasana-123456").status_code == 429

    # As if the cool-off had passed: the attempts are older than AXES_COOLOFF_TIME.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    response = sign_in(client, "salasana-123456")

    assert response.status_code == 302
    assert response.url == "/admin/"


def test_client_address_behind_trusted_proxies_cannot_be_forged(rf, settings):
    """With one trusted proxy, the last X-Forwarded-For entry is the visitor; earlier ones are the client's own words."""
    from ops.security import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", REMOTE_ADDR="10.0.0.1")
    settings.KOONTO_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.KOONTO_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.5"
    settings.KOONTO_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "1.2.3.4"
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"


def test_lockout_counts_the_forwarded_address_behind_a_proxy(client, user, settings):
    settings.KOONTO_TRUSTED_PROXY_COUNT = 1
    right = {"username": "viestija", "password": "salasana-123456"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN_URL, {"username": "viestija", "password": "väärä"}, HTTP_X_FORWARDED_FOR="203.0.113.5")

    same_visitor = client.post(LOGIN_URL, right, HTTP_X_FORWARDED_FOR="203.0.113.5")
    other_visitor = client.post(LOGIN_URL, right, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert same_visitor.status_code == 429
    assert other_visitor.status_code == 302
