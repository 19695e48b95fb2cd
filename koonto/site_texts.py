"""The site texts a reader sees (programme, implementers, footer contacts): the one reader of SiteTexts.

The footer, the EU notice and the API's site information all call `public_site_texts(locale)`, so that
every output shows the same texts by the same rule (koonto.visibility):
- the published site texts of the reader's language; an unpublished change (a draft revision, or a
  translation never published) is never shown;
- else the published Finnish ones (the source language), which carry `language = "fi"` so that
  templates mark them with `lang="fi"`;
- else none.
Footer contacts are shown in the reader's language where translated, else in Finnish, and left out
while unpublished (`snippets_for_reader`).

The answer is kept under the page cache's content generation (ops.pagecache.until_content_changes):
publishing site texts, a contact or an organisation changes the generation (ops/signals.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from koonto.models import ContactPerson, SiteTexts
from koonto.visibility import PublicRule, snippets_for_reader
from ops.pagecache import until_content_changes


@dataclass(frozen=True)
class PublicSiteTexts:
    """Site texts as the public sees them in one language."""

    language: str  # the language the texts are written in: the reader's, or Finnish when not translated
    untranslated: bool  # in Finnish for a reader of another language: templates mark it with lang
    programme_name: str
    implementers: list[str] = field(default_factory=list)
    contacts: list[ContactPerson] = field(default_factory=list)

    def accessibility_feedback(self) -> FeedbackChannel | None:
        """`{{ texts.accessibility_feedback }}` in templates: see `accessibility_feedback()`."""
        return accessibility_feedback(self)


@dataclass(frozen=True)
class FeedbackChannel:
    """Where a reader gives feedback on accessibility: an address and its `mailto:` link."""

    email: str
    url: str


def accessibility_feedback(texts: PublicSiteTexts | None) -> FeedbackChannel | None:
    """The feedback channel the Act on Digital Services (306/2019) requires on every page: the
    first footer contact's e-mail, with a subject in the active language; None when the first
    contact has no e-mail (or there are no contacts). The footer and the API's site information
    both show this, so they cannot disagree.
    """
    first = texts.contacts[0] if texts is not None and texts.contacts else None
    if first is None or not first.email:
        return None
    subject = quote(gettext("Accessibility feedback"), safe="")
    return FeedbackChannel(email=first.email, url=f"mailto:{first.email}?subject={subject}")


def public_site_texts(locale: Locale | str | None = None) -> PublicSiteTexts | None:
    """The site texts for a reader of `locale` (a Locale, a language code, or the active language)."""
    code = _language_code(locale)
    # In a tuple, so that "no texts" is kept too (the cache cannot tell None from a miss).
    return until_content_changes(f"site-texts:{code}", lambda: (_build(code),))[0]


def _language_code(locale: Locale | str | None) -> str:
    if isinstance(locale, Locale):
        return locale.language_code
    try:
        return translation.get_supported_language_variant(locale or translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:  # a language the site does not serve: the source language's texts
        return settings.LANGUAGE_CODE


def _build(code: str) -> PublicSiteTexts | None:
    with translation.override(code):  # contacts' organisations resolve in the reader's language too
        return _texts_for(code)


def _texts_for(code: str) -> PublicSiteTexts | None:
    codes = dict.fromkeys([code, settings.LANGUAGE_CODE])  # the reader's language first, then the source
    candidates = PublicRule(None).snippets(SiteTexts.objects.filter(locale__language_code__in=codes)).select_related("locale")
    by_language = {texts.locale.language_code: texts for texts in candidates}
    texts = next((by_language[c] for c in codes if c in by_language), None)
    if texts is None:
        return None
    rows = texts.footer_contacts.select_related("contact__organisation").order_by("sort_order", "pk")
    reader_locale = Locale.objects.filter(language_code=code).first()
    contacts = [contact for contact in snippets_for_reader([row.contact for row in rows], reader_locale) if contact]
    for contact in contacts:
        contact.public_organisation  # noqa: B018 - resolved now, so that it is kept with the contact
    return PublicSiteTexts(
        language=texts.locale.language_code,
        untranslated=texts.locale.language_code != code,
        programme_name=texts.programme_name,
        implementers=texts.implementer_lines,
        contacts=contacts,
    )
