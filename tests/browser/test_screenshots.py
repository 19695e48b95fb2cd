"""Screenshots of every public page type in Finnish and English at phone, tablet and desktop widths,
saved in test-results/ for people to look at (the issue's "Done when" is judged from them)."""

import pytest

from tests.browser.helpers import screenshot
from tests.browser.test_accessibility import LANGUAGES, PAGE_TYPES

pytestmark = pytest.mark.browser

WIDTHS = {375: 812, 768: 1024, 1280: 900}


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_every_page_type_in_both_languages(new_page, demo_site, width):
    page = new_page(width=width, height=WIDTHS[width])
    small = []
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            page.goto(demo_site(f"{language}:{page_type}"))
            # Lazy pictures below the fold load only when scrolled to: load them for the full-page picture.
            page.evaluate("for (const image of document.images) image.loading = 'eager'")
            page.wait_for_load_state("networkidle")
            path = screenshot(page, f"{language}-{page_type}-{width}")
            if path.stat().st_size < 10_000:
                small.append(str(path))
    assert not small, f"nearly empty: {small}"
