"""Screenshots of the main page types at phone and desktop widths, in test-results/, for people to look at."""

import pytest

from tests.browser.helpers import screenshot

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (375, 740), "desktop": (1280, 900)}


@pytest.mark.parametrize("device", WIDTHS)
def test_screenshots_of_home_showcase_event_and_search(new_page, demo_site, device):
    width, height = WIDTHS[device]
    page = new_page(width=width, height=height)
    for name in ("fi:home", "fi:showcase", "fi:event", "fi:search"):
        page.goto(demo_site(name))
        path = screenshot(page, f"{name.replace(':', '-')}-{device}")
        assert path.stat().st_size > 10_000, f"{path} is nearly empty"
