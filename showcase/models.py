"""Project showcases (hanke-esittelyt): earlier and current citizen-led development projects.

Organisations, municipalities, target groups and themes hang off the page as inline
child objects rather than many-to-many fields: wagtail-localize copies child objects
into translations but skips many-to-many fields.
"""

import functools
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import CharField, Count, F, IntegerField, Prefetch, TextField, Value, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from koonto import reference_tables
from koonto.api_fields import (
    ChoiceLabelField,
    ContactField,
    ImageRenditionsField,
    MunicipalityField,
    OrganisationField,
    TagNamesField,
    ThemeField,
)
from koonto.blocks import BodyBlock
from koonto.internals import children_in_memory, set_cached_parent, set_prefetched
from koonto.listing import (
    Filter,
    ListingState,
    clean_choice,
    clean_text,
    from_param,
    kept_listing_key,
    lazy_context,
    make_options,
    paginate,
)
from koonto.localised_tags import LocalisedTagsMixin
from koonto.models import ListingMixin
from koonto.normalise import NormalisedSearchMixin
from koonto.permissions import EditorialPermissionsMixin
from koonto.preview_modes import HeadlessPreviewModeMixin
from koonto.visibility import PublicRule, ViewRestrictionsMixin, rule_for, visible_rows

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


# The column each filter of the showcase index counts by (ShowcaseIndexPage.facet_counts).
FACET_KEYS = {"municipality": "municipality_id", "theme": "theme_id", "group": "group", "period": "programme_period"}


class ShowcaseIndexPage(ViewRestrictionsMixin, EditorialPermissionsMixin, HeadlessPreviewModeMixin, NormalisedSearchMixin, Page):
    """The showcase section: every project, newest first."""

    intro = RichTextField(
        _("introduction"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Shown above the list of projects.")
    )

    search_fields = [*Page.search_fields, index.SearchField("intro"), *NormalisedSearchMixin.normalised_search_fields]

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["showcase.ShowcasePage"]
    card_kind = "showcase"  # colour and icon on cards (design/templatetags/cards.py)
    # What listing_context reads from the query string: the hostile-input test sends bad values to
    # these, and the page cache keys on these alone (ops.pagecache.query_parameters).
    query_parameters = frozenset(["municipality", "theme", "group", "period", "page"])

    class Meta:
        verbose_name = _("showcase index")

    def route(self, request, path_components):
        """A project in one query that brings its listing image and contact along (Page.route takes two)."""
        if path_components:
            project = (
                ShowcasePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*ShowcasePage.served_with)
                .first()
            )
            if project is None:
                return super().route(request, path_components)  # a 404, or a child of another type
            set_cached_parent(project, self)
            return project.route(request, path_components[1:])
        return super().route(request, path_components)

    # What listing_context gives the template.
    listing_names = ("showcases", "page_obj", "filters", "listing", "listing_query", "from_param")

    def get_context(self, request, *args, **kwargs):
        """The listing, read only if the template renders it: its HTML is kept per valid query
        (`listing_key`, koonto.listing.kept_listing_key) until content changes."""
        context = super().get_context(request, *args, **kwargs)
        rule = rule_for(request)
        context.update(lazy_context(lambda: self.listing_context(request.GET, rule), self.listing_names))
        context["listing_key"] = kept_listing_key(self.clean_filters(request.GET)[0], request.GET)
        return context

    def filter_showcases(self, showcases, values: dict[str, str], skip: str = ""):
        """`showcases` narrowed by the valid filter `values`, leaving out the filter named `skip`.

        Relations are matched through subqueries so that a project is never listed twice.
        """
        if values.get("municipality") and skip != "municipality":
            matching = ShowcaseMunicipality.objects.filter(municipality__code=values["municipality"])
            showcases = showcases.filter(pk__in=matching.values("page_id"))
        if values.get("theme") and skip != "theme":
            matching = ShowcaseTheme.objects.filter(theme__slug=values["theme"], theme__locale_id=self.locale_id)
            showcases = showcases.filter(pk__in=matching.values("page_id"))
        if values.get("group") and skip != "group":
            matching = ShowcaseTargetGroup.objects.filter(group=values["group"])
            showcases = showcases.filter(pk__in=matching.values("page_id"))
        if values.get("period") and skip != "period":
            showcases = showcases.filter(programme_period=values["period"])
        return showcases

    def facet_counts(self, showcases, values: dict[str, str]) -> dict[str, dict[str, int]]:
        """How many projects each filter option would give, in one query: {filter: {key: count}}.

        Each filter's counts apply the other filters (not its own); municipalities and themes
        are keyed by primary key (as strings), target groups and periods by value.
        """

        def count(rows, key, counted="page"):
            return (
                rows.order_by()
                .values(facet=Value(key), key=Cast(FACET_KEYS[key], CharField()))
                .annotate(count=Count(counted, distinct=True))
            )

        municipality = count(
            ShowcaseMunicipality.objects.filter(page__in=self.filter_showcases(showcases, values, "municipality").values("pk")),
            "municipality",
        )
        theme = count(
            ShowcaseTheme.objects.filter(
                page__in=self.filter_showcases(showcases, values, "theme").values("pk"), theme__locale_id=self.locale_id
            ),
            "theme",
        )
        group = count(
            ShowcaseTargetGroup.objects.filter(page__in=self.filter_showcases(showcases, values, "group").values("pk")),
            "group",
        )
        period = count(self.filter_showcases(showcases, values, "period"), "period", counted="pk")
        counts = {key: {} for key in FACET_KEYS}
        for row in municipality.union(theme, group, period, all=True):
            counts[row["facet"]][row["key"]] = row["count"]
        return counts

    def clean_filters(self, params: Mapping[str, str]):
        """The filters of the query string `params`, cleaned without a query (reference tables):
        (state, the municipality chosen or None, the theme chosen or None)."""
        state = ListingState()
        code = clean_text(params, "municipality", state)
        municipality = reference_tables.municipality_by_code(code) if code else None
        clean_choice(
            {"municipality": code},
            "municipality",
            {municipality.code} if municipality else (),
            state,
            _("There is no municipality with the code “%(value)s”, so projects in every municipality are shown."),
        )
        slug = clean_text(params, "theme", state)
        theme = reference_tables.theme_by_slug(slug, self.locale_id) if slug else None
        clean_choice(
            {"theme": slug},
            "theme",
            {theme.slug} if theme else (),
            state,
            _("There is no theme “%(value)s”, so projects of every theme are shown."),
        )
        groups = ShowcaseTargetGroup.Group
        clean_choice(
            params,
            "group",
            groups.values,
            state,
            _("“%(value)s” is not a target group, so projects for every target group are shown."),
        )
        periods = ShowcasePage.ProgrammePeriod
        clean_choice(
            params,
            "period",
            periods.values,
            state,
            _("“%(value)s” is not a programme period, so projects of every period are shown."),
        )
        return state, municipality, theme

    def listing_context(self, params: Mapping[str, str], rule: PublicRule) -> dict:
        """The filtered, paginated projects and the filter form, from the query string `params`.

        The cost is fixed: one query for every filter's counts, one for the total, one for the page
        of projects and one for their municipalities, however many projects there are.
        """
        state, municipality, theme = self.clean_filters(params)
        groups = ShowcaseTargetGroup.Group
        periods = ShowcasePage.ProgrammePeriod
        values = state.values

        showcases = rule.pages(ShowcasePage.objects.child_of(self))
        counts = self.facet_counts(showcases, values)
        municipality_names = reference_tables.municipalities()
        municipality_rows = sorted(
            (municipality_names[int(pk)] for pk in counts["municipality"]), key=lambda m: (m.name_fi, m.pk)
        )
        theme_names = reference_tables.themes()
        theme_rows = sorted((theme_names[int(pk)] for pk in counts["theme"]), key=lambda t: (t.name, t.pk))
        group_counts = counts["group"]
        period_counts = counts["period"]
        filters = [
            Filter(
                "municipality",
                _("Municipality"),
                make_options(
                    ((m.code, m.name, counts["municipality"][str(m.pk)]) for m in municipality_rows),
                    values["municipality"],
                    municipality.name if municipality else "",
                ),
                values["municipality"],
                _("All municipalities"),
            ),
            Filter(
                "theme",
                _("Theme"),
                make_options(
                    ((t.slug, t.name, counts["theme"][str(t.pk)]) for t in theme_rows),
                    values["theme"],
                    theme.name if theme else "",
                ),
                values["theme"],
                _("All themes"),
            ),
            Filter(
                "group",
                _("Target group"),
                make_options(
                    ((value, str(label), group_counts.get(value, 0)) for value, label in groups.choices),
                    values["group"],
                    str(groups(values["group"]).label) if values["group"] else "",
                ),
                values["group"],
                _("All target groups"),
            ),
            Filter(
                "period",
                _("Programme period"),
                make_options(
                    ((value, str(label), period_counts.get(value, 0)) for value, label in periods.choices),
                    values["period"],
                    str(periods(values["period"]).label) if values["period"] else "",
                ),
                values["period"],
                _("All programme periods"),
            ),
        ]

        matching = (
            self.filter_showcases(showcases, values)
            .order_by("-first_published_at", "-pk")
            .select_related("listing_image")
            .prefetch_related(
                Prefetch("municipalities", queryset=ShowcaseMunicipality.objects.select_related("municipality")),
                "listing_image__renditions",  # the cards' pictures
            )
        )
        page_obj = paginate(matching, params, state)
        return {
            "showcases": page_obj.object_list,
            "page_obj": page_obj,
            "filters": filters,
            "listing": state,
            "listing_query": state.query,
            "from_param": from_param(state, page_obj.number),
        }


class ShowcasePageTag(TaggedItemBase):
    content_object = ParentalKey("showcase.ShowcasePage", related_name="tagged_items", on_delete=models.CASCADE)


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=30, help_text=_("E.g. 120 or 80 %."))
    label = blocks.CharBlock(label=_("what it counts"), max_length=120, help_text=_("E.g. young people took part."))

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/key_figure_block.html"


class ShowcasePage(
    ViewRestrictionsMixin,
    EditorialPermissionsMixin,
    HeadlessPreviewModeMixin,
    NormalisedSearchMixin,
    LocalisedTagsMixin,
    ListingMixin,
    Page,
):
    """A citizen-led development project: who ran it, where, for whom, and what it left behind."""

    # How other apps see this type, without knowing it by name: search's result type, and one
    # piece of content when shared (Open Graph og:type).
    search_result_type = ("showcase", _("Project showcase"))
    og_type = "article"

    # On tag pages (koonto.localised_tags): the `type` parameter, heading and order of this type's group.
    tag_page_key = "showcases"
    tag_page_heading = _("Project showcases")
    tag_page_ordering = ("title",)
    # `from`: the list view the back link returns to (templates/showcase/showcase_page.html; ops.pagecache).
    query_parameters = frozenset(["from"])
    # What the page view reads with the page (ops.contentcache.remember_route; ShowcaseIndexPage.route).
    served_with = ("listing_image", "contact")

    class ProgrammePeriod(models.TextChoices):
        P2014_2020 = "2014-2020", "2014–2020"
        P2021_2027 = "2021-2027", "2021–2027"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        ENDED = "ended", _("Ended")

    project_code = models.CharField(
        _("project code"), max_length=50, blank=True, help_text=_("The funder's code, e.g. S30123. Leave empty if unknown.")
    )
    programme_period = models.CharField(
        _("programme period"),
        max_length=9,
        choices=ProgrammePeriod.choices,
        default=ProgrammePeriod.P2021_2027,
        help_text=_("The EU programme period that funded the project."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ONGOING, help_text=_("Shown in the project facts.")
    )
    period_start = models.DateField(_("project starts"), null=True, blank=True, help_text=_("First day of the project."))
    period_end = models.DateField(_("project ends"), null=True, blank=True, help_text=_("Last day of the project."))
    budget = models.DecimalField(
        _("budget (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total budget; leave empty if unknown."),
    )
    public_funding = models.DecimalField(
        _("public funding (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("EU and national funding granted; leave empty if unknown."),
    )
    objectives = RichTextField(
        _("objectives"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("What the project set out to achieve.")
    )
    activities = RichTextField(
        _("activities"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("What the project did, with whom.")
    )
    results = RichTextField(_("results"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("What came of it."))
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Optional numbers that tell the results."),
    )
    continuation = RichTextField(
        _("continuation"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What lived on after the project, and who carries it on."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("more content"),
        blank=True,
        help_text=_("The page's main content: text, headings, images, documents, quotes and callouts."),
    )
    contact = models.ForeignKey(
        "koonto.ContactPerson",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who answers questions about the project."),
    )
    tags = ClusterTaggableManager(
        through=ShowcasePageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords that link related content across the site; separate them with commas."),
    )

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("objectives"),
        index.SearchField("activities"),
        index.SearchField("results"),
        index.SearchField("continuation"),
        *NormalisedSearchMixin.normalised_search_fields,
        index.FilterField("programme_period"),
        index.FilterField("status"),
    ]

    content_panels = [
        *Page.content_panels,
        *ListingMixin.listing_panels,
        InlinePanel("organisations", label=_("Organisations"), min_num=0),
        InlinePanel("municipalities", label=_("Municipalities")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("programme_period"), FieldPanel("status"), FieldPanel("project_code")]),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("public_funding")]),
            ],
            heading=_("Project facts"),
        ),
        InlinePanel("target_groups", label=_("Target groups")),
        InlinePanel("themes", label=_("Themes")),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        FieldPanel("results"),
        FieldPanel("key_figures"),
        InlinePanel("operating_models", label=_("Operating models")),
        FieldPanel("continuation"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Images")),
        InlinePanel("links", label=_("Links")),
        FieldPanel("contact"),
        FieldPanel("tags"),
    ]

    api_fields = [
        *ListingMixin.listing_api_fields,
        "project_code",
        APIField("programme_period", serializer=ChoiceLabelField()),
        APIField("status", serializer=ChoiceLabelField()),
        "period_start", "period_end", "budget", "public_funding", "objectives", "activities",
        "results", "key_figures", "continuation", "body",
        APIField("contact", serializer=ContactField()),
        APIField("tags", serializer=TagNamesField()),
        "organisations", "municipalities", "target_groups", "themes", "operating_models",
        "gallery_images", "links",
    ]  # fmt: skip

    # What the API fields read, fetched with the pages (api/v2.py); the rest in api_prefetch().
    api_select_related = ["listing_image", "contact"]

    parent_page_types = ["showcase.ShowcaseIndexPage"]
    subpage_types = []
    card_kind = "showcase"  # colour and icon on cards (design/templatetags/cards.py)

    class Meta:
        verbose_name = _("project showcase")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The project cannot end before it starts.")})
        if self.budget is not None and self.public_funding is not None and self.public_funding > self.budget:
            raise ValidationError({"public_funding": _("Public funding cannot exceed the budget.")})

    @classmethod
    def municipality_rows(cls, page_ids=None, locale_id=None):
        """(page id, municipality id) of every municipality a project worked in: search's facet."""
        rows = ShowcaseMunicipality.objects.all()
        rows = rows.filter(page_id__in=page_ids) if page_ids is not None else rows.filter(page__locale_id=locale_id)
        return rows.values_list("page_id", "municipality_id")

    @classmethod
    def api_prefetch(cls, pages: list["ShowcasePage"]) -> None:
        """Everything the API fields of `pages` read, in five queries however many pages there are."""
        prefetch_related_objects(
            pages,
            Prefetch("tagged_items", queryset=ShowcasePageTag.objects.select_related("tag")),
            Prefetch("organisations", queryset=ShowcaseOrganisation.objects.select_related("organisation__locale")),
            Prefetch("gallery_images", queryset=ShowcaseImage.objects.select_related("image")),
        )
        prefetch_small_children(pages)
        images = [page.listing_image for page in pages if page.listing_image_id]
        images += [item.image for page in pages for item in page.gallery_images.all()]
        prefetch_related_objects(images, "renditions")

    def get_context(self, request, *args, **kwargs):
        """What the page's body shows, read when the body is rendered: the template keeps the body
        as HTML until content changes (koonto_tags.cached_fragment), so most requests read none of it.
        The first one read (organisations come first in the template) brings the small children
        along in one query (prefetch_small_children)."""
        context = super().get_context(request, *args, **kwargs)
        rule = rule_for(request)
        children = functools.cache(lambda: prefetch_small_children([self]))

        def lazy(build):
            return SimpleLazyObject(lambda: (children(), build())[1])

        context["organisations"] = lazy(lambda: visible_rows(self.organisations.select_related("organisation"), rule))
        context["contact"] = lazy(lambda: rule.for_reader(self.contact) if self.contact_id else None)
        context["municipalities"] = lazy(self.municipalities.all)
        context["themes"] = lazy(self.themes.all)
        context["gallery"] = lazy(lambda: self.gallery_images.select_related("image"))
        return context


class ShowcaseOrganisation(TranslatableMixin, Orderable):
    class Role(models.TextChoices):
        IMPLEMENTER = "implementer", _("Implementer")
        PARTNER = "partner", _("Partner")

    page = ParentalKey(ShowcasePage, related_name="organisations", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "koonto.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="showcases",
        help_text=_("An organisation that ran or took part in the project."),
    )
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.IMPLEMENTER, help_text=_("Implementer or partner.")
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]
    api_fields = [APIField("organisation", serializer=OrganisationField()), APIField("role", serializer=ChoiceLabelField())]
    # Shown only while the organisation is published (koonto.visibility.visible_rows).
    public_relation = "organisation"

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class ShowcaseMunicipality(Orderable):
    page = ParentalKey(ShowcasePage, related_name="municipalities", on_delete=models.CASCADE)
    municipality = models.ForeignKey(
        "koonto.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="showcases",
        help_text=_("A municipality where the project worked."),
    )

    panels = [FieldPanel("municipality")]
    api_fields = [APIField("municipality", serializer=MunicipalityField())]


class ShowcaseTargetGroup(Orderable):
    class Group(models.TextChoices):
        YOUNG_PEOPLE = "young_people", _("Young people")
        CHILDREN_FAMILIES = "children_families", _("Children and families")
        UNEMPLOYED = "unemployed", _("Long-term unemployed")
        IMMIGRANTS = "immigrants", _("People with an immigrant background")
        PARTIAL_WORK_ABILITY = "partial_work_ability", _("People with partial work ability or disabilities")
        MENTAL_HEALTH = "mental_health", _("Mental health rehabilitees")
        AT_RISK = "at_risk", _("People at risk of exclusion")
        ASSOCIATIONS = "associations", _("Associations and their volunteers")
        RESIDENTS = "residents", _("Local residents")

    page = ParentalKey(ShowcasePage, related_name="target_groups", on_delete=models.CASCADE)
    group = models.CharField(_("target group"), max_length=30, choices=Group.choices, help_text=_("Whom the project was for."))

    panels = [FieldPanel("group")]
    api_fields = [APIField("group", serializer=ChoiceLabelField())]


class ShowcaseTheme(TranslatableMixin, Orderable):
    page = ParentalKey(ShowcasePage, related_name="themes", on_delete=models.CASCADE)
    theme = models.ForeignKey(
        "koonto.Theme",
        verbose_name=_("theme"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A theme the project belongs to."),
    )

    panels = [FieldPanel("theme")]
    api_fields = [APIField("theme", serializer=ThemeField())]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class OperatingModel(TranslatableMixin, Orderable):
    """A way of working the project developed, for others to reuse."""

    page = ParentalKey(ShowcasePage, related_name="operating_models", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), help_text=_("How the model works, so that others can use it."))

    panels = [FieldPanel("title"), FieldPanel("description")]
    api_fields = ["title", "description"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class ShowcaseImage(TranslatableMixin, Orderable):
    page = ParentalKey(ShowcasePage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown at the end of the page."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows; leave empty to use the image's description."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True, help_text=_("Shown under the image."))
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source, e.g. Kuva: Matti Meikäläinen.")
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption"), FieldPanel("credit")]
    api_fields = [APIField("image", serializer=ImageRenditionsField(alt_source="alt_text")), "alt_text", "caption", "credit"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    @property
    def alt(self) -> str:
        return self.alt_text or self.image.default_alt_text or ""


class ShowcaseLink(TranslatableMixin, Orderable):
    page = ParentalKey(ShowcasePage, related_name="links", on_delete=models.CASCADE)
    title = models.CharField(
        _("link text"), max_length=255, help_text=_("What the link leads to, e.g. the project's final report.")
    )
    url = models.URLField(_("address"), help_text=_("The full web address, starting with https://."))

    panels = [FieldPanel("title"), FieldPanel("url")]
    api_fields = ["title", "url"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


# The small child tables of a project, read together (prefetch_small_children): for each, the
# fields in the order of SMALL_CHILD_COLUMNS that it has (None: a column it does not have).
SMALL_CHILD_COLUMNS = ("ref", "text", "long_text", "locale_id")
SMALL_CHILDREN = {
    "municipalities": (ShowcaseMunicipality, ("municipality_id", None, None, None)),
    "target_groups": (ShowcaseTargetGroup, (None, "group", None, None)),
    "themes": (ShowcaseTheme, ("theme_id", None, None, "locale_id")),
    "operating_models": (OperatingModel, (None, "title", "description", "locale_id")),
    "links": (ShowcaseLink, (None, "title", "url", "locale_id")),
}
_COLUMN_TYPES = {"ref": IntegerField(), "text": CharField(), "long_text": TextField(), "locale_id": IntegerField()}


def prefetch_small_children(pages: list[ShowcasePage]) -> None:
    """Fetch the municipalities, target groups, themes, operating models and links of `pages` in
    one query (UNION ALL) and keep them as the pages' prefetched relations.

    One query instead of five for a project page and for an API listing. Municipalities and themes
    come from the in-process registers (koonto.reference_tables), not from joins. A page that holds its
    child objects in memory (a preview of a draft) is left alone.
    """
    pages = [page for page in pages if page.pk]
    if not pages:
        return
    page_ids = [page.pk for page in pages]
    parts = []
    for name, (model, fields) in SMALL_CHILDREN.items():
        # Every column an annotation, in the same order in each part: UNION matches columns by position.
        columns = {"u_kind": Value(name), "u_pk": F("pk"), "u_page_id": F("page_id"), "u_sort_order": F("sort_order")}
        for column, field in zip(SMALL_CHILD_COLUMNS, fields, strict=True):
            columns[f"u_{column}"] = F(field) if field else Cast(Value(None), _COLUMN_TYPES[column])
        parts.append(model.objects.filter(page_id__in=page_ids).order_by().annotate(**columns).values_list(*columns))
    found: dict[tuple[str, int], list] = {}
    municipalities, themes = reference_tables.municipalities(), reference_tables.themes()
    union = parts[0].union(*parts[1:], all=True)
    db = union.db
    for name, pk, page_id, sort_order, *values in union:
        model, fields = SMALL_CHILDREN[name]
        known = {"id": pk, "page_id": page_id, "sort_order": sort_order}
        known.update((field, value) for field, value in zip(fields, values, strict=True) if field)
        # from_db() wants the loaded fields in the model's field order; the others stay deferred.
        attnames = [field.attname for field in model._meta.concrete_fields if field.attname in known]
        row = model.from_db(db, attnames, [known[attname] for attname in attnames])
        if name == "municipalities":
            ShowcaseMunicipality.municipality.field.set_cached_value(row, municipalities[row.municipality_id])
        elif name == "themes":
            ShowcaseTheme.theme.field.set_cached_value(row, themes[row.theme_id])
        found.setdefault((name, page_id), []).append(row)
    for page in pages:
        in_memory = children_in_memory(page)
        for name, (model, _fields) in SMALL_CHILDREN.items():
            if name in in_memory:
                continue
            rows = sorted(found.get((name, page.pk), []), key=lambda row: (row.sort_order is None, row.sort_order, row.pk))
            for row in rows:
                model.page.field.set_cached_value(row, page)
            set_prefetched(page, name, model.objects.filter(page=page), rows)
