"""Events (tapahtumat): trainings, info sessions, webinars, deadlines."""

from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from events.structured_data import event_data
from koonto import reference_tables
from koonto.api_fields import (
    ChoiceLabelField,
    MunicipalityField,
    OrganisationField,
    PagePathField,
    RegistrationSeatsField,
    TagNamesField,
)
from koonto.blocks import BodyBlock
from koonto.listing import (
    Filter,
    ListingState,
    clean_choice,
    clean_month,
    clean_text,
    from_param,
    kept_listing_key,
    lazy_context,
    make_options,
    month_bounds,
    paginate,
    parse_month,
)
from koonto.localised_tags import LocalisedTagsMixin
from koonto.models import ListingMixin, Municipality
from koonto.normalise import NormalisedSearchMixin
from koonto.permissions import EditorialPermissionsMixin
from koonto.preview_modes import HeadlessPreviewModeMixin
from koonto.visibility import PublicRule, ViewRestrictionsMixin, rule_for


class EventQuerySet(PageQuerySet):
    def upcoming(self, now: datetime):
        """Events that have not ended yet (ongoing ones included), soonest first."""
        return self.filter(effective_end__gte=now).order_by("starts_at", "pk")

    def past(self, now: datetime):
        """Events that have ended, the most recent first."""
        return self.filter(effective_end__lt=now).order_by("-starts_at", "-pk")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(ViewRestrictionsMixin, EditorialPermissionsMixin, HeadlessPreviewModeMixin, NormalisedSearchMixin, Page):
    """The events section: upcoming events soonest first, and a link to past events."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"], help_text=_("Shown above the list of events.")
    )

    search_fields = [*Page.search_fields, index.SearchField("intro"), *NormalisedSearchMixin.normalised_search_fields]

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    card_kind = "event"  # colour and icon on cards (design/templatetags/cards.py)
    # What listing_context reads from the query string: the hostile-input test sends bad values to
    # these, and the page cache keys on these alone (ops.pagecache.query_parameters).
    query_parameters = frozenset(["type", "month", "municipality", "when", "page"])

    class Meta:
        verbose_name = _("event index")

    # What listing_context gives the template.
    listing_names = ("show_past", "events", "page_obj", "filters", "listing", "listing_query", "from_param")

    def get_context(self, request, *args, **kwargs):
        """The listing, read only if the template renders it: its HTML is kept per valid query
        (`listing_key`, koonto.listing.kept_listing_key) until content changes or the next rollover."""
        context = super().get_context(request, *args, **kwargs)
        rule, now = rule_for(request), timezone.now()
        context.update(lazy_context(lambda: self.listing_context(request.GET, now, rule), self.listing_names))
        context["listing_key"] = kept_listing_key(self.clean_filters(request.GET)[0], request.GET)
        return context

    def events_in_every_language(self):
        """The events of this section and of its translations: the calendar in any language lists
        every event, in the reader's language where translated, else in Finnish (an event is a fact
        for everyone; koonto.visibility.PublicRule.pages_for_reader picks the language)."""
        sections = Q(pk__in=[])
        for section in self.get_translations(inclusive=True).only("path", "depth"):
            sections |= EventPage.objects.child_of_q(section)
        return EventPage.objects.filter(sections)

    @staticmethod
    def filter_events(events, values: dict[str, str], skip: str = ""):
        """`events` narrowed by the valid filter `values`, leaving out the filter named `skip`.

        A month is a calendar month in Finnish time, matched on the start time.
        """
        if values.get("type") and skip != "type":
            events = events.filter(event_type=values["type"])
        if values.get("month") and skip != "month":
            start, end = month_bounds(parse_month(values["month"]))
            events = events.filter(starts_at__gte=start, starts_at__lt=end)
        if values.get("municipality") and skip != "municipality":
            events = events.filter(municipality__code=values["municipality"])
        return events

    @staticmethod
    def clean_filters(params: Mapping[str, str]):
        """The filters of the query string `params`, cleaned without a query (reference tables):
        (state, whether past events are asked for, the municipality chosen or None)."""
        state = ListingState()
        clean_choice(
            params,
            "type",
            EventPage.Type.values,
            state,
            _("“%(value)s” is not an event type, so events of every type are shown."),
        )
        clean_month(params, "month", state)
        code = clean_text(params, "municipality", state)
        municipality = reference_tables.municipality_by_code(code) if code else None
        clean_choice(
            {"municipality": code},
            "municipality",
            {municipality.code} if municipality else (),
            state,
            _("There is no municipality with the code “%(value)s”, so events in every municipality are shown."),
        )
        clean_choice(params, "when", {"past", "upcoming"}, state, _("“%(value)s” is not a choice, so upcoming events are shown."))
        show_past = state.values.pop("when") == "past"
        if show_past:
            state.keep["when"] = "past"  # upcoming is the default and stays out of the URL
        return state, show_past, municipality

    def listing_context(self, params: Mapping[str, str], now: datetime, rule: PublicRule) -> dict:
        """Upcoming (or, with `when=past`, past) events, filtered and paginated, and the filter form.

        The cost is fixed: one query per filter's counts, one for the total and one for the page
        of events with their municipalities, however many events there are.
        """
        state, show_past, municipality = self.clean_filters(params)
        types = EventPage.Type
        values = state.values

        all_events = rule.pages_for_reader(self.events_in_every_language(), self.locale)
        events = all_events.past(now) if show_past else all_events.upcoming(now)
        type_counts = dict(
            self.filter_events(events, values, "type").order_by().values_list("event_type").annotate(count=Count("pk"))
        )
        tz = timezone.get_default_timezone()
        month_rows = (
            self.filter_events(events, values, "month")
            .order_by()
            .annotate(month=TruncMonth("starts_at", tzinfo=tz))
            .values_list("month")
            .annotate(count=Count("pk"))
            .order_by("-month" if show_past else "month")
        )
        municipality_rows = (
            Municipality.objects.filter(events__in=self.filter_events(events, values, "municipality").order_by().values("pk"))
            .annotate(count=Count("events", distinct=True))
            .order_by("name_fi")
        )
        month = parse_month(values["month"])
        filters = [
            Filter(
                "type",
                _("Type"),
                make_options(
                    ((value, str(label), type_counts.get(value, 0)) for value, label in types.choices),
                    values["type"],
                    str(types(values["type"]).label) if values["type"] else "",
                ),
                values["type"],
                _("All types"),
            ),
            Filter(
                "month",
                _("Month"),
                make_options(
                    (
                        (start.astimezone(tz).strftime("%Y-%m"), date_format(start.astimezone(tz), "YEAR_MONTH_FORMAT"), count)
                        for start, count in month_rows
                    ),
                    values["month"],
                    date_format(month, "YEAR_MONTH_FORMAT") if month else "",
                ),
                values["month"],
                _("All months"),
            ),
            Filter(
                "municipality",
                _("Municipality"),
                make_options(
                    ((m.code, m.name, m.count) for m in municipality_rows),
                    values["municipality"],
                    municipality.name if municipality else "",
                ),
                values["municipality"],
                _("All municipalities"),
            ),
        ]
        page_obj = paginate(
            self.filter_events(events, values)
            .select_related("municipality", "listing_image")
            .prefetch_related("listing_image__renditions"),  # the cards' pictures
            params,
            state,
        )
        return {
            "show_past": show_past,
            "events": page_obj.object_list,
            "page_obj": page_obj,
            "filters": filters,
            "listing": state,
            "listing_query": state.query,
            "from_param": from_param(state, page_obj.number),
        }


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", related_name="tagged_items", on_delete=models.CASCADE)


class EventPage(
    ViewRestrictionsMixin,
    EditorialPermissionsMixin,
    HeadlessPreviewModeMixin,
    NormalisedSearchMixin,
    LocalisedTagsMixin,
    ListingMixin,
    Page,
):
    """One event, with where, when, how to join and for whom."""

    # On tag pages (koonto.localised_tags): the `type` parameter, heading and order of this type's group.
    tag_page_key = "events"
    tag_page_heading = _("Events")
    tag_page_ordering = ("-starts_at", "pk")
    # `from`: the list view the back link returns to (templates/events/event_page.html; ops.pagecache).
    query_parameters = frozenset(["from"])

    class Type(models.TextChoices):
        TRAINING = "training", _("Training")
        NETWORKING = "networking", _("Networking")
        INFO_SESSION = "info_session", _("Info session")
        WEBINAR = "webinar", _("Webinar")
        DEADLINE = "deadline", _("Deadline")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        MOVED_ONLINE = "moved_online", _("Moved online")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        EN = "en", _("English")
        SV = "sv", _("Swedish")
        MULTI = "multi", _("Several languages")

    event_type = models.CharField(
        _("type"), max_length=20, choices=Type.choices, default=Type.TRAINING, help_text=_("Used in listings and filters.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_("Anything but Scheduled is shown as a notice on the event."),
    )
    starts_at = models.DateTimeField(_("starts at"), help_text=_("Finnish time."))
    ends_at = models.DateTimeField(
        _("ends at"), null=True, blank=True, help_text=_("Finnish time. Leave empty for a deadline or an open-ended event.")
    )
    # Stored and indexed, so that "not ended yet" is an index range, not a COALESCE over every event.
    # Not serialised: revisions and previews of unsaved pages (modelcluster) cannot read it.
    effective_end = models.GeneratedField(
        expression=Coalesce("ends_at", "starts_at"),
        output_field=models.DateTimeField(),
        db_persist=True,
        db_index=True,
        serialize=False,
    )
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("Show only the date, not the time."))
    mode = models.CharField(
        _("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON, help_text=_("How people take part.")
    )
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Name of the place, e.g. Kuopion kaupungintalo.")
    )
    address = models.CharField(_("address"), max_length=255, blank=True, help_text=_("Street address, e.g. Suokatu 42, Kuopio."))
    municipality = models.ForeignKey(
        "koonto.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Where the event is held; used in listings and filters."),
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where to join an online or hybrid event."))
    accessibility_note = models.TextField(
        _("physical accessibility"), blank=True, help_text=_("Step-free access, hearing loop, accessible toilet and so on.")
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=Language.choices,
        default=Language.FI,
        help_text=_("The language spoken at the event."),
    )
    organiser = models.ForeignKey(
        "koonto.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Who arranges the event."),
    )
    audience = models.CharField(_("audience"), max_length=255, blank=True, help_text=_("Who the event is for."))
    price = models.DecimalField(
        _("price (€)"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 means free of charge."),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Where people sign up; leave empty if no registration is needed.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Finnish time. With Koonto's own form, registration closes at the start of the event if this is empty."),
    )
    # Koonto's own registration form (the registrations app reads these settings; events knows
    # nothing of registrations). The form takes the settings of the event's Finnish page: one
    # capacity for the event across languages.
    registration_enabled = models.BooleanField(
        _("registration with Koonto's form"),
        default=False,
        help_text=_("People sign up on this site; their data is kept as the privacy notice says."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens at"), null=True, blank=True, help_text=_("Finnish time. Empty: open as soon as published.")
    )
    registration_capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Number of seats.")
    )
    registration_waiting_list = models.BooleanField(
        _("waiting list"), default=True, help_text=_("When the event is full, later sign-ups go to a waiting list.")
    )
    registration_max_group_size = models.PositiveSmallIntegerField(
        _("largest group"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("How many people one association may sign up at once. 1: only one person at a time."),
    )
    registration_asks_organisation = models.BooleanField(
        _("ask for the organisation"), default=True, help_text=_("The form asks which association the person comes from.")
    )
    registration_asks_municipality = models.BooleanField(
        _("ask for the municipality"), default=False, help_text=_("The form asks for the municipality (optional for the person).")
    )
    registration_asks_needs = models.BooleanField(
        _("ask for dietary and accessibility needs"),
        default=False,
        help_text=_("Free text, deleted the day after the event ends."),
    )
    registration_retention_days = models.PositiveSmallIntegerField(
        _("keep registrations for (days)"),
        default=90,
        validators=[MinValueValidator(30), MaxValueValidator(365)],
        help_text=_("Days after the event ends; then the registrations are deleted (30–365)."),
    )
    registration_owners = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owners of the registrations"),
        blank=True,
        related_name="owned_event_pages",
        help_text=_("Besides the communications team, these users see the registrations of this event."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's main content: text, headings, images, documents, quotes and callouts."),
    )
    related_call = models.ForeignKey(
        "guides.FundingCallPage",
        verbose_name=_("related funding call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        # The call's page lists them through this name, so guides need not import events.
        related_name="info_sessions",
        help_text=_("For an info session: the call it is about. The event is then listed on the call's page."),
    )
    tags = ClusterTaggableManager(
        through=EventPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords that link related content across the site; separate them with commas."),
    )

    objects = EventManager()

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("venue"),
        index.SearchField("body"),
        *NormalisedSearchMixin.normalised_search_fields,
        index.FilterField("starts_at"),
        index.FilterField("event_type"),
    ]

    content_panels = [
        *Page.content_panels,
        *ListingMixin.listing_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("all_day")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
                FieldPanel("municipality"),
                FieldPanel("online_url"),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_language"), FieldPanel("price")]),
                FieldPanel("organiser"),
                FieldPanel("audience"),
                # The deadline applies to the outside link and to Koonto's own form alike.
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")]),
            ],
            heading=_("Taking part"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("registration_opens_at"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_capacity"),
                        FieldPanel("registration_waiting_list"),
                        FieldPanel("registration_max_group_size"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("registration_asks_organisation"),
                        FieldPanel("registration_asks_municipality"),
                        FieldPanel("registration_asks_needs"),
                    ]
                ),
                FieldPanel("registration_retention_days"),
                FieldPanel("registration_owners"),
            ],
            heading=_("Registration"),
            classname="collapsed",
        ),
        FieldPanel("body"),
        PageChooserPanel("related_call", "guides.FundingCallPage"),
        FieldPanel("tags"),
    ]

    api_fields = [
        *ListingMixin.listing_api_fields,
        APIField("event_type", serializer=ChoiceLabelField()),
        APIField("status", serializer=ChoiceLabelField()),
        "starts_at", "ends_at", "all_day",
        APIField("mode", serializer=ChoiceLabelField()),
        "venue", "address",
        APIField("municipality", serializer=MunicipalityField()),
        "online_url", "accessibility_note",
        APIField("event_language", serializer=ChoiceLabelField()),
        APIField("organiser", serializer=OrganisationField()),
        "audience", "price", "registration_url", "registration_deadline",
        APIField("registration", serializer=RegistrationSeatsField()),
        # The form's settings, for a client that shows the questions (the counts are in `registration`).
        "registration_enabled", "registration_opens_at", "registration_capacity", "registration_waiting_list",
        "registration_max_group_size", "registration_asks_organisation", "registration_asks_municipality",
        "registration_asks_needs", "registration_retention_days",
        "body",
        APIField("related_call", serializer=PagePathField()),
        APIField("tags", serializer=TagNamesField()),
    ]  # fmt: skip

    # What the API fields read, fetched with the pages (api/v2.py).
    api_select_related = ["listing_image", "municipality", "organiser__locale", "related_call"]

    # How other apps see this type, without knowing it by name: search's result type, and one
    # piece of content when shared (Open Graph og:type).
    search_result_type = ("event", _("Event"))
    og_type = "article"

    # Listings change when an event starts and ends: cached pages expire then (ops.pagecache).
    # The event page's registration link appears and disappears with these (ops.pagecache).
    cache_rollover_fields = ("starts_at", "ends_at", "registration_opens_at", "registration_deadline")
    api_prefetch_related = ["tagged_items__tag", "listing_image__renditions"]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    card_kind = "event"  # colour and icon on cards (design/templatetags/cards.py)

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if self.starts_at and self.registration_deadline and self.registration_deadline > self.starts_at:
            errors["registration_deadline"] = _("Registration must close before the event starts.")
        if self.registration_enabled:
            closes = self.registration_closes_at
            if self.registration_opens_at and closes and self.registration_opens_at >= closes:
                errors["registration_opens_at"] = _("Registration must open before it closes.")
            if not self.registration_capacity:
                errors["registration_capacity"] = _("Give the number of seats.")
            if self.registration_url:
                errors["registration_url"] = _("Use either a registration link or Koonto's form, not both.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def municipality_rows(cls, page_ids=None, locale_id=None):
        """(page id, municipality id) of events with a municipality: search's municipality facet."""
        events = cls.objects.filter(municipality__isnull=False)
        events = events.filter(pk__in=page_ids) if page_ids is not None else events.filter(locale_id=locale_id)
        return events.values_list("pk", "municipality_id")

    def json_ld(self, request) -> dict:
        """A schema.org Event (koonto.structured_data asks every page type for its own)."""
        return event_data(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rule = rule_for(request)
        # Read when the body is rendered: the template keeps it as HTML until content changes or
        # the next rollover (koonto_tags.cached_fragment), so most requests read neither.
        context["organiser"] = SimpleLazyObject(lambda: rule.for_reader(self.organiser) if self.organiser_id else None)
        context["related_call"] = SimpleLazyObject(lambda: rule.for_reader(self.related_call) if self.related_call_id else None)
        return context

    @property
    def registration_closes_at(self) -> datetime | None:
        """Koonto's form closes at the deadline, and at the latest when the event starts."""
        return self.registration_deadline or self.starts_at

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def is_past(self) -> bool:
        return (self.ends_at or self.starts_at) < timezone.now()
