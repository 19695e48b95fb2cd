"""The admin's English that has no Finnish: which catalogue strings a Finnish user would see in English.

A string is *untranslated* when a source catalogue (an installed app's, Django's or Koonto's .po
file, domain `django` or `djangojs`) has its msgid (with its msgctxt, and for plurals either
form) and the effective Finnish catalogue, the one Django and the admin's JavaScript catalogues
build from LOCALE_PATHS first and then the apps, has no Finnish for it. `find_english()` matches
the texts seen on a screen against those strings: a text equal to one, or matching an interpolated
one (`%(name)s`, `%s`, `{name}` match anything), or, for phrases of two words or more, containing
one. Content (page titles, names, snippets) is removed from the texts first, so an English page
title is not taken for the admin's English.

Written here rather than taken from a library: nothing checks rendered HTML against gettext
catalogues; polib reads the .po files and Django's own translation objects answer what is
translated.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation import trans_real

DOMAINS = ("django", "djangojs")
# Source catalogues: `en` holds every msgid of an app; `fi` adds those an app has only there.
SOURCE_LANGUAGES = ("en", "fi")
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}|\[[a-z_]+\]")
TAG = re.compile(r"<[^>]+>")
CONTENT_MARK = "\u00a7"  # stands for what a user entered: matches a placeholder, never a word
WORD = re.compile(r"[A-Za-z]{2,}")


def locale_dirs() -> list[Path]:
    """Every catalogue directory Django reads: LOCALE_PATHS, the installed apps', Django's own."""
    dirs = [Path(path) for path in settings.LOCALE_PATHS]
    dirs += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    dirs.append(Path(django.__file__).parent / "conf" / "locale")
    return [path for path in dict.fromkeys(dirs) if path.is_dir()]


@cache
def finnish_catalogue(domain: str) -> dict:
    """The merged Finnish catalogue of a domain, LOCALE_PATHS overriding the apps, as Django builds it.

    For `djangojs` the admin's JavaScript catalogues (Wagtail's and wagtail-localize's
    JavaScriptCatalog views) each read one package plus LOCALE_PATHS; merging every app's is
    what a string of any of them needs.
    """
    if domain == "django":
        translation = trans_real.translation("fi")
    else:
        translation = trans_real.DjangoTranslation(
            "fi", domain=domain, localedirs=[str(path) for path in locale_dirs()[len(settings.LOCALE_PATHS) :]]
        )
    # The catalogue is a list of dicts, searched in order (one per plural rule); the first one that
    # has a key is what gettext answers.
    merged = {}
    for key, value in translation._catalog.items():
        merged.setdefault(key, value)
    return merged


def _is_translated(entry: polib.POEntry, catalogue: dict) -> bool:
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    if entry.msgid_plural:
        return all(catalogue.get((key, n)) for n in (0, 1))
    return bool(catalogue.get(key))


@dataclass(frozen=True)
class Untranslated:
    """A catalogue string with no Finnish, as a pattern to find it in visible text."""

    text: str  # the msgid (or plural) with its markup removed
    source: str  # the .po file it came from, for the failure message
    context: str | None
    pattern: re.Pattern
    literal: str  # its longest fixed part: a fast first check before the pattern
    phrase: bool  # two words or more: may also be found inside a longer text


def _literal_regex(part: str) -> str:
    """A fixed part of a msgid as a regex: its words, any whitespace between and at its edges kept."""
    words = r"\s+".join(re.escape(word) for word in part.split())
    if not words:
        return r"\s+" if part else ""
    return (r"\s+" if part[0].isspace() else "") + words + (r"\s+" if part[-1].isspace() else "")


def _pattern(text: str) -> tuple[re.Pattern, str] | None:
    parts = PLACEHOLDER.split(text)
    literal = max((part.strip() for part in parts), key=len)
    if not WORD.search(" ".join(parts)) or len(literal) < 2:
        return None  # nothing but placeholders and punctuation: it would match anything
    return re.compile(r".+?".join(_literal_regex(part) for part in parts)), literal


@cache
def untranslated() -> tuple[Untranslated, ...]:
    """Every source-catalogue string that has no Finnish in the effective catalogues."""
    found = {}
    for directory in locale_dirs():
        for language in SOURCE_LANGUAGES:
            for domain in DOMAINS:
                path = directory / language / "LC_MESSAGES" / f"{domain}.po"
                if not path.exists():
                    continue
                catalogue = finnish_catalogue(domain)
                for entry in polib.pofile(str(path)):
                    if entry.obsolete or not entry.msgid or _is_translated(entry, catalogue):
                        continue
                    for form in filter(None, (entry.msgid, entry.msgid_plural)):
                        text = " ".join(TAG.sub("", form).split())
                        made = _pattern(text)
                        if made is None or (text, entry.msgctxt) in found:
                            continue
                        pattern, literal = made
                        phrase = len(WORD.findall(PLACEHOLDER.sub("", text))) >= 2 and len(literal) >= 8
                        found[(text, entry.msgctxt)] = Untranslated(text, str(path), entry.msgctxt, pattern, literal, phrase)
    return tuple(found.values())


def _strip_content(text: str, content: list[str]) -> str:
    for item in content:
        if item in text:
            text = text.replace(item, CONTENT_MARK)
    return " ".join(text.split())


def origin(string: Untranslated) -> str:
    """The app whose catalogue holds the string: "wagtail/admin", "wagtail_localize", "koonto"."""
    path = Path(string.source)
    app = path.parents[3]
    for base in (Path(django.__file__).parents[1], Path(settings.BASE_DIR)):
        if app.is_relative_to(base):
            relative = app.relative_to(base)
            return "koonto" if relative == Path() else str(relative)
    return str(app)


def html_texts(html: str) -> list[str]:
    """The texts a reader sees in an HTML e-mail: each text node, and each element's whole text."""
    from html.parser import HTMLParser

    class Texts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.nodes, self.open = [], [[]]

        def handle_starttag(self, tag, attrs):
            if tag not in {"br", "img", "hr", "meta", "link", "input"}:
                self.open.append([])
            for name, value in attrs:
                if name in {"alt", "title"} and value:
                    self.nodes.append(value)

        def handle_endtag(self, tag):
            if len(self.open) > 1 and tag not in {"br", "img", "hr", "meta", "link", "input"}:
                inner = self.open.pop()
                self.nodes.append(" ".join(inner))
                self.open[-1].extend(inner)

        def handle_data(self, data):
            text = " ".join(data.split())
            if text:
                self.nodes.append(text)
                self.open[-1].append(text)

    parser = Texts()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.nodes if text.strip()]


def find_english(texts: list[str], content: set[str], already: set[str] = frozenset()) -> dict[str, str]:
    """The untranslated catalogue strings found in the visible texts: {msgid (app): the text shown}.

    `content` is what users entered (titles, names): it is taken out of each text before matching,
    so an English page title is not the admin's English, but "by Tiina Toimittaja" still is
    "by %(user)s". Strings in `already` are not reported again.
    """
    content_list = sorted((item for item in content if len(item) >= 2), key=len, reverse=True)
    strings = untranslated()
    hits: dict[str, str] = {}
    for raw in dict.fromkeys(texts):
        text = _strip_content(raw, content_list)
        if not WORD.search(text):
            continue
        for string in strings:
            if string.literal not in text:
                continue
            key = f"{string.text!r} ({origin(string)})"
            if key in hits or key in already:
                continue
            match = string.pattern.fullmatch(text)
            if match is None and string.phrase:
                match = re.search(rf"(?<![A-Za-z]){string.pattern.pattern}(?![A-Za-z])", text)
            if match:
                hits[key] = raw
    return hits


def content_strings() -> set[str]:
    """What people entered: page and revision titles, object names, users, groups, workflows, segments."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Page, Revision, Task, Workflow
    from wagtail.snippets.models import get_snippet_models
    from wagtail_localize.models import String, StringTranslation

    strings = set(Page.objects.values_list("title", flat=True))
    strings |= {revision.object_str for revision in Revision.objects.all()}
    for user in get_user_model().objects.all():
        strings |= {user.get_full_name(), user.get_username(), user.first_name, user.last_name, user.email}
    strings |= set(Group.objects.values_list("name", flat=True))
    strings |= set(Collection.objects.values_list("name", flat=True))
    strings |= set(Workflow.objects.values_list("name", flat=True)) | set(Task.objects.values_list("name", flat=True))
    for model in [*get_snippet_models(), apps.get_model("wagtailimages.Image"), apps.get_model("wagtaildocs.Document")]:
        strings |= {str(instance) for instance in model._default_manager.all()[:500]}
    strings |= set(String.objects.values_list("data", flat=True))
    strings |= set(StringTranslation.objects.values_list("data", flat=True))
    return {" ".join(text.split()) for text in strings if text and text.strip()}
