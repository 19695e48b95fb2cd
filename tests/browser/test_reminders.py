"""Funding-call reminders in a real browser: a visitor on a phone asks to be reminded of a call,
confirms from the mail, gets the 14-day reminder when the scheduled command runs (a fake clock), and
stops the reminders with one click. The form works without JavaScript and passes axe-core."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from reminders.models import Subscription
from tests.browser.helpers import axe_violations, committed, horizontal_overflow

pytestmark = pytest.mark.browser

EMAIL = "selain.muistutus@example.org"


def run_command(name: str, at: datetime | None = None) -> None:
    def work():
        if at is None:
            call_command(name, stdout=None)
        else:
            with time_machine.travel(at, tick=False):
                call_command(name, stdout=None)

    committed(work)


def subscription():
    return committed(lambda: Subscription.objects.filter(email=EMAIL).first())


def mail_to(subject_part: str):
    return next(m for m in reversed(mail.outbox) if m.to == [EMAIL] and subject_part in m.subject)


def link_in(message, marker: str) -> str:
    return next(line for line in message.body.splitlines() if marker in line)


def test_a_visitor_is_reminded_of_a_call_and_unsubscribes_with_one_click(new_page, demo_site, settings):
    settings.KOONTO_FORM_MIN_SECONDS = 0  # a browser fills the form faster than a person (tested elsewhere)
    visitor = new_page(width=375, height=740)
    visitor.goto(demo_site.facts["call_path"])
    visitor.get_by_role("link", name="Muistuta minua").click()
    expect(visitor.locator("h1")).to_have_text("Muistuta minua")
    assert axe_violations(visitor) == [] and horizontal_overflow(visitor) <= 0

    visitor.get_by_role("button", name="Muistuta minua").click()
    expect(visitor.locator("#error-summary")).to_be_visible()
    assert axe_violations(visitor) == []

    visitor.get_by_label("vain tästä hausta").check()
    visitor.get_by_label("Sähköpostiosoite").fill(EMAIL)
    visitor.get_by_role("button", name="Muistuta minua").click()
    expect(visitor.locator("#reminders-sent")).to_contain_text("Tarkista sähköpostisi")

    run_command("send_outbox")
    confirmation = mail_to("Vahvista")
    visitor.goto(link_in(confirmation, "/omat-tiedot/vahvista/?token="))
    assert "token" not in visitor.url
    visitor.get_by_role("button", name="Vahvista").click()
    expect(visitor.locator("[role=status]")).to_contain_text("Kiitos, vahvistit tilauksen")
    assert subscription().confirmed_at is not None

    # The scheduled loop, run by a fake clock 14 days before the deadline.
    closes_at = datetime.fromisoformat(demo_site.facts["call_deadline_iso"])
    run_command("send_reminders", at=closes_at - timedelta(days=14))
    run_command("send_outbox", at=closes_at - timedelta(days=14))
    run_command("send_reminders", at=closes_at - timedelta(days=13))  # nothing new: each reminder goes once
    run_command("send_outbox", at=closes_at - timedelta(days=13))
    reminders = [m for m in mail.outbox if m.to == [EMAIL] and "päivää" in m.subject]
    assert [m.subject for m in reminders] == [f"Hakuaikaa jäljellä 14 päivää: {demo_site.facts['call_title']}"]
    reminder = reminders[0]
    assert reminder.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    visitor.goto(link_in(reminder, "/omat-tiedot/peru/?token="))
    assert "token" not in visitor.url
    visitor.get_by_role("button", name="Lopeta muistutukset").click()
    expect(visitor.locator("[role=status]")).to_contain_text("Muistutukset on lopetettu")
    assert subscription() is None
