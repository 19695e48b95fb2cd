"""Event registration in a real browser: a visitor on a phone registers, gets the mail, and cancels
through its link (the next in line moves up); communications marks attendance in the admin.

The form works without JavaScript and passes axe-core's WCAG A/AA rules empty and with errors.
The test's own database work runs in a thread of its own (`committed`): its connection commits at
once, so the live server sees the event, and the test holds no SQLite lock the server would wait on.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventIndexPage
from personal_data.models import OutboxMessage
from registrations.models import Registration, RegistrationEvent
from tests.browser.helpers import axe_violations, committed, horizontal_overflow, log_in
from tests.factories import EventPageFactory

pytestmark = pytest.mark.browser

FIRST, SECOND = "selain.ilmoittautuja@example.org", "selain.jonottaja@example.org"


def make_event():
    index = EventIndexPage.objects.get(locale__language_code="fi")
    event = EventPageFactory(
        parent=index,
        title="Selaintestin rahoitusinfo",
        slug="selaintestin-rahoitusinfo",
        starts_at=timezone.now() + timedelta(days=10),
        registration_enabled=True,
        registration_capacity=1,
        registration_asks_needs=True,
    )
    event.save_revision().publish()
    return event


@pytest.fixture
def registration_event(demo_site, settings):
    # A person needs seconds to fill the form in; the browser needs none (the limit is tested elsewhere).
    settings.KOONTO_FORM_MIN_SECONDS = 0
    event = committed(make_event)
    yield event

    def clean_up():
        Registration.objects.filter(email__in=[FIRST, SECOND]).delete()
        RegistrationEvent.objects.filter(translation_key=event.translation_key).delete()
        OutboxMessage.objects.filter(to__in=[FIRST, SECOND]).delete()
        event.delete()

    committed(clean_up)


def status_of(email: str) -> Registration:
    return committed(lambda: Registration.objects.get(email=email))


def register(visitor, event_url: str, name: str, email: str) -> None:
    visitor.goto(event_url)
    visitor.get_by_role("link", name="Ilmoittaudu").click()
    visitor.get_by_label("Nimi").fill(name)
    visitor.get_by_label("Sähköpostiosoite").fill(email)


def test_a_visitor_on_a_phone_registers_gets_the_mail_and_cancels_through_its_link(new_page, registration_event):
    event_url = registration_event.url
    visitor = new_page(width=375, height=740)
    visitor.goto(event_url)
    visitor.get_by_role("link", name="Ilmoittaudu").click()
    expect(visitor.locator("h1")).to_have_text("Ilmoittautuminen: Selaintestin rahoitusinfo")
    expect(visitor.locator("#seats-left")).to_contain_text("1 paikka jäljellä (yhteensä 1).")
    assert axe_violations(visitor) == [] and horizontal_overflow(visitor) <= 0

    visitor.get_by_role("button", name="Ilmoittaudu").click()
    summary = visitor.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#id_name']")).to_have_count(1)
    assert axe_violations(visitor) == []

    visitor.get_by_label("Nimi").fill("Sanni Selain")
    visitor.get_by_label("Sähköpostiosoite").fill(FIRST)
    visitor.get_by_label("Ruokavalio- tai saavutettavuustarpeet").fill("Laktoositon")
    visitor.get_by_role("button", name="Ilmoittaudu").click()
    expect(visitor.locator("#registration-sent")).to_contain_text("Kiitos: paikkasi on vahvistettu")

    second = new_page(width=375, height=740)
    register(second, event_url, "Jaakko Jonottaja", SECOND)
    expect(second.locator("#seats-left")).to_contain_text("Tapahtuma on täynnä. Voit ilmoittautua jonoon.")
    second.get_by_role("button", name="Ilmoittaudu jonoon").click()
    expect(second.locator("#registration-sent")).to_contain_text("Olet jonossa")

    committed(lambda: call_command("send_outbox"))
    confirmation = next(message for message in mail.outbox if message.to == [FIRST])
    assert confirmation.attachments[0][0] == "selaintestin-rahoitusinfo.ics"
    link = next(line for line in confirmation.body.splitlines() if "/omat-tiedot/avaa/?token=" in line)

    visitor.goto(link)
    expect(visitor.locator("h1")).to_have_text("Tietosi")
    assert "token" not in visitor.url
    visitor.get_by_role("button", name="Peru ilmoittautumiseni").click()
    expect(visitor.get_by_role("status")).to_contain_text("Ilmoittautumisesi on peruttu")

    assert status_of(SECOND).status == "confirmed"
    committed(lambda: call_command("send_outbox"))
    moved_up = next(message for message in mail.outbox if message.to == [SECOND] and "Sait paikan" in message.subject)
    assert moved_up.attachments


def test_communications_marks_attendance_and_downloads_the_list(new_page, registration_event):
    visitor = new_page(width=375, height=740)
    register(visitor, registration_event.url, "Sanni Selain", FIRST)
    visitor.get_by_role("button", name="Ilmoittaudu").click()
    expect(visitor.locator("#registration-sent")).to_be_visible()

    staff = log_in(new_page, "selain-viestija")
    staff.goto("/admin/registrations/")
    staff.get_by_role("link", name="Selaintestin rahoitusinfo").click()
    expect(staff.locator("table.listing")).to_contain_text("Sanni Selain")
    staff.get_by_label("Sanni Selain osallistui").check()
    staff.get_by_role("button", name="Tallenna osallistuminen").click()
    expect(staff.locator(".help-block[role=status]")).to_contain_text("Osallistuminen tallennettu.")
    assert status_of(FIRST).attended is True

    with staff.expect_download() as download:
        staff.get_by_role("link", name="Lataa CSV").click()
    assert download.value.suggested_filename == "ilmoittautumiset-selaintestin-rahoitusinfo.csv"
