"""Editors can create each page type only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from guides.models import FundingCallPage, GuideIndexPage, GuidePage
from home.models import HomePage, StandardPage
from showcase.models import ShowcaseIndexPage, ShowcasePage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_of_each_language_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_sections_sit_under_the_home_page(self):
        for index in (GuideIndexPage, ShowcaseIndexPage, EventIndexPage):
            self.assertAllowedParentPageTypes(index, {HomePage})

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_guides_and_calls_live_in_the_guide_section_only(self):
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedParentPageTypes(FundingCallPage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage, FundingCallPage})

    def test_showcases_and_events_live_in_their_sections(self):
        self.assertAllowedSubpageTypes(ShowcaseIndexPage, {ShowcasePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(ShowcasePage, {ShowcaseIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})

    def test_leaf_pages_have_no_children(self):
        for leaf in (GuidePage, FundingCallPage, ShowcasePage, EventPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_home_page_allows_every_section(self):
        self.assertCanCreateAt(HomePage, GuideIndexPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(GuideIndexPage, EventPage)
