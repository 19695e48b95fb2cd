"""The translator's journey in the real admin, in Finnish, through the UI only (issue 17).

An editor's new Finnish event is approved; the translator finds it on the dashboard, starts the
English translation, translates it and submits it; communications approves it in the workflow;
the Finnish event changes, the translator is told by e-mail, translates the new sentence and
submits again; the English page shows it. Screenshots of each step go to test-results/.
"""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from tests.browser.helpers import screenshot

pytestmark = pytest.mark.browser

TITLE = "Käännöspolun infotilaisuus"
ENGLISH_TITLE = "Translation journey info session"
SUMMARY = "Kerromme, miten hankehakemus tehdään."
ENGLISH_SUMMARY = "We explain how to write a project application."


def log_in(new_page, username: str):
    """A fresh browser context logged in to the admin as `username`."""
    page = new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


def open_actions_menu(page):
    """The save button's menu ("Lisää toimintoja") holds submit, approve and publish."""
    page.locator("footer .w-dropdown__toggle").first.click()


def translate_segment(page, source: str, english: str):
    """In wagtail-localize's editor: the segment showing the Finnish `source`, "Käännä", type, "Tallenna"."""
    segment = page.locator("li.incomplete").filter(has_text=source).last
    segment.get_by_role("button", name="Käännä").click()
    segment.locator("textarea").fill(english)
    segment.get_by_role("button", name="Tallenna").click()
    expect(page.locator("li.complete").filter(has_text=english).last).to_be_visible()
    # Saved on the server ("Tallennetaan…" gone) before anything else is clicked.
    expect(page.get_by_text(re.compile("^Tallennetaan"))).to_have_count(0)


def approve_in_workflow(page, title: str, screenshot_name: str):
    """Communications opens the work from "Odottaa minua" and approves it in "Viestinnän hyväksyntä"."""
    page.goto("/admin/")
    waiting = page.locator("section").filter(has=page.get_by_role("heading", name="Odottaa minua"))
    waiting.get_by_role("link", name=title).first.click()
    page.wait_for_url("**/edit/")
    expect(page.get_by_role("heading", name="Tarkastus: Viestinnän hyväksyntä")).to_be_visible()
    footer = page.locator("footer.koonto-translation-footer")
    expect(footer.get_by_role("button", name="Hyväksy ja julkaise")).to_be_visible()
    # wagtail-localize's own footer ("Publish in English", past the workflow) is not shown.
    expect(page.locator("footer.footer:visible")).to_have_count(1)
    screenshot(page, screenshot_name)
    footer.get_by_role("button", name="Hyväksy ja julkaise").click()
    page.wait_for_load_state()


def submit_translation(page):
    footer = page.locator("footer.koonto-translation-footer")
    main_action = footer.locator(".w-dropdown-button > button").first
    expect(main_action).to_have_text("Tallenna luonnos ja lähetä tarkastettavaksi")
    main_action.click()
    expect(page.locator(".messages")).to_contain_text("lähetettiin tarkastettavaksi")


def send_outbox():
    """`send_outbox`, in a thread with a database connection of its own, as the loop runs it."""
    from tests.browser.test_editorial_journeys import in_own_connection

    in_own_connection(lambda: call_command("send_outbox"))


def test_translator_journey(new_page, demo_site):
    # An editor's new Finnish event, approved by communications (as in the editorial journey).
    editor = log_in(new_page, "selain-toimittaja")
    editor.goto(f"/admin/pages/add/events/eventpage/{demo_site.facts['event_index_id']}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_starts_at", "2030-06-10 10:00")
    # Close the date picker that the field opens, which would cover the footer.
    editor.keyboard.press("Escape")
    editor.locator("#id_title").click()
    expect(editor.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    expect(editor.locator(".xdsoft_time:visible")).to_have_count(0)
    open_actions_menu(editor)
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(f"**/admin/pages/{demo_site.facts['event_index_id']}/")
    communications = log_in(new_page, "selain-viestija")
    waiting = communications.locator("section").filter(has=communications.get_by_role("heading", name="Odottaa minua"))
    waiting.get_by_role("link", name=TITLE).first.click()
    communications.wait_for_url("**/edit/")
    open_actions_menu(communications)
    communications.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    communications.wait_for_url(f"**/admin/pages/{demo_site.facts['event_index_id']}/")

    # The translator sees the new page on the dashboard and starts the English translation.
    translator = log_in(new_page, "selain-kaantaja")
    panel = translator.locator("section").filter(has=translator.get_by_role("heading", name="Käännöstyötä odottaa"))
    missing = panel.get_by_role("link", name=re.compile(r"^Puuttuvat käännökset: [1-9]"))
    expect(missing).to_be_visible()
    screenshot(translator, "translation-journey-1-dashboard")
    missing.click()
    row = translator.locator("#translation-status tbody tr").filter(has_text=TITLE)
    expect(row.locator("td[data-language=en]")).to_contain_text("Puuttuu")
    row.get_by_role("link", name=re.compile("^Käännä")).click()
    english_box = translator.get_by_role("checkbox", name="English")
    expect(english_box).to_be_checked()  # the missing language is pre-selected
    screenshot(translator, "translation-journey-2-start")
    translator.get_by_role("button", name="Lähetä").click()

    # Straight into the translation editor: translate the title, then save and submit for review.
    translator.wait_for_url("**/edit/")
    expect(translator.locator(".messages")).to_contain_text(TITLE)
    translate_segment(translator, TITLE, ENGLISH_TITLE)
    screenshot(translator, "translation-journey-3-editor")
    submit_translation(translator)

    # Communications approves it in the workflow; the English page is live.
    approve_in_workflow(communications, ENGLISH_TITLE, "translation-journey-4-review")
    visitor = new_page()
    visitor.goto(demo_site.paths["en:event_index"] + "translation-journey-info-session/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)

    # The Finnish event gets a new sentence; communications publishes it.
    mail.outbox.clear()
    communications.goto(f"/admin/pages/{demo_site.facts['event_index_id']}/")
    communications.get_by_role("link", name=TITLE).first.click()
    communications.wait_for_url("**/edit/")
    communications.fill("#id_summary", SUMMARY)
    open_actions_menu(communications)
    communications.locator("button[name=action-publish]").click()
    communications.wait_for_url(f"**/admin/pages/{demo_site.facts['event_index_id']}/")
    expect(communications.locator(".messages")).to_contain_text(TITLE)

    # The translator is told, in Finnish, with a link to the translation (the outbox's mail, sent
    # by send_outbox outside the request).
    send_outbox()
    told = [message for message in mail.outbox if "selain-kaantaja@example.fi" in message.to]
    assert told and told[0].subject == f"Suomenkielinen sivu muuttui: {TITLE}"
    link = re.search(r"http\S+/admin/pages/\d+/edit/", told[0].body).group(0)

    # The new sentence waits in the editor (the publication passed it on); the translator may
    # still sync from the footer's menu, and comes back to the editor.
    translator.goto(link[link.index("/admin/") :])
    expect(translator.locator("li.incomplete").filter(has_text=SUMMARY)).to_have_count(1)
    translator.locator("footer.koonto-translation-footer .w-dropdown__toggle").click()
    translator.get_by_role("link", name="Synkronoi suomenkielisestä").click()
    translator.get_by_role("button", name="Lähetä").click()
    translator.wait_for_url("**/edit/")
    translate_segment(translator, SUMMARY, ENGLISH_SUMMARY)
    screenshot(translator, "translation-journey-5-new-sentence")
    submit_translation(translator)
    approve_in_workflow(communications, ENGLISH_TITLE, "translation-journey-6-review-again")

    visitor = new_page()
    visitor.goto(demo_site.paths["en:event_index"] + "translation-journey-info-session/")
    expect(visitor.get_by_text(ENGLISH_SUMMARY)).to_be_visible()
    screenshot(visitor, "translation-journey-7-english-page")
