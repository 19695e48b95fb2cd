"""The search behind the search page, the suggestions and the API: match, rank, facet.

Matching is done by Wagtail's database search backend over the normalised fields
(koonto/normalise.py), so it runs in the database on SQLite and PostgreSQL alike. Ranking and
facets are done here, in Python, over each matched page's rank entry (search/ranking.py: its
title and summary already in base forms, its tags, municipalities and call dates), read in the
same query as the match: the two backends score differently (BM25 vs ts_rank), and Koonto's
rules (title and summary over body, exact words over base forms over compound parts, open calls
first) must give the same order on both.
"""

import difflib
import hashlib
import json
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.query import PlainText

from guides.models import call_status
from koonto import reference_tables
from koonto.localised_tags import taggable_page_models
from koonto.models import ListingMixin
from koonto.normalise import display_base, fold, language_of, query_terms, word_terms, words
from koonto.visibility import PublicRule, rule_for
from ops import pagecache
from search import ranking
from search.ranking import RANK_FIELDS, RankData

VOCABULARY_CACHE_SECONDS = 300
# When no page has every word, pages with any word of at least this length are shown instead.
MIN_RELAXED_TERM_LENGTH = 3
# How alike (0-1, difflib's ratio) a word must be to a known word to be suggested instead.
SPELLING_CUTOFF = 0.75

PAGE_TYPE_LABEL = _("Page")

# Points a query word earns where it matches (see rank()).
TITLE_POINTS = {"exact": 8, "base": 6, "part": 2}
SUMMARY_POINTS = {"exact": 4, "base": 3, "part": 1}
PHRASE_POINTS = {"title": 10, "summary": 5}
CALL_STATUS_POINTS = {"open": 0.5, "upcoming": 0.25}


# --- what page types tell search (docs/architecture.md: discovered, never listed here) ----------


def result_types() -> dict[str, tuple[type[Page], str]]:
    """Result types as the visitor sees them, {key: (page model, label)}: the page types that
    declare `search_result_type = (key, label)`. Every other page is a "page".

    Worked out once per set of page models (a search asks a dozen times)."""
    models = tuple(get_page_models())
    if _result_types.get("models") != models:
        _result_types["models"] = models
        _result_types["types"] = {
            model.search_result_type[0]: (model, model.search_result_type[1])
            for model in models
            if getattr(model, "search_result_type", None)
        }
    return _result_types["types"]


_result_types: dict = {}


def _taggable_page_models() -> list[type[Page]]:
    """koonto.localised_tags.taggable_page_models, worked out once per set of page models (it
    walks every app's models)."""
    models = tuple(get_page_models())
    if _taggable.get("models") != models:
        _taggable["models"] = models
        _taggable["taggable"] = taggable_page_models()
    return _taggable["taggable"]


_taggable: dict = {}


def listing_models() -> list[type[Page]]:
    """Page types with a summary (koonto.models.ListingMixin): their summaries feed the spelling suggestions."""
    return [model for model in get_page_models() if issubclass(model, ListingMixin)]


def municipality_sources() -> list[type[Page]]:
    """Page types that know their municipalities (`municipality_rows(page_ids, locale_id)`): the facet."""
    return [model for model in get_page_models() if hasattr(model, "municipality_rows")]


def type_label(type_key: str):
    types = result_types()
    return types[type_key][1] if type_key in types else PAGE_TYPE_LABEL


@dataclass(slots=True)
class Hit:
    """One matched page, with what ranking and facets need (no full page object)."""

    pk: int
    type_key: str
    title: str
    position: int  # the page tree's order: the last tie-breaker
    entry: RankData | None  # None in a kept outcome (cached_search)
    call_status: str | None = None
    tags: dict[str, str] = field(default_factory=dict)  # slug -> name
    municipalities: dict[str, str] = field(default_factory=dict)  # code -> name
    score: float = 0.0


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Outcome:
    """What a search found: ranked hits after filters, and facet counts."""

    terms: list[str]
    hits: list[Hit]
    facets: dict[str, list[Facet]]
    relaxed: bool = False  # no page had every word: these pages have some of them


def search_pages(queryset, terms: list[str], operator: str = "and"):
    """Pages of `queryset` that match the base-form `terms`, in the page tree's order.

    Not in the backend's relevance order: rank() orders them, the same way on both databases,
    and SQLite's relevance ordering re-runs the full-text match once per matched row (seconds
    for a common word on 10,000 pages). Returns a plain queryset (the database backends build
    one; see SQLiteSearchResults and PostgresSearchResults.get_queryset).
    """
    results = queryset.search(PlainText(" ".join(terms), operator=operator), order_by_relevance=False)
    return results.get_queryset()


def public_pages(locale: Locale, rule: PublicRule | None = None):
    """What visitors may find: the pages the public may see (koonto.visibility) in one language,
    on the rule's site (the default site without one)."""
    return (rule or rule_for(None)).pages(Page.objects.filter(locale=locale))


def type_keys() -> dict[int, str]:
    return {ContentType.objects.get_for_model(model).pk: key for key, (model, _label) in result_types().items()}


ENTRY_COLUMNS = [f"rank_entry__{name}" for name in ["page_id", *RANK_FIELDS]]


def _collect_hits(queryset, terms: list[str], operator: str, locale: Locale) -> dict[int, Hit]:
    """The matched pages with their rank entries (one query), and their tags and municipalities
    (search/engine.py's facets), in a fixed number of queries however many pages match."""
    keys = type_keys()
    rows = search_pages(queryset, terms, operator).values_list("pk", "content_type_id", "title", *ENTRY_COLUMNS)
    entries = {}
    missing = []
    for pk, _content_type_id, _title, entry_page_id, *values in rows:
        if entry_page_id is None:
            missing.append(pk)
        else:
            entries[pk] = RankData(*values)
    if missing:
        entries.update(ranking.entries_for(missing))
    now = timezone.now()
    hits = {}
    for position, (pk, content_type_id, title, *_entry) in enumerate(rows):
        entry = entries.get(pk)
        if entry is None:  # deleted since it matched
            continue
        status = call_status(entry.opens_at, entry.closes_at, entry.cancelled, now) if entry.closes_at else None
        hits[pk] = Hit(pk, keys.get(content_type_id, "page"), title, position, entry, call_status=status)
    if hits:
        _add_facet_values(hits, locale)
    return hits


# Up to this many hits, their facet rows are looked up by id; beyond it, all the facet rows of the
# language are read and the hits' picked out (thousands of ids as parameters cost more).
MAX_ID_PARAMETERS = 500


def _add_facet_values(hits: dict[int, Hit], locale: Locale) -> None:
    """The hits' tags (slug and name) and municipalities (code and name), read now, not at index
    time: a translation's tags are rewritten when its source is published or a tag translation
    changes (koonto/localised_tags.py), and aliases are created without publishing.

    One query for the tag rows with their slugs and names, one for the municipality rows;
    municipalities come from the per-process register (koonto/reference_tables.py).
    """
    by_id = len(hits) <= MAX_ID_PARAMETERS
    ids = list(hits)

    def rows_of(queryset, page_field: str):
        # By the id column itself: `content_object__in` would prepare each id as a related object.
        scope = {f"{page_field}_id__in": ids} if by_id else {f"{page_field}__locale_id": locale.pk}
        return queryset.filter(**scope).order_by()

    tagged = [
        rows_of(model.tagged_items.rel.related_model.objects, "content_object").values_list(
            "content_object_id", "tag_id", "tag__slug", "tag__name"
        )
        for model in _taggable_page_models()
    ]
    scope = {"page_ids": ids} if by_id else {"locale_id": locale.pk}
    located = [model.municipality_rows(**scope).order_by() for model in municipality_sources()]
    tag_rows = list(tagged[0].union(*tagged[1:], all=True)) if tagged else []
    municipality_rows = list(located[0].union(*located[1:], all=True)) if located else []
    for pk, _tag_id, slug, name in sorted(tag_rows):
        if pk in hits:
            hits[pk].tags[slug] = name
    municipalities = reference_tables.municipalities()
    named: dict[int, tuple[str, str]] = {}  # a municipality's name is looked up once, not once per page
    for pk, municipality_id in sorted(municipality_rows):
        if pk in hits and municipality_id in municipalities:
            if municipality_id not in named:
                municipality = municipalities[municipality_id]
                named[municipality_id] = (municipality.code, municipality.name)
            code, name = named[municipality_id]
            hits[pk].municipalities[code] = name


def _match_kinds(words_: str, bases: str, parts: str, terms: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    """For each query term found in a field: "exact" (the word as typed), "base" (another form
    of the word) or "part" (a part of a compound). `terms` are (" term ", (" typed word ", ...)):
    membership is a substring test on the space-separated field, with no sets built per page."""
    bases, parts, words_ = f" {bases} ", f" {parts} ", f" {words_} "
    kinds = []
    for term, typed in terms:
        if term in bases or term in parts:
            exact = any(word in words_ for word in typed)
            kinds.append("exact" if exact else "base" if term in bases else "part")
    return kinds


def _phrase_in(folded_words: str, phrase: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {folded_words} "


def rank(hits: list[Hit], query: str, terms: list[str], lang: str) -> list[Hit]:
    """Order hits by Koonto's rules, identically on SQLite and PostgreSQL.

    A word in the title counts more than in the summary, and both more than the body (a page
    that matched only in its body scores 0). The word as typed counts more than another form of
    it, which counts more than a compound part. The whole query as typed, as a phrase, adds more.
    Between equal matches, an open funding call comes before an upcoming one, before the rest;
    then the page tree's order.
    """
    typed = words(query)
    term_words = _term_words(typed, terms, lang)
    phrase = " ".join(fold(word) for word in typed) if len(typed) > 1 else ""
    for hit in hits:
        entry = hit.entry
        score = sum(
            TITLE_POINTS[kind] for kind in _match_kinds(entry.title_words, entry.title_bases, entry.title_parts, term_words)
        )
        score += sum(
            SUMMARY_POINTS[kind]
            for kind in _match_kinds(entry.summary_words, entry.summary_bases, entry.summary_parts, term_words)
        )
        score += PHRASE_POINTS["title"] if _phrase_in(entry.title_words, phrase) else 0
        score += PHRASE_POINTS["summary"] if _phrase_in(entry.summary_words, phrase) else 0
        score += CALL_STATUS_POINTS.get(hit.call_status or "", 0)
        hit.score = score
    return sorted(hits, key=lambda hit: (-hit.score, hit.position))


def _term_words(typed: list[str], terms: list[str], lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each query term with the words the visitor typed for it, folded (for "exact"), all padded
    with spaces for _match_kinds."""
    by_term: dict[str, list[str]] = {}
    for word in typed:
        by_term.setdefault(word_terms(word, language_of(lang))[0], []).append(f" {fold(word)} ")
    return [(f" {term} ", tuple(by_term.get(term, [f" {term} "]))) for term in terms]


def _facet_values(hit: Hit, name: str) -> dict[str, str] | tuple[str]:
    """The hit's values for a facet: tag slugs and municipality codes with their names; the
    type's key alone (its label is looked up once per facet, not per hit)."""
    if name == "type":
        return (hit.type_key,)
    return hit.tags if name == "tag" else hit.municipalities


def _passes(hit: Hit, filters: dict[str, str], skip: str | None = None) -> bool:
    return all(not value or value in _facet_values(hit, name) for name, value in filters.items() if name != skip)


def _failed_filters(hit: Hit, active: dict[str, str]) -> tuple[str, ...]:
    """The names of the active filters this hit does not pass."""
    return tuple(name for name, value in active.items() if value not in _facet_values(hit, name))


def facet_counts(hits: list[Hit], filters: dict[str, str]) -> dict[str, list[Facet]]:
    """Counts per type, tag and municipality; each facet counts the hits that pass the *other*
    filters, so a visitor sees what choosing another value would give.

    Each hit is checked against the filters once: it counts in a facet if it fails no filter,
    or only that facet's own (thousands of hits for a common word)."""
    active = {name: value for name, value in filters.items() if value}
    failed = [_failed_filters(hit, active) for hit in hits] if active else [()] * len(hits)
    facets = {}
    for name in ("type", "tag", "municipality"):
        counts: dict[str, int] = {}
        labels: dict[str, str] = {}
        for hit, fails in zip(hits, failed, strict=True):
            if not fails or fails == (name,):
                values = _facet_values(hit, name)
                for value in values:  # the keys, not the names as counts
                    counts[value] = counts.get(value, 0) + 1
                if name != "type":
                    labels.update(values)
        if name == "type":
            labels = {value: str(type_label(value)) for value in counts}
        facets[name] = sorted(
            (Facet(value, labels[value], count, filters.get(name) == value) for value, count in counts.items()),
            key=lambda facet: (-facet.count, facet.label.lower()),
        )
    return facets


def run_search(
    query: str, locale: Locale, filters: dict[str, str] | None = None, queryset=None, rule: PublicRule | None = None
) -> Outcome:
    """Search live public pages in `locale` for `query`, ranked, filtered and faceted.

    Every word must match (in any form); if no page has them all, pages with any of them are
    given instead, and the outcome says so.
    """
    filters = filters or {}
    lang = locale.language_code
    terms = query_terms(query, lang)
    if not terms:
        return Outcome(terms, [], facet_counts([], filters))
    queryset = public_pages(locale, rule) if queryset is None else queryset
    hits = _collect_hits(queryset, terms, "and", locale)
    relaxed = False
    some_terms = [term for term in terms if len(term) >= MIN_RELAXED_TERM_LENGTH and not term.isdigit()]
    if not hits and len(terms) > 1 and some_terms:
        hits, relaxed = _collect_hits(queryset, some_terms, "or", locale), True
    ranked = rank(list(hits.values()), query, terms, lang)
    return Outcome(terms, [hit for hit in ranked if _passes(hit, filters)], facet_counts(ranked, filters), relaxed)


def cached_search(query: str, locale: Locale, filters: dict[str, str] | None = None, rule: PublicRule | None = None) -> Outcome:
    """run_search, kept in the shared cache until published content changes (the page cache's
    generation, ops/pagecache.py) or the next event or call boundary (open calls rank first).

    The search page itself is never stored by the page cache, so that every search is counted
    for the report (search/views.py); this keeps the expensive part for a popular query. The
    kept hits carry no rank data: the views need only their page, type and call status.
    """
    filters = filters or {}
    if not pagecache.enabled():
        # Kept where the page cache is on (by default with a cache shared by every app server,
        # REDIS_URL): under the same content generation, so a page made private leaves at once.
        return run_search(query, locale, filters, rule=rule)
    rule = rule or rule_for(None)
    generation = pagecache.current_generation()
    # The outcome holds translated labels (result types, municipality names): the language counts.
    site_id = rule.site.pk if rule.site else None
    key_source = json.dumps([generation, site_id, locale.pk, translation.get_language(), query, sorted(filters.items())])
    key = f"koonto:search:{hashlib.sha256(key_source.encode()).hexdigest()}"
    outcome = cache.get(key)
    if outcome is None:
        found = run_search(query, locale, filters, rule=rule)
        hits = [Hit(hit.pk, hit.type_key, hit.title, hit.position, None, hit.call_status) for hit in found.hits]
        outcome = Outcome(found.terms, hits, found.facets, found.relaxed)
        timeout = settings.KOONTO_PAGE_CACHE_TIMEOUT
        rollover = pagecache.next_rollover_seconds(generation)
        if rollover is not None:
            timeout = min(timeout, max(1, math.floor(rollover)))
        if pagecache.current_generation() == generation:  # nothing was published meanwhile
            cache.set(key, outcome, timeout)
    return outcome


def spelling_suggestion(query: str, locale: Locale, rule: PublicRule | None = None) -> str:
    """The query with each word nobody wrote replaced by the closest word pages do use, or "".

    The vocabulary is the words of the titles and summaries in this language (cached for a few
    minutes): small enough to compare against, and the words a visitor most likely meant.
    """
    vocabulary = _vocabulary(locale, rule or rule_for(None))
    known = {term for word in vocabulary for term in word_terms(word, locale.language_code)}
    changed, corrected = False, []
    for word in words(query):
        if word_terms(word, locale.language_code)[0] in known:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=SPELLING_CUTOFF)
        changed = changed or bool(close)
        corrected.append(close[0] if close else word)
    return " ".join(corrected) if changed else ""


def _vocabulary(locale: Locale, rule: PublicRule) -> list[str]:
    key = f"search:vocabulary:{rule.site.pk if rule.site else None}:{locale.pk}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        texts = public_pages(locale, rule).values_list("title", "search_description")
        found = {word for row in texts for text in row for word in words(text or "") if len(word) > 2}
        for model in listing_models():
            summaries = rule.pages(model.objects.filter(locale=locale)).values_list("summary", flat=True)
            found.update(word for text in summaries for word in words(text) if len(word) > 2)
        # Base forms too: "yhdistyz" is closer to "yhdistys" than to any form of it on the pages.
        found.update([display_base(word, locale.language_code) for word in found])
        vocabulary = sorted(found)
        cache.set(key, vocabulary, VOCABULARY_CACHE_SECONDS)
    return vocabulary
