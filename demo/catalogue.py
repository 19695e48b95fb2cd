"""The English of the demo content: a PO catalogue (demo/content/en.po) kept in step with the Finnish data.

Each entry is a string segment as wagtail-localize names it when it exports a translation: msgctxt is
the segment's context (`title`, `summary`, `body.<block id>`, `body.<block id>.text`,
`operating_models.<id>.title`), msgid its Finnish text (a paragraph or list item of rich text, with
inline `<b>` and `<a id="a1">` tags) and msgstr the English. So the loader fills a wagtail-localize
export from the catalogue and imports it back, as a translator's PO upload would. A string used in
the same place by several objects (a name, a theme field) is one entry; the tags' English names are
entries with the context "tag name". `[[today]]` in a msgid stands for any date in its place (the
date of the first load) and is written the English way in the msgstr.

When the Finnish changes, `merge` does what GNU msgmerge does (msgmerge is not installed here, so it
is written with polib and difflib): an entry whose text is still in the data is kept; a new text that
was already translated in another place takes that English; otherwise an entry whose text is no longer
in the data goes to the most similar new text (SequenceMatcher ratio at least FUZZY_THRESHOLD, each old
entry at most once, best pairs first) and is marked fuzzy, with the old text kept as `#| msgid` for the
translator; anything left is new and untranslated, and old entries nobody took are kept as obsolete
(`#~`). Nothing is lost, and nothing raises.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polib
from django.utils import formats
from django.utils.translation import override
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from demo.data import TODAY, Content, ContentError, ObjectData

CATALOGUE = "en.po"
TAG_CONTEXT = "tag name"
# Above this, two Finnish texts are the same sentence edited (a comma, a word, a date): the old English is
# a close draft of the new. Higher than msgmerge's 0.6, because load_demo shows fuzzy English on the site.
FUZZY_THRESHOLD = 0.8
WRAP_WIDTH = 100
HEADER = """\
English translation of the Koonto demo content (demo/content/*.toml), read by `manage.py load_demo`.

Update it with `manage.py demo_messages` after changing the Finnish: it adds new strings, marks
the English of changed ones fuzzy (the old Finnish is shown as "#| msgid") and keeps unused ones as
obsolete (#~). Translate, review, remove the fuzzy flag, and run `manage.py demo_messages --check`.
msgctxt is where wagtail-localize puts the string (a field, or body.<block id> in a StreamField).
[[today]] is the date of the first load, written in each language's own way. Proper names of
Finnish organisations, places and projects stay in Finnish, with an English gloss where it helps.
Slugs are translated too, so English addresses read /en/funding/, /en/projects/ and so on."""
METADATA = {
    "Project-Id-Version": "Koonto demo content",
    "Language": "en",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


@dataclass
class Message:
    """A Finnish string of the demo data, where it is (context) and which objects use it."""

    context: str
    msgid: str
    labels: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class Merged:
    po: polib.POFile  # the catalogue brought up to date with the data
    fuzzy: list[polib.POEntry]  # English of an earlier Finnish text, to be reviewed
    untranslated: list[polib.POEntry]  # no English at all
    obsolete: list[polib.POEntry]  # English of texts no longer in the data

    def summary(self) -> str:
        translated = len(self.po.translated_entries())
        total = translated + len(self.fuzzy) + len(self.untranslated)
        return (
            f"{total} strings: {translated} translated, {len(self.fuzzy)} fuzzy, {len(self.untranslated)} untranslated, "
            f"{len(self.obsolete)} obsolete"
        )


def catalogue_path(content: Content) -> Path:
    return content.directory / CATALOGUE


def segments(obj: ObjectData) -> list[tuple[str, str]]:
    """(context, Finnish text) of every string wagtail-localize will translate in the object, in its order.

    The object is built in memory from the data, so wagtail-localize's own extractor gives exactly the
    contexts and texts of the saved Finnish object (a test compares them) without touching the database.
    Fields that point at other objects are left out: they hold no text.
    """
    instance = obj.model(**obj.fields, **obj.inline_objects())
    return [
        (segment.path, segment.string.data) for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)
    ]


def source_messages(content: Content) -> list[Message]:
    """Every Finnish string of the data, once per (context, text), in the order of the data."""
    messages: dict[tuple[str, str], Message] = {}
    for obj in [*content.snippets(), *content.pages()]:
        for context, text in segments(obj):
            message = messages.setdefault((context, text), Message(context, text))
            add_once(message.labels, obj.label)
            add_once(message.sources, obj.source)
    for tag in content.tags():
        sources = [page.source for page in content.pages() if tag in page.tags]
        messages[(TAG_CONTEXT, tag)] = Message(TAG_CONTEXT, tag, labels=[f"tag {tag}"], sources=list(dict.fromkeys(sources)))
    return list(messages.values())


def add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def read_catalogue(path: Path) -> polib.POFile:
    if not path.exists():
        po = polib.POFile(wrapwidth=WRAP_WIDTH)
        po.header = HEADER
        po.metadata = dict(METADATA)
        return po
    try:
        return polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as error:  # polib reports a syntax error as an OSError
        raise ContentError(f"{path}: {error}") from error


def merge(po: polib.POFile, messages: list[Message], keep_obsolete: bool = True) -> Merged:
    """The catalogue brought up to date with the data's messages (see the module docstring)."""
    old_entries = [entry for entry in po if entry.msgstr]  # active, fuzzy and obsolete entries with English
    exact: dict[tuple[str, str], polib.POEntry] = {}
    for entry in sorted(old_entries, key=lambda entry: entry.obsolete):
        exact.setdefault((entry.msgctxt or "", entry.msgid), entry)
    reviewed = {entry.msgid: entry.msgstr for entry in old_entries if not entry.obsolete and not entry.fuzzy}
    current_texts = {message.msgid for message in messages}

    carried: set[int] = set()  # the old entries whose English went into the new catalogue
    new: dict[tuple[str, str], polib.POEntry] = {}
    pending: list[Message] = []
    for message in messages:
        key = (message.context, message.msgid)
        if old := exact.get(key):
            carried.add(id(old))
            new[key] = entry_for(message, old.msgstr, fuzzy=old.fuzzy, previous=old.previous_msgid)
        elif message.msgid in reviewed:
            new[key] = entry_for(message, reviewed[message.msgid])
        else:
            pending.append(message)
    leftovers = [entry for entry in old_entries if id(entry) not in carried and entry.msgid not in current_texts]
    for message, old in fuzzy_pairs(pending, leftovers):
        carried.add(id(old))
        translated_from = old.previous_msgid if old.fuzzy and old.previous_msgid else old.msgid
        new[(message.context, message.msgid)] = entry_for(message, old.msgstr, fuzzy=True, previous=translated_from)

    merged = polib.POFile(wrapwidth=WRAP_WIDTH)
    merged.header = po.header or HEADER
    merged.metadata = dict(po.metadata) or dict(METADATA)
    for message in messages:
        merged.append(new.get((message.context, message.msgid)) or entry_for(message, ""))
    obsolete = [entry for entry in leftovers if id(entry) not in carried]
    if keep_obsolete:
        for entry in obsolete:
            merged.append(
                polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr, comment=entry.comment, obsolete=True)
            )
    active = [entry for entry in merged if not entry.obsolete]
    return Merged(
        po=merged,
        fuzzy=[entry for entry in active if entry.fuzzy],
        untranslated=[entry for entry in active if not entry.msgstr],
        obsolete=obsolete,
    )


def fuzzy_pairs(messages: list[Message], leftovers: list[polib.POEntry]) -> list[tuple[Message, polib.POEntry]]:
    """(new message, old entry) pairs at least FUZZY_THRESHOLD alike, best first, each side used once.

    On equal similarity an old entry in the same place (context) wins, then the earlier one.
    """
    candidates = []
    for message_index, message in enumerate(messages):
        for entry_index, entry in enumerate(leftovers):
            matcher = difflib.SequenceMatcher(None, message.msgid, entry.msgid, autojunk=False)
            if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
                continue
            if (ratio := matcher.ratio()) >= FUZZY_THRESHOLD:
                same_place = (entry.msgctxt or "") == message.context
                candidates.append((-ratio, not same_place, message_index, entry_index))
    pairs, used_messages, used_entries = [], set(), set()
    for _ratio, _elsewhere, message_index, entry_index in sorted(candidates):
        if message_index not in used_messages and entry_index not in used_entries:
            used_messages.add(message_index)
            used_entries.add(entry_index)
            pairs.append((messages[message_index], leftovers[entry_index]))
    return pairs


def entry_for(message: Message, msgstr: str, fuzzy: bool = False, previous: str | None = None) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=message.context,
        msgid=message.msgid,
        msgstr=msgstr,
        comment="\n".join(message.labels),
        occurrences=[(source, "") for source in message.sources],
        flags=["fuzzy"] if fuzzy else [],
        previous_msgid=previous if fuzzy and previous and previous != message.msgid else None,
    )


def english_date(finnish_date: str) -> str:
    """A date written the Finnish way (29.11.2026) as the English site writes it (29 November 2026)."""
    day, month, year = map(int, finnish_date.split("."))
    with override("en"):
        return formats.date_format(date(year, month, day), "DATE_FORMAT")


class English:
    """The English of a Finnish string segment, for load_demo.

    Looked up by context and text in the merged catalogue (fuzzy entries included), then in the file as
    written (a Finnish object built from an earlier version of the data still finds its English), then by
    text alone (a page built before block ids were fixed has other contexts), then as a dated text.
    """

    def __init__(self, *catalogues: polib.POFile):
        self.exact: dict[tuple[str, str], str] = {}
        self.by_text: dict[str, set[str]] = defaultdict(set)
        self.dated: list[tuple[str, re.Pattern, str]] = []
        for po in catalogues:
            for entry in po:
                if not entry.msgstr:
                    continue
                context = entry.msgctxt or ""
                self.exact.setdefault((context, entry.msgid), entry.msgstr)
                self.by_text[entry.msgid].add(entry.msgstr)
                if TODAY in entry.msgid:
                    pattern = re.escape(entry.msgid).replace(re.escape(TODAY), r"(\d{1,2}\.\d{1,2}\.\d{4})")
                    self.dated.append((context, re.compile(pattern), entry.msgstr))

    def __call__(self, context: str, finnish: str) -> str | None:
        if (context, finnish) in self.exact:
            return self.exact[(context, finnish)]
        if len(self.by_text.get(finnish, ())) == 1:
            return next(iter(self.by_text[finnish]))
        for _context, pattern, english in sorted(self.dated, key=lambda item: item[0] != context):
            if match := pattern.fullmatch(finnish):
                for finnish_date in match.groups():
                    english = english.replace(TODAY, english_date(finnish_date), 1)
                return english
        return None

    def tag(self, name: str) -> str | None:
        return self.exact.get((TAG_CONTEXT, name))
