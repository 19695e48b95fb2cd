"""The demo's English catalogue follows the Finnish data: `merge` (the fuzzy matching), the English lookup,
`manage.py demo_messages`, and how bad data is reported. No demo site is loaded here."""

import re
import shutil
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo import catalogue
from demo.catalogue import English, Message, merge
from demo.data import CONTENT_DIR, ContentError, load

SENTENCE = "Hankkeessa aloitettiin aikuisille tarkoitettu työpaja pitkään työttömänä olleille lieksalaisille."
ENGLISH = "The project started a workshop for adults in Lieksa who had been unemployed for a long time."


def po_with(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    for entry in entries:
        po.append(entry)
    return po


def entry(context: str, msgid: str, msgstr: str, **kwargs) -> polib.POEntry:
    return polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr, **kwargs)


def active(merged: catalogue.Merged) -> dict[tuple[str, str], polib.POEntry]:
    return {(e.msgctxt, e.msgid): e for e in merged.po if not e.obsolete}


# --- merge -----------------------------------------------------------------------------------------


def test_an_unchanged_string_keeps_its_english():
    merged = merge(po_with(entry("summary", SENTENCE, ENGLISH)), [Message("summary", SENTENCE)])
    assert active(merged)[("summary", SENTENCE)].msgstr == ENGLISH
    assert merged.fuzzy == merged.untranslated == merged.obsolete == []


def test_a_changed_comma_keeps_the_english_as_fuzzy_with_the_old_finnish_beside_it():
    changed = SENTENCE.replace("työpaja pitkään", "työpaja, pitkään")
    merged = merge(po_with(entry("summary", SENTENCE, ENGLISH)), [Message("summary", changed)])
    new = active(merged)[("summary", changed)]
    assert new.msgstr == ENGLISH and new.fuzzy and new.previous_msgid == SENTENCE
    assert merged.fuzzy == [new] and merged.untranslated == [] and merged.obsolete == []
    assert "#| msgid" in str(merged.po) and "#, fuzzy" in str(merged.po)


def test_a_fuzzy_entry_stays_fuzzy_and_remembers_what_was_translated_until_a_person_reviews_it():
    changed = SENTENCE.replace("työpaja pitkään", "työpaja, pitkään")
    once = merge(po_with(entry("summary", SENTENCE, ENGLISH)), [Message("summary", changed)])
    changed_again = changed.replace("aikuisille", "aikuisille ihmisille")
    twice = merge(polib.pofile(str(once.po)), [Message("summary", changed_again)])
    new = active(twice)[("summary", changed_again)]
    assert new.fuzzy and new.msgstr == ENGLISH and new.previous_msgid == SENTENCE


def test_a_rewritten_string_is_untranslated_and_its_old_english_kept_as_obsolete():
    rewritten = "Lieksassa avattiin työpaja."
    merged = merge(po_with(entry("summary", SENTENCE, ENGLISH)), [Message("summary", rewritten)])
    assert active(merged)[("summary", rewritten)].msgstr == ""
    assert [e.msgid for e in merged.untranslated] == [rewritten]
    assert [e.msgid for e in merged.obsolete] == [SENTENCE]
    assert "#~ msgid" in str(merged.po)
    dropped = merge(po_with(entry("summary", SENTENCE, ENGLISH)), [Message("summary", rewritten)], keep_obsolete=False)
    assert [e for e in dropped.po if e.obsolete] == []


def test_an_old_english_goes_to_one_new_string_only_the_closest():
    closer = SENTENCE.replace("pitkään", "pitkään,")
    farther = SENTENCE.replace("aikuisille tarkoitettu", "nuorille aikuisille tarkoitettu")
    merged = merge(po_with(entry("summary", SENTENCE, ENGLISH)), [Message("title", farther), Message("summary", closer)])
    assert active(merged)[("summary", closer)].fuzzy
    assert active(merged)[("title", farther)].msgstr == ""


def test_the_same_finnish_in_a_new_place_takes_the_reviewed_english_without_being_fuzzy():
    merged = merge(po_with(entry("body.1", "Kysy lisää", "Ask more")), [Message("body.2", "Kysy lisää")])
    new = active(merged)[("body.2", "Kysy lisää")]
    assert new.msgstr == "Ask more" and not new.fuzzy
    assert merged.obsolete == []


def test_a_catalogue_that_does_not_exist_yet_makes_every_string_untranslated(tmp_path):
    merged = merge(catalogue.read_catalogue(tmp_path / "en.po"), [Message("title", "Hanaa!")])
    assert [e.msgid for e in merged.untranslated] == ["Hanaa!"]
    assert merged.po.metadata["Language"] == "en"


# --- the English lookup ----------------------------------------------------------------------------


def test_a_dated_string_takes_any_date_and_writes_it_the_english_way():
    english = English(po_with(entry("body.x", "Seloste on päivitetty [[today]].", "This notice was last updated on [[today]].")))
    assert english("body.x", "Seloste on päivitetty 4.12.2026.") == "This notice was last updated on 4 December 2026."
    assert english("body.x", "Seloste on päivitetty joskus.") is None


def test_a_string_is_found_by_its_place_then_by_its_text_alone():
    english = English(
        po_with(
            entry("role", "Hankeneuvoja", "Project adviser"),
            entry("body.a", "Kysy", "Ask"),
            entry("body.b", "Kysy", "Enquire"),
        )
    )
    assert english("role", "Hankeneuvoja") == "Project adviser"
    assert english("body.old-id", "Hankeneuvoja") == "Project adviser"  # a page made before block ids were fixed
    assert english("body.old-id", "Kysy") is None  # two different Englishes: no guess
    assert english("body.b", "Kysy") == "Enquire"


# --- the data --------------------------------------------------------------------------------------


@pytest.fixture
def content_copy(tmp_path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_block_and_inline_object_has_its_own_fixed_id():
    ids = []
    for page in load().pages():
        ids += [item["id"] for items in page.inline.values() for item in items]
        ids += [block["id"] for name, value in page.fields.items() if name in ("body", "key_figures") for block in value]
    assert ids and len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("about.toml", 'type = "quote"\nid = ', 'type = "quote"\nuid = ', "needs a fixed 'id'"),
        ("about.toml", 'type = "quote"', 'type = "lainaus"', "unknown block type 'lainaus'"),
        ("events.toml", 'type = "EventIndexPage"', 'type = "Tapahtumat"', "unknown page type 'Tapahtumat'"),
        ("privacy.toml", "[page]", "[page", "privacy.toml"),
    ],
)
def test_bad_data_is_a_clear_error_naming_the_file(content_copy, file, old, new, message):
    edit(content_copy / file, old, new)
    with pytest.raises(ContentError, match=re.escape(message)):
        load(content_copy)


def test_a_time_without_a_zone_is_helsinki_time_and_one_with_a_zone_is_kept(content_copy):
    def closes_at():
        call = next(page for page in load(content_copy).pages() if page.path == "rahoitus/hankehaku-15-1-2024")
        return call.fields["closes_at"]

    assert closes_at() == datetime(2024, 1, 15, 16, 15, tzinfo=ZoneInfo("Europe/Helsinki"))
    edit(content_copy / "guides.toml", "closes_at = 2024-01-15T16:15:00", "closes_at = 2024-01-15T14:15:00Z")
    assert closes_at() == datetime(2024, 1, 15, 14, 15, tzinfo=UTC)


def test_a_copied_block_id_is_refused(content_copy):
    def first_id(file: str) -> str:
        return (content_copy / file).read_text(encoding="utf-8").split('id = "', 1)[1].split('"', 1)[0]

    edit(content_copy / "privacy.toml", first_id("privacy.toml"), first_id("about.toml"))
    with pytest.raises(ContentError, match="used twice"):
        load(content_copy)


# --- manage.py demo_messages -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_committed_catalogue_is_up_to_date_and_fully_translated():
    out = StringIO()
    call_command("demo_messages", "--check", stdout=out)
    assert "0 fuzzy, 0 untranslated" in out.getvalue()


@pytest.mark.django_db
def test_demo_messages_marks_a_changed_sentence_fuzzy_and_adds_a_new_one(content_copy):
    edit(content_copy / "showcases.toml", "työpaja pitkään työttömänä", "työpaja, pitkään työttömänä")
    added = "Nuoret suunnittelivat itse osan toiminnasta."
    edit(content_copy / "showcases.toml", "lähikuntiin.</p>", f"lähikuntiin.</p><p>{added}</p>")
    with pytest.raises(CommandError, match="is not up to date"):
        call_command("demo_messages", "--content", str(content_copy), "--check")

    out = StringIO()
    call_command("demo_messages", "--content", str(content_copy), stdout=out)
    assert "1 fuzzy, 1 untranslated" in out.getvalue()
    assert "työpaja, pitkään" in out.getvalue() and added in out.getvalue()
    po = polib.pofile(str(content_copy / "en.po"))
    [fuzzy] = po.fuzzy_entries()
    assert fuzzy.msgctxt == "summary" and fuzzy.msgstr == ENGLISH
    assert fuzzy.previous_msgid == SENTENCE
    [new] = po.untranslated_entries()
    assert new.msgctxt == "continuation" and new.occurrences == [("showcases.toml", "")]

    written = (content_copy / "en.po").read_bytes()
    call_command("demo_messages", "--content", str(content_copy), stdout=StringIO())
    assert (content_copy / "en.po").read_bytes() == written  # a second run changes nothing
    with pytest.raises(CommandError, match="1 fuzzy and 1 untranslated"):
        call_command("demo_messages", "--content", str(content_copy), "--check")


@pytest.mark.django_db
@pytest.mark.parametrize(("file", "old", "new"), [("site.toml", "[settings]", "[settings"), ("en.po", 'msgid "', "msgid")])
def test_load_demo_and_demo_messages_refuse_unreadable_data_with_a_message(content_copy, file, old, new):
    text = (content_copy / file).read_text(encoding="utf-8")
    (content_copy / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    for command in ("load_demo", "demo_messages"):
        with pytest.raises(CommandError, match=f"The demo data cannot be read: .*{re.escape(file)}"):
            call_command(command, "--content", str(content_copy), stdout=StringIO())
