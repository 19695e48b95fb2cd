"""Checks the browser tests share: axe-core's WCAG A/AA rules, reflow, focus styles, screenshots,
and `committed` for database work outside the test's transaction."""

import threading
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PASSWORD

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
_axe = Axe()


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page, one line per rule and element.

    Each line names the page, the rule and the element (its CSS selector and HTML), so that a
    failure says what to fix and where without re-running anything.
    """
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    return [
        f"{page.url}: {violation['id']} ({violation['help']}) at {node['target']}: {node['html'][:200]}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing needs side-scrolling)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def focus_indicator(page) -> dict:
    """The focused element's outline and box-shadow, which make the keyboard focus visible."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName.toLowerCase(),
                text: (element.innerText || element.value || element.getAttribute('aria-label') || '').trim().slice(0, 60),
                focusVisible: element.matches(':focus-visible'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                boxShadow: style.boxShadow !== 'none',
            };
        }"""
    )


def has_visible_focus(page) -> bool:
    """The focused element matches :focus-visible and shows an outline of 2 px or more, or a box-shadow."""
    indicator = focus_indicator(page)
    return indicator["focusVisible"] and (indicator["outline"] or indicator["boxShadow"])


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-results/ for people to look at."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# The admin, as staff use it (Finnish users: elements are found by stable ids and names, and by the
# Finnish names staff see where that is what they click).
def log_in(new_page, username: str):
    """A fresh browser context logged in to the admin as `username`, on the dashboard."""
    page = new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


def open_actions_menu(page):
    """The save button's menu (Wagtail's "Lisää toimintoja") holds submit, approve and publish."""
    page.locator("footer .w-dropdown__toggle").first.click()


def fill_date(page, selector: str, value: str):
    """Fill a date field (as the Finnish picker writes it: `14.05.2030 10.00`) and close the date
    picker it opens, which would cover the footer.

    The picker opens a moment after the field gets focus and closes on a click outside it: wait
    for it to open, click the page title field (which has no picker), wait for it to close.
    """
    page.fill(selector, value)
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.first.wait_for()
    page.locator("#id_title").click()
    picker.first.wait_for(state="hidden")


def committed(work):
    """Run `work` on a database connection of its own, committed at once, as the scheduled loop
    or another visitor would: the test's own transaction would hold SQLite's lock and keep the
    live server from writing. Returns what `work` returns."""
    from django.db import connection

    result = {}

    def run():
        try:
            result["value"] = work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result.get("value")
