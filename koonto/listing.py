"""The query-string layer of the public HTML views: filters and pagination of the listings
(showcases, events, tag pages), and the values search and the calendar feed read.

Filter values come from the query string so that a filtered list is a shareable URL that
works without JavaScript. A value that is not allowed never raises: it is ignored and a
message tells the reader why the list is wider than they asked for.

Every value a public HTML view reads from the query string goes through `clean_text` first:
stripped, cut to a length no filter needs, and refused if it holds control characters or
text that was not valid UTF-8 (PostgreSQL refuses NUL in text; a value like that never came
from a form). Numbers in paths are bounded by the `id` path converter (`IdConverter`), so
that no id reaches the database beyond the 64 bits a primary key has. A view declares the
parameters it reads with `ops.pagecache.query_parameters` (a page type with a
`query_parameters` attribute): the page cache keys on them, and tests find them there
(tests/security/test_hostile_input.py).
"""

import functools
import re
from collections.abc import Callable, Collection, Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from ops.input_guard import UNUSABLE_RE

PAGE_SIZE = 12
# The deepest page of a listing whose HTML is kept (kept_listing_key): further pages are rendered
# on each request, so that page numbers cannot fill the cache with variants.
MAX_KEPT_PAGE = 50
MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")
MIN_YEAR, MAX_YEAR = 1900, 2999
# The largest primary key the databases can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1
# Longer than any filter value, page number or search the site needs (search cuts at 200).
MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class Option:
    """One choice of a filter, with the number of results it would give."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Filter:
    """A labelled select in the filter form; `value` is the cleaned current choice ('' for all)."""

    name: str
    label: str
    options: list[Option]
    value: str = ""
    all_label: str = ""


@dataclass
class ListingState:
    """What a listing got from the query string: valid filter values and messages about the rest."""

    values: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    keep: dict[str, str] = field(default_factory=dict)
    """Parameters that choose the view rather than filter it (e.g. when=past): kept in links, not cleared."""

    @property
    def query(self) -> QueryDict:
        """The valid filters as a QueryDict (no page number), for links that keep them."""
        query = QueryDict(mutable=True)
        for name, value in {**self.keep, **self.values}.items():
            if value:
                query[name] = value
        return query

    @property
    def is_filtered(self) -> bool:
        return any(self.values.values())


def quote_back(value: str, limit: int = 40) -> str:
    """A value from the query string as it may be quoted back in a message: short."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def clean_text(params: Mapping[str, str], name: str, state: ListingState, max_length: int = MAX_VALUE_LENGTH) -> str:
    """The value of `name` as a view may use it: stripped and at most `max_length` characters.

    A value with control characters (NUL above all) or invalid UTF-8 is '' and a message says
    it was ignored: it is not a value anyone chose, and the database must never see it.
    """
    value = (params.get(name) or "").strip()
    if UNUSABLE_RE.search(value):
        message = _("The value of “%(name)s” had characters that cannot be used, so it was ignored.")
        state.messages.append(message % {"name": quote_back(name)})
        return ""
    return value[:max_length]


def clean_texts(params: QueryDict, name: str, state: ListingState) -> list[str]:
    """Every value of `name` (`?name=a&name=b` or `?name=a,b`) as `clean_text` gives it, blanks dropped."""
    values = []
    for raw in params.getlist(name):
        values += [value.strip() for value in clean_text({name: raw}, name, state).split(",") if value.strip()]
    return values


def clean_choice(params: Mapping[str, str], name: str, allowed: Container[str], state: ListingState, message: str) -> str:
    """The value of `name` if it is allowed; otherwise '' and `message` (with %(value)s) is recorded."""
    value = clean_text(params, name, state)
    if value and value not in allowed:
        state.messages.append(message % {"value": quote_back(value)})
        value = ""
    state.values[name] = value
    return value


def parse_month(value: str) -> date | None:
    """The first day of a YYYY-MM month, or None if the value is not one."""
    match = MONTH_RE.fullmatch(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    # Far-off years would overflow when the month is turned into UTC times for the query.
    if not (1 <= month <= 12 and MIN_YEAR <= year <= MAX_YEAR):
        return None
    return date(year, month, 1)


def clean_month(params: Mapping[str, str], name: str, state: ListingState) -> date | None:
    """The month asked for in `name` (YYYY-MM), or None with a message if it is malformed."""
    value = clean_text(params, name, state)
    month = parse_month(value)
    if value and month is None:
        state.messages.append(
            _("“%(value)s” is not a month in the form YYYY-MM, so events of every month are shown.")
            % {"value": quote_back(value)}
        )
    state.values[name] = month.strftime("%Y-%m") if month else ""
    return month


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The start of `month` and of the next month, in Finnish time (the site's time zone)."""
    tz = timezone.get_default_timezone()
    next_month = date(month.year + 1, 1, 1) if month.month == 12 else date(month.year, month.month + 1, 1)
    return (
        datetime(month.year, month.month, 1, tzinfo=tz),
        datetime(next_month.year, next_month.month, 1, tzinfo=tz),
    )


def paginate(object_list, params: Mapping[str, str], state: ListingState, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """The page of `object_list` asked for in `page`; a bad number gives the nearest page and a message."""
    paginator = Paginator(object_list, per_page)
    raw = clean_text(params, "page", state)
    try:
        number = int(raw) if raw else 1
    except ValueError:
        state.messages.append(_("“%(value)s” is not a page number, so the first page is shown.") % {"value": quote_back(raw)})
        number = 1
    if number < 1:
        state.messages.append(_("There is no page %(value)s, so the first page is shown.") % {"value": quote_back(raw)})
        number = 1
    elif number > paginator.num_pages:
        message = _("There is no page %(value)s, so the last page (%(last)s) is shown.")
        state.messages.append(message % {"value": quote_back(raw), "last": paginator.num_pages})
        number = paginator.num_pages
    return paginator.page(number)


def make_options(rows: Iterable[tuple[str, str, int]], selected: str = "", selected_label: str = "") -> list[Option]:
    """Options from (value, label, count) rows that have results.

    The selected value stays in the list even when it has no results (with `selected_label`),
    so that the form shows what is chosen and sending it again keeps the choice.
    """
    options = [Option(value, label, count, value == selected) for value, label, count in rows if count]
    if selected and not any(option.selected for option in options):
        options.append(Option(selected, selected_label or selected, 0, True))
    return options


def kept_listing_key(state: ListingState, params: Mapping[str, str]) -> str | None:
    """The key under which a listing's HTML may be kept until content changes, or None.

    `state` holds the filters already cleaned (without the page number). A listing is kept only
    when every filter value was valid (no message) and the page number, if any, is a plain number
    up to MAX_KEPT_PAGE: the key is then the cleaned query, so equal listings share one entry and
    the entries are bounded by the valid choices, whatever a client sends. The listing must be a
    function of that key, the site, the language and published content (and the clock, with
    `rollover`) alone: the template keeps it with `{% cached_fragment ... listing_key %}`.
    """
    if state.messages:
        return None
    raw = clean_text(params, "page", ListingState())
    if raw and not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_KEPT_PAGE):
        return None
    query = state.query
    if raw and int(raw) > 1:
        query["page"] = str(int(raw))
    return query.urlencode()


def lazy_context(build: Callable[[], dict], names: Collection[str]) -> dict:
    """`names` of the dict `build()` returns, as context values that call it when first used.

    For what a template shows only inside a `{% cached_fragment %}`: a listing whose HTML is kept
    (kept_listing_key) reads nothing, its counts, totals and page of results are queried only
    when the template renders them, and then once for all the names. Templates see the values
    as they are (a lazy object passes `isinstance`, `if`, `for` and attribute lookups through).
    """
    once = functools.cache(_loud(build))
    return {name: SimpleLazyObject(lambda name=name: once()[name]) for name in names}


class LazyContextError(Exception):
    """A lazy context value failed to build. Not one the template engine silences (as it does
    ObjectDoesNotExist): a listing that failed must be an error, never kept as an empty one."""


def _loud(build: Callable[[], dict]) -> Callable[[], dict]:
    def built() -> dict:
        try:
            return build()
        except Exception as error:
            raise LazyContextError(f"{build.__qualname__} failed: {error!r}") from error

    return built


def from_param(state: ListingState, page_number: int) -> str:
    """The `from` query parameter that lets a detail page link back to this very list view."""
    query = state.query
    if page_number > 1:
        query["page"] = str(page_number)
    return urlencode({"from": query.urlencode()}) if query else ""


class IdConverter:
    """`<id:name>` in a URL: a primary key, at most MAX_ID; a larger number does not match (404).

    Django's `<int:...>` matches any number of digits, and a number past 64 bits makes the
    database fail (SQLite overflows, PostgreSQL refuses it) instead of finding nothing.
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is larger than any id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)
