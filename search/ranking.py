"""Rank entries: the normalised title and summary and the call dates of each indexed page.

search/backend.py calls ``update_entries`` whenever Wagtail's search index takes pages (publish,
unpublish, move, translation, ``manage.py update_index``), so a search only reads them: one
row per matched page, no linguistics at query time (search/engine.py). A page whose entry is
missing (indexed before this table existed) gets one the first time a search matches it.
"""

from collections import namedtuple

from django.db import transaction
from wagtail.models import Page

from koonto.normalise import fold, language_of, word_terms, words
from search.excerpts import page_texts
from search.models import RankEntry

# The page's short description as the search page ranks it: its summary, else the meta description.
RANK_SUMMARY_FIELDS = ("summary", "search_description")
RANK_FIELDS = [
    "title_words",
    "title_bases",
    "title_parts",
    "summary_words",
    "summary_bases",
    "summary_parts",
    "opens_at",
    "closes_at",
    "cancelled",
]

# What publishing writes: the ranking fields, and the texts snippets quote (read only for the
# results shown, never for every match).
ENTRY_FIELDS = [*RANK_FIELDS, "snippet_texts"]

# A rank entry's values as a search reads them: a plain tuple (a model instance per matched page
# costs more than the ranking itself on a large site).
RankData = namedtuple("RankData", RANK_FIELDS)


def field_terms(text: str, language_code: str | None) -> tuple[str, str, str]:
    """(folded words in order, their base forms, their compound parts), each space-separated."""
    lang = language_of(language_code)
    found = words(text or "")
    bases: dict[str, None] = {}
    parts: dict[str, None] = {}
    for word in found:
        forms = word_terms(word, lang)
        bases[forms[0]] = None
        parts.update(dict.fromkeys(forms[1:]))
    return " ".join(fold(word) for word in found), " ".join(bases), " ".join(parts)


def _summary(page) -> str:
    return next((value for name in RANK_SUMMARY_FIELDS if (value := getattr(page, name, "") or "")), "")


def build_entry(page) -> RankEntry:
    """The rank entry of a specific page instance."""
    language = page.locale.language_code if page.locale_id else None
    title_words, title_bases, title_parts = field_terms(page.title, language)
    summary_words, summary_bases, summary_parts = field_terms(_summary(page), language)
    return RankEntry(
        page_id=page.pk,
        title_words=title_words,
        title_bases=title_bases,
        title_parts=title_parts,
        summary_words=summary_words,
        summary_bases=summary_bases,
        summary_parts=summary_parts,
        opens_at=getattr(page, "opens_at", None),
        closes_at=getattr(page, "closes_at", None),
        cancelled=bool(getattr(page, "cancelled", False)),
        snippet_texts=page_texts(page),
    )


def update_entries(pages) -> list[RankEntry]:
    """Write the rank entries of these (specific) pages, replacing what was there."""
    entries = [build_entry(page) for page in pages if isinstance(page, Page) and page.pk]
    if entries:
        with transaction.atomic():
            RankEntry.objects.bulk_create(entries, update_conflicts=True, unique_fields=["page"], update_fields=ENTRY_FIELDS)
    return entries


def _rebuild(page_ids) -> list[RankEntry]:
    return update_entries(Page.objects.filter(pk__in=list(page_ids)).specific())


def entries_for(page_ids) -> dict[int, RankData]:
    """Build and store entries for pages that have none yet (see the module's docstring)."""
    return {entry.page_id: RankData(*(getattr(entry, name) for name in RANK_FIELDS)) for entry in _rebuild(page_ids)}


def snippet_texts(page_ids) -> dict[int, list[str]]:
    """The snippet texts of these pages, {page id: texts}, from their entries: one query. A page
    whose entry lacks them (written before they were kept, or missing) gets its entry rebuilt."""
    page_ids = list(page_ids)
    found = dict(
        RankEntry.objects.filter(page_id__in=page_ids, snippet_texts__isnull=False).values_list("page_id", "snippet_texts")
    )
    missing = [pk for pk in page_ids if pk not in found]
    if missing:
        found.update((entry.page_id, entry.snippet_texts) for entry in _rebuild(missing))
    return found
