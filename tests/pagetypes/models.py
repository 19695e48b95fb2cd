"""BulletinPage: a short notice, written as a new app's page type would be (see apps.py)."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from koonto.api_fields import TagNamesField
from koonto.localised_tags import LocalisedTagsMixin
from koonto.models import ListingMixin
from koonto.normalise import NormalisedSearchMixin
from koonto.permissions import EditorialPermissionsMixin
from koonto.preview_modes import HeadlessPreviewModeMixin
from koonto.visibility import ViewRestrictionsMixin


class BulletinPageTag(TaggedItemBase):
    content_object = ParentalKey("pagetypes.BulletinPage", related_name="tagged_items", on_delete=models.CASCADE)


class BulletinPage(
    ViewRestrictionsMixin,
    EditorialPermissionsMixin,
    HeadlessPreviewModeMixin,
    NormalisedSearchMixin,
    LocalisedTagsMixin,
    ListingMixin,
    Page,
):
    """A notice that is current until it expires."""

    # What other apps read of a page type (docs/architecture.md): the tag page's group, search's
    # result type, the RSS feed, Open Graph's type, the moment cached listings change.
    tag_page_key = "bulletins"
    tag_page_heading = "Bulletins"
    tag_page_ordering = ("title",)
    search_result_type = ("bulletin", "Bulletin")
    rss_feed = "guides"
    og_type = "article"
    cache_rollover_fields = ("expires_at",)

    body = RichTextField(blank=True, help_text="The notice.")
    expires_at = models.DateTimeField(null=True, blank=True, help_text="When the notice stops being current.")
    tags = ClusterTaggableManager(through=BulletinPageTag, blank=True, help_text="Keywords.")

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("body"),
        *NormalisedSearchMixin.normalised_search_fields,
    ]

    content_panels = [*Page.content_panels, *ListingMixin.listing_panels, FieldPanel("body"), FieldPanel("tags")]

    api_fields = [*ListingMixin.listing_api_fields, "body", "expires_at", APIField("tags", serializer=TagNamesField())]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
