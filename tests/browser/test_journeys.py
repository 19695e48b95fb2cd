"""What visitors do on the public site, done the way they do it: in Chromium, by clicking and typing."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import focus_indicator, has_visible_focus, horizontal_overflow
from tests.text import without_soft_hyphens

pytestmark = pytest.mark.browser


def option_count(select, value: str) -> int:
    """The count a filter option shows in its label, e.g. "Kuopio (3)" -> 3."""
    label = select.locator(f"option[value='{value}']").inner_text()
    return int(re.search(r"\((\d+)\)\s*$", label).group(1))


def test_visitor_finds_the_next_funding_call_and_its_deadline_from_the_home_page(page, demo_site):
    page.goto(demo_site("fi:home"))

    next_call = page.get_by_role("region", name="Seuraava hankehaku")
    next_call.get_by_role("link", name=demo_site.facts["call_title"]).click()

    assert page.url == demo_site(demo_site.facts["call_path"])
    assert without_soft_hyphens(page.get_by_role("heading", level=1).inner_text()) == demo_site.facts["call_title"]
    deadline = page.locator("main time").filter(has_text=demo_site.facts["call_deadline"]).first
    assert deadline.is_visible()
    assert deadline.get_attribute("datetime") == demo_site.facts["call_deadline_iso"]


def test_language_switcher_leads_to_the_same_showcase_in_english(page, demo_site):
    page.goto(demo_site("fi:showcase"))

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="English").click()

    assert page.url == demo_site("en:showcase")
    assert page.get_attribute("html", "lang") == "en"


def test_visitor_filters_showcases_by_municipality(page, demo_site):
    page.goto(demo_site("fi:showcase_index"))
    total = page.locator("main article").count()
    municipality = page.locator("#filter-municipality")
    expected = option_count(municipality, "297")

    municipality.select_option("297")
    page.locator("form.filters button[type=submit]").click()

    assert "municipality=297" in page.url
    assert 0 < page.locator("main article").count() == expected < total
    assert page.locator("#filter-municipality").input_value() == "297"


def test_visitor_filters_events_and_downloads_the_ics(page, demo_site):
    page.goto(demo_site("fi:event_index"))
    feed = page.request.get(page.get_by_role("link", name="Tilaa kalenteri").get_attribute("href"))
    assert feed.ok and "BEGIN:VCALENDAR" in feed.text()

    all_events = page.locator("main article").count()
    event_type = page.locator("#filter-type")
    expected = option_count(event_type, "networking")
    event_type.select_option("networking")
    page.locator("form.filters button[type=submit]").click()
    assert "type=networking" in page.url
    events = page.locator("main article")
    assert 0 < events.count() == expected < all_events
    events.first.get_by_role("link").click()

    with page.expect_download() as download_info:
        page.locator("main a[href$='.ics']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    ics = download.path().read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and "SUMMARY:" in ics


def test_visitor_searches_in_finnish_and_opens_a_result(page, demo_site):
    """An inflected form ("työpajatoiminnassa", in workshop activity) finds the showcase titled
    "Työpajatoimintaa Lieksassa"; the full table of forms is in tests/search/."""
    page.goto(demo_site("fi:home"))

    page.get_by_role("search").locator("input[name=q]").fill("työpajatoiminnassa")
    page.get_by_role("search").locator("input[name=q]").press("Enter")

    assert "q=ty%C3%B6pajatoiminnassa" in page.url or "q=työpajatoiminnassa" in page.url
    page.get_by_role("main").get_by_role("link", name=re.compile("Työpajatoimintaa Lieksassa")).first.click()
    assert without_soft_hyphens(page.get_by_role("heading", level=1).inner_text()) == "Työpajatoimintaa Lieksassa"


def tab_until(page, predicate: str, limit: int = 60) -> list[dict]:
    """Press Tab until the focused element matches the CSS selector; return every focus stop seen."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(focus_indicator(page))
        if page.evaluate("(selector) => document.activeElement.matches(selector)", predicate):
            return stops
    raise AssertionError(f"{predicate} not reached with Tab; stops: {stops}")


def test_keyboard_only_visitor_uses_skip_link_menu_search_and_filters(page, demo_site):
    """Every focus stop on the way is visibly focused (:focus-visible with an outline or a box-shadow)."""
    page.goto(demo_site("fi:showcase_index"))

    page.keyboard.press("Tab")
    skip = focus_indicator(page)
    assert (skip["tag"], skip["text"]) == ("a", "Siirry pääsisältöön")
    assert has_visible_focus(page)
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(demo_site("fi:home"))
    stops = tab_until(page, ".main-menu a")
    stops += tab_until(page, "form[role=search] input[name=q]")
    page.keyboard.type("Työpajatoimintaa")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))

    page.goto(demo_site("fi:showcase_index"))
    stops += tab_until(page, "#filter-municipality")
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#filter-municipality").input_value()
    stops += tab_until(page, "form.filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"municipality={chosen}"))

    invisible = [stop for stop in stops if not (stop["focusVisible"] and (stop["outline"] or stop["boxShadow"]))]
    assert not invisible, f"focus not visible on: {invisible}"


def test_phone_visitor_uses_the_menu_and_the_filters(new_page, demo_site):
    """At 375 px the menu button opens the menu, which is on screen and works, the filters work, and
    nothing scrolls sideways."""
    page = new_page(width=375, height=740, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(demo_site("fi:home"))
    assert horizontal_overflow(page) <= 0

    page.get_by_role("button", name="Valikko").tap()
    menu_link = page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Hanke-esittelyt")
    box = menu_link.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
    menu_link.tap()
    expect(page).to_have_url(demo_site("fi:showcase_index"))

    page.locator("#filter-municipality").select_option("297")
    page.locator("form.filters button[type=submit]").tap()
    expect(page).to_have_url(re.compile("municipality=297"))
    assert page.locator("main article").count() >= 1
    assert horizontal_overflow(page) <= 0
