"""Funding guides (rahoitusoppaat) and funding calls (hankehaut)."""

from datetime import datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from guides.blocks import GuideBodyBlock
from koonto.api_fields import (
    CallStatusField,
    ChoiceLabelField,
    ContactField,
    DocumentField,
    PagePathField,
    TagNamesField,
)
from koonto.blocks import BodyBlock
from koonto.localised_tags import LocalisedTagsMixin
from koonto.models import ListingMixin
from koonto.normalise import NormalisedSearchMixin
from koonto.permissions import EditorialPermissionsMixin
from koonto.preview_modes import HeadlessPreviewModeMixin
from koonto.visibility import PublicRule, ViewRestrictionsMixin, rule_for, visible_rows

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class GuideIndexPage(ViewRestrictionsMixin, EditorialPermissionsMixin, HeadlessPreviewModeMixin, NormalisedSearchMixin, Page):
    """The funding guides section: lists guides and calls, newest first."""

    intro = RichTextField(
        _("introduction"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Shown above the list of guides and calls.")
    )

    search_fields = [*Page.search_fields, index.SearchField("intro"), *NormalisedSearchMixin.normalised_search_fields]

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage", "guides.FundingCallPage"]
    card_kind = "guide"  # colour and icon on cards (design/templatetags/cards.py)

    class Meta:
        verbose_name = _("funding guide index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        rule = rule_for(request)
        calls = rule.pages(FundingCallPage.objects.child_of(self))
        context["calls"] = [*calls.open_calls(now), *calls.upcoming(now), *calls.closed(now)]
        context["guides"] = (
            rule.pages(GuidePage.objects.child_of(self))
            .order_by("-first_published_at")
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")  # the cards' pictures
        )
        return context


class GuidePageTag(TaggedItemBase):
    content_object = ParentalKey("guides.GuidePage", related_name="tagged_items", on_delete=models.CASCADE)


class GuidePage(
    ViewRestrictionsMixin,
    EditorialPermissionsMixin,
    HeadlessPreviewModeMixin,
    NormalisedSearchMixin,
    LocalisedTagsMixin,
    ListingMixin,
    Page,
):
    """A funding guide: how to apply for and run a citizen-led development project."""

    # How other apps see this type, without knowing it by name: search's result type, and one
    # piece of content when shared (Open Graph og:type).
    search_result_type = ("guide", _("Guide"))
    og_type = "article"
    # The RSS feed it appears in (feeds/views.py).
    rss_feed = "guides"

    # On tag pages (koonto.localised_tags): the `type` parameter, heading and order of this type's group.
    tag_page_key = "guides"
    tag_page_heading = _("Funding guides")
    tag_page_ordering = ("title",)

    class Phase(models.TextChoices):
        IDEA = "idea", _("Idea")
        APPLICATION = "application", _("Application")
        IMPLEMENTATION = "implementation", _("Implementation")
        PAYMENT = "payment", _("Payment")
        REPORTING = "reporting", _("Reporting")
        EMBEDDING = "embedding", _("Embedding the results")

    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_("Who the guide is for, e.g. associations planning their first project."),
    )
    project_phase = models.CharField(
        _("project phase"),
        max_length=20,
        choices=Phase.choices,
        blank=True,
        help_text=_("The phase of a project this guide helps with."),
    )
    body = StreamField(
        GuideBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "The guide's content: text, headings, numbered steps, checklists, questions and answers, callouts, "
            "tables, images, videos, documents and quotes. Headings 2 and 3 make up the table of contents."
        ),
    )
    reviewed_on = models.DateField(
        _("reviewed on"), null=True, blank=True, help_text=_("When the guide's facts were last checked; shown on the page.")
    )
    tags = ClusterTaggableManager(
        through=GuidePageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords that link related content across the site; separate them with commas."),
    )

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("audience"),
        index.SearchField("body"),
        *NormalisedSearchMixin.normalised_search_fields,
        index.FilterField("project_phase"),
    ]

    content_panels = [
        *Page.content_panels,
        *ListingMixin.listing_panels,
        FieldRowPanel([FieldPanel("audience"), FieldPanel("project_phase")]),
        FieldPanel("body"),
        FieldPanel("reviewed_on"),
        InlinePanel("related_pages", label=_("Related guides and calls")),
        FieldPanel("tags"),
    ]

    api_fields = [
        *ListingMixin.listing_api_fields,
        "audience",
        APIField("project_phase", serializer=ChoiceLabelField()),
        "body",
        "reviewed_on",
        APIField("tags", serializer=TagNamesField()),
        "related_pages",
    ]

    # What the API fields read, fetched with the pages (api/v2.py).
    api_select_related = ["listing_image"]
    api_prefetch_related = ["tagged_items__tag", "listing_image__renditions", "related_pages__related_page"]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []
    card_kind = "guide"  # colour and icon on cards (design/templatetags/cards.py)

    class Meta:
        verbose_name = _("funding guide")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["table_of_contents"], context["body_blocks"] = table_of_contents(self.body)
        context["has_video"] = any(block.block_type == "video" for block in self.body)
        context["related"] = self.related_pages_for_reader(request)
        return context

    def related_pages_for_reader(self, request) -> list[Page]:
        """Related guides and calls as the reader may see them (koonto.visibility), in one query."""
        shown = []
        for row in visible_rows(self.related_pages.select_related("related_page"), rule_for(request)):
            if row.related_page not in shown:
                shown.append(row.related_page)
        return shown


# Ids the page templates already use; a heading's anchor must not collide with them.
RESERVED_ANCHORS = {"main", "related-heading", "tags-heading", "eu-notice-heading", "implementers-heading", "contacts-heading"}


def table_of_contents(body) -> tuple[list[dict], list[tuple]]:
    """The guide's contents from its heading blocks, and each body block with its heading's anchor.

    Returns (entries, blocks): entries are {"text", "anchor", "children"} for level-2 headings,
    with the level-3 headings that follow each as children (a level-3 heading before any level-2
    one is an entry of its own); blocks pairs every body block with the unique id its heading
    gets ("" for other blocks), so the rendered headings and the contents agree even when two
    headings have the same text.
    """
    entries: list[dict] = []
    blocks: list[tuple] = []
    used = set(RESERVED_ANCHORS)
    section = None  # the latest level-2 entry, which collects the level-3 headings after it
    for block in body:
        if block.block_type != "heading":
            blocks.append((block, ""))
            continue
        base = block.value.anchor or "section"
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        used.add(anchor)
        blocks.append((block, anchor))
        level = block.value.get("level")
        entry = {"text": block.value.get("text"), "anchor": anchor, "children": []}
        if level == "h2":
            entries.append(entry)
            section = entry
        elif level == "h3" and section:
            section["children"].append(entry)
        elif level == "h3":
            entries.append(entry)
    return entries, blocks


class GuidePageRelatedPage(Orderable):
    page = ParentalKey(GuidePage, related_name="related_pages", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A guide or call listed under Related."),
    )

    panels = [PageChooserPanel("related_page", ["guides.GuidePage", "guides.FundingCallPage"])]
    api_fields = [APIField("related_page", serializer=PagePathField())]
    # In the reader's language, and only while the public may see it (koonto.visibility.visible_rows).
    public_relation = "related_page"


class FundingCallQuerySet(PageQuerySet):
    """Funding calls by their state at a moment (`now`), each in the order a reader wants."""

    def not_cancelled(self):
        return self.filter(cancelled=False)

    def open_calls(self, now: datetime):
        """Open now: opened (or no opening time) and not yet closed; closing soonest first."""
        return (
            self.not_cancelled().filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now), closes_at__gt=now).order_by("closes_at")
        )

    def upcoming(self, now: datetime):
        """Not yet open; opening soonest first."""
        return self.not_cancelled().filter(opens_at__gt=now).order_by("opens_at")

    def closed(self, now: datetime):
        """Closed; the latest to close first."""
        return self.not_cancelled().filter(closes_at__lte=now).order_by("-closes_at")

    def next_call(self, now: datetime):
        """The call a visitor should hear about first: the open one closing soonest, else the next to open."""
        return self.open_calls(now).first() or self.upcoming(now).first()

    def featured(self, now: datetime):
        """`next_call(now)`, else the latest closed call, in one query (the home page shows one of them).

        The call comes with `featured_rank`: 0 open, 1 upcoming, 2 closed. None when there is no call.
        """
        is_open = (Q(opens_at__isnull=True) | Q(opens_at__lte=now)) & Q(closes_at__gt=now)
        rank = Case(
            When(is_open, then=Value(0)),
            When(opens_at__gt=now, then=Value(1)),
            When(closes_at__lte=now, then=Value(2)),
            default=None,
            output_field=IntegerField(),
        )
        soonest = Case(When(featured_rank=0, then=F("closes_at")), When(featured_rank=1, then=F("opens_at")))
        return (
            self.not_cancelled()
            .annotate(featured_rank=rank)
            .filter(featured_rank__isnull=False)
            .order_by("featured_rank", soonest.asc(), F("closes_at").desc())
            .first()
        )


FundingCallManager = PageManager.from_queryset(FundingCallQuerySet)


class FundingCallPageTag(TaggedItemBase):
    content_object = ParentalKey("guides.FundingCallPage", related_name="tagged_items", on_delete=models.CASCADE)


def call_status(opens_at: datetime | None, closes_at: datetime, cancelled: bool, now: datetime) -> str:
    """A funding call's state at `now` ("upcoming", "open", "closed" or "cancelled"): by its
    dates, for FundingCallPage.status_at and for search ranking (which keeps only the dates)."""
    if cancelled:
        return FundingCallPage.Status.CANCELLED
    if opens_at and now < opens_at:
        return FundingCallPage.Status.UPCOMING
    if now >= closes_at:
        return FundingCallPage.Status.CLOSED
    return FundingCallPage.Status.OPEN


class FundingCallPage(
    ViewRestrictionsMixin,
    EditorialPermissionsMixin,
    HeadlessPreviewModeMixin,
    NormalisedSearchMixin,
    LocalisedTagsMixin,
    ListingMixin,
    Page,
):
    """A funding call: when it opens and closes, who may apply, how and for how much support.

    Its status is derived from its dates (Europe/Helsinki): open from `opens_at`
    (inclusive) until `closes_at` (exclusive); an editor may mark it cancelled.
    """

    # How other apps see this type, without knowing it by name: search's result type, and one
    # piece of content when shared (Open Graph og:type).
    search_result_type = ("call", _("Funding call"))
    og_type = "article"
    # The RSS feed it appears in (feeds/views.py); a call is a fact for everyone, so another
    # language's feed lists it in Finnish until it is translated.
    rss_feed = "guides"
    rss_facts_for_everyone = True

    # On tag pages (koonto.localised_tags): the `type` parameter, heading and order of this type's group.
    tag_page_key = "calls"
    tag_page_heading = _("Funding calls")
    tag_page_ordering = ("-opens_at", "title")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    funding_authority = models.CharField(
        _("funding authority"),
        max_length=255,
        blank=True,
        help_text=_("The authority that runs the call, e.g. Pohjois-Savon elinvoimakeskus."),
    )
    fund = models.CharField(_("fund"), max_length=100, blank=True, help_text=_("E.g. ESR+ (European Social Fund Plus)."))
    programme_objective = models.CharField(
        _("priority and specific objective"), max_length=255, blank=True, help_text=_("E.g. priority 4, specific objective 4.3.")
    )
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, help_text=_("Finnish time. Leave empty if the call is already open.")
    )
    closes_at = models.DateTimeField(_("closes at"), help_text=_("Finnish time. Applications are accepted until this moment."))
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("Tick if the call was cancelled; the page then says so.")
    )
    support_rate = models.DecimalField(
        _("support rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of the project's total costs the funding covers, e.g. 80."),
    )
    total_budget = models.DecimalField(
        _("total budget (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Money available in the whole call, if the notice says."),
    )
    eligible_applicants = RichTextField(
        _("eligible applicants"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who may apply; shown under Who can apply."),
    )
    content_priorities = RichTextField(
        _("content priorities"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("What kind of projects the call favours.")
    )
    prerequisites = RichTextField(
        _("prerequisites"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What an applicant must have or do before applying."),
    )
    application_system = models.CharField(
        _("application system"),
        max_length=100,
        blank=True,
        default="EURA 2021",
        help_text=_("The online service where applications are made."),
    )
    application_url = models.URLField(_("application link"), blank=True, help_text=_("Where the application is submitted."))
    notice_url = models.URLField(_("official notice"), blank=True, help_text=_("Link to the authority's official call notice."))
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's main content: text, headings, images, documents, quotes and callouts."),
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the call's facts were last checked against the official notice; shown on the page."),
    )
    tags = ClusterTaggableManager(
        through=FundingCallPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords that link related content across the site; separate them with commas."),
    )

    objects = FundingCallManager()

    # Listings change when a call opens and closes: cached pages expire then (ops.pagecache).
    cache_rollover_fields = ("opens_at", "closes_at")

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("funding_authority"),
        index.SearchField("eligible_applicants"),
        index.SearchField("content_priorities"),
        index.SearchField("body"),
        *NormalisedSearchMixin.normalised_search_fields,
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
        index.FilterField("cancelled"),
    ]

    content_panels = [
        *Page.content_panels,
        *ListingMixin.listing_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("cancelled")],
            heading=_("Application period"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_authority"),
                FieldRowPanel([FieldPanel("fund"), FieldPanel("programme_objective")]),
                FieldRowPanel([FieldPanel("support_rate"), FieldPanel("total_budget")]),
            ],
            heading=_("Funding"),
        ),
        FieldPanel("eligible_applicants"),
        FieldPanel("content_priorities"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [FieldPanel("application_system"), FieldPanel("application_url"), FieldPanel("notice_url")],
            heading=_("Applying"),
        ),
        FieldPanel("body"),
        InlinePanel("contacts", label=_("Contacts")),
        InlinePanel("attachments", label=_("Attachments")),
        FieldPanel("last_verified"),
        FieldPanel("tags"),
    ]

    api_fields = [
        *ListingMixin.listing_api_fields,
        "funding_authority", "fund", "programme_objective", "opens_at", "closes_at", "cancelled",
        APIField("status", serializer=CallStatusField()),
        "support_rate", "total_budget", "eligible_applicants", "content_priorities",
        "prerequisites", "application_system", "application_url", "notice_url", "body",
        "last_verified",
        APIField("tags", serializer=TagNamesField()),
        "contacts", "attachments",
    ]  # fmt: skip

    # What the API fields read, fetched with the pages (api/v2.py).
    api_select_related = ["listing_image"]
    api_prefetch_related = [
        "tagged_items__tag",
        "listing_image__renditions",
        "contacts__contact",
        "attachments__document",
    ]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []
    card_kind = "call"  # colour and icon on cards (design/templatetags/cards.py)

    class Meta:
        verbose_name = _("funding call")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    def status_at(self, now: datetime) -> str:
        return call_status(self.opens_at, self.closes_at, self.cancelled, now)

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rule = rule_for(request)
        # Events point at the call (events.EventPage.related_call, related_name "info_sessions").
        context["info_sessions"] = rule.pages(self.info_sessions.all()).order_by("starts_at")
        context["contacts"] = [row.contact for row in visible_rows(self.contacts.select_related("contact__organisation"), rule)]
        context["attachments"] = visible_rows(self.attachments.select_related("document__collection"), rule)
        return context


class FeaturedCall(NamedTuple):
    """The call the home page features: the next one (open, else upcoming), or failing that the latest closed one."""

    next_call: "FundingCallPage | None"
    latest_closed_call: "FundingCallPage | None"


def featured_call(rule: PublicRule, locale: Locale, now: datetime) -> FeaturedCall:
    """The funding call a reader of `locale` hears about first, in one query: the home page and the API's
    site information both ask here.

    A call is a fact for everyone: one not yet translated into `locale` (or whose translation is not
    public) is featured in Finnish, and templates mark it so (koonto.visibility.PublicRule.pages_for_reader).
    """
    call = rule.pages_for_reader(FundingCallPage.objects.all(), locale).featured(now)
    if call is None:
        return FeaturedCall(None, None)
    return FeaturedCall(call, None) if call.featured_rank < 2 else FeaturedCall(None, call)


class FundingCallContact(TranslatableMixin, Orderable):
    page = ParentalKey(FundingCallPage, related_name="contacts", on_delete=models.CASCADE)
    contact = models.ForeignKey(
        "koonto.ContactPerson",
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown under Contacts on the call page."),
    )

    panels = [FieldPanel("contact")]
    api_fields = [APIField("contact", serializer=ContactField())]
    # Shown only while the contact person is published (koonto.visibility.visible_rows).
    public_relation = "contact"

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class FundingCallAttachment(TranslatableMixin, Orderable):
    page = ParentalKey(FundingCallPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Listed with its file type and size."),
    )
    title = models.CharField(_("link text"), max_length=255, blank=True, help_text=_("Leave empty to use the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = ["title", APIField("document", serializer=DocumentField())]
    # Listed only outside restricted collections (koonto.visibility.visible_rows).
    public_relation = "document"

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass
