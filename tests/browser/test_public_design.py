"""The public face in a real browser (issue 19): the EU emblem on arrival, the phone's first screen,
the menu button by keyboard and without JavaScript, no sideways scrolling, printing, hyphenation."""

import pytest

from tests.browser.helpers import horizontal_overflow
from tests.text import without_soft_hyphens

pytestmark = pytest.mark.browser

SCREENS = {"phone": (375, 812), "desktop": (1280, 800)}
LANGUAGES = ("fi", "en")
STATEMENT = {"fi": "Euroopan unionin rahoittama", "en": "Funded by the European Union"}
MENU = {"fi": "Valikko", "en": "Menu"}
PAGE_TYPES = (
    "home",
    "standard",
    "accessibility",
    "guide_index",
    "guide",
    "call",
    "showcase_index",
    "showcase",
    "event_index",
    "event",
    "search",
    "tag",
    "organisation",
)


def inside_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_eu_emblem_with_its_statement_is_on_the_first_screen_of_the_home_page(new_page, demo_site, language, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    page.goto(demo_site(f"{language}:home"))

    notice = page.locator("main .eu-notice")
    assert inside_viewport(page, notice.locator("img.eu-notice__emblem")), notice.bounding_box()
    assert inside_viewport(page, notice.locator(".eu-notice__statement"))
    assert notice.locator(".eu-notice__statement").inner_text() == STATEMENT[language]
    emblem = notice.locator("img.eu-notice__emblem").bounding_box()
    assert emblem["height"] >= 48  # never smaller than the other logos (Annex IX 1.7); the brand mark is 36-48 px


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_h1_and_the_first_line_of_content_are_visible_without_scrolling(new_page, demo_site, language, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    problems = []
    for page_type in PAGE_TYPES:
        page.goto(demo_site(f"{language}:{page_type}"))
        h1 = page.locator("h1")
        if not inside_viewport(page, h1):
            problems.append(f"{page.url}: h1 at {h1.bounding_box()}")
            continue
        # The first line after the heading: its top edge plus one line must be on the screen.
        first_line_top = page.evaluate(
            """() => {
                const h1 = document.querySelector('h1');
                const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
                let passed = false;
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (!passed) { passed = h1.contains(node) ? 'in' : false; continue; }
                    if (h1.contains(node) || !node.textContent.trim()) continue;
                    const range = document.createRange(); range.selectNodeContents(node);
                    const rect = range.getClientRects()[0];
                    if (rect) return rect.top + rect.height;
                }
                return null;
            }"""
        )
        if first_line_top is not None and first_line_top > height:
            problems.append(f"{page.url}: the first line after the h1 ends at {first_line_top} px")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_scrolls_sideways_at_320_px(new_page, demo_site, language):
    page = new_page(width=320, height=640)
    problems = []
    for page_type in PAGE_TYPES:
        page.goto(demo_site(f"{language}:{page_type}"))
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"{page.url}: {overflow} px")
        page.get_by_role("button", name=MENU[language]).click()  # the open menu too
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"{page.url} with the menu open: {overflow} px")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_button_opens_and_closes_the_menu_by_keyboard(new_page, demo_site, language):
    page = new_page(width=375, height=812)
    page.goto(demo_site(f"{language}:showcase"))
    button = page.get_by_role("button", name=MENU[language])
    menu = page.get_by_role("navigation", name={"fi": "Päävalikko", "en": "Main menu"}[language])
    search = page.get_by_role("search")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible() and not search.is_visible()

    for _ in range(10):  # from the top of the page, as a keyboard user arrives
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('menu-toggle')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')"), "the button is not reachable by Tab"

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.is_visible() and search.is_visible()
    page.keyboard.press("Tab")  # the menu comes right after its button
    assert page.evaluate("document.activeElement.closest('#site-menu') !== null")

    page.keyboard.press("Escape")  # closes and gives the focus back to the button
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")

    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true" and menu.is_visible()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()


def test_without_javascript_the_menu_and_search_are_shown_and_the_button_is_not(new_page, demo_site):
    page = new_page(width=375, height=812, java_script_enabled=False)
    page.goto(demo_site("fi:home"))

    assert page.get_by_role("navigation", name="Päävalikko").is_visible()
    assert page.get_by_role("search").is_visible()
    assert page.locator(".menu-toggle").is_hidden()


def test_on_a_desktop_the_menu_and_search_show_without_a_button(new_page, demo_site):
    page = new_page(width=1280, height=800)
    page.goto(demo_site("en:home"))

    assert page.get_by_role("navigation", name="Main menu").is_visible()
    assert page.get_by_role("search").is_visible()
    assert page.locator(".menu-toggle").is_hidden()


def test_long_finnish_words_break_at_syllables_and_read_whole(new_page, demo_site):
    """Soft hyphens: the browser may break there with a hyphen; the accessible name is the whole word."""
    page = new_page(width=320, height=640)
    page.goto(demo_site("fi:showcase_index"))
    title = "Kokemusasiantuntijatoimintaa Lapissa"

    link = page.get_by_role("link", name=title, exact=True)  # Chromium leaves the soft hyphens out of the name
    assert link.count() == 1
    text = link.inner_text()
    assert "\u00ad" in text and without_soft_hyphens(text) == title
    box = link.bounding_box()
    assert box["x"] + box["width"] <= 320


@pytest.mark.parametrize("page_type", ["guide", "call"])
def test_guides_and_calls_print_without_navigation_and_with_the_addresses_of_their_links(new_page, demo_site, page_type):
    """Associations print guides and calls for board meetings: paper has no menus, and no links to click."""
    page = new_page(width=1280, height=800)
    page.goto(demo_site(f"fi:{page_type}"))
    page.emulate_media(media="print")

    for part in (".site-header", ".breadcrumbs", ".site-footer nav"):
        assert page.locator(part).first.is_hidden(), part
    assert page.locator("h1").is_visible()
    links = page.locator("main a[href^='http'], main a[href^='/']")
    assert links.count() > 0
    shown = [links.nth(n).evaluate("element => getComputedStyle(element, '::after').content") for n in range(links.count())]
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    visible = [href for href, after in zip(hrefs, shown, strict=True) if href in after]
    assert visible, list(zip(hrefs, shown, strict=True))


def test_every_page_loads_only_from_the_site_itself(new_page, demo_site):
    """No CDN, no fonts or analytics from elsewhere: every request goes to the site's own origin."""
    page = new_page(width=1280, height=800)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            page.goto(demo_site(f"{language}:{page_type}"))
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy pictures load too
            page.wait_for_load_state("networkidle")
    foreign = sorted({url for url in requested if not url.startswith((demo_site.url, "data:"))})
    assert not foreign, foreign
    assert any(url.endswith(".webp") for url in requested), "no listing picture was loaded"
