"""Numbers as each language writes them: "600 000 €", "80 %", "1,5 Mt" on Finnish pages and
"€600,000", "80%", "1.5 MB" on English ones.

Every public number (funding amounts, budgets, prices, support rates, counts, file sizes) goes
through `format_number()`, in templates as `{{ value|number }}`, `{{ value|number:"€" }}`,
`{{ value|number:"%" }}` or `{{ value|number:"bytes" }}` (koonto/templatetags/numbers.py).

Grouping and the decimal mark come from Django's localisation and the project's format modules
(koonto/formats/: a non-breaking space and a comma in Finnish, a comma and a point in English),
asked for explicitly: the setting USE_THOUSAND_SEPARATOR would also group every id and count that
templates and the admin put in addresses and attributes. Where the euro and per cent signs go is
not something Django formats (and Babel, which knows it from CLDR, is not a dependency), so the
patterns below are CLDR's for these languages, with a non-breaking space so that a number never
wraps away from its unit.
"""

from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import filesizeformat
from django.utils import formats, translation

NBSP = "\xa0"
# CLDR's currency and percent patterns (fi, sv: "#,##0.00 ¤", "#,##0 %"; en: "¤#,##0.00", "#,##0%").
EURO_PATTERNS = {"fi": "{} €", "sv": "{} €", "en": "€{}"}
PERCENT_PATTERNS = {"fi": "{} %", "sv": "{} %", "en": "{}%"}
UNITS = ("", "€", "%", "bytes")


def format_number(value, unit: str = "", decimals: int | None = None) -> str:
    """`value` written the active language's way, with its `unit` ("", "€", "%" or "bytes").

    Decimals are shown only when the value has them (two for money, as many as needed otherwise,
    at most two), unless `decimals` says how many. A value that is not a number is returned as text.
    """
    if value is None or value == "":
        return ""
    if not unit and decimals is None and type(value) is int and 0 <= value < 1000:
        return str(value)  # nothing to group: the counts of filters and facets, many per page
    if unit == "bytes":
        return filesizeformat(value).replace(" ", NBSP)
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else (2 if unit == "€" else _decimals_needed(number))
    text = formats.number_format(number, decimals, use_l10n=True, force_grouping=True)
    language = (translation.get_language() or "fi").split("-")[0]
    if unit == "€":
        return EURO_PATTERNS.get(language, "{} €").replace(" ", NBSP).format(text)
    if unit == "%":
        return PERCENT_PATTERNS.get(language, "{} %").replace(" ", NBSP).format(text)
    return text


def _decimals_needed(number: Decimal) -> int:
    """The decimals a value has, trailing zeros left off, at most two (80.50 -> 1, 12.345 -> 2)."""
    exponent = number.normalize().as_tuple().exponent
    return min(-exponent, 2) if isinstance(exponent, int) and exponent < 0 else 0
