"""Koonto's typed read endpoints on Wagtail's API v3 (django-ninja), at `/api/v3/koonto/`.

Wagtail's own v3 page listing returns only id, title and meta and ignores unknown parameters.
Clients that show events and funding calls need every field, typed, and need a wrong parameter
to be an error they can see, so Koonto adds `events/` and `calls/` (list and detail) to the same
NinjaAPI object: they appear in `/api/v3/openapi.json` with full schemas.

Rules shared with API v2 (api/v2.py): live, public pages of the request's site only; the
language is the `locale` parameter (events and calls are facts for everyone: a listing in another
language also has the Finnish ones not translated there, each item with its own `locale`, see
`listing_pages`); rich text is HTML with links in the page's own language;
every bad parameter is a 400 `application/problem+json` whose `detail` names the parameter.
Ids and offsets are bounded to the 64 bits a primary key has, in the schemas (and so in the
OpenAPI document); Wagtail's own routers' parameters are checked at the API's edge
(api.params), and their validation errors name the parameter too.
"""

from __future__ import annotations

import functools
import importlib
import json
import operator
from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.urls import api
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from api.blocks import BodyBlockOut, body_out
from api.errors import declare_problem_responses, v3_http_error
from api.expansions import EXPAND_DESCRIPTION, EXPANSIONS, Components, components, parse_expand
from api.http import CompactJSONRenderer
from api.params import MAX_ID, MAX_VALUE_LENGTH, MIN_ID, PRINTABLE, ParameterError, english, parse_list, parse_moment, problem
from api.serialised import serialised_rows
from events.models import EventPage
from guides.models import FundingCallPage
from koonto.api_fields import IMAGE_RENDITIONS, rendition_data
from koonto.localised_tags import ReaderTags
from koonto.origin import absolute_url, page_url
from koonto.seats import LIVE_CACHE_CONTROL, api_seats
from koonto.visibility import language_of, rule_for, visible_rows
from ops import pagecache
from ops.contentcache import remember_site

router = Router(tags=["koonto"])
ROUTER_PREFIX = "/koonto/"
PageId = Annotated[int, Path(ge=1, le=MAX_ID, description="A page id (64-bit).")]


def one_or_more(values: list[str]) -> str:
    """A pattern for a comma-separated list of `values` (the OpenAPI document states it)."""
    one = "(" + "|".join(values) + ")"
    return f"^{one}(,{one})*$"


# --- schemas -----------------------------------------------------------------------------------


class Choice(Schema):
    value: str = Field(description="The stored value, stable across languages.")
    label: str = Field(description="The value's name in the page's language.")


class MunicipalityOut(Schema):
    code: str = Field(description="Statistics Finland municipality code, e.g. 297.")
    name: str


class OrganisationOut(Schema):
    name: str
    slug: str
    website: str
    url: str = Field(description="The organisation's page on this site, in the page's language.")


class TagOut(Schema):
    name: str
    slug: str


class PageRef(Schema):
    id: int
    title: str
    url: str
    locale: str = Field(description="The page's language: the reader's where translated, else the source language.")


class Rendition(Schema):
    url: str
    width: int
    height: int


class ImageOut(Schema):
    id: int
    alt: str = Field(description="Alternative text for the image.")
    thumbnail: Rendition
    medium: Rendition
    large: Rendition


class ContactOut(Schema):
    name: str
    role: str
    email: str
    phone: str


class DocumentOut(Schema):
    title: str
    url: str
    file_type: str
    content_type: str
    file_size: int | None = Field(description="Size in bytes.")


class PageBase(Schema):
    id: int
    title: str
    url: str = Field(description="The public page, absolute.")
    locale: str = Field(
        description="Language code of the page, e.g. fi or en. In a listing: the requested language where the page is "
        "translated and public, else fi (an untranslated Finnish event or call is listed in Finnish)."
    )
    translation_key: UUID = Field(description="The same for a page and its translations.")
    summary: str
    image: ImageOut | None
    tags: list[TagOut]
    last_published_at: datetime | None


class EventOut(PageBase):
    event_type: Choice
    status: Choice
    mode: Choice
    starts_at: datetime = Field(description="ISO 8601 with the Europe/Helsinki offset.")
    ends_at: datetime | None
    all_day: bool
    venue: str
    address: str
    municipality: MunicipalityOut | None
    online_url: str
    accessibility_note: str = Field(description="Physical accessibility: step-free access, hearing loop and so on.")
    event_language: Choice
    organiser: OrganisationOut | None
    audience: str
    price: float | None = Field(description="Euros; 0 or null when free.")
    registration_url: str
    registration_deadline: datetime | None
    related_call: PageRef | None


class CallOut(PageBase):
    status: Choice = Field(description="upcoming, open, closed or cancelled, derived from the dates now.")
    opens_at: datetime | None
    closes_at: datetime | None = Field(description="The deadline, ISO 8601 with offset.")
    cancelled: bool
    funding_authority: str
    fund: str
    programme_objective: str
    support_rate: float | None = Field(description="Percent of eligible costs.")
    total_budget: float | None = Field(description="Euros available in the call.")
    eligible_applicants: str = Field(description="HTML.")
    content_priorities: str = Field(description="HTML.")
    prerequisites: str = Field(description="HTML.")
    application_system: str
    application_url: str
    notice_url: str
    last_verified: date | None
    contacts: list[ContactOut]
    attachments: list[DocumentOut]


class RegistrationSeatsOut(Schema):
    open: bool = Field(description="Whether the form takes sign-ups now.")
    capacity: int
    seats_left: int = Field(description="Free seats now; 0 when full (then the waiting list, if any).")
    waiting_list: bool
    opens_at: datetime | None
    closes_at: datetime | None = Field(description="At the latest the event's start.")
    form_url: str = Field(description="The registration form on the site (it is not part of the API).")


class EventDetail(EventOut):
    registration: RegistrationSeatsOut | None = Field(
        description="Koonto's own registration, counts only (null when the event has none). Not cached."
    )
    body: list[BodyBlockOut] = Field(description="The page's main content, block by block.")
    components: Components = Field(description="The menu, breadcrumbs, translations and footer (see `expand`).")


class CallDetail(CallOut):
    body: list[BodyBlockOut] = Field(description="The page's main content, block by block.")
    components: Components = Field(description="The menu, breadcrumbs, translations and footer (see `expand`).")


class DetailQuery(Schema):
    expand: str | None = Field(None, description=EXPAND_DESCRIPTION, pattern=one_or_more(list(EXPANSIONS)))


class EventList(Schema):
    count: int
    items: list[EventOut]


class CallList(Schema):
    count: int
    items: list[CallOut]


# --- query parameters --------------------------------------------------------------------------


LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
PRINTABLE_PATTERN = f"^{PRINTABLE}*$"
# A date or date-time as `parse_moment` takes it, in the years the listings know (MIN_YEAR..MAX_YEAR):
# the OpenAPI document says so, so that a client (and schemathesis) sends only what is accepted.
YEAR = r"(19[0-9]{2}|2[0-9]{3})"
MOMENT_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date", "pattern": f"^{YEAR}-[0-9]{{2}}-[0-9]{{2}}$"},
        {
            "type": "string",
            "format": "date-time",
            "pattern": f"^{YEAR}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-5][0-9]"
            r"(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$",
        },
        {"type": "null"},
    ]
}


def moment_schema(schema: dict) -> None:
    schema.pop("anyOf", None)
    schema.update(MOMENT_SCHEMA)


class Listing(Schema):
    locale: Literal[LANGUAGES] = Field(  # type: ignore[valid-type]
        settings.LANGUAGE_CODE, description="Language code: " + ", ".join(LANGUAGES) + "."
    )
    tag: str | None = Field(
        None,
        description="A tag's slug in that language; a Finnish page in another language's listing matches by its tags' "
        "names in that language.",
    )
    limit: int = Field(20, ge=1, le=settings.WAGTAILAPI_LIMIT_MAX, description="At most WAGTAILAPI_LIMIT_MAX (50).")
    offset: int = Field(0, ge=0, le=MAX_ID)


CALL_STATUSES = ("upcoming", "open", "closed", "cancelled")


class EventQuery(Listing):
    type: str | None = Field(
        None,
        description="Event types, comma-separated (any of them): " + ", ".join(EventPage.Type.values),
        pattern=one_or_more(EventPage.Type.values),
    )
    municipality: str | None = Field(
        None, description="Municipality codes, comma-separated (any of them), e.g. 297,140.", pattern=r"^[0-9]{3}(,[0-9]{3})*$"
    )
    starts_after: str | None = Field(
        None, description="ISO 8601 date or date-time; a date is Helsinki midnight.", json_schema_extra=moment_schema
    )
    starts_before: str | None = Field(
        None, description="ISO 8601 date or date-time; a date includes the whole day.", json_schema_extra=moment_schema
    )
    upcoming: bool = Field(False, description="Only events that have not ended.")
    past: bool = Field(
        False,
        description=(
            "Only events that have ended (the HTML list's past events; with order=-starts_at). "
            "With upcoming=true nothing matches."
        ),
    )
    order: Literal["starts_at", "-starts_at"] = "starts_at"


class CallQuery(Listing):
    status: str | None = Field(
        None,
        description="Statuses at the time of the request, comma-separated (any of them): " + ", ".join(CALL_STATUSES),
        pattern=one_or_more(list(CALL_STATUSES)),
    )
    order: Literal["closes_at", "-closes_at", "opens_at", "-opens_at"] = "closes_at"


# --- building the output -----------------------------------------------------------------------


def choice(instance, name: str) -> dict:
    return {"value": getattr(instance, name), "label": str(getattr(instance, f"get_{name}_display")())}


def image_out(image, alt: str = "") -> dict | None:
    """An image with its renditions; `alt` is the text given where it was placed, else its description."""
    if image is None:
        return None
    out = {"id": image.pk, "alt": alt or image.default_alt_text}
    for size, spec in IMAGE_RENDITIONS.items():
        rendition = rendition_data(image, spec)
        out[size] = {"url": rendition["full_url"], "width": rendition["width"], "height": rendition["height"]}
    return out


def page_base(request: HttpRequest, page) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page_url(page, request),
        "locale": page.locale.language_code,
        "translation_key": page.translation_key,
        "summary": page.summary,
        "image": image_out(page.listing_image, page.listing_image_alt),
        "tags": [{"name": item.tag.name, "slug": item.tag.slug} for item in page.tagged_items.all()],
        "last_published_at": timezone.localtime(page.last_published_at) if page.last_published_at else None,
    }


def page_ref(request: HttpRequest, page) -> dict | None:
    """A related page as the reader may see it (koonto.visibility), or None."""
    page = rule_for(request).for_reader(page)
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": page_url(page, request), "locale": language_of(page)}


def event_out(request: HttpRequest, event: EventPage) -> dict:
    with translation.override(event.locale.language_code):
        organiser = rule_for(request).for_reader(event.organiser) if event.organiser_id else None
        return {
            **page_base(request, event),
            **{name: choice(event, name) for name in ("event_type", "status", "mode", "event_language")},
            "starts_at": timezone.localtime(event.starts_at),
            "ends_at": timezone.localtime(event.ends_at) if event.ends_at else None,
            "all_day": event.all_day,
            "venue": event.venue,
            "address": event.address,
            "municipality": {"code": event.municipality.code, "name": event.municipality.name} if event.municipality else None,
            "online_url": event.online_url,
            "accessibility_note": event.accessibility_note,
            "organiser": {
                "name": organiser.name,
                "slug": organiser.slug,
                "website": organiser.website,
                "url": absolute_url(organiser.get_url()),
            }
            if organiser
            else None,
            "audience": event.audience,
            "price": float(event.price) if event.price is not None else None,
            "registration_url": event.registration_url,
            "registration_deadline": timezone.localtime(event.registration_deadline) if event.registration_deadline else None,
            "related_call": page_ref(request, event.related_call) if event.related_call_id else None,
        }


def call_out(request: HttpRequest, call: FundingCallPage) -> dict:
    with translation.override(call.locale.language_code):
        rule = rule_for(request)
        contacts = [row.contact for row in visible_rows(call.contacts.all(), rule)]
        attachments = visible_rows(call.attachments.all(), rule)
        return {
            **page_base(request, call),
            "status": {"value": str(call.status), "label": str(call.status_label)},
            "opens_at": timezone.localtime(call.opens_at) if call.opens_at else None,
            "closes_at": timezone.localtime(call.closes_at) if call.closes_at else None,
            "cancelled": call.cancelled,
            "funding_authority": call.funding_authority,
            "fund": call.fund,
            "programme_objective": call.programme_objective,
            "support_rate": float(call.support_rate) if call.support_rate is not None else None,
            "total_budget": float(call.total_budget) if call.total_budget is not None else None,
            "eligible_applicants": expand_db_html(call.eligible_applicants),
            "content_priorities": expand_db_html(call.content_priorities),
            "prerequisites": expand_db_html(call.prerequisites),
            "application_system": call.application_system,
            "application_url": call.application_url,
            "notice_url": call.notice_url,
            "last_verified": call.last_verified,
            "contacts": [{"name": c.name, "role": c.role, "email": c.email, "phone": c.phone} for c in contacts],
            "attachments": [
                {
                    "title": a.title or a.document.title,
                    "url": absolute_url(a.document.url),
                    "file_type": a.document.file_extension.lower(),
                    "content_type": a.document.content_type,
                    "file_size": a.document.get_file_size(),
                }
                for a in attachments
            ],
        }


# --- querysets ---------------------------------------------------------------------------------


def requested_locale(locale_code: str) -> Locale:
    locale = Locale.objects.filter(language_code=locale_code).first()
    if locale is None:
        languages = ", ".join(code for code, _name in settings.LANGUAGES)
        raise HttpError(400, f"locale: unknown language '{locale_code}'; use one of {languages}")
    return locale


def public_pages(request: HttpRequest, model, locale_code: str):
    """Pages of this model the public may see (koonto.visibility) on the request's site, in that language."""
    return (
        rule_for(request)
        .pages(model.objects.filter(locale=requested_locale(locale_code)))
        .select_related("locale", "listing_image")
        .prefetch_related("tagged_items__tag")
    )


def listing_pages(request: HttpRequest, model, locale: Locale):
    """Events or calls for a listing in `locale`: facts for everyone, each in that language if its
    translation is public, else in Finnish if that is (koonto.visibility.PublicRule.pages_for_reader),
    as the events calendar and the home page list them; never a hidden page, never a page and its
    public translation both."""
    return (
        rule_for(request)
        .pages_for_reader(model.objects.all(), locale)
        .select_related("locale", "listing_image")
        .prefetch_related("tagged_items__tag")
    )


def moment(name: str, raw: str, end_of_day: bool = False):
    """parse_moment's dates, with its message as this API's 400."""
    try:
        return parse_moment(name, raw, end_of_day=end_of_day)
    except BadRequestError as error:
        raise HttpError(400, str(error)) from None


def filter_by_tag(pages, tag: str | None, locale: Locale):
    """`tag` in the listing's language; Finnish pages in another language's listing match by their
    tags' names in it (koonto.localised_tags.ReaderTags). An unknown tag gives an empty list."""
    return ReaderTags([tag], locale).filter(pages) if tag else pages


def values(request: HttpRequest, name: str, choices: tuple[str, ...] | None = None) -> list[str]:
    """A parameter's several values (api.params.parse_list), repeated or comma-separated."""
    try:
        return parse_list(name, request.GET.getlist(name), choices)
    except ParameterError as error:
        raise HttpError(400, str(error)) from None


def check_parameters(request: HttpRequest, query: Schema) -> None:
    unknown = sorted(set(request.GET) - set(type(query).model_fields))
    if unknown:
        raise HttpError(400, f"{unknown[0]}: unknown parameter; known are {', '.join(type(query).model_fields)}")


def events_queryset(request: HttpRequest, locale: Locale):
    return listing_pages(request, EventPage, locale).select_related("municipality", "organiser__locale", "related_call")


def calls_queryset(request: HttpRequest, locale: Locale):
    return listing_pages(request, FundingCallPage, locale).prefetch_related(
        "contacts__contact", "attachments__document__collection"
    )


# --- endpoints ---------------------------------------------------------------------------------


@router.get("/events/", response=EventList, summary="List events", operation_id="koonto_list_events")
def list_events(request: HttpRequest, query: Query[EventQuery]):
    """Events for readers of one language (untranslated Finnish ones in Finnish), filtered and
    ordered by start; upcoming only with `upcoming=true`."""
    remember_site(request)
    check_parameters(request, query)
    locale = requested_locale(query.locale)
    events = filter_by_tag(events_queryset(request, locale), query.tag, locale)
    if query.type:
        events = events.filter(event_type__in=values(request, "type", tuple(EventPage.Type.values)))
    if query.municipality:
        # Any three digits are a code the schema allows: one no municipality has matches no event.
        events = events.filter(municipality__code__in=values(request, "municipality"))
    # An empty value is not a date (the OpenAPI document says so). A range that ends before it
    # starts is allowed by the document, and matches no event.
    after = moment("starts_after", query.starts_after) if query.starts_after is not None else None
    before = moment("starts_before", query.starts_before, end_of_day=True) if query.starts_before is not None else None
    if after:
        events = events.filter(starts_at__gte=after)
    if before:
        events = events.filter(starts_at__lte=before)
    # upcoming and past together are allowed by the document, as a range that ends before it
    # starts is: nothing is both, so they match no event.
    if query.upcoming:
        events = events.upcoming(timezone.now())
    if query.past:
        events = events.past(timezone.now())
    events = events.order_by(query.order, "pk")
    count = events.count()
    items = serialised_rows(
        request,
        events[query.offset : query.offset + query.limit],
        lambda ids: events_queryset(request, locale).filter(pk__in=ids),
        lambda event: event_out(request, event),
        "v3-event",
    )
    return {"count": count, "items": items}


@router.get("/events/{page_id}/", response=EventDetail, summary="One event", operation_id="koonto_get_event")
def get_event(request: HttpRequest, response: HttpResponse, page_id: PageId, query: Query[DetailQuery]):
    """One event with its components (`expand=navigation,breadcrumbs,translations,site`), and the
    seats left when it takes registrations on this site (then the answer is not cached)."""
    check_parameters(request, query)
    expand = detail_expansions(query.expand)
    event = get_object_or_404(public_pages_any_language(request, EventPage), pk=page_id)
    registration = api_seats(event, request)
    if registration is not None:
        response["Cache-Control"] = LIVE_CACHE_CONTROL
    return {
        **event_out(request, event),
        "registration": registration,
        "body": page_body(request, event),
        "components": components(request, event, expand),
    }


@router.get("/calls/", response=CallList, summary="List funding calls", operation_id="koonto_list_calls")
def list_calls(request: HttpRequest, query: Query[CallQuery]):
    """Funding calls for readers of one language (untranslated Finnish ones in Finnish), by
    deadline; `status` is computed from the dates now."""
    check_parameters(request, query)
    locale = requested_locale(query.locale)
    calls = filter_by_tag(calls_queryset(request, locale), query.tag, locale)
    if query.status:
        now = timezone.now()
        by_status = {
            "open": lambda: calls.open_calls(now),
            "upcoming": lambda: calls.upcoming(now),
            "closed": lambda: calls.closed(now),
            "cancelled": lambda: calls.filter(cancelled=True),
        }
        chosen = [by_status[status]().order_by() for status in values(request, "status", CALL_STATUSES)]
        calls = functools.reduce(operator.or_, chosen)
    calls = calls.order_by(query.order, "pk")
    count = calls.count()
    items = [call_out(request, call) for call in calls[query.offset : query.offset + query.limit]]
    return {"count": count, "items": items}


@router.get("/calls/{page_id}/", response=CallDetail, summary="One funding call", operation_id="koonto_get_call")
def get_call(request: HttpRequest, page_id: PageId, query: Query[DetailQuery]):
    """One funding call with its components (`expand=navigation,breadcrumbs,translations,site`)."""
    check_parameters(request, query)
    expand = detail_expansions(query.expand)
    call = get_object_or_404(public_pages_any_language(request, FundingCallPage), pk=page_id)
    return {**call_out(request, call), "body": page_body(request, call), "components": components(request, call, expand)}


def page_body(request: HttpRequest, page) -> list[dict]:
    """The body's blocks (api.blocks), with links and labels in the page's language."""
    with translation.override(page.locale.language_code):
        return body_out(request, page.body)


def detail_expansions(raw: str | None) -> frozenset[str]:
    try:
        return parse_expand(raw)
    except ParameterError as error:
        raise HttpError(400, str(error)) from None


def public_pages_any_language(request: HttpRequest, model):
    """A detail view finds the page by id in any of the site's languages."""
    pages = model.objects.none()
    for code, _name in settings.LANGUAGES:
        pages = pages | public_pages(request, model, code)
    return pages.select_related("locale", "listing_image")


# --- errors ------------------------------------------------------------------------------------

_wagtail_validation_handler = api._exception_handlers[NinjaValidationError]


def validation_error(request: HttpRequest, exc: NinjaValidationError | PydanticValidationError | DjangoValidationError):
    """A malformed parameter is a problem whose `detail` names it: 400 on Koonto's endpoints,
    422 on Wagtail's (as Wagtail documents), which otherwise say only "Validation failed".

    Request bodies (writes) keep Wagtail's own answer.
    """
    if request.method not in ("GET", "HEAD"):
        return _wagtail_validation_handler(request, exc)
    if isinstance(exc, DjangoValidationError):
        # A field filter's value the field cannot convert (`?price=abc`): Django's error says
        # which value, so the parameter is the one that has it.
        values = {str((error.params or {}).get("value")) for error in exc.error_list}
        names = [name for name, value in request.GET.items() if value in values]
        errors = [{"loc": names[:1], "msg": english(exc)}]
    else:
        errors = exc.errors if isinstance(exc, NinjaValidationError) else exc.errors(include_input=False)
    first = errors[0] if errors else {}
    name = str((first.get("loc") or ["parameter"])[-1])
    status = 400 if request.path.startswith("/api/v3" + ROUTER_PREFIX) else 422
    if first.get("type") == "does_not_exist":
        status = 404  # Wagtail's tree filters (`child_of=<id>`) naming no page the public may see
    return problem(status, f"{name}: {first.get('msg', 'invalid value')}", parameter=name, errors=errors)


api.add_router(ROUTER_PREFIX, router)
for _exception in (NinjaValidationError, PydanticValidationError, DjangoValidationError):
    api.add_exception_handler(_exception, validation_error)
api.add_exception_handler(HttpError, v3_http_error)


# --- the OpenAPI document ----------------------------------------------------------------------

api.renderer = CompactJSONRenderer()  # compact, Helsinki date-times (api/http.py)
api.title = "Koonto API"
api.description = (
    "Koonto's content for headless clients. Wagtail's pages endpoints are read-only unless the site turns "
    "writes on; /api/v3/koonto/ has Koonto's typed events and funding calls. See docs/api.md."
)
_wagtail_openapi_schema = api.get_openapi_schema


def openapi_schema(*args, **kwargs):
    """Wagtail's document with its 'AllowAnonymous' scheme expressed the OpenAPI way.

    Wagtail declares anonymous access as an HTTP security scheme without a `scheme`, which
    OpenAPI validators reject; OpenAPI spells "auth optional" as an empty requirement `{}`.
    Its page schemas type decimals as strings but give numeric defaults; those become strings.
    The document is in English (field descriptions are the models' help texts).
    """
    with translation.override("en"):
        # Help texts stay lazy in the schema and would be translated when the view renders it,
        # in the reader's language: made strings here, in English.
        schema = json.loads(json.dumps(_wagtail_openapi_schema(*args, **kwargs), cls=DjangoJSONEncoder))
    _string_defaults_as_strings(schema)
    schemes = schema.get("components", {}).get("securitySchemes", {})
    if schemes.pop("AllowAnonymous", None) is not None:
        for operations in schema["paths"].values():
            for operation in operations.values():
                if isinstance(operation, dict) and "security" in operation:
                    operation["security"] = [{} if "AllowAnonymous" in need else need for need in operation["security"]]
    if not getattr(settings, "KOONTO_API_WRITES", False):
        _leave_out_token_operations(schema)
    declare_problem_responses(schema, lambda path: 400 if path.startswith("/api/v3" + ROUTER_PREFIX) else 422)
    _parameters_as_the_edge_takes_them(schema)
    _drop_unreferenced_schemas(schema)
    return schema


def _parameters_as_the_edge_takes_them(schema: dict) -> None:
    """Every parameter's schema says what api.params' edge refuses for all endpoints at once: no
    control characters, at most MAX_VALUE_LENGTH characters, integers within 64 bits. What the
    document allows, the API then accepts (schemathesis checks it: tests/api/test_contract.py)."""

    def bound(node: dict, name: str) -> None:
        for member in node.get("anyOf", []):
            bound(member, name)
        if isinstance(node.get("items"), dict):
            bound(node["items"], name)
        if name == "limit" and node.get("type") == "integer":
            node.setdefault("maximum", settings.WAGTAILAPI_LIMIT_MAX)  # Wagtail's routers refuse more
        if node.get("type") == "string" and "enum" not in node and "const" not in node:
            node.setdefault("maxLength", MAX_VALUE_LENGTH)
            if "pattern" not in node and "format" not in node:
                node["pattern"] = PRINTABLE_PATTERN
        if node.get("type") == "integer":
            if "minimum" not in node and "exclusiveMinimum" not in node:
                node["minimum"] = MIN_ID
            if "maximum" not in node:
                node["maximum"] = MAX_ID

    orderings = order_values()
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("name") == "order" and path in orderings:
                    for member in parameter["schema"].get("anyOf", []):
                        if member.get("type") == "array":
                            member["items"] = {"type": "string", "enum": orderings[path]}
                bound(parameter.get("schema", {}), parameter.get("name"))


def order_values() -> dict[str, list[str]]:
    """The `order` values each of Wagtail's listings accepts for every type it lists (Wagtail
    validates them against the model's API fields; a page type's own fields with `type=` also
    work, but are not listed here)."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.api.validators import OrderingValidator
    from wagtail.documents import get_document_model
    from wagtail.documents.api.v3.router import BASE_DOCUMENT_READ_FIELDS
    from wagtail.images import get_image_model
    from wagtail.images.api.v3.router import BASE_IMAGE_READ_FIELDS
    from wagtail.models import Page

    listings = {
        "pages": (Page, BASE_PAGE_READ_FIELDS),
        "images": (get_image_model(), BASE_IMAGE_READ_FIELDS),
        "documents": (get_document_model(), BASE_DOCUMENT_READ_FIELDS),
    }
    return {
        f"/api/v3/{name}/": sorted(
            OrderingValidator(model=model, fields=[], base_fields=list(fields), db_fields_only=True).allowed_fields - {"random"}
        )
        for name, (model, fields) in listings.items()
    }


def _references(node, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            _references(value, found)
    elif isinstance(node, list):
        for value in node:
            _references(value, found)
    return found


def _drop_unreferenced_schemas(schema: dict) -> None:
    """Leave out the component schemas no operation uses (those of the writes and token-only
    routers left out above, and the query schemas ninja lists beside their parameters), so that a
    client generated from the document has only types it can meet."""
    schemas = schema.get("components", {}).get("schemas", {})
    used: set[str] = set()
    pending = _references(schema.get("paths", {}), set())
    while pending:
        name = pending.pop()
        if name in used or name not in schemas:
            continue
        used.add(name)
        pending |= _references(schemas[name], set()) - used
    for name in list(schemas):
        if name not in used:
            del schemas[name]


def _leave_out_token_operations(schema: dict) -> None:
    """While writes are off, the public document lists only what an anonymous client can call:
    writes (refused with a 405) and token-only routers (redirects, whoami) are left out."""
    for path in list(schema.get("paths", {})):
        operations = schema["paths"][path]
        for method in list(operations):
            operation = operations[method]
            if isinstance(operation, dict) and (method != "get" or {} not in operation.get("security", [{}])):
                del operations[method]
        if not operations:
            del schema["paths"][path]


def _string_defaults_as_strings(node) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and "default" in node and not isinstance(node["default"], str | None):
            node["default"] = str(node["default"])
        for value in node.values():
            _string_defaults_as_strings(value)
    elif isinstance(node, list):
        for value in node:
            _string_defaults_as_strings(value)


api.get_openapi_schema = openapi_schema


# --- Wagtail's own v3 routers: what an anonymous client may read -------------------------------
#
# Wagtail lists the whole image and document library to anyone, and its redirects too. Anonymous
# clients see only the images and documents that content the public may see uses
# (koonto.visibility.PublicRule.used_by_public_content); a bearer token keeps Wagtail's own rule
# (the token user's collections). Redirects need a token. Wagtail's routers read their querysets
# through module-level functions (`get_images_queryset`, `get_documents_queryset`), which are
# wrapped here, and declare their auth per operation, which is narrowed here before the API is
# first bound; tests/api/test_library_privacy.py fails if either stops being so.


def _public_library(original):
    def queryset(request: HttpRequest):
        found = original(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return found
        return rule_for(request).used_by_public_content(found)

    queryset.koonto_public_library = True
    return queryset


def _require_token(router) -> None:
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            if "GET" in operation.methods:
                operation.auth_param = [BearerTokenAuth()]
                operation.auth_callbacks = [BearerTokenAuth()]


WAGTAIL_LIBRARY_QUERYSETS = {
    "wagtail.images.api.v3.router": "get_images_queryset",
    "wagtail.documents.api.v3.router": "get_documents_queryset",
}


def restrict_wagtail_routers() -> None:
    for module_name, function_name in WAGTAIL_LIBRARY_QUERYSETS.items():
        module = importlib.import_module(module_name)
        current = getattr(module, function_name)
        if not getattr(current, "koonto_public_library", False):
            setattr(module, function_name, _public_library(current))
    _require_token(importlib.import_module("wagtail.contrib.redirects.api.v3.router").router)


restrict_wagtail_routers()


# --- the page cache ----------------------------------------------------------------------------


@functools.cache
def query_parameters_by_path() -> dict[str, frozenset[str]]:
    """Each GET operation's query parameters, by path, as the OpenAPI document declares them."""
    paths = api.get_openapi_schema(path_prefix="/api/v3/")["paths"]
    return {
        path: frozenset(parameter["name"] for parameter in operations["get"].get("parameters", []) if parameter["in"] == "query")
        for path, operations in paths.items()
        if "get" in operations
    }


@pagecache.add_query_parameter_source
def openapi_query_parameters(request: HttpRequest) -> frozenset[str] | None:
    """The page cache keys a v3 answer on its operation's declared parameters (Wagtail's endpoints
    ignore any other, so an answer to a request with another is never stored)."""
    if not request.path_info.startswith("/api/v3/"):
        return None
    return query_parameters_by_path().get(pagecache.route_template(request), frozenset())
