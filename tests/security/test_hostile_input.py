"""Hostile input (issue 15): no parameter of a public listing, feed or API endpoint gives a 5xx,
and none writes to the database.

A table of hostile values (HOSTILE) goes to every parameter, one parameter at a time, beside
ordinary values of the endpoint's other parameters (`type=` for a field filter, a search for
the search page's filters); the API refuses UNUSABLE values at its edge, so those go alone
there. The parameters are discovered, not listed here:

- HTML views and feeds, from the URL conf: function views declare `query_parameters`
  (koonto.listing), the listing page types declare them on the model; the links and forms a
  listing renders add any other name they use, so a filter the page offers cannot go untested;
- API v2, from the URL conf: each endpoint's `known_query_parameters` (and
  `find_query_parameters`), and the database fields of every page model's `api_fields`
  (field filters, with `type=`);
- API v3, from its OpenAPI document: the query and path parameters of every GET operation,
  and the page models' `api_fields` as field filters of the pages listing.

Path parameters (ids, slugs) get the same values. API errors must be problem+json. One
fixture site serves the whole module. On PostgreSQL a failing request aborts the test's
transaction, so each request runs in a savepoint that a 5xx rolls back (and reports).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.signals import got_request_exception
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import timezone, translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site, get_page_models

from api.v2 import KoontoPagesAPIViewSet
from guides.models import FundingCallAttachment, FundingCallContact
from koonto.models import ContactPerson, Municipality, Organisation
from search.models import ZeroResultHits
from showcase.models import ShowcaseMunicipality, ShowcaseOrganisation
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FundingCallPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    HomePageFactory,
    ShowcaseIndexPageFactory,
    ShowcasePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

# Each value as it appears in a query string or path (already percent-encoded). The first group
# is what no endpoint may use at all; the second is ordinary-looking text of the wrong kind.
UNUSABLE = {
    "past 64 bits": "9223372036854775808",
    "below 64 bits": "-9223372036854775809",
    "NUL": "a%00b",
    "invalid UTF-8": "%FF%FE%C3",
    "10,000 characters": "x" * 10_000,
}
WRONG = {
    "largest 64-bit": "9223372036854775807",
    "negative": "-1",
    "year 1": "0001-01-01",
    "year 9999": "9999-12-31T23%3A59%3A59",
    "empty": "",
    "wrong type, unknown choice, markup": "%3Cscript%3E%22%27%3B--%25",
}
HOSTILE = {**UNUSABLE, **WRONG}
# Tables a public request may write to: search statistics count queries (issue 15).
SEARCH_STATISTICS = {model._meta.db_table for model in (Query, QueryDailyHits, ZeroResultHits)}
WRITE_RE = re.compile(r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+[\"`]?(\w+)", re.IGNORECASE)
CONVERTER_RE = re.compile(r"<(?:(\w+):)?(\w+)>|\{(\w+)\}|\(\?P<(\w+)>[^)]*\)")
HELSINKI = timezone.get_default_timezone()


# --- the fixture site ---------------------------------------------------------------------------


@dataclass
class FixtureSite:
    """One published page of each type, with the snippets, media and tags they use."""

    pages: list[Page]
    word: str
    """A word of the fixture's content, for text inputs (the search box)."""
    path_values: list[str]
    """Ordinary values for path parameters: ids and slugs of the fixture's objects."""


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def build_site() -> FixtureSite:
    fi = Locale.objects.get(language_code="fi")
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="koonto", locale=fi)
    site, _created = Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    home.copy_for_translation(en).save_revision().publish()

    kuopio = Municipality.objects.get(code="297")
    image = wagtail_factories.ImageFactory(title="Kuva", description="Kuvateksti", file__width=400, file__height=300)
    document = Document.objects.create(title="Hakuilmoitus", file=ContentFile(b"%PDF-1.4 haku", name="haku.pdf"))
    organisation = Organisation.objects.create(name="Pallokissat ry", municipality=kuopio, locale=fi)
    contact = ContactPerson.objects.create(name="Hanna Hankkija", role="Projektipäällikkö", email="hanna@example.fi", locale=fi)

    guide_index = GuideIndexPageFactory(parent=home, slug="rahoitus")
    event_index = EventIndexPageFactory(parent=home, slug="tapahtumat")
    showcase_index = ShowcaseIndexPageFactory(parent=home, slug="hankkeet")
    standard = StandardPageFactory(parent=home, slug="tietoa")
    guide = GuidePageFactory(parent=guide_index, slug="opas")
    call = FundingCallPageFactory(parent=guide_index, slug="haku")
    FundingCallContact.objects.create(page=call, contact=contact)
    FundingCallAttachment.objects.create(page=call, document=document, title="Hakuilmoitus")
    event = EventPageFactory(
        parent=event_index,
        title="Kerhoilta",
        slug="tapahtuma",
        municipality=kuopio,
        organiser=organisation,
        listing_image=image,
        starts_at=timezone.now() + timedelta(days=30),
    )
    event.tags.add("koulutus")
    past_event = EventPageFactory(parent=event_index, slug="mennyt", starts_at=datetime(2020, 1, 10, 10, tzinfo=HELSINKI))
    showcase = ShowcasePageFactory(parent=showcase_index, slug="hanke", programme_period="2021-2027")
    ShowcaseOrganisation.objects.create(page=showcase, organisation=organisation, role="implementer")
    ShowcaseMunicipality.objects.create(page=showcase, municipality=kuopio)
    pages = [guide_index, event_index, showcase_index, standard, guide, call, event, past_event, showcase]
    pages = [publish(page) for page in pages]
    redirect = Redirect.objects.create(old_path="/vanha", redirect_page=event, site=site)
    path_values = [
        str(event.pk),
        str(image.pk),
        str(document.pk),
        str(redirect.pk),
        str(site.pk),
        str(event.latest_revision_id),
        "koulutus",
        organisation.slug,
        "events.EventPage",
        "koonto.Organisation",
    ]
    return FixtureSite(pages=[home, *pages], word="kerhoilta", path_values=path_values)


@pytest.fixture(scope="module")
def fixture_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site()
        transaction.set_rollback(True)


# --- sending requests ---------------------------------------------------------------------------


@dataclass
class Prober:
    """Sends requests, each in a savepoint; collects 5xx answers, API errors that are not
    problem+json, and writes outside the search statistics."""

    fixture: FixtureSite
    client: Client = field(default_factory=lambda: Client(raise_request_exception=False))
    failures: list[str] = field(default_factory=list)
    writes: Counter = field(default_factory=Counter)
    sent: int = 0

    def get(self, url: str):
        errors = []

        def remember(sender, **kwargs):
            errors.append(repr(sys.exc_info()[1])[:300])

        got_request_exception.connect(remember)
        savepoint = transaction.savepoint()
        try:
            with translation.override("fi"):
                response = self.client.get(url)
        finally:
            got_request_exception.disconnect(remember)
        self.sent += 1
        if response.status_code >= 500:
            transaction.savepoint_rollback(savepoint)
            self.failures.append(f"{response.status_code} {shorten(url)} {errors[-1] if errors else ''}")
        else:
            transaction.savepoint_commit(savepoint)
        content_type = response["Content-Type"]
        if url.startswith("/api/") and 400 <= response.status_code < 500 and content_type != "application/problem+json":
            self.failures.append(f"{response.status_code} not problem+json ({content_type}): {shorten(url)}")
        return response

    def ordinary_path_values(self, template: str) -> dict[str, str]:
        """For each path parameter, the first fixture value that finds something (else the first)."""
        names = path_parameters(template)
        chosen = {name: quote(self.fixture.path_values[0]) for name in names}
        for name in names:
            for value in self.fixture.path_values:
                if self.get(fill(template, {**chosen, name: quote(value)})).status_code != 404:
                    chosen[name] = quote(value)
                    break
        return chosen

    def record_writes(self, execute, sql, params, many, context):
        match = WRITE_RE.match(sql)
        if match and match[1] not in SEARCH_STATISTICS:
            self.writes[match[1]] += 1
        return execute(sql, params, many, context)

    def send(self, urls: list[str]):
        """The hostile requests: nothing they do may write to the content tables."""
        with connection.execute_wrapper(self.record_writes):
            for url in dict.fromkeys(urls):  # each once
                self.get(url)
        assert not self.failures, f"{len(self.failures)} of {self.sent} requests failed:\n" + "\n".join(self.failures[:40])
        assert not self.writes, f"hostile requests wrote to {dict(self.writes)}"


@pytest.fixture
def prober(fixture_site):
    return Prober(fixture_site)


def hostile_query_urls(path: str, names, base: dict[str, str], *, unusable_alone: bool) -> list[str]:
    """Each hostile value in each of `names`, the other parameters at their `base` values.

    With `unusable_alone`, the UNUSABLE values go alone: the API refuses them at its edge,
    whatever else the request carries.
    """
    urls = []
    for name in sorted(names):
        others = encode({key: value for key, value in base.items() if key != name})
        prefix = f"{path}?{others}&" if others else f"{path}?"
        urls += [f"{prefix}{quote(name)}={value}" for value in (WRONG if unusable_alone else HOSTILE).values()]
        if unusable_alone:
            urls += [f"{path}?{quote(name)}={value}" for value in UNUSABLE.values()]
    return urls


def hostile_path_urls(template: str, ordinary: dict[str, str]) -> list[str]:
    """Each hostile value in each path parameter of `template`, the others `ordinary`."""
    return [fill(template, {**ordinary, name: value}) for name in ordinary for value in HOSTILE.values()]


def shorten(url: str) -> str:
    return url if len(url) < 160 else url[:150] + f"…({len(url)} characters)"


def encode(params: dict[str, str]) -> str:
    return "&".join(f"{quote(name)}={quote(value)}" for name, value in params.items())


def path_parameters(template: str) -> list[str]:
    return [next(group for group in match.groups()[1:] if group) for match in CONVERTER_RE.finditer(template)]


def fill(template: str, values: dict[str, str]) -> str:
    def value(match):
        return values[next(group for group in match.groups()[1:] if group)]

    return "/" + CONVERTER_RE.sub(value, template).lstrip("/")


# --- discovery ----------------------------------------------------------------------------------


def describe(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return str(pattern._route)
    if isinstance(pattern, RegexPattern):
        return pattern._regex.lstrip("^").rstrip("$").replace("\\Z", "")
    return str(pattern)


def url_patterns(resolver: URLResolver | None = None, prefix: str = ""):
    """(route, view) for every view in the URL conf, in Finnish, with converters as written."""
    with translation.override("fi"):
        for pattern in (resolver or get_resolver()).url_patterns:
            route = prefix + describe(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from url_patterns(pattern, route)
            elif isinstance(pattern, URLPattern):
                yield route, pattern.callback


class FormsAndLinks(HTMLParser):
    """The query parameters that a page's links and GET forms use, by the path they lead to,
    with a value each uses (a select's first option), and the forms' empty text inputs."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base
        self.found: dict[str, dict[str, str]] = {}
        self.empty_text: dict[str, set[str]] = {}
        self.form_action = None
        self.select = None

    def add(self, url: str, params: dict[str, str]):
        known = self.found.setdefault(urlsplit(urljoin(self.base, url)).path, {})
        for name, value in params.items():
            if not known.get(name):
                known[name] = value

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "a" and "?" in (attrs.get("href") or ""):
            self.add(attrs["href"], dict(parse_qsl(urlsplit(attrs["href"]).query, keep_blank_values=True)))
        elif tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self.form_action = urljoin(self.base, attrs.get("action") or self.base)
        elif tag in ("input", "select") and self.form_action and name:
            self.add(self.form_action, {name: attrs.get("value") or ""})
            self.select = name if tag == "select" else None
            if tag == "input" and attrs.get("type", "text") in ("text", "search") and not attrs.get("value"):
                self.empty_text.setdefault(urlsplit(self.form_action).path, set()).add(name)
        elif tag == "option" and self.select and attrs.get("value"):
            self.add(self.form_action, {self.select: attrs["value"]})

    def handle_endtag(self, tag):
        if tag == "form":
            self.form_action = None
        elif tag == "select":
            self.select = None


def html_endpoints(prober: Prober) -> dict[str, dict[str, str]]:
    """Every public HTML view and feed that reads the query string: {path: {name: ordinary value}}.

    Names come from the views' and page types' `query_parameters`, and from the links and forms
    of the pages themselves, which also give the ordinary values. A form's empty text input
    (the search box) is filled with a word of the fixture's content, and that page read too.
    """
    endpoints: dict[str, dict[str, str]] = {}
    for route, view in url_patterns():
        names = getattr(view, "query_parameters", None)
        if names is not None and route.startswith("fi/"):
            endpoints[fill(route, prober.ordinary_path_values(route))] = dict.fromkeys(names, "")
    for page in prober.fixture.pages:
        names = getattr(page.specific_class, "query_parameters", None)
        if names is not None:
            endpoints[page.url] = dict.fromkeys(names, "")
    pages = list(endpoints)
    while pages:
        page = pages.pop()
        parser = FormsAndLinks(page)
        parser.feed(prober.get(page).content.decode(errors="replace"))
        for target, params in parser.found.items():
            if target in endpoints:
                for name, value in params.items():
                    endpoints[target][name] = endpoints[target].get(name) or value
        for target, names in parser.empty_text.items():
            if target in endpoints and "?" not in page:
                pages.append(f"{target}?{encode(dict.fromkeys(names, prober.fixture.word))}")
    return endpoints


def v2_endpoints():
    """(route, viewset, action) for every API v2 view in the URL conf (the headless preview too)."""
    for route, view in url_patterns():
        viewset = getattr(view, "cls", None)
        if route.startswith("api/") and hasattr(viewset, "known_query_parameters"):
            yield route, viewset, view.actions["get"]


def field_filters(viewset, models) -> dict[str, str]:
    """Every database field a listing filters by ({name: model label}), each name and kind once."""
    filters = {}
    kinds = set()
    for model in models:
        for name in viewset.get_available_fields(model, db_fields_only=True):
            kind = (name, type(model._meta.get_field(name)))
            if kind not in kinds:
                kinds.add(kind)
                filters.setdefault(name, model._meta.label)
    return filters


def filters_by_fields(viewset) -> bool:
    """Whether the endpoint's listing is Wagtail's, which filters by fields (the preview's is not)."""
    return viewset.listing_view.__qualname__ == "BaseAPIViewSet.listing_view"


def page_models():
    return sorted(get_page_models(), key=lambda model: model._meta.label)


# --- the tests ----------------------------------------------------------------------------------


def test_no_html_listing_or_feed_parameter_gives_a_5xx_or_writes(prober):
    endpoints = html_endpoints(prober)
    assert {"/fi/tapahtumat/", "/fi/hankkeet/", "/fi/search/", "/fi/kalenteri.ics"} <= set(endpoints)
    urls = []
    for path, params in endpoints.items():
        base = {name: value for name, value in params.items() if value}
        urls += hostile_query_urls(path, params, base, unusable_alone=False)
    prober.send(urls)


def test_no_html_path_parameter_gives_a_5xx_or_writes(prober):
    routes = [route for route, _view in url_patterns() if route.startswith("fi/") and path_parameters(route)]
    assert any("kalenteri/" in route for route in routes)
    urls = [url for route in routes for url in hostile_path_urls(route, prober.ordinary_path_values(route))]
    for page in prober.fixture.pages:  # Wagtail's page routing, under every section
        urls += [f"{page.url}{value}/" for value in HOSTILE.values()]
    prober.send(urls)


def test_no_api_v2_parameter_gives_a_5xx_or_writes(prober):
    endpoints = list(v2_endpoints())
    assert {"api/v2/pages/", "api/v2/pages/find/", "api/v2/images/", "api/v2/documents/", "api/preview/"} <= {
        route for route, _viewset, _action in endpoints
    }
    urls = []
    for route, viewset, action in endpoints:
        ordinary = prober.ordinary_path_values(route)
        urls += hostile_path_urls(route, ordinary)
        path = fill(route, ordinary)
        prober.get(path)  # first reads make renditions and fill in file sizes: not the hostile requests' doing
        names = set(viewset.known_query_parameters) | set(getattr(viewset, "find_query_parameters", ()))
        urls += hostile_query_urls(path, names, {}, unusable_alone=True)
        if action == "listing_view" and filters_by_fields(viewset):
            models = page_models() if issubclass(viewset.model, Page) else [viewset.model]
            for name, label in field_filters(viewset, models).items():
                base = {"type": label} if "type" in names else {}
                urls += hostile_query_urls(path, [name], base, unusable_alone=True)
    prober.send(urls)


def test_no_api_v3_parameter_gives_a_5xx_or_writes(prober):
    schema = json.loads(prober.get("/api/v3/openapi.json").content)
    operations = [(path, operation) for path, item in schema["paths"].items() if (operation := item.get("get"))]
    assert {"/api/v3/pages/", "/api/v3/koonto/events/", "/api/v3/koonto/calls/{page_id}/"} <= {path for path, _op in operations}
    urls = []
    for template, operation in operations:
        ordinary = prober.ordinary_path_values(template)
        urls += hostile_path_urls(template, ordinary)
        path = fill(template, ordinary)
        prober.get(path)
        names = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
        urls += hostile_query_urls(path, names, {}, unusable_alone=True)
    # The pages listing also filters by the page models' API fields (not in the OpenAPI document).
    for name, label in field_filters(KoontoPagesAPIViewSet, page_models()).items():
        urls += hostile_query_urls("/api/v3/pages/", [name], {"type": label}, unusable_alone=True)
    prober.send(urls)
