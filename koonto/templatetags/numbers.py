"""`{% load numbers %}`: numbers the page's language's way (koonto.numbers)."""

from django import template

from koonto.numbers import UNITS, format_number

register = template.Library()


@register.filter
def number(value, unit: str = ""):
    """`{{ call.total_budget|number:"€" }}` -> "600 000 €" (Finnish), "€600,000" (English); units:
    "" (a plain number or count), "€", "%", "bytes" (a file size)."""
    if unit not in UNITS:
        raise template.TemplateSyntaxError(f"number: unknown unit {unit!r} (one of {', '.join(map(repr, UNITS))})")
    return format_number(value, unit)
