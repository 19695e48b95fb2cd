"""Soft hyphens: Finnish syllables and compound boundaries, English from pyphen, escaping kept."""

import pytest

from design.templatetags.typography import SOFT_HYPHEN, finnish_breaks, hyphenate, soft_hyphens


def quote_back(text: str) -> str:
    """The text with its soft hyphens made visible, as the browser shows them at a line end."""
    return text.replace(SOFT_HYPHEN, "-")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # The example: never "Kokemusasiantuntijatoimint|aa", and not "kokemu-sasiantuntija".
        ("Kokemusasiantuntijatoimintaa", "Ko-ke-mus-asian-tun-ti-ja-toi-min-taa"),
        ("rahoitushakujen", "ra-hoi-tus-ha-ku-jen"),
        ("Työelämän", "Työ-elä-män"),  # a compound boundary between two vowels
        ("Saavutettavuusseloste", "Saa-vu-tet-ta-vuus-se-loste"),
        ("strategia", "stra-te-gia"),  # no break inside a word-initial cluster
    ],
)
def test_finnish_words_break_at_syllables_and_compound_boundaries(word, expected):
    assert quote_back(hyphenate(word, "fi")) == expected


def test_no_break_leaves_a_single_letter_at_either_end_or_between_breaks():
    for word in ("Kokemusasiantuntijatoimintaa", "esittelyt", "asiantuntija", "Osallisuutta"):
        positions = [0, *finnish_breaks(word), len(word)]
        assert all(end - start >= 2 for start, end in zip(positions, positions[1:], strict=False)), word


def test_short_words_and_existing_hyphens_are_left_alone():
    assert hyphenate("Hanke-esittelyt", "fi") == "Hanke-esit\u00adte\u00adlyt"
    assert hyphenate("Kuopio ja Iisalmi", "fi") == "Kuopio ja Iisalmi"


def test_english_uses_the_english_dictionary():
    assert quote_back(hyphenate("Accessibility statement", "en")) == "Ac-ces-si-bil-ity state-ment"


def test_the_active_language_is_the_default(settings):
    from django.utils import translation

    with translation.override("en"):
        assert quote_back(hyphenate("Accessibility")) == "Ac-ces-si-bil-ity"
    with translation.override("fi"):
        assert quote_back(hyphenate("Saavutettavuusseloste")) == "Saa-vu-tet-ta-vuus-se-loste"


def test_the_filter_escapes_html_and_never_breaks_an_entity():
    result = soft_hyphens('<script>"Pallokissat" & Tietosuojaseloste</script>', "fi")
    assert "<script>" not in result
    assert quote_back(result) == "&lt;script&gt;&quot;Pal-lo-kis-sat&quot; &amp; Tie-to-suo-ja-se-loste&lt;/script&gt;"
