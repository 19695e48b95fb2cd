"""WCAG 2.1 A and AA on every public page type in both languages, checked in a real browser.

axe-core finds what a machine can (contrast, names, labels, landmarks, ARIA); the other checks here
cover what the issue lists beside it: alt text, labels, heading order, the language of the page and
of other-language passages, reflow at 320 CSS px and 200 % zoom, announced error messages, and the
contents the Act on Digital Services (306/2019) requires of the accessibility statement.
"""

import re

import pytest

from tests.browser.helpers import axe_violations, horizontal_overflow

pytestmark = pytest.mark.browser

LANGUAGES = ("fi", "en")
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
    "untranslated",
    "404",
)
ALL_PAGES = [f"{language}:{page_type}" for language in LANGUAGES for page_type in PAGE_TYPES]


def structure_problems(page) -> list[str]:
    """What axe does not check, or checks only in part, read from the rendered page."""
    return page.evaluate(
        """() => {
        const problems = [];
        const visible = (element) => !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length);
        for (const img of document.querySelectorAll('img')) {
            if (!img.hasAttribute('alt')) problems.push(`image without alt: ${img.outerHTML.slice(0, 120)}`);
        }
        for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            const named = field.labels.length || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
            if (!named) problems.push(`field without a label: ${field.outerHTML.slice(0, 120)}`);
        }
        const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible);
        const h1s = document.querySelectorAll('h1');
        if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
        if (headings.length && headings[0].tagName !== 'H1') problems.push(`first heading is ${headings[0].tagName}`);
        let previous = 1;
        for (const heading of headings) {
            const level = Number(heading.tagName[1]);
            if (level > previous + 1) {
                problems.push(`heading skips from h${previous} to ${heading.tagName}: ${heading.textContent.trim()}`);
            }
            previous = level;
        }
        for (const link of document.querySelectorAll('a[hreflang]')) {
            if (link.getAttribute('lang') !== link.getAttribute('hreflang').split('-')[0]) {
                problems.push(`link to another language without lang: ${link.outerHTML.slice(0, 120)}`);
            }
        }
        return problems;
    }"""
    )


def reflow_problems(page) -> list[str]:
    """WCAG 1.4.10: nothing scrolls sideways at 200 % zoom of a 1280-px window (640 CSS px) or at
    320 CSS px (400 %). Zooming shrinks the viewport in CSS pixels, so resizing it is the same test."""
    problems = []
    for width, zoom in ((640, 200), (320, 400)):
        page.set_viewport_size({"width": width, "height": 800})
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"{page.url}: scrolls sideways by {overflow} px at {width} CSS px ({zoom} % zoom)")
    return problems


@pytest.mark.parametrize("name", ALL_PAGES)
def test_page_type_meets_wcag_a_and_aa(page, demo_site, name):
    """axe-core's WCAG 2.0/2.1 A and AA rules find nothing; alt texts, labels, headings and reflow are in order.

    One visit per page does all the checks: the browser tests have about three minutes in CI.
    """
    response = page.goto(demo_site(name))
    assert response.status == (404 if name.endswith(":404") else 200), name
    language = name.split(":")[0]
    assert page.get_attribute("html", "lang") == language

    problems = axe_violations(page) + [f"{page.url}: {problem}" for problem in structure_problems(page)]
    problems += reflow_problems(page)

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_footer_links_the_statement_and_the_feedback_address(page, demo_site, language):
    """The law asks for a feedback channel that every page reaches: the footer's mailto link."""
    for page_type in ("home", "showcase", "event", "404"):
        page.goto(demo_site(f"{language}:{page_type}"))
        footer = page.locator("footer.site-footer")
        feedback = footer.locator("a.accessibility-feedback")
        assert re.fullmatch(r"mailto:[^@\s]+@[^@\s?]+\?subject=.+", feedback.get_attribute("href")), page.url
        statement = footer.get_by_role("link", name={"fi": "Saavutettavuusseloste", "en": "Accessibility statement"}[language])
        assert statement.get_attribute("href") == demo_site.paths[f"{language}:accessibility"], page.url


STATEMENT = {
    "fi": {
        "compliance status": "osittain yhdenmukainen",
        "what is not accessible": "Sisältö, joka ei ole vielä saavutettavaa",
        "why it is not": "koska",
        "the alternative": "saavutettavassa muodossa",
        "how it was assessed": "axe-core",
        "prepared": "Seloste on laadittu",
        "last reviewed": "tarkistettu viimeksi",
        "feedback channel": "@",
        "answered within 14 days": "14 päivän kuluessa",
        "who handles feedback": "projektipäällikkö Tuomas Puustiselle",
        "supervising authority": "Traficom",
    },
    "en": {
        "compliance status": "partially compliant",
        "what is not accessible": "Content that is not yet accessible",
        "why it is not": "because",
        "the alternative": "in an accessible format",
        "how it was assessed": "axe-core",
        "prepared": "This statement was prepared on",
        "last reviewed": "last reviewed on",
        "feedback channel": "@",
        "answered within 14 days": "within 14 days",
        "who handles feedback": "project manager Tuomas Puustinen",
        "supervising authority": "Traficom",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_has_what_the_law_requires(page, demo_site, language):
    """Act 306/2019 § 16: status, gaps with reasons and alternatives, feedback, authority, dates, method."""
    page.goto(demo_site(f"{language}:accessibility"))
    text = page.locator("main").inner_text()

    missing = [item for item, phrase in STATEMENT[language].items() if phrase not in text]
    assert not missing, f"{page.url} lacks: {', '.join(missing)}"
    assert re.search(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}", text)
    main = page.locator("main")
    assert main.locator("a[href^='https://www.saavutettavuusvaatimukset.fi']").count() == 1
    assert main.locator("a[href^='mailto:']").count() >= 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_error_message_is_announced(page, demo_site, language):
    """A bad filter value is explained in a live region, so a screen reader announces it."""
    page.goto(demo_site(f"{language}:showcase_index") + "?municipality=not-a-code")

    note = page.locator("[role=status], [role=alert], [aria-live]").filter(has_text="not-a-code")
    assert note.count() == 1
    assert note.first.is_visible()


def test_language_of_the_original_is_marked_on_the_untranslated_notice(page, demo_site):
    """The English notice names the Finnish-only page: that title is Finnish, and says so (WCAG 3.1.2)."""
    page.goto(demo_site("en:untranslated"))

    original = page.get_by_role("main").get_by_role("link", name="Vain suomeksi")
    assert original.get_attribute("lang") == "fi"
