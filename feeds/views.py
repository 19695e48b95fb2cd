"""Feeds and discovery: the iCalendar feed and per-event files, RSS feeds and robots.txt.

Every feed lists only what any visitor may already read (koonto.visibility), in the language of
the URL, under the request site's root page translation in that language. Events and funding-call
deadlines are facts for everyone (`site_facts`): the calendar and the events feed of another
language also list a Finnish event or call that is not translated (or whose translation is not
public), in Finnish; never a hidden page, never both a page and its public translation.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, Timezone
from wagtail.models import Locale, Page, get_page_models
from wagtail.query import PageQuerySet

from events.models import EventIndexPage, EventPage
from guides.models import FundingCallPage, GuideIndexPage
from koonto.listing import ListingState, clean_texts
from koonto.localised_tags import ReaderTags
from koonto.origin import absolute_url, page_url
from koonto.visibility import rule_for
from ops.contentcache import until_content_or_clock_changes
from ops.pagecache import query_parameters
from showcase.models import ShowcaseIndexPage, ShowcasePage

# Times are Finnish: the one time zone the settings name (TIME_ZONE).
CALENDAR_TZID = settings.TIME_ZONE
HELSINKI = ZoneInfo(CALENDAR_TZID)
PRODID = "-//Koonto//Koonto CMS//FI"
# The `type` value that also selects funding-call deadlines (it is an event type too).
DEADLINE_TYPE = "deadline"
RSS_SIZE = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
NEWEST_FIRST = (F("first_published_at").desc(nulls_last=True), "-pk")


def site_root(request: HttpRequest) -> Page | None:
    """The request site's root page in the active language, if it is published; looked up once per request."""
    language = translation.get_language()
    roots = request.__dict__.setdefault("_feed_site_roots", {})
    if language not in roots:
        roots[language] = rule_for(request).home_page()
    return roots[language]


def site_pages(request: HttpRequest, model: type[Page]) -> PageQuerySet:
    """Pages of `model` the public may see (koonto.visibility) in the active language, on the request's site."""
    root = site_root(request)
    if root is None:
        return model.objects.none()
    return rule_for(request).pages(model.objects.filter(locale_id=root.locale_id).descendant_of(root))


def site_facts(request: HttpRequest, model: type[Page]) -> PageQuerySet:
    """Events or funding calls for the calendar and the events feed: each in the URL's language if
    that translation is public, else in Finnish if that is (koonto.visibility.PublicRule.pages_for_reader),
    on the request's site. A language whose home page is not public has no feeds."""
    root = site_root(request)
    if root is None:
        return model.objects.none()
    return rule_for(request).pages_for_reader(model.objects.all(), root.locale)


def with_full_urls(pages, request: HttpRequest) -> list[Page]:
    """The pages, each with `feed_url`: its full public URL (feed items link outside the site)."""
    pages = list(pages)
    for page in pages:
        page.feed_url = page_url(page, request)
    return pages


# --- iCalendar ------------------------------------------------------------------------------------


class BadParameter(ValueError):
    """A query-string value the feed cannot honour; its message is shown to the subscriber."""


def unknown_value(name: str, value: str, choices) -> BadParameter:
    return BadParameter(
        _("Unknown value “%(value)s” for the parameter “%(name)s”. Use one of: %(choices)s.")
        % {"value": value, "name": name, "choices": ", ".join(choices)}
    )


class CalendarFilters:
    """The calendar's `type` (event types, `deadline` adding funding-call deadlines) and `tag` filters.

    With no `type`, every event and every deadline is listed; several values of a parameter mean
    any of them. Tags are per language (`koonto.localised_tags`): an English feed filters by English
    tags, and a Finnish event or call it lists matches by its tags' English names
    (`koonto.localised_tags.ReaderTags`).
    """

    def __init__(self, types: list[str], tags: ReaderTags):
        self.types = types
        self.tags = tags

    @classmethod
    def from_query(cls, params, locale) -> CalendarFilters:
        """The filters in `params` (`?type=a&type=b` or `?type=a,b`) for readers of `locale`; a value
        that cannot be used is an error."""
        state = ListingState()
        types = clean_texts(params, "type", state)
        slugs = clean_texts(params, "tag", state)
        if state.messages:
            raise BadParameter(state.messages[0])
        choices = EventPage.Type.values
        for value in types:
            if value not in choices:
                raise unknown_value("type", value, choices)
        tags = ReaderTags(slugs, locale)
        for slug in tags.unknown:
            raise BadParameter(_("There is no tag “%(value)s” (parameter “tag”).") % {"value": slug})
        return cls(types, tags)

    @property
    def wants_deadlines(self) -> bool:
        return not self.types or DEADLINE_TYPE in self.types

    def tagged(self, pages: PageQuerySet) -> PageQuerySet:
        return self.tags.filter(pages)

    def events(self, events: PageQuerySet) -> PageQuerySet:
        if self.types:
            events = events.filter(event_type__in=self.types)
        return self.tagged(events)

    def calls(self, calls: PageQuerySet) -> PageQuerySet:
        return self.tagged(calls) if self.wants_deadlines else calls.none()


def in_helsinki(moment: datetime) -> datetime:
    """The moment as Finnish wall-clock time: written as DTSTART;TZID=Europe/Helsinki."""
    return moment.astimezone(HELSINKI)


def event_times(event) -> tuple[date | datetime, date | datetime]:
    """DTSTART and DTEND; all-day events get dates, with the exclusive end date RFC 5545 asks for."""
    start = in_helsinki(event.starts_at)
    end = in_helsinki(event.ends_at) if event.ends_at else None
    if event.all_day:
        return start.date(), (end or start).date() + timedelta(days=1)
    return start, end or start


def event_location(event) -> str:
    """Venue, address and municipality; or the online link when there is no place to go."""
    parts = [event.venue, event.address]
    municipality = event.municipality.name if event.municipality else ""
    if municipality and municipality.lower() not in event.address.lower():
        parts.append(municipality)
    place = ", ".join(part for part in parts if part)
    return place or event.online_url


def event_status(event) -> str:
    status = EventPage.Status
    if event.status == status.CANCELLED:
        return "CANCELLED"
    if event.status == status.POSTPONED:
        return "TENTATIVE"
    return "CONFIRMED"


def description(page) -> str:
    """The summary, then the link: many calendar apps show DESCRIPTION but not URL."""
    return "\n\n".join(text for text in (page.summary, page.feed_url) if text)


def uid(kind: str, page) -> str:
    """Stable across requests, republishing and database copies: never the database id alone."""
    return f"{kind}-{page.translation_key}-{page.locale.language_code}@koonto"


def mark_language(component: Event, page, names: tuple[str, ...]) -> Event:
    """A page listed in another language than the calendar's (a Finnish event on the English
    calendar, `site_facts`) says so: RFC 5545's LANGUAGE parameter on its texts from the page."""
    language = page.locale.language_code
    if language != translation.get_language():
        for name in names:
            if name in component:
                component[name].params["LANGUAGE"] = language
    return component


def event_component(event) -> Event:
    start, end = event_times(event)
    summary = event.title
    if event.status != EventPage.Status.SCHEDULED:
        summary = f"{event.get_status_display()}: {event.title}"
    component = Event.new(
        uid=uid("event", event),
        start=start,
        end=end,
        summary=summary,
        description=description(event),
        location=event_location(event) or None,
        url=event.feed_url,
        status=event_status(event),
        last_modified=event.last_published_at,
        stamp=event.last_published_at or timezone.now(),
    )
    return mark_language(component, event, ("SUMMARY", "DESCRIPTION", "LOCATION"))


def deadline_times(call) -> tuple[date | datetime, date | datetime]:
    """A call closing at midnight is an all-day deadline on the day before; otherwise a moment."""
    closes = in_helsinki(call.closes_at)
    if closes.time() == time(0, 0):
        return closes.date() - timedelta(days=1), closes.date()
    return closes, closes


def deadline_component(call) -> Event:
    start, end = deadline_times(call)
    component = Event.new(
        uid=uid("deadline", call),
        start=start,
        end=end,
        summary=_("Application deadline: %(title)s") % {"title": call.title},
        description=description(call),
        url=call.feed_url,
        status="CANCELLED" if call.cancelled else "CONFIRMED",
        last_modified=call.last_published_at,
        stamp=call.last_published_at or timezone.now(),
    )
    component.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return mark_language(component, call, ("DESCRIPTION",))


def build_calendar(name: str, calendar_uid: str, components: list[Event]) -> Calendar:
    """A calendar with the Europe/Helsinki VTIMEZONE, covering the years its events fall in."""
    calendar = Calendar.new(prodid=PRODID, name=name, uid=calendar_uid)
    calendar.add("x-wr-timezone", CALENDAR_TZID)
    years = [component.start.year for component in components] or [timezone.now().year]
    calendar.add_component(
        Timezone.from_tzid(CALENDAR_TZID, first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1))
    )
    for component in components:
        calendar.add_component(component)
    return calendar


def calendar_response(calendar: Calendar) -> HttpResponse:
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


@query_parameters("type", "tag")
@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming events and funding-call deadlines, for calendar apps to subscribe to: in this
    language, or in Finnish where not translated (`site_facts`).

    At most KOONTO_CALENDAR_SIZE events, the soonest (a large site has thousands planned years
    ahead; building them all took a second per request). The built calendar is kept until
    content changes or the next event starts or ends or a call opens or closes
    (ops.contentcache), per language, origin and filters: subscribers poll it, and it is the same
    for all of them."""
    try:
        body = until_content_or_clock_changes(calendar_key(request), lambda: build_site_calendar(request))
    except BadParameter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def calendar_key(request: HttpRequest) -> str:
    """What the calendar depends on besides the content and the clock."""
    parts = [
        translation.get_language(),
        request.scheme,
        request.get_host(),
        str(settings.KOONTO_CALENDAR_SIZE),
        *(f"{name}={value}" for name in ("type", "tag") for value in request.GET.getlist(name)),
    ]
    return "ics:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def build_site_calendar(request: HttpRequest) -> bytes:
    root = site_root(request)
    filters = CalendarFilters.from_query(request.GET, root.locale if root else Locale.get_active())
    now = timezone.now()
    events = filters.events(site_facts(request, EventPage).upcoming(now)).select_related("municipality", "locale")
    calls = filters.calls(site_facts(request, FundingCallPage)).filter(closes_at__gte=now).select_related("locale")
    components = [event_component(event) for event in with_full_urls(events[: settings.KOONTO_CALENDAR_SIZE], request)]
    components += [deadline_component(call) for call in with_full_urls(calls.order_by("closes_at", "pk"), request)]
    calendar_uid = f"calendar-{translation.get_language()}@koonto"
    return build_calendar(_("Koonto: events and deadlines"), calendar_uid, components).to_ical()


@require_safe
def event_calendar(request: HttpRequest, page_id: int) -> HttpResponse:
    """One event as an .ics file to add to a calendar; only live, public events of this site and language."""
    event = site_pages(request, EventPage).select_related("municipality", "locale").filter(pk=page_id).first()
    if event is None:
        raise Http404
    [event] = with_full_urls([event], request)
    response = calendar_response(build_calendar(event.title, uid("calendar", event), [event_component(event)]))
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{event.slug}.ics")
    return response


# --- RSS ------------------------------------------------------------------------------------------


class PageFeed(Feed):
    """RSS 2.0 of one kind of page in the URL's language: title, link, summary, first publication.

    `get_object` hands the request to the feed-level methods; items carry their full URL, which
    is also their guid.
    """

    index_model: type[Page]  # the listing page that the feed links to

    def get_object(self, request, *args, **kwargs):
        return request

    def link(self, request):
        index = site_pages(request, self.index_model).first()
        if index is not None:
            return page_url(index, request)
        return absolute_url("/")

    def feed_url(self, request):
        """The feed's own address (`atom:link rel="self"`) on the public origin; Django would take
        the request's host."""
        return absolute_url(request.path)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        return item.feed_url

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.first_published_at


class EventFeed(PageFeed):
    index_model = EventIndexPage

    def title(self, request):
        return _("Koonto: upcoming events")

    def description(self, request):
        return _("Trainings, info sessions and other events on citizen-led development in Pohjois-Savo, soonest first.")

    def items(self, request):
        events = site_facts(request, EventPage).upcoming(timezone.now())
        return with_full_urls(events[:RSS_SIZE], request)


class ShowcaseFeed(PageFeed):
    index_model = ShowcaseIndexPage

    def title(self, request):
        return _("Koonto: project showcases")

    def description(self, request):
        return _("Citizen-led development projects in Pohjois-Savo, newest first.")

    def items(self, request):
        showcases = site_pages(request, ShowcasePage).order_by(*NEWEST_FIRST)
        return with_full_urls(showcases[:RSS_SIZE], request)


def feed_models(key: str) -> list[type[Page]]:
    """The page types that declare `rss_feed = key`: a new type joins a feed without an edit here."""
    return [model for model in get_page_models() if getattr(model, "rss_feed", None) == key]


class GuideFeed(PageFeed):
    """Funding guides and funding calls in one feed (the page types with `rss_feed = "guides"`):
    what a project planner follows. A type with `rss_facts_for_everyone = True` (calls) is listed
    as the calendar lists it (`site_facts`): in another language, in Finnish until translated."""

    index_model = GuideIndexPage

    def title(self, request):
        return _("Koonto: funding guides and calls")

    def description(self, request):
        return _("New funding guides and funding calls for citizen-led development projects, newest first.")

    def items(self, request):
        newest = []
        for model in feed_models("guides"):
            listed = site_facts if getattr(model, "rss_facts_for_everyone", False) else site_pages
            pages = listed(request, model).order_by(*NEWEST_FIRST)
            newest += pages[:RSS_SIZE]
        newest.sort(key=lambda page: page.first_published_at or EPOCH, reverse=True)
        return with_full_urls(newest[:RSS_SIZE], request)


# --- robots.txt ----------------------------------------------------------------------------------


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be crawled; the admin may not. The sitemap lists every language."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Allow: /",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
