"""The editor's and the reviewers' journeys in the Finnish admin, in Chromium, one user per group,
through the UI only; each step checks what that person sees (texts, counts, e-mails) and saves a
screenshot under test-results/.

1. An editor writes an event with an image, previews it in the side panel and submits it;
   communications sends it back with a comment; the editor finds the comment on the dashboard and
   above the editor, and resubmits; communications approves it with a go-live time, and
   `publish_scheduled` publishes it.
2. An editor writes a guide and a funding call; a subject expert approves each (and lands on the
   dashboard, never on "Pahoittelut, mutta sinulla ei ole pääsyä"), then communications.

The live server runs in this process, so its mail is in `mail.outbox`. The test's own database
work runs in a thread of its own (`in_own_connection`): the test itself sits in a transaction
that the server cannot see, and writing there would lock SQLite for the server.
"""

import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import fill_date, log_in, open_actions_menu, screenshot
from tests.text import without_soft_hyphens

pytestmark = pytest.mark.browser

EDITOR, EXPERT, COMMUNICATIONS = "selain-toimittaja", "selain-asiantuntija", "selain-viestija"
EVENT = "Selaimen työpaja: esikatselu ja ajastus"
EVENT_SLUG = "selaimen-tyopaja-esikatselu-ja-ajastus"
COMMENT = "Lisää ilmoittautumisen takaraja ja tarkista alkamisaika."
GUIDE = "Selainopas: näin haet kokeilurahaa"
CALL = "Selainhaku: yhdistysten kokeilut 2031"


def in_own_connection(function):
    """Run `function` in a thread with a database connection of its own (autocommit), as the server does."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the test below
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def panel(page, heading: str):
    """A dashboard panel by its Finnish heading."""
    return page.locator("section").filter(has=page.get_by_role("heading", name=heading))


def notices(page) -> str:
    return " ".join(page.locator(".messages").inner_text().split())


def mail_to(username: str) -> list:
    return [message for message in mail.outbox if f"{username}@example.fi" in message.to]


def submit_for_review(page):
    open_actions_menu(page)
    page.locator("button[name=action-submit]").click()


def approve(page):
    open_actions_menu(page)
    page.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()


def test_event_sent_back_with_a_comment_resubmitted_approved_with_a_go_live_time_and_published(new_page, demo_site):
    index_id = demo_site.facts["event_index_id"]

    # The editor writes the event in the section's listing, with an image.
    editor = log_in(new_page, EDITOR)
    expect(panel(editor, "Palautettu sinulle muutettavaksi")).to_contain_text("Sinulle ei ole palautettu mitään muutettavaksi.")
    editor.goto(f"/admin/pages/{index_id}/")
    editor.get_by_role("link", name="Lisää alasivu").first.click()
    editor.wait_for_url(f"**/admin/pages/add/events/eventpage/{index_id}/")
    editor.fill("#id_title", EVENT)
    fill_date(editor, "#id_starts_at", "14.05.2030 10.00")
    # Wagtail's slug field followed the title, in ASCII (ä -> a).
    assert editor.locator("#id_slug").input_value() == EVENT_SLUG
    editor.get_by_role("button", name="Valitse kuva").click()
    editor.locator(".modal-dialog a.image-choice").first.click()
    expect(editor.locator(".modal-dialog")).to_have_count(0)
    assert editor.locator("input[name=listing_image]").input_value()

    # The side-panel preview shows the page as the public will see it.
    editor.locator("button[data-side-panel-toggle=preview]").click()
    # Wagtail loads the preview into a second iframe and swaps it in, with the first one's id.
    preview = editor.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_count(1, timeout=30_000)  # the page renders on a busy machine
    assert without_soft_hyphens(preview.locator("h1").inner_text()) == EVENT
    screenshot(editor, "editorial-1-editor-preview")

    mail.outbox.clear()
    submit_for_review(editor)
    editor.wait_for_url(f"**/admin/pages/{index_id}/")
    # "luotu ja lähetetty" or, once the preview's autosave has created the page, "on lähetetty".
    expect(editor.locator(".messages")).to_contain_text(
        re.compile(rf"Sivu '{re.escape(EVENT)}' (luotu ja|on) lähetetty tarkastettavaksi\.")
    )
    assert [EVENT in message.subject for message in mail_to(COMMUNICATIONS)] == [True]

    # Communications sends it back with a comment, from the dashboard.
    communications = log_in(new_page, COMMUNICATIONS)
    waiting = panel(communications, "Odottaa minua")
    expect(waiting.get_by_role("link", name=EVENT)).to_have_count(1)
    waiting.get_by_role("link", name=EVENT).click()
    communications.wait_for_url("**/edit/")
    mail.outbox.clear()
    open_actions_menu(communications)
    communications.locator("button[data-workflow-action-name=reject]").click()
    communications.locator(".modal-dialog textarea[name=comment]").fill(COMMENT)
    communications.locator(".modal-dialog form button[type=submit]").click()
    communications.wait_for_url(f"**/admin/pages/{index_id}/")
    assert notices(communications) == f"Palautit sivun ”{EVENT}” tekijälleen muutettavaksi, ja tekijälle on ilmoitettu."
    screenshot(communications, "editorial-2-communications-sent-back")
    [sent_back] = mail_to(EDITOR)
    assert COMMENT in sent_back.body

    # The editor finds it on the dashboard with the comment, and above the editor.
    editor.goto("/admin/")
    sent_back_panel = panel(editor, "Palautettu sinulle muutettavaksi")
    expect(sent_back_panel.locator("tbody tr")).to_have_count(1)
    expect(sent_back_panel).to_contain_text(f"Selain-Viestija (Viestinnän hyväksyntä): {COMMENT}")
    screenshot(editor, "editorial-3-editor-dashboard-sent-back")
    sent_back_panel.get_by_role("link", name=EVENT).click()
    editor.wait_for_url("**/edit/")
    banner = editor.locator(".messages")
    expect(banner).to_contain_text(f"Selain-Viestija pyysi muutoksia vaiheessa ”Viestinnän hyväksyntä”: {COMMENT}")
    expect(banner).to_contain_text("Tee muutokset ja lähetä sivu uudelleen tarkastettavaksi.")
    screenshot(editor, "editorial-4-editor-banner")
    fill_date(editor, "#id_registration_deadline", "10.05.2030 16.00")
    submit_for_review(editor)
    editor.wait_for_url(f"**/admin/pages/{index_id}/")
    editor.goto("/admin/")
    expect(panel(editor, "Palautettu sinulle muutettavaksi")).to_contain_text("Sinulle ei ole palautettu mitään muutettavaksi.")

    # Communications approves it with a go-live time.
    communications.goto("/admin/")
    panel(communications, "Odottaa minua").get_by_role("link", name=EVENT).click()
    communications.wait_for_url("**/edit/")
    expect(communications.locator(".messages")).not_to_contain_text(COMMENT)  # resubmitted: the banner is gone
    go_live = timezone.localtime() + timedelta(days=2)
    communications.locator("button[data-side-panel-toggle=status]").click()
    communications.get_by_role("button", name="Aseta ajastus").click()
    communications.fill("#id_go_live_at", go_live.strftime("%d.%m.%Y %H.%M"))
    picker = communications.locator(".xdsoft_datetimepicker:visible")
    picker.first.wait_for()
    communications.locator("#schedule-publishing-dialog h2, #schedule-publishing-dialog [id$=title]").first.click()
    picker.first.wait_for(state="hidden")
    communications.locator("#schedule-publishing-dialog button[type=submit]").click()
    communications.wait_for_url("**/edit/")
    mail.outbox.clear()
    approve(communications)
    communications.wait_for_url(f"**/admin/pages/{index_id}/")
    when = f"{go_live.day}.{go_live.month}.{go_live.year} klo {go_live.hour}.{go_live.minute:02d}"
    assert notices(communications) == f"Hyväksyit sivun ”{EVENT}”. Se julkaistaan {when}."
    screenshot(communications, "editorial-5-communications-scheduled")

    visitor = new_page()
    assert visitor.goto(demo_site(f"/fi/tapahtumat/{EVENT_SLUG}/")).status == 404

    # At the go-live time, publish_scheduled publishes it and tells the editor.
    mail.outbox.clear()
    with time_machine.travel(go_live + timedelta(minutes=5), tick=True):
        in_own_connection(lambda: call_command("publish_scheduled"))
        assert mail_to(EDITOR) == []  # queued in the outbox, sent by send_outbox
        in_own_connection(lambda: call_command("send_outbox"))
    [published] = mail_to(EDITOR)
    assert published.subject == f"Ajastettu sivu julkaistiin: {EVENT}"
    visitor = new_page()
    visitor.goto(demo_site(f"/fi/tapahtumat/{EVENT_SLUG}/"))
    assert without_soft_hyphens(visitor.get_by_role("heading", level=1).inner_text()) == EVENT
    screenshot(visitor, "editorial-6-published")


def create_in_guide_section(editor, index_id: str, page_type: str, title: str, dates=()):
    editor.goto(f"/admin/pages/{index_id}/")
    editor.get_by_role("link", name="Lisää alasivu").first.click()
    editor.locator(f"a[href*='/add/guides/{page_type}/']").first.click()
    editor.wait_for_url(f"**/add/guides/{page_type}/{index_id}/")
    editor.fill("#id_title", title)
    editor.fill("#id_summary", "Selaintestin tiivistelmä.")
    for selector, value in dates:
        fill_date(editor, selector, value)
    submit_for_review(editor)
    editor.wait_for_url(f"**/admin/pages/{index_id}/")
    expect(editor.locator(".messages")).to_contain_text(f"Sivu '{title}' luotu ja lähetetty tarkastettavaksi.")


def review(page, title: str):
    page.goto("/admin/")
    waiting = panel(page, "Odottaa minua")
    expect(waiting.get_by_role("link", name=title)).to_have_count(1)
    waiting.get_by_role("link", name=title).click()
    page.wait_for_url("**/edit/")
    approve(page)


@pytest.mark.parametrize(
    ("page_type", "title", "dates"),
    [
        ("guidepage", GUIDE, ()),
        ("fundingcallpage", CALL, (("#id_opens_at", "10.01.2031 09.00"), ("#id_closes_at", "31.03.2031 16.15"))),
    ],
)
def test_guide_and_call_pass_the_expert_then_communications(new_page, demo_site, page_type, title, dates):
    index_id = demo_site.facts["guide_index_id"]
    editor = log_in(new_page, EDITOR)
    mail.outbox.clear()
    create_in_guide_section(editor, index_id, page_type, title, dates)
    assert [title in message.subject for message in mail_to(EXPERT)] == [True]
    assert mail_to(COMMUNICATIONS) == []  # not their step yet

    expert = log_in(new_page, EXPERT)
    mail.outbox.clear()
    review(expert, title)
    expert.wait_for_url("**/admin/")
    assert "Pahoittelut" not in expert.content()
    assert notices(expert) == f"Hyväksyit sivun ”{title}”. Se odottaa nyt vaihetta ”Viestinnän hyväksyntä”."
    expect(panel(expert, "Odottaa minua").get_by_role("link", name=title)).to_have_count(0)
    screenshot(expert, f"editorial-expert-approved-{page_type}")
    assert [title in message.subject for message in mail_to(COMMUNICATIONS)] == [True]

    communications = log_in(new_page, COMMUNICATIONS)
    review(communications, title)
    communications.wait_for_url(f"**/admin/pages/{index_id}/")
    assert notices(communications) == f"Hyväksyit sivun ”{title}”. Se on nyt julkaistu."
    screenshot(communications, f"editorial-communications-published-{page_type}")

    visitor = new_page()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("ä", "a").replace("ö", "o")).strip("-")
    visitor.goto(demo_site(demo_site.paths["fi:guide_index"] + slug + "/"))
    assert without_soft_hyphens(visitor.get_by_role("heading", level=1).inner_text()) == title
