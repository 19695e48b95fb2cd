"""The double opt-in and cancel foundation (personal_data/optin.py, the rights page's cancel action),
exercised through its first user, the funding-call reminders."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from advice.models import AdviceRequest
from ops.logging import JsonFormatter
from personal_data import audit
from personal_data.models import OutboxMessage
from personal_data.optin import cancel_url, confirmation_url
from personal_data.outbox import enqueue, send_due
from reminders.models import Subscription
from tests.advice.conftest import form_data as advice_form
from tests.reminders.conftest import EMAIL, START, call, clock, link, subscribe  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(client, call):  # noqa: F811
    assert subscribe(client, call).status_code == 303
    return Subscription.objects.get()


def confirmation_link(subscription) -> str:
    return link(OutboxMessage.objects.filter(to=subscription.email).latest("pk"), "/vahvista/?token=")


def test_the_link_leaves_its_token_and_only_the_button_confirms(client, pending):
    opened = client.get(confirmation_link(pending))
    assert opened.status_code == 303 and opened["Location"] == "/fi/omat-tiedot/vahvista/"
    assert "no-store" in opened["Cache-Control"]

    page = client.get("/fi/omat-tiedot/vahvista/")
    html = page.content.decode()
    assert page.status_code == 200 and "Vahvista tilauksesi" in html and "Kylätoiminnan hankehaku" in html
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Referrer-Policy"] == "same-origin" and '<meta name="robots" content="noindex, nofollow">' in html
    pending.refresh_from_db()
    assert pending.confirmed_at is None  # a mail scanner that opens links confirms nothing

    done = client.post("/fi/omat-tiedot/vahvista/")
    assert done.status_code == 200 and "Kiitos, vahvistit tilauksen" in done.content.decode()
    pending.refresh_from_db()
    assert pending.confirmed_at is not None
    entry = ModelLogEntry.objects.get(action=audit.SUBJECT_CONFIRM)
    assert entry.data == {"purpose": "call_reminders", "count": 1} and EMAIL not in entry.label


def test_an_expired_or_forged_confirmation_link_says_so(client, pending, clock, settings):  # noqa: F811
    link_path = confirmation_link(pending)
    clock.move_to(START + timedelta(days=settings.KOONTO_OPTIN_LINK_DAYS, seconds=1))
    client.get(link_path)
    expired = client.get("/fi/omat-tiedot/vahvista/")
    assert expired.status_code == 400 and "Vahvistuslinkki toimii 7 päivän ajan" in expired.content.decode()
    assert client.post("/fi/omat-tiedot/vahvista/").status_code == 400
    pending.refresh_from_db()
    assert pending.confirmed_at is None

    client.get(link_path[:-4] + "abcd")
    assert client.get("/fi/omat-tiedot/vahvista/").status_code == 400
    assert client.__class__().get("/fi/omat-tiedot/vahvista/").status_code == 400  # nothing without a link


def test_retention_deletes_what_was_not_confirmed_when_the_link_expires(client, call, clock, settings):  # noqa: F811
    settings.KOONTO_OPTIN_LINK_DAYS = 2
    subscribe(client, call)
    subscribe(client.__class__(), call, email="anna@example.org")
    confirmed = Subscription.objects.get(email="anna@example.org")
    confirmed.confirmed_at = START
    confirmed.save()

    clock.move_to(START + timedelta(days=2) - timedelta(seconds=1))
    call_command("enforce_retention", stdout=None)
    assert Subscription.objects.count() == 2
    clock.move_to(START + timedelta(days=2, seconds=1))
    call_command("enforce_retention", stdout=None)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["anna@example.org"]
    entry = ModelLogEntry.objects.filter(action=audit.RETENTION).latest("timestamp")
    assert entry.data["counts"]["call_reminders"] == 1


def test_a_token_never_fits_a_later_row_with_the_same_id(client, pending):
    old_confirm, old_cancel = confirmation_url("call_reminders", pending, "fi"), cancel_url("call_reminders", pending, "fi")
    pk = pending.pk
    pending.delete()
    Subscription.objects.create(pk=pk, email="toinen@example.org", created_at=START + timedelta(seconds=5))
    client.get(old_confirm.replace("http://testserver", ""))
    assert client.post("/fi/omat-tiedot/vahvista/").status_code == 400
    assert client.post(old_cancel.replace("http://testserver", "")).status_code == 400
    assert Subscription.objects.get(pk=pk).confirmed_at is None


def test_the_rights_page_cancels_where_the_purpose_declares_it(client, pending, advice_page):
    rights = link(OutboxMessage.objects.get(to=EMAIL), "/avaa/?token=")
    client.get(rights)
    page = client.get("/fi/omat-tiedot/").content.decode()
    assert "Lopeta muistutukset" in page and 'value="cancel"' in page

    cancelled = client.post("/fi/omat-tiedot/", {"action": "cancel"})
    assert cancelled.status_code == 303 and not Subscription.objects.exists()
    after = client.get("/fi/omat-tiedot/")
    assert after.status_code == 200 and "Muistutukset on lopetettu" in after.content.decode()
    assert ModelLogEntry.objects.filter(action=audit.SUBJECT_CANCEL).count() == 1

    # Advice requests declare no cancel: no button, and the action does nothing.
    other = client.__class__()
    other.post(advice_page.url, advice_form(email="anna@example.org"))
    other.get(link(OutboxMessage.objects.get(to="anna@example.org", purpose="advice_requests"), "/avaa/?token="))
    assert 'value="cancel"' not in other.get("/fi/omat-tiedot/").content.decode()
    assert other.post("/fi/omat-tiedot/", {"action": "cancel"}).status_code == 400
    assert AdviceRequest.objects.exists()


def test_tokens_of_confirmation_and_cancel_links_never_reach_a_log_line(client, pending, caplog):
    caplog.set_level(logging.DEBUG)
    confirm_path = confirmation_link(pending)
    cancel_path = cancel_url("call_reminders", pending, "fi").replace("http://testserver", "")
    client.get(confirm_path)
    client.get(cancel_path)
    client.post(cancel_path)
    records = list(caplog.records)
    for path in (confirm_path, cancel_path):
        path_only, query = path.split("?")
        atoms = {"h": "10.0.0.5", "m": "GET", "U": path_only, "q": query, "s": "303", "B": "0", "D": "1"}
        atoms |= {"a": "Mozilla", "f": f"http://mail.example/{path}", "{x-request-id}o": "abcdef0123456789"}
        records.append(logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s", (atoms,), None))
        records.append(logging.LogRecord("django.server", logging.INFO, __file__, 1, '"GET %s HTTP/1.1" 303 0', (path,), None))
    text = "\n".join(JsonFormatter().format(record) for record in records)
    for path in (confirm_path, cancel_path):
        assert path.split("token=")[1] not in text
    assert "token=[redacted]" in text and EMAIL not in text


def test_the_outbox_sends_a_messages_own_headers(db):
    enqueue(EMAIL, "Aihe", "Runko", "call_reminders", headers={"List-Unsubscribe": "<https://koonto.example/x>"})
    enqueue("anna@example.org", "Aihe", "Runko", "advice_requests")
    send_due()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert by_recipient[EMAIL].extra_headers == {"List-Unsubscribe": "<https://koonto.example/x>"}
    assert by_recipient["anna@example.org"].extra_headers == {}
    assert "List-Unsubscribe: <https://koonto.example/x>" in by_recipient[EMAIL].message().as_string()
