"""Soft hyphens in headings and card titles, so that long Finnish compounds break at syllables.

Finnish titles such as "Kokemusasiantuntijatoimintaa" are wider than a phone's screen in a large
heading. `hyphens: auto` would do, but Debian's Chromium ships no hyphenation dictionaries and CSS
cannot tell whether a browser knows Finnish, so the server inserts soft hyphens (U+00AD): the
browser breaks there with a visible hyphen, and nowhere else. Only in visible text: never in URLs,
attributes, JSON-LD or the API.

English uses pyphen's dictionary. pyphen has none for Finnish (0.18), and neither has Debian's
`hyphen-*` set; Voikko would need system libraries. Finnish syllables follow one regular rule
(Kielitoimisto: a syllable starts at the consonant before a vowel: ra-hoi-tus-ha-ku, kart-ta),
which is all this module applies, plus one correction the rule cannot make by itself: at a compound
boundary before a vowel (kokemus|asiantuntija, työ|elämä) the break goes between the parts, not
before the consonant (not "kokemu-sasiantuntija", "työe-lämä"). Compound parts are recognised with simplemma's Finnish
dictionary, which the search already uses. Breaks between vowels (ra-di-o) are left out: fewer
break points, never a wrong one.
"""

import re
from functools import lru_cache

import pyphen
import simplemma
from django import template
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit on any line; hyphenating them only adds bytes.
MIN_WORD_LENGTH = 8
# Letters kept together at either end of a word, as in print typography: two may start a line's
# last word ("ra-"), three at least end it ("-ssa", never "-sa").
MIN_EDGE = 2
MIN_END = 3
MIN_COMPOUND_HEAD = 5  # shorter "words" in the dictionary (toim, kans) are fragments
MIN_COMPOUND_TAIL = 4
MIN_VOWEL_COMPOUND_HEAD = 3  # työ|elämä: no rule breaks between two vowels, so only a real word counts
FINNISH_VOWELS = frozenset("aeiouyäöå")
WORD_RE = re.compile(r"[^\W\d_]+")
PYPHEN_LANGUAGES = {"en": "en_US", "sv": "sv"}  # en_US: ac-ces-si-bil-ity, as readers expect


def _low_memory() -> bool:
    return getattr(settings, "KOONTO_LEMMATISER_LOW_MEMORY", True)


@lru_cache(maxsize=50_000)
def _is_finnish_word(word: str) -> bool:
    return simplemma.is_known(word, lang="fi", low_memory=_low_memory())


def _starts_with_finnish_word(text: str) -> bool:
    return any(_is_finnish_word(text[:end]) for end in range(len(text), MIN_COMPOUND_TAIL - 1, -1))


def finnish_breaks(word: str) -> list[int]:
    """Positions in `word` where a Finnish syllable may break (a soft hyphen goes before them)."""
    lower = word.lower()
    breaks = []
    for position in range(1, len(lower)):
        if lower[position] not in FINNISH_VOWELS:
            continue
        if lower[position - 1] in FINNISH_VOWELS:
            # Two vowels: a break only between compound parts (työ|elämä, maa|ilma).
            head, tail = lower[:position], lower[position:]
            if len(head) >= MIN_VOWEL_COMPOUND_HEAD and _is_finnish_word(head) and _starts_with_finnish_word(tail):
                breaks.append(position)
            continue
        if not any(letter in FINNISH_VOWELS for letter in lower[: position - 1]):
            continue  # a word-initial cluster (stra-) has no syllable before it
        head, tail = lower[:position], lower[position:]
        if len(head) >= MIN_COMPOUND_HEAD and _is_finnish_word(head) and _starts_with_finnish_word(tail):
            breaks.append(position)  # kokemus|asiantuntija
        else:
            breaks.append(position - 1)  # ra|hoi|tus
    kept = []
    for position in sorted(set(breaks)):
        if position < MIN_EDGE or len(word) - position < MIN_END:
            continue
        if kept and position - kept[-1] < MIN_EDGE:
            continue  # a one-letter syllable (kokemus|a|sian) stays with the next
        kept.append(position)
    return kept


@lru_cache(maxsize=4)
def _pyphen(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=PYPHEN_LANGUAGES[language], left=MIN_EDGE, right=MIN_END)


@lru_cache(maxsize=20_000)
def hyphenate_word(word: str, language: str) -> str:
    if len(word) < MIN_WORD_LENGTH:
        return word
    if language == "fi":
        positions = finnish_breaks(word)
    elif language in PYPHEN_LANGUAGES:
        positions = _pyphen(language).positions(word)
    else:
        return word
    pieces, start = [], 0
    for position in positions:
        pieces.append(word[start:position])
        start = position
    pieces.append(word[start:])
    return SOFT_HYPHEN.join(pieces)


def hyphenate(text: str, language: str | None = None) -> str:
    """`text` with soft hyphens at the syllable breaks of its long words, in `language` (default: the active one)."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return WORD_RE.sub(lambda match: hyphenate_word(match.group(0), language), text)


@register.filter(is_safe=True)
def soft_hyphens(value, language: str | None = None) -> SafeString:
    """`{{ page.title|soft_hyphens }}` or `{{ title|soft_hyphens:"fi" }}`: escaped text with soft hyphens.

    For text content only; an attribute or a URL must get the plain value.
    """
    return mark_safe(hyphenate(str(conditional_escape(value)), language))  # noqa: S308
