"""Advice requests in a real browser: a visitor on a phone asks for advice, communications handles it.

The form works without JavaScript (nothing here waits on a script) and passes axe-core's WCAG A/AA
rules empty and with errors. The admin speaks Finnish to the communications user.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from advice.models import AdviceRequest
from personal_data.models import OutboxMessage
from tests.browser.helpers import axe_violations, horizontal_overflow
from tests.browser.test_editorial import log_in

pytestmark = pytest.mark.browser

EMAIL = "selain.neuvonta@example.org"


def test_a_visitor_on_a_phone_asks_for_advice_and_communications_handles_it(new_page, demo_site, settings):
    # A person needs seconds to fill the form in; the browser needs none (the limit is tested elsewhere).
    settings.KOONTO_FORM_MIN_SECONDS = 0
    visitor = new_page(width=375, height=740)
    visitor.goto("/fi/hankeneuvonta/")
    expect(visitor.locator("h1")).to_have_text("Hankeneuvonta")
    assert axe_violations(visitor) == [] and horizontal_overflow(visitor) <= 0
    expect(visitor.locator("#data-notice-heading")).to_have_text("Miten käsittelemme tietojasi")

    visitor.get_by_role("button", name="Lähetä pyyntö").click()
    summary = visitor.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#id_association']")).to_have_count(1)
    assert axe_violations(visitor) == []

    visitor.get_by_label("Yhdistys").fill("Selaintestin kyläyhdistys ry")
    visitor.get_by_label("Yhteyshenkilö").fill("Sanni Selain")
    visitor.get_by_label("Sähköpostiosoite").fill(EMAIL)
    visitor.get_by_label("Kunta").select_option(label="Kuopio")
    visitor.get_by_label("Hankeideasi").fill("Kylätalon kerhotoimintaa ikäihmisille.")
    visitor.get_by_label("sähköposti", exact=True).check()
    visitor.get_by_role("button", name="Lähetä pyyntö").click()
    expect(visitor.locator("#advice-sent")).to_contain_text("Kiitos, pyyntösi on lähetetty")

    staff = log_in(new_page, "selain-viestija")
    staff.goto("/admin/advice_request/")
    expect(staff.locator("h1")).to_contain_text("Neuvontapyynnöt")
    row = staff.locator("tr", has_text="Selaintestin kyläyhdistys ry")
    row.locator("a[href*='/edit/']").first.click()
    for status, label in (("in_progress", "käsittelyssä"), ("done", "käsitelty")):
        staff.locator("#id_status").select_option(status)
        staff.get_by_role("button", name="Tallenna").first.click()
        expect(staff.locator("table.listing")).to_contain_text(label)
        if status == "in_progress":
            row.locator("a[href*='/edit/']").first.click()

    request = AdviceRequest.objects.get(email=EMAIL)
    assert request.status == "done" and request.done_at is not None
    assert OutboxMessage.objects.filter(to=EMAIL, status="pending").count() == 1
    call_command("send_outbox", stdout=None)
    acknowledgement = next(message for message in mail.outbox if message.to == [EMAIL])
    assert "/fi/omat-tiedot/avaa/?token=" in acknowledgement.body
