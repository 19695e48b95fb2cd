"""The personal-data foundation, exercised through the advice requests: retention, the person's own
link, staff export and erasure, the outbox's retries, and no personal data where it must not be."""

import json
import logging
import smtplib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from advice.models import AdviceRequest
from koonto.models import KoontoSettings
from ops.logging import JsonFormatter
from personal_data import audit
from personal_data.declarations import purposes
from personal_data.models import OutboxMessage
from personal_data.outbox import send_due
from tests.advice.conftest import form_data
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

EMAIL = "maija@example.org"


@pytest.fixture
def submitted(client, advice_page):
    assert client.post(advice_page.url, form_data()).status_code == 303
    return AdviceRequest.objects.get()


def rights_link(record) -> str:
    body = OutboxMessage.objects.get(to=record.email).body
    return next(line for line in body.splitlines() if "token=" in line).replace("http://testserver", "")


# --- retention ------------------------------------------------------------------------------------


def test_retention_deletes_a_done_request_after_its_period_and_logs_only_counts(submitted, settings):
    settings.KOONTO_ADVICE_RETENTION_DAYS = 365
    done_at = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    with time_machine.travel(done_at, tick=False):
        submitted.status = AdviceRequest.Status.DONE
        submitted.save()
    assert submitted.done_at == done_at

    with time_machine.travel(done_at + timedelta(days=365) - timedelta(seconds=1), tick=False):
        call_command("enforce_retention", stdout=None)
    assert AdviceRequest.objects.filter(pk=submitted.pk).exists()

    with time_machine.travel(done_at + timedelta(days=365, seconds=1), tick=False):
        call_command("enforce_retention", stdout=None)
    assert not AdviceRequest.objects.filter(pk=submitted.pk).exists()

    entry = ModelLogEntry.objects.filter(action=audit.RETENTION).order_by("-timestamp").first()
    assert entry.data["counts"]["advice_requests"] == 1
    logged = json.dumps(entry.data) + entry.label
    assert EMAIL not in logged and "Pallokissat" not in logged


def test_a_request_not_done_is_kept_until_twice_the_period(submitted, settings):
    settings.KOONTO_ADVICE_RETENTION_DAYS = 30
    with time_machine.travel(submitted.created_at + timedelta(days=59), tick=False):
        call_command("enforce_retention", stdout=None)
    assert AdviceRequest.objects.exists()
    with time_machine.travel(submitted.created_at + timedelta(days=61), tick=False):
        call_command("enforce_retention", stdout=None)
    assert not AdviceRequest.objects.exists()


def test_sent_mail_leaves_the_outbox_after_its_period(submitted, settings):
    send_due()
    sent_at = OutboxMessage.objects.first().sent_at
    with time_machine.travel(sent_at + timedelta(days=settings.KOONTO_OUTBOX_KEEP_DAYS, seconds=1), tick=False):
        call_command("enforce_retention", stdout=None)
    assert not OutboxMessage.objects.exists()


# --- the outbox -----------------------------------------------------------------------------------


class FlakyBackend(EmailBackend):
    """A mail server that refuses the first `failures` messages (a real SMTP error), then accepts."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("connection lost")
        return super().send_messages(messages)


def test_the_outbox_retries_later_and_gives_up_after_the_last_attempt(submitted, settings, caplog):
    settings.EMAIL_BACKEND = "tests.personal_data.test_personal_data.FlakyBackend"
    settings.KOONTO_OUTBOX_MAX_ATTEMPTS = 2
    OutboxMessage.objects.exclude(to=EMAIL).delete()
    FlakyBackend.failures = 1

    assert send_due() == {"sent": 0, "retried": 1, "failed": 0}
    message = OutboxMessage.objects.get()
    assert message.attempts == 1 and message.status == "pending" and message.last_error == "SMTPServerDisconnected"
    assert send_due() == {"sent": 0, "retried": 0, "failed": 0}  # not due yet
    assert send_due(now=message.send_after) == {"sent": 1, "retried": 0, "failed": 0}
    assert [m.to for m in mail.outbox] == [[EMAIL]]

    message.status, message.attempts, message.send_after = "pending", 1, message.created_at
    message.save()
    FlakyBackend.failures = 5
    assert send_due() == {"sent": 0, "retried": 0, "failed": 1}
    assert OutboxMessage.objects.get().status == "failed"
    assert EMAIL not in caplog.text


# --- the person's own link ------------------------------------------------------------------------


def test_the_link_opens_the_data_without_keeping_the_token_in_the_address(client, submitted):
    link = rights_link(submitted)
    assert link.startswith("/fi/omat-tiedot/avaa/?token=")

    opened = client.get(link)
    assert opened.status_code == 303 and opened["Location"] == "/fi/omat-tiedot/"
    assert "token" not in opened["Location"]
    assert "no-store" in opened["Cache-Control"] and opened["Referrer-Policy"] == "no-referrer"

    page = client.get("/fi/omat-tiedot/")
    html = page.content.decode()
    assert page.status_code == 200 and "Pallokissat ry" in html and EMAIL in html
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex, nofollow" and page["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_the_person_corrects_and_deletes_their_data(client, submitted):
    client.get(rights_link(submitted))
    fields = {"association": "Pallokissat ry", "contact_person": "Maija M.", "phone": "", "contact_method": "video"}
    corrected = client.post("/fi/omat-tiedot/", {**fields, "description": "Uusi kuvaus", "action": "correct"})
    assert corrected.status_code == 200 and "Korjauksesi on tallennettu" in corrected.content.decode()
    submitted.refresh_from_db()
    assert (submitted.contact_person, submitted.contact_method) == ("Maija M.", "video")

    deleted = client.post("/fi/omat-tiedot/", {"action": "delete"})
    assert deleted.status_code == 303
    assert not AdviceRequest.objects.exists() and not OutboxMessage.objects.filter(to=EMAIL).exists()
    assert "Tietosi on poistettu" in client.get("/fi/omat-tiedot/").content.decode()
    assert ModelLogEntry.objects.filter(action=audit.SUBJECT_DELETE).count() == 1


def test_an_expired_or_forged_link_says_so(client, submitted, settings):
    link = rights_link(submitted)
    with time_machine.travel(datetime.now(UTC) + timedelta(days=settings.KOONTO_RIGHTS_LINK_DAYS + 1)):
        expired = client.get(link)
    assert expired.status_code == 400 and "Linkki ei ole voimassa" in expired.content.decode()
    assert client.get(link[:-3] + "xyz").status_code == 400
    assert client.get("/fi/omat-tiedot/").status_code == 400  # nothing without a link


# --- logs -----------------------------------------------------------------------------------------


def test_no_request_log_line_holds_a_token_a_form_body_or_an_address(client, advice_page, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(advice_page.url, form_data())
    client.post(advice_page.url, form_data(description="x" * 2001))
    record = AdviceRequest.objects.get()
    link = rights_link(record)
    token = link.split("token=")[1]
    client.get(link)
    # gunicorn's access line and runserver's line for the opening request, through the project's formatter
    atoms = {"h": "10.0.0.5", "m": "GET", "U": link.split("?")[0], "q": f"token={token}", "s": "303", "B": "0", "D": "1"}
    atoms |= {"a": "Mozilla", "f": f"http://mail.example/?token={token}", "{x-request-id}o": "abcdef0123456789"}
    access = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s", (atoms,), None)
    server = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"GET %s HTTP/1.1" 303 0', (link,), None)
    lines = [JsonFormatter().format(r) for r in [*caplog.records, access, server]]

    text = "\n".join(lines)
    assert token not in text and "token=[redacted]" in text
    for secret in (EMAIL, "Maija", "Pallokissat", "iltapäiväkerho", "x" * 100):
        assert secret not in text


# --- staff export and erasure ---------------------------------------------------------------------


def test_communications_export_and_erase_everything_held_about_an_address(client, submitted, communications, editor):
    client.force_login(editor)
    assert client.get("/admin/personal-data/").status_code in (302, 403)

    client.force_login(communications)
    assert client.get("/admin/personal-data/").status_code == 200
    exported = client.post("/admin/personal-data/", {"email": EMAIL.upper(), "action": "export"})
    document = json.loads(exported.content)
    assert exported["Content-Disposition"].startswith("attachment")
    assert document["data"]["advice_requests"][0]["association"] == "Pallokissat ry"
    assert document["data"]["outbox"][0]["to"] == EMAIL

    refused = client.post("/admin/personal-data/", {"email": EMAIL, "action": "erase"})
    assert refused.status_code == 200 and AdviceRequest.objects.exists()
    erased = client.post("/admin/personal-data/", {"email": EMAIL, "action": "erase", "confirm": "on"})
    assert erased.status_code == 200
    assert not AdviceRequest.objects.exists() and not OutboxMessage.objects.filter(to=EMAIL).exists()

    entries = ModelLogEntry.objects.filter(action__in=[audit.EXPORT, audit.ERASE]).order_by("timestamp")
    assert [(e.action, e.user) for e in entries] == [(audit.EXPORT, communications), (audit.ERASE, communications)]
    assert entries[1].data["counts"]["advice_requests"] == 1
    assert all(EMAIL not in json.dumps(e.data) for e in entries)


# --- nowhere public -------------------------------------------------------------------------------


@pytest.fixture
def page_cache(settings, site):
    settings.KOONTO_PAGE_CACHE = True
    # Site settings are made at a site's first request, which empties the cache once: make them now.
    KoontoSettings.for_site(site.get_site())


def test_no_personal_data_in_the_api_search_or_page_cache(client, submitted, advice_page, page_cache):
    assert client.get("/api/v2/pages/?search=Pallokissat").json()["items"] == []
    assert client.get("/api/v2/pages/?search=iltapäiväkerhon").json()["items"] == []
    for url in (f"/api/v2/pages/{advice_page.pk}/", "/fi/search/?q=Pallokissat", "/fi/search/?q=iltap%C3%A4iv%C3%A4kerhon"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Haluaisimme perustaa" not in response.content and EMAIL.encode() not in response.content
        assert b"Maija" not in response.content

    client.cookies.clear()
    first = client.get(advice_page.url)
    second = client.get(advice_page.url)
    assert "no-store" in first["Cache-Control"] and "X-Koonto-Cache" not in second
    assert b"csrfmiddlewaretoken" in second.content and b'name="started"' in second.content

    client.cookies.clear()
    home_first = client.get("/fi/")
    home_second = client.get("/fi/")
    assert home_second["X-Koonto-Cache"] == "hit"
    for response in (home_first, home_second):
        assert b"csrfmiddlewaretoken" not in response.content and b'name="started"' not in response.content


def test_a_submission_does_not_empty_the_page_cache(client, advice_page, page_cache):
    client.get("/fi/")
    assert client.get("/fi/")["X-Koonto-Cache"] == "hit"
    other = client.__class__()
    assert other.post(advice_page.url, form_data()).status_code == 303
    client.cookies.clear()
    assert client.get("/fi/")["X-Koonto-Cache"] == "hit"


# --- the privacy notice ---------------------------------------------------------------------------


def test_the_privacy_notice_lists_every_declared_purpose_in_finnish_and_english(client, site, home, en_home, advice_page):
    notice = StandardPageFactory(parent=home, title="Tietosuojaseloste", slug="tietosuojaseloste")
    settings_row = KoontoSettings.for_site(home.get_site())
    settings_row.privacy_page = notice
    settings_row.save()
    other = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")

    html = client.get(notice.url).content.decode()
    assert "Käsittelemämme henkilötiedot" in html
    for title in ("Hankeideoiden neuvontapyynnöt", "Ylläpidon kirjautumisen suojaus", "Palvelinlokit", "Varmuuskopiot"):
        assert title in html
    assert "12 kuukauden ajan sen jälkeen, kun pyyntö on käsitelty." in html
    assert "Käsittelemämme henkilötiedot" not in client.get(other.url).content.decode()

    en_notice = notice.copy_for_translation(en_home.locale)
    en_notice.save_revision().publish()
    en_html = client.get(en_notice.url).content.decode()
    for declared in purposes():
        from django.utils import translation

        with translation.override("en"):
            assert str(declared.title) in en_html
    assert "Requests for advice on project ideas" in en_html and "Search queries" in en_html


def test_the_audit_entries_read_well_in_the_admins_site_history(client, submitted, django_user_model):
    call_command("enforce_retention", stdout=None)
    admin = django_user_model.objects.create_superuser("paakayttaja", "paakayttaja@example.fi", "salasana-123456")
    client.force_login(admin)

    history = client.get("/admin/reports/site-history/")

    assert history.status_code == 200
    html = history.content.decode()
    assert "Retention: records deleted" in html or "Säilytysaika: tietueita poistettu" in html
    assert EMAIL not in html
