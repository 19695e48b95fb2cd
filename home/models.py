"""The home page and standard content pages (about, accessibility statement, privacy notice).

The home page sits above the feature apps (docs/architecture.md): it shows their next call, events
and newest showcases through their own querysets.
"""

from django.apps import apps
from django.db import models
from django.db.models import TextField, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from events.models import EventIndexPage, EventPage
from guides.models import featured_call
from koonto.api_fields import PagePathField, PropertyTextField
from koonto.blocks import BodyBlock
from koonto.listing import lazy_context
from koonto.models import ListingMixin
from koonto.normalise import NormalisedSearchMixin
from koonto.permissions import EditorialPermissionsMixin
from koonto.preview_modes import HeadlessPreviewModeMixin
from koonto.structured_data import koonto_organization
from koonto.visibility import PublicRule, ViewRestrictionsMixin, language_of, rule_for
from ops.pagecache import until_content_changes
from showcase.models import ShowcasePage


class HomePage(ViewRestrictionsMixin, EditorialPermissionsMixin, HeadlessPreviewModeMixin, NormalisedSearchMixin, Page):
    """The root of each language tree.

    Shows, without editor effort, the next funding call, the next three events and the
    newest showcases; editors add highlights of their own.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("The short welcome text under the page title."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro"), *NormalisedSearchMixin.normalised_search_fields]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("highlights", label=_("Highlights"), max_num=6, help_text=_("Pages lifted to the home page.")),
    ]

    api_fields = ["intro", "highlights"]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """What the body shows, read when the body is rendered: the template keeps it as HTML until
        content changes or the next rollover (koonto_tags.cached_fragment), so most requests read
        none of it."""
        context = super().get_context(request, *args, **kwargs)
        rule, now = rule_for(request), timezone.now()

        def content() -> dict:
            content = self.automatic_content(rule, now)
            # The cards' pictures come with the pages: the same queries for 3 cards or 30.
            for name in ("upcoming_events", "newest_showcases"):
                content[name] = content[name].prefetch_related("listing_image__renditions")
            return content

        context.update(lazy_context(content, ("next_call", "latest_closed_call", "upcoming_events", "newest_showcases")))
        context["events_index_url"] = SimpleLazyObject(lambda: self.events_index_url(request, rule))
        context["highlights"] = SimpleLazyObject(lambda: self.visible_highlights(rule))
        return context

    def automatic_content(self, rule: PublicRule, now) -> dict:
        """What the home page shows without editor effort, decided once for the HTML page and the
        API (api/home_content.py reads this declaration): `next_call`, `latest_closed_call`,
        `upcoming_events` and `newest_showcases` (querysets, to which callers may add
        select_related/prefetch_related for what they display).

        Calls and events are facts for everyone: in this language where translated, else in
        Finnish (guides.models.featured_call, koonto.visibility.PublicRule.pages_for_reader).
        """
        locale = Locale.objects.get_for_language(language_of(self))  # kept in memory (ops.locales)
        return {
            **featured_call(rule, locale, now)._asdict(),
            "upcoming_events": self.upcoming_events(rule, locale, now),
            "newest_showcases": self.newest_showcases(rule),
        }

    def upcoming_events(self, rule: PublicRule, locale: Locale, now):
        """The next three events that have not ended, soonest first, in `locale` or else in Finnish."""
        return (
            rule.pages_for_reader(EventPage.objects.all(), locale)
            .select_related("municipality", "listing_image")
            .upcoming(now)[:3]
        )

    def newest_showcases(self, rule: PublicRule):
        """The four most recently first-published project showcases."""
        return (
            rule.pages(ShowcasePage.objects.filter(locale_id=self.locale_id))
            .select_related("listing_image")
            .order_by("-first_published_at")[:4]
        )

    def events_index_url(self, request, rule: PublicRule) -> str:
        """Where "All events" leads: this language's calendar (though the first event may be listed in
        Finnish), "" if it is not public; kept until content changes, like the menu."""

        def build() -> str:
            index = rule.pages(EventIndexPage.objects.child_of(self)).first()
            return index.get_url(request=request) if index is not None else ""

        site = rule.site  # by the request's site, never its Host header (see koonto_tags.menu_pages)
        return until_content_changes(f"home-events-index:{self.pk}:{site.pk if site else ''}", build)

    def json_ld(self, request) -> dict:
        """The Koonto project as a schema.org Organization (koonto.structured_data)."""
        return koonto_organization(self, request)

    def visible_highlights(self, rule: PublicRule) -> list["HomePageHighlight"]:
        """The highlights whose page the public may see, in this home page's language where
        translated (koonto.visibility), with the pages and their summaries in one query whatever
        their types."""
        highlights = list(self.highlights.select_related("page"))
        summaries = [
            f"{model._meta.model_name}__summary"
            for model in apps.get_models()
            if issubclass(model, Page) and model is not Page and any(f.name == "summary" for f in model._meta.local_fields)
        ]
        with_summaries = Page.objects.annotate(listing_summary=Coalesce(*summaries, Value(""), output_field=TextField()))
        targets = rule.all_for_reader([h.page for h in highlights], self.locale, queryset=with_summaries)
        shown = []
        for highlight, target in zip(highlights, targets, strict=True):
            if target is not None:
                highlight.target = target
                shown.append(highlight)
        return shown


class HomePageHighlight(TranslatableMixin, Orderable):
    home = ParentalKey(HomePage, related_name="highlights", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page to lift to the home page."),
    )
    text = models.CharField(_("text"), max_length=255, blank=True, help_text=_("Leave empty to use the page's summary."))

    panels = [PageChooserPanel("page"), FieldPanel("text")]
    api_fields = [APIField("target", serializer=PagePathField()), "text", APIField("summary", serializer=PropertyTextField())]
    # Shown only while the public may see the page, in the home page's language where translated
    # (koonto.visibility.visible_rows).
    public_relation = "target"

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    @cached_property
    def target(self) -> Page:
        """The chosen page in this home page's language where translated (highlights are synced)."""
        return self.page.get_translation_or_none(self.locale) or self.page if self.locale_id else self.page

    @property
    def summary(self) -> str:
        if self.text:
            return self.text
        if hasattr(self.target, "listing_summary"):  # fetched with the page (HomePage.live_highlights)
            return self.target.listing_summary
        return getattr(self.target.specific_deferred, "summary", "")


class StandardPage(
    ViewRestrictionsMixin, EditorialPermissionsMixin, HeadlessPreviewModeMixin, NormalisedSearchMixin, ListingMixin, Page
):
    """A page of prose: About Koonto, the accessibility statement, the privacy notice."""

    # One piece of content when shared (Open Graph og:type).
    og_type = "article"

    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's main content: text, headings, images, documents, quotes and callouts."),
    )

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("body"),
        *NormalisedSearchMixin.normalised_search_fields,
    ]

    content_panels = [*Page.content_panels, *ListingMixin.listing_panels, FieldPanel("body")]

    api_fields = [
        *ListingMixin.listing_api_fields,
        "body",
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
