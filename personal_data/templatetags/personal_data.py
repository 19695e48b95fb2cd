"""`{% personal_data_purposes %}`: the privacy notice's list of processing, from the declarations.

templates/home/standard_page.html shows it on the page chosen as the privacy notice in the site
settings (and its translations), so the notice never keeps a hand-written copy that could drift.
"""

from django import template

from personal_data.declarations import purposes, text

register = template.Library()


@register.inclusion_tag("personal_data/purposes.html")
def personal_data_purposes():
    rows = [
        {
            "key": p.key,
            "title": text(p.title),
            "data": text(p.data),
            "purpose": text(p.purpose),
            "legal_basis": text(p.legal_basis),
            "readers": text(p.readers),
            "retention": text(p.retention),
        }
        for p in purposes()
    ]
    return {"purposes": rows}


@register.filter
def is_privacy_notice(page, settings_page) -> bool:
    """Whether `page` is the privacy notice chosen in the site settings, in any language."""
    return bool(page is not None and settings_page is not None and page.translation_key == settings_page.translation_key)
