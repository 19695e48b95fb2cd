"""Language-aware normalisation of text for the search index and of what visitors type.

Finnish is heavily inflected ("yhdistyksille" is a form of "yhdistys") and builds compounds
("rahoitushaku" = "rahoitus" + "haku"); neither PostgreSQL's snowball stemmer nor SQLite's FTS5
understands that. So Koonto does the linguistics itself, in Python, the same way on both sides:

- at index time, each page's text is turned into base forms (plus the parts of compounds) by
  ``normalise_text`` and indexed as extra search fields (see ``NormalisedSearchMixin``);
- at query time, each word the visitor typed is turned into its base form by ``query_terms``.

The database only ever sees lowercase ASCII-folded words separated by spaces, so PostgreSQL
(config "simple") and SQLite (FTS5 "unicode61") tokenise them identically and give the same results.

Base forms come from simplemma (MIT, bundled dictionaries). It does not split compounds, so
``split_compound`` tries each split point where the first part is a known word and the last part
is a known word in some inflected form.
"""

import re
import unicodedata
from functools import lru_cache

import simplemma
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.search import index

# The longest query searched; a longer one is cut (the search page says so).
MAX_QUERY_LENGTH = 200
# Languages simplemma knows that Koonto may publish in; other languages are only lowercased.
LEMMA_LANGUAGES = {"fi", "en", "sv"}
# Parts shorter than this are too often accidental ("ja", "on") to count as compound parts.
MIN_PART_LENGTH = 4
# Words longer than this are not words (a pasted URL, a hash): index and search them as they are.
MAX_WORD_LENGTH = 40

WORD_RE = re.compile(r"[^\W_]+")


def fold(word: str) -> str:
    """Lowercase and strip diacritics (ä -> a), as SQLite's FTS5 tokenizer does, so that both
    databases compare exactly the same strings."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of a text, lowercased; HTML tags are dropped, hyphens and punctuation separate words."""
    return WORD_RE.findall(strip_tags(text).lower())


def language_of(language_code: str | None) -> str:
    """Map a locale's language code (fi, en, en-gb, sv) to the lemmatiser's language."""
    return (language_code or "fi").split("-")[0].lower()


def _low_memory() -> bool:
    """simplemma's memory-frugal dictionaries (settings.KOONTO_LEMMATISER_LOW_MEMORY, on by
    default): the same words and base forms, but the Finnish dictionary takes about 45 MB in
    each process instead of 340 MB; a lookup is a few times slower, and cached below."""
    return getattr(settings, "KOONTO_LEMMATISER_LOW_MEMORY", True)


@lru_cache(maxsize=200_000)
def _is_known(word: str, lang: str) -> bool:
    return simplemma.is_known(word, lang=lang, low_memory=_low_memory())


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    return simplemma.lemmatize(word, lang=lang, low_memory=_low_memory()).lower()


def load_dictionaries() -> list[str]:
    """Load the dictionaries of the site's languages now (gunicorn.conf.py: at worker start)."""
    loaded = [language_of(code) for code, _name in settings.LANGUAGES if language_of(code) in LEMMA_LANGUAGES]
    for lang in loaded:
        simplemma.is_known("koonto", lang=lang, low_memory=_low_memory())
    return loaded


def _known_base(word: str, lang: str) -> str | None:
    """The word's base form if the dictionary knows this form of it, else None.

    simplemma also guesses base forms of unknown words by their endings; the guesses are often
    wrong for compounds ("tukitaso" -> "tukkia"), so they are used only as a last resort.
    """
    return _lemma(word, lang) if _is_known(word, lang) else None


def _guessed_base(word: str, lang: str) -> str:
    """simplemma's guess for an unknown word, if it looks like a word; else the word itself."""
    guess = _lemma(word, lang)
    return guess if WORD_RE.fullmatch(guess) else word


def _is_known_head(head: str, lang: str) -> bool:
    """A known word, or the compound form of an -inen word ("kansalais-", "kehittämis-")."""
    return _is_known(head, lang) or (head.endswith("is") and _is_known(head[:-2] + "inen", lang))


@lru_cache(maxsize=200_000)
def split_compound(word: str, lang: str = "fi") -> tuple[str, tuple[str, ...]] | None:
    """Split an unknown Finnish compound: (its base form, its parts in base form), or None.

    In a Finnish compound only the last part inflects ("rahoitushaussa" = "rahoitus" +
    "haussa"), so the tail must be a known word in some form and the head a known word as
    written. A two-part split is preferred, longest head first (the shortest, least ambiguous
    tail); only then is the head itself split, for compounds of three or more parts.
    """
    cuts = [
        (word[:cut], tail_base)
        for cut in range(len(word) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1)
        if (tail_base := _known_base(word[cut:], lang)) and len(tail_base) >= MIN_PART_LENGTH
    ]
    for head, tail_base in cuts:
        if _is_known_head(head, lang):
            return head + tail_base, (head, tail_base)
    for head, tail_base in cuts:
        head_split = split_compound(head, lang)
        if head_split:
            # The head is a compound too: keep it whole as well ("kokemusasiantuntija").
            return head + tail_base, (*head_split[1], head, tail_base)
    return None


@lru_cache(maxsize=200_000)
def word_terms(word: str, lang: str) -> tuple[str, ...]:
    """Index terms for one lowercased word: its base form first, then its compound parts.

    A compound the dictionary does not know gets the base form built from its parts
    ("rahoitushaussa" -> "rahoitushaku"), so a search for the compound in any form finds it,
    and a search for one part ("haku") finds it too.
    """
    if lang not in LEMMA_LANGUAGES or word.isdigit() or len(word) > MAX_WORD_LENGTH:
        return (fold(word),)
    base = _known_base(word, lang)
    parts: tuple[str, ...] = ()
    if base is None and lang == "fi":
        split = split_compound(word, lang)
        if split:
            base, parts = split
    if base is None:
        base = _guessed_base(word, lang)
    terms = [fold(base)]
    for term in map(fold, parts):
        if term not in terms:
            terms.append(term)
    return tuple(terms)


def display_base(word: str, language_code: str | None) -> str:
    """A word's base form as people write it (with ä and ö), for spelling suggestions."""
    lang = language_of(language_code)
    if lang in LEMMA_LANGUAGES and _is_known(word, lang):
        return _lemma(word, lang)
    return word


def normalise_text(text: str, language_code: str | None) -> str:
    """The text as space-separated index terms: base forms and compound parts of every word."""
    lang = language_of(language_code)
    return " ".join(term for word in words(text) for term in word_terms(word, lang))


def query_terms(query: str, language_code: str | None) -> list[str]:
    """One term (the base form) per word the visitor typed, without duplicates.

    Compound parts are not added here: "rahoitushaku" must find pages about that compound,
    not every page that mentions "haku".
    """
    lang = language_of(language_code)
    terms: list[str] = []
    for word in words(query):
        term = word_terms(word, lang)[0]
        if term not in terms:
            terms.append(term)
    return terms


# --- Index side: the normalised text of a page ---------------------------------------------

# Fields that are the page's short description; they weigh more than the body.
SUMMARY_FIELDS = ("summary", "intro", "search_description")
NORMALISED_FIELDS = ("normalised_title", "normalised_summary", "normalised_body")


def _as_text(value) -> str:
    """A search field's value (string, list of block texts, tags) as plain text."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    return strip_tags(str(value))


class NormalisedSearchMixin:
    """Adds the page's text in base forms to the search index, in three weighted fields.

    Page models list ``*NormalisedSearchMixin.normalised_search_fields`` after their own search
    fields; the raw fields stay indexed for the admin's search. The body is every other
    ``SearchField`` the model declares (StreamField blocks, rich text), plus the page's tags.
    """

    normalised_search_fields = [
        index.SearchField("normalised_title", boost=5),
        index.SearchField("normalised_summary", boost=2),
        index.SearchField("normalised_body"),
    ]

    def _search_language(self) -> str:
        return self.locale.language_code

    def _field_text(self, names) -> str:
        return " ".join(_as_text(getattr(self, name, "")) for name in names)

    def normalised_title(self) -> str:
        return normalise_text(self.title, self._search_language())

    def normalised_summary(self) -> str:
        return normalise_text(self._field_text(SUMMARY_FIELDS), self._search_language())

    def normalised_body(self) -> str:
        skip = {"title", *SUMMARY_FIELDS, *NORMALISED_FIELDS}
        texts = [
            _as_text(field.get_value(self))
            for field in self.get_search_fields()
            if isinstance(field, index.SearchField) and field.field_name not in skip
        ]
        tags = getattr(self, "tags", None)
        if tags is not None:
            texts.extend(tag.name for tag in tags.all())
        return normalise_text(" ".join(texts), self._search_language())


def clean_query(raw: str | None) -> str:
    """The query as searched: whitespace collapsed, cut to MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
