"""Site search: live, public pages in the visitor's language only.

`search` is the search page (filters, snippets, pagination, promoted results, help when nothing
is found); `suggest` answers the search box's autocomplete with JSON. Both take whatever a
visitor types: the query is cut, reduced to words and never echoed as HTML (templates escape it).
Every value is read through the listings' query-string layer (koonto.listing.clean_text).
"""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from guides.models import FundingCallPage, GuideIndexPage, GuidePage
from koonto.listing import ListingState, clean_text
from koonto.normalise import MAX_QUERY_LENGTH, clean_query, query_terms
from koonto.slugs import ascii_slug
from koonto.visibility import PublicRule, rule_for
from ops.pagecache import query_parameters
from search import engine, ranking
from search.excerpts import snippet_of
from search.models import ZeroResultHits

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8
FILTER_NAMES = ("type", "tag", "municipality")
# Where a visitor who found nothing can go next.
FUNDING_GUIDES_SHOWN = 5
# Longer than a search can be (MAX_QUERY_LENGTH), so that a long one is told it was cut.
QUERY_READ_LENGTH = 1000


@query_parameters("q", "page", *FILTER_NAMES)
def search(request):
    state = ListingState()
    notes = state.messages
    raw_query = clean_text(request.GET, "q", state, max_length=QUERY_READ_LENGTH)
    query = clean_query(raw_query)
    locale = Locale.get_active()
    if len(" ".join(raw_query.split())) > MAX_QUERY_LENGTH:
        notes.append(_("Your search was long, so only its first %(count)s characters were used.") % {"count": MAX_QUERY_LENGTH})
    filters = _filters(request, state)
    context = {"search_query": query, "notes": notes, "filters": filters, "searched": bool(query)}
    if query:
        page_number = clean_text(request.GET, "page", state)
        context.update(_results(request, query, locale, filters, page_number, notes))
    elif "q" in request.GET:
        notes.append(_("Type a word or two to search for."))
    response = TemplateResponse(request, "search/search.html", context)
    # Every search must reach this view to be counted for the report: no shared cache may keep
    # the page (the search itself is kept, engine.cached_search).
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _filters(request, state: ListingState) -> dict[str, str]:
    """The filters in the query string; an unknown type is ignored with a note. A tag slug with
    ä/ö (shared before tag slugs became ASCII, koonto/slugs.py) filters as its ASCII slug."""
    filters = {name: clean_text(request.GET, name, state, max_length=100) for name in FILTER_NAMES}
    filters["tag"] = ascii_slug(filters["tag"])
    if filters["type"] and filters["type"] not in {*engine.result_types(), "page"}:
        filters["type"] = ""
        state.messages.append(_("That result type does not exist, so results of every type are shown."))
    return {name: value for name, value in filters.items() if value}


def _results(request, query: str, locale: Locale, filters: dict[str, str], page_number: str, notes: list[str]) -> dict:
    rule = rule_for(request)
    outcome = engine.cached_search(query, locale, filters, rule)
    if not outcome.terms:
        notes.append(_("Your search has no words to look for. Try letters or numbers."))
        return {}
    page_obj = _paginate(outcome.hits, page_number, notes)
    if page_number in ("", "1"):  # a new search, not its next page
        _log(query, found=bool(outcome.hits or filters))
    # Through public_pages again: a kept outcome (engine.cached_search) is never trusted alone.
    # A result needs only the page's title and URL (the base Page row) and the texts its snippet
    # quotes (kept in its rank entry when it was published): no page model, no StreamField.
    pages = engine.public_pages(locale, rule).filter(pk__in=[hit.pk for hit in page_obj]).in_bulk()
    texts = ranking.snippet_texts(pages)
    lang = locale.language_code
    results = [
        {
            "page": pages[hit.pk],
            "type": hit.type_key,
            "type_label": engine.type_label(hit.type_key),
            "snippet": snippet_of(texts.get(hit.pk, []), outcome.terms, lang),
            "call_status": hit.call_status,
            "status_label": FundingCallPage.Status(hit.call_status).label if hit.call_status else "",
        }
        for hit in page_obj
        if hit.pk in pages
    ]
    context = {
        "search_results": page_obj,
        "results": results,
        "facets": outcome.facets,
        "relaxed": outcome.relaxed,
        "promotions": _promotions(query, locale, rule) if page_obj.number == 1 and not filters else [],
        "query_string_without_page": urlencode({"q": query, **filters}),
    }
    if not outcome.hits:
        context.update(_zero_result_help(query, locale, rule))
    return context


def _paginate(hits, number, notes: list[str]):
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        notes.append(_("That is not a page number, so the first page is shown."))
        return paginator.page(1)
    except EmptyPage:
        notes.append(_("There are not that many pages of results, so the last page is shown."))
        return paginator.page(paginator.num_pages)


def _log(query: str, found: bool) -> None:
    """Count the query for the staff report (Reports → Search queries)."""
    logged = Query.get(query)
    # Query.add_hit reads the day's row and saves it whole; an UPDATE adds one in a single query.
    today = timezone.now().date()
    if not QueryDailyHits.objects.filter(query=logged, date=today).update(hits=F("hits") + 1):
        logged.add_hit(today)
    if not found:
        ZeroResultHits.add_hit(logged)


def _promotions(query: str, locale: Locale, rule: PublicRule) -> list[SearchPromotion]:
    """Editors' picks for this query: external links, and live public pages in this language."""
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    picks = list(picks)
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set(engine.public_pages(locale, rule).filter(pk__in=page_ids).values_list("pk", flat=True)) if page_ids else set()
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]


def _zero_result_help(query: str, locale: Locale, rule: PublicRule) -> dict:
    """A spelling suggestion that finds something, and the funding guides to browse."""
    suggestion = engine.spelling_suggestion(query, locale, rule)
    if suggestion and not engine.cached_search(suggestion, locale, rule=rule).hits:
        suggestion = ""
    guides = rule.pages(GuidePage.objects.filter(locale=locale)).order_by("title")[:FUNDING_GUIDES_SHOWN]
    guide_index = rule.pages(GuideIndexPage.objects.filter(locale=locale)).first()
    return {"suggestion": suggestion, "guides": guides, "guide_index": guide_index}


@query_parameters("q")
def suggest(request):
    """Autocomplete for the search box: up to eight pages whose title starts with, or which
    match, what has been typed. JSON: {"query": ..., "suggestions": [{"title", "url", "type"}]}."""
    query = clean_query(clean_text(request.GET, "q", ListingState()))
    locale = Locale.get_active()
    suggestions = []
    if len(query) >= 2 and query_terms(query, locale.language_code):
        rule = rule_for(request)
        pages = list(engine.public_pages(locale, rule).autocomplete(query)[:MAX_SUGGESTIONS])
        seen = {page.pk for page in pages}
        hits = [hit for hit in engine.cached_search(query, locale, rule=rule).hits if hit.pk not in seen]
        extra = (
            engine.public_pages(locale, rule).filter(pk__in=[hit.pk for hit in hits[: MAX_SUGGESTIONS - len(pages)]]).in_bulk()
        )
        pages += [extra[hit.pk] for hit in hits if hit.pk in extra]
        type_keys = engine.type_keys()
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": str(engine.type_label(type_keys.get(page.content_type_id, "page"))),
            }
            for page in pages[:MAX_SUGGESTIONS]
        ]
    response = JsonResponse({"query": query, "suggestions": suggestions})
    response["X-Robots-Tag"] = "noindex"
    return response
