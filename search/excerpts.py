"""Result snippets: a short passage of the page around the words searched for, highlighted.

The passage is escaped word by word and only Koonto's own <mark> tags are added, so nothing a
visitor or editor typed is ever output as HTML.
"""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from koonto.normalise import SUMMARY_FIELDS, word_terms

SNIPPET_WORDS = 30
WORDS_BEFORE_MATCH = 8
TOKEN_RE = re.compile(r"([^\W_]+)")


def page_texts(page) -> list[str]:
    """The page's summary first, then its body text: where a snippet may come from."""
    texts = [strip_tags(str(getattr(page, name, "") or "")) for name in SUMMARY_FIELDS]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        texts.append(" ".join(body.stream_block.get_searchable_content(body)))
    return [" ".join(text.split()) for text in texts if text.strip()]


def highlight(text: str, terms: set[str], lang: str, max_words: int = SNIPPET_WORDS) -> SafeString:
    """`text` cut to about `max_words` words around the first match, matching words in <mark>."""
    tokens = TOKEN_RE.split(text)  # separators at even indexes, words at odd ones
    word_indexes = list(range(1, len(tokens), 2))
    matches = [i for i in word_indexes if _matches(tokens[i], terms, lang)]
    marked = set(matches)
    first = word_indexes.index(matches[0]) if matches else 0
    start = max(0, first - WORDS_BEFORE_MATCH)
    chosen = word_indexes[start : start + max_words]
    if not chosen:
        return mark_safe("")  # noqa: S308 - empty
    parts = ["… " if start else ""]
    for position in range(chosen[0], chosen[-1] + 1):
        token = escape(tokens[position])
        parts.append(f"<mark>{token}</mark>" if position in marked else token)
    if chosen[-1] == word_indexes[-1]:
        parts.append(escape("".join(tokens[chosen[-1] + 1 :])).rstrip())  # the text's own ending
    else:
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 - every token is escaped above


def _matches(word: str, terms: set[str], lang: str) -> bool:
    return bool(terms.intersection(word_terms(word.lower(), lang)))


def snippet(page, terms: list[str], lang: str) -> SafeString:
    """The first of the page's texts that mentions a searched word, else its summary."""
    return snippet_of(page_texts(page), terms, lang)


def snippet_of(texts: list[str], terms: list[str], lang: str) -> SafeString:
    """snippet() of a page's texts as page_texts() gave them (kept in its rank entry)."""
    term_set = set(terms)
    for text in texts:
        if any(_matches(word, term_set, lang) for word in TOKEN_RE.findall(text)):
            return highlight(text, term_set, lang)
    return highlight(texts[0], term_set, lang) if texts else mark_safe("")  # noqa: S308 - empty
