"""wagtail-localize's translation editor in Finnish, where its English is not from a catalogue
(issue 17): its heading (written in its JavaScript), the segments' dates and the page's
"last published" date (written with strftime), and Wagtail's status side panel's time of day."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from tests.browser.helpers import screenshot
from tests.browser.test_editorial_journeys import in_own_connection

pytestmark = pytest.mark.browser

ENGLISH_MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


def test_the_translation_editor_heading_dates_and_times_are_finnish(new_page, demo_site):
    from wagtail.models import Locale

    from guides.models import GuidePage

    # Looked up in a connection of its own, closed at once: an open SQLite read here would lock
    # the live server out of writing the login.
    english_guide = in_own_connection(
        lambda: GuidePage.objects.filter(locale=Locale.objects.get(language_code="en")).order_by("path").first()
    )
    # Signed in straight into the editor (the `next` address), with time for a cold server.
    edit_url = f"/admin/pages/{english_guide.pk}/edit/"
    translator = new_page()
    translator.goto(f"/admin/login/?next={edit_url}")
    translator.fill("#id_username", "selain-kaantaja")
    translator.fill("#id_password", PASSWORD)
    translator.locator("form button[type=submit]").click()
    translator.wait_for_url(f"**{edit_url}", timeout=60_000)

    editor = translator.locator(".js-translation-editor")
    expect(editor.get_by_role("heading", name="Käännös kielestä suomi kielelle englanti")).to_be_visible()
    expect(editor.get_by_text(re.compile(r" to English translation$"))).to_have_count(0)
    # The segments translated when the demo was loaded say when, the Finnish way.
    expect(editor.get_by_text(re.compile(r"^Käännetty .* \d{1,2}\.\d{1,2}\.\d{4}$")).first).to_be_visible()
    assert not ENGLISH_MONTHS.search(editor.inner_text())

    # The status side panel: the demo's revisions are from today, so a time of day, "klo 10.00".
    translator.locator('[data-side-panel-toggle="status"]').click()
    status = translator.get_by_label("Sivupaneelit").locator('[data-side-panel="status"]')
    expect(status).to_contain_text(re.compile(r"klo \d{1,2}\.\d{2}"))
    assert not re.search(r"\b\d{2}:\d{2}\b", status.inner_text())
    screenshot(translator, "translation-editor-finnish")
