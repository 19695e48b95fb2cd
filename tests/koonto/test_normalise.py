"""Base forms and compound parts: the linguistics behind search (koonto/normalise.py). No database."""

import pytest

from koonto.normalise import fold, normalise_text, query_terms, split_compound, word_terms


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("yhdistyksille", "yhdistys"),
        ("koulutukseen", "koulutus"),
        ("haussa", "haku"),
        ("työpajoissa", "tyopaja"),
        ("hankkeiden", "hanke"),
        ("kunnissa", "kunta"),
    ],
)
def test_finnish_inflected_words_are_reduced_to_their_base_form(word, base):
    assert word_terms(word, "fi")[0] == base


@pytest.mark.parametrize(
    ("word", "base", "parts"),
    [
        ("rahoitushaku", "rahoitushaku", {"rahoitus", "haku"}),
        ("rahoitushaussa", "rahoitushaku", {"rahoitus", "haku"}),
        ("kyläyhdistyksille", "kylayhdistys", {"kyla", "yhdistys"}),
        ("yhdistystoimintaan", "yhdistystoiminta", {"yhdistys", "toiminta"}),
        ("kehittämishankkeiden", "kehittamishanke", {"hanke"}),
        ("kokemusasiantuntijatoimintaa", "kokemusasiantuntijatoiminta", {"kokemusasiantuntija", "toiminta"}),
    ],
)
def test_unknown_compounds_are_indexed_with_their_base_form_and_parts(word, base, parts):
    terms = word_terms(word, "fi")
    assert terms[0] == base
    assert parts <= set(terms[1:])


def test_known_words_are_not_split_into_accidental_parts():
    assert split_compound("koulutus") is None
    assert word_terms("hankkeiden", "fi") == ("hanke",)


def test_english_words_get_their_lemma_and_other_languages_only_lowercase():
    assert normalise_text("Workshops for Associations", "en") == "workshop for association"
    assert normalise_text("Työpajat", "de") == "tyopajat"


def test_swedish_words_get_their_base_form_when_swedish_is_enabled():
    assert normalise_text("Föreningarna ordnar workshoppar", "sv") == "forening ordna workshop"


def test_index_and_query_see_only_lowercase_ascii_words():
    """Both databases must tokenise the same strings: no diacritics, no punctuation."""
    assert fold("Työelämä ÅÄÖ") == "tyoelama aao"
    assert normalise_text("KAKE-rahoituksen <b>infotilaisuus</b>!", "fi").split() == [
        "kake",
        "rahoitus",
        "infotilaisuus",
        "info",
        "tilaisuus",
    ]


def test_query_terms_are_one_base_form_per_word_without_compound_parts():
    assert query_terms("Rahoitushaussa rahoitushaku", "fi") == ["rahoitushaku"]


@pytest.mark.parametrize("query", ["", "   ", "😀🎉", "\"'<>;--", "%%%"])
def test_queries_without_words_have_no_terms(query):
    assert query_terms(query, "fi") == []


def test_very_long_words_are_kept_as_they_are():
    assert word_terms("a" * 2000, "fi") == ("a" * 2000,)


def _demo_text() -> str:
    from demo.data import load

    return " ".join(load().texts())


def test_the_low_memory_dictionaries_give_exactly_the_same_terms(settings):
    """KOONTO_LEMMATISER_LOW_MEMORY saves ~300 MB per process; it must not change a single term."""
    from koonto import normalise

    cached = (normalise._is_known, normalise._lemma, normalise.split_compound, normalise.word_terms)

    def terms(low_memory: bool) -> str:
        settings.KOONTO_LEMMATISER_LOW_MEMORY = low_memory
        for function in cached:
            function.cache_clear()
        return normalise.normalise_text(_demo_text(), "fi") + " | " + normalise.normalise_text(_demo_text(), "en")

    try:
        low, full = terms(True), terms(False)
    finally:
        for function in cached:
            function.cache_clear()
    assert len(low.split()) > 3000
    assert low == full
