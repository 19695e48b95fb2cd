"""From draft to published in the real admin: an editor submits an event, communications approves it.

The admin speaks Finnish to these users, so elements are found by their stable ids and names (and by
the Finnish names staff see, where that is what they click), not by English text.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import fill_date, log_in, open_actions_menu
from tests.text import without_soft_hyphens

pytestmark = pytest.mark.browser

EVENT_TITLE = "Selaintestin työpaja yhdistyksille"


def test_editor_submits_an_event_and_communications_approves_it(new_page, demo_site):
    editor = log_in(new_page, "selain-toimittaja")
    editor.goto(f"/admin/pages/add/events/eventpage/{demo_site.facts['event_index_id']}/")
    editor.fill("#id_title", EVENT_TITLE)
    fill_date(editor, "#id_starts_at", "14.05.2030 10.00")  # as the Finnish date picker writes it
    open_actions_menu(editor)
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(f"**/admin/pages/{demo_site.facts['event_index_id']}/")
    expect(editor.locator(".messages")).to_contain_text(EVENT_TITLE)

    public = new_page()
    public.goto(demo_site("fi:event_index"))
    assert public.get_by_role("link", name=EVENT_TITLE).count() == 0, "published before approval"

    communications = log_in(new_page, "selain-viestija")
    waiting_for_me = communications.locator("section").filter(has=communications.get_by_role("heading", name="Odottaa minua"))
    waiting_for_me.get_by_role("link", name=EVENT_TITLE).first.click()
    communications.wait_for_url("**/edit/")
    open_actions_menu(communications)
    communications.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    # Approving leaves the edit view (whose own notice already names the page) for the section's listing.
    communications.wait_for_url(f"**/admin/pages/{demo_site.facts['event_index_id']}/")

    # A new visitor: the first one's browser may keep the earlier listing for its Cache-Control max-age.
    visitor = new_page()
    visitor.goto(demo_site("fi:event_index"))
    visitor.get_by_role("link", name=EVENT_TITLE).click()
    assert without_soft_hyphens(visitor.get_by_role("heading", level=1).inner_text()) == EVENT_TITLE
