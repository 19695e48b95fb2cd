"""The API's parameter layer: what a request under /api/ may carry, and the shape of API errors.

One edge for v2, v3 and the headless preview: `APIParametersMiddleware` refuses, before any
view or query runs, what no endpoint can use and the databases cannot take: control
characters (NUL above all: PostgreSQL refuses it in text) in the path and in every parameter,
and parameters that were not valid UTF-8; values longer than MAX_VALUE_LENGTH; integers past the
64 bits of a primary key, in path ids and in parameters (SQLite overflows, PostgreSQL refuses
them); and dates outside the years the site knows (year 1 overflows in SQLite). Wagtail's own
v2 and v3 code hands ids, offsets and field filters to the database unchecked, so the edge is
where they are caught for every endpoint at once. It also reads `search` as words: Wagtail's
backends hand the text to SQLite's full-text engine, where a quote is syntax. Each API then
checks its own parameters' types with the helpers here (`parse_int`, `parse_moment`,
`clean_field_value`): v2 in api.v2, v3 in its schemas (api.v3).

Errors are RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`,
`detail` (starting with the parameter's name when one is at fault) and then `parameter`.
Wagtail's v3 answers in this shape already; v2 answered `{"message": ...}` until 2026-12
(docs/api.md, Changelog).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError

from koonto.listing import MAX_ID, MAX_YEAR, MIN_YEAR, quote_back
from koonto.normalise import words
from ops.input_guard import UNUSABLE_RE

PROBLEM_JSON = "application/problem+json"
HELSINKI = ZoneInfo(settings.TIME_ZONE)  # Finnish time, the settings' one time zone
MIN_ID = -MAX_ID - 1
# Longer than any id list, field list, path or search a client needs.
MAX_VALUE_LENGTH = 1000
INTEGER_RE = re.compile(r"[+-]?[0-9]+")
DATE_RE = re.compile(r"([+-]?[0-9]{4,})-[0-9]{2}-[0-9]{2}")
# One character the edge accepts (no control character, no U+FFFD), as a regular expression that
# Python, JSON Schema (ECMA 262) and pydantic's engine read alike: for patterns in the OpenAPI document.
PRINTABLE = r"[^\u0000-\u001f\u007f-\u009f\ufffd]"
# Parameters whose value is text even when it is all digits (a search for a long number).
FREE_TEXT = frozenset(["search", "html_path"])


def problem(
    status: int, detail: str, *, parameter: str | None = None, errors: list[dict[str, Any]] | None = None
) -> HttpResponse:
    """An RFC 9457 problem+json response; `detail` starts with `parameter` when there is one.

    Wagtail's v3 `problem_response` writes the same shape but has no room for `parameter`.
    """
    body: dict[str, Any] = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail}
    if parameter:
        body["parameter"] = parameter
    if errors:
        body["errors"] = errors
    return JsonResponse(
        body, status=status, content_type=PROBLEM_JSON, json_dumps_params={"default": str, "separators": (",", ":")}
    )


class ParameterError(BadRequestError):
    """A parameter's value this API cannot use; `str()` is the problem's `detail`."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def parse_int(name: str, raw: str, minimum: int = 0, maximum: int = MAX_ID) -> int:
    """`raw` as an integer from `minimum` to `maximum`, or a ParameterError naming `name`."""
    value = raw.strip()
    if INTEGER_RE.fullmatch(value) and minimum <= int(value) <= maximum:
        return int(value)
    raise ParameterError(name, f"'{quote_back(raw)}' is not an integer from {minimum} to {maximum}")


def parse_choice(name: str, raw: str, choices: tuple[str, ...]) -> str:
    """`raw` if it is one of `choices`, or a ParameterError naming `name` and the choices."""
    if raw in choices:
        return raw
    raise ParameterError(name, f"unknown value '{quote_back(raw)}'; use one of {', '.join(choices)}")


def parse_list(name: str, raw: str | list[str], choices: tuple[str, ...] | None = None) -> list[str]:
    """Several values of one parameter, comma-separated (`status=open,upcoming`) or repeated
    (`status=open&status=upcoming`, given as a list), in order and without repeats.

    With `choices`, each value must be one of them (a ParameterError naming `name` otherwise);
    an empty value (`status=`, `status=open,`) is an error, never "no filter".
    """
    values: list[str] = []
    for part in raw if isinstance(raw, list) else [raw]:
        for value in part.split(","):
            value = value.strip()
            if not value:
                raise ParameterError(name, "an empty value; give one or more values, comma-separated")
            if choices is not None:
                parse_choice(name, value, choices)
            if value not in values:
                values.append(value)
    return values


def parse_moment(name: str, raw: str, end_of_day: bool = False) -> datetime:
    """An ISO 8601 date or date-time from the query string; a date means Helsinki midnight.

    Years outside MIN_YEAR..MAX_YEAR (the listings' bound) are refused: 0001-01-01 overflows
    when SQLite turns it into UTC.
    """
    value = raw.strip()
    try:
        # A bare date first: parse_datetime would read it as midnight and lose `end_of_day`.
        day = parse_date(value) if len(value) == 10 else None
        moment = datetime.combine(day, time.max if end_of_day else time.min) if day else parse_datetime(value)
        if moment is None:
            raise ValueError
    except ValueError:
        raise ParameterError(
            name, f"'{quote_back(raw)}' is not an ISO 8601 date or date-time (e.g. 2026-12-01 or 2026-12-01T10:00:00+02:00)"
        ) from None
    check_year(name, moment)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=HELSINKI)
    return moment


def check_year(name: str, value: date) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ParameterError(name, f"the year must be from {MIN_YEAR} to {MAX_YEAR}")


def clean_field_value(field, name: str, raw: str) -> None:
    """Refuse `raw` as a filter value (`?name=raw`) that the model `field` cannot hold.

    Wagtail's field filters hand the raw value to the database; a wrong type ("abc" for a
    price) then fails there as a 500. The field's own conversion and validators decide
    (integer ranges, decimal digits, lengths), and dates keep to the years the site knows.
    """
    if isinstance(field, TaggableManager | models.BooleanField):
        return  # tag names are text; Wagtail parses booleans itself (true, false, 1, 0)
    if field.get_internal_type() == "JSONField":  # StreamField too: structured, not a value to match
        raise ParameterError(name, "this field cannot be filtered by")
    if field.is_relation:
        # A foreign key, or a relation filtered by the related object's primary key.
        field = field.target_field if field.many_to_one or field.one_to_one else field.related_model._meta.pk
    try:
        value = field.to_python(raw)
        field.run_validators(value)
    except (ValidationError, TypeError, ValueError) as error:
        reason = english(error) if isinstance(error, ValidationError) else "not a value of this field"
        raise ParameterError(name, f"'{quote_back(raw)}' is not a valid value: {reason}") from None
    if isinstance(value, date):
        check_year(name, value)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ParameterError(name, f"'{quote_back(raw)}' is not a number")


def english(error: ValidationError) -> str:
    """A validation error's messages in English, the API's language (the site's is Finnish)."""
    with translation.override("en"):
        return " ".join(str(message) for message in error.messages)


def check_value(name: str, value: str) -> None:
    """The checks every parameter and path value gets, whatever the endpoint."""
    if UNUSABLE_RE.search(name) or UNUSABLE_RE.search(value):
        raise ParameterError(
            quote_back(UNUSABLE_RE.sub("?", name)), "control characters (such as NUL) and invalid UTF-8 are not allowed"
        )
    if len(value) > MAX_VALUE_LENGTH:
        raise ParameterError(name, f"longer than {MAX_VALUE_LENGTH} characters")
    if name in FREE_TEXT:
        return
    if INTEGER_RE.fullmatch(value.strip()) and not MIN_ID <= int(value) <= MAX_ID:
        raise ParameterError(name, f"{quote_back(value)} is out of range: numbers here are 64-bit (at most {MAX_ID})")
    date = DATE_RE.match(value.strip())
    if date and not MIN_YEAR <= int(date[1]) <= MAX_YEAR:
        raise ParameterError(name, f"{quote_back(value)} is out of range: the year must be from {MIN_YEAR} to {MAX_YEAR}")


def check_request(request: HttpRequest) -> None:
    """Raise ParameterError for the first path part or parameter that no endpoint can use."""
    check_value("path", request.path_info)
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    # Path parameters by their names in the URL conf (`pk`, `page_id`, ...); ninja's are strings.
    for name, value in (match.kwargs if match else {}).items():
        check_value(name, str(value))
    for name, values in request.GET.lists():
        for value in values:
            check_value(name, value)


def clean_search(request: HttpRequest) -> None:
    """`search` as the words it has: quotes, operators and markup are not part of a search."""
    if "search" not in request.GET:
        return
    raw = request.GET["search"]
    text = " ".join(words(raw))
    params = request.GET.copy()
    if raw.strip() and not text:
        if not request.path_info.startswith("/api/v3/"):
            raise ParameterError("search", "give at least one word to search for")
        # v3: the OpenAPI document allows any text, so a search without words is no search, as
        # an empty one is (v2 refuses it).
        del params["search"]
        params._mutable = False
        request.GET = params
        return
    params["search"] = text
    params._mutable = False
    request.GET = params


# Wagtail's own v3 listings (pages, images, documents), whose filters are combined below.
WAGTAIL_V3_LISTINGS = re.compile(r"^/api/v3/(pages|images|documents)/$")


def combine_wagtail_filters(request: HttpRequest) -> None:
    """What Wagtail's v3 listings refuse as a combination, though each value is valid: read it.

    - `order=random` with an `offset`: a random order has no pages to skip; the offset is ignored.
    - `order` with a `search`: the results come by relevance, and `order` is ignored.
    - `child_of` with `descendant_of` (pages): the children of one page that are in the other's
      subtree, which is all of them when the first page is in that subtree, else none (asked of
      Wagtail as the children of a page that are also its ancestors).
    """
    if request.method not in ("GET", "HEAD") or not WAGTAIL_V3_LISTINGS.match(request.path_info):
        return
    params = request.GET.copy()
    if params.getlist("order") == ["random"] and "offset" in params:
        del params["offset"]
    if params.get("search") and "order" in params:
        del params["order"]  # search results come by relevance (Wagtail orders them by indexed fields only)
    if request.path_info == "/api/v3/pages/" and params.get("child_of") and params.get("descendant_of"):
        parent, ancestor = tree_page(request, params["child_of"]), tree_page(request, params["descendant_of"])
        if ancestor is None:
            del params["child_of"]  # Wagtail answers that descendant_of's page does not exist
        elif parent is None or parent.path.startswith(ancestor.path):
            del params["descendant_of"]
        else:
            del params["descendant_of"]
            params.setlist("ancestor_of", [str(parent.pk)])
    params._mutable = False
    request.GET = params


def tree_page(request: HttpRequest, value: str):
    """The page a tree filter names (an id or `root`, the site's root page), or None."""
    from wagtail.models import Page, Site

    if value == "root":
        site = Site.find_for_request(request)
        return site.root_page if site else None
    if not INTEGER_RE.fullmatch(value) or not 0 < int(value) <= MAX_ID:
        return None
    return Page.objects.filter(pk=int(value)).only("pk", "path").first()


class APIParametersMiddleware:
    """The API's edge (see the module docstring): a 400 problem before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.path_info.startswith("/api/"):
            try:
                check_request(request)
                clean_search(request)
                combine_wagtail_filters(request)
            except ParameterError as error:
                return problem(400, str(error), parameter=error.parameter)
        return self.get_response(request)
