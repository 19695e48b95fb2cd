"""An in-process cache of Locale rows by language code.

Wagtail looks the active Locale up in the database every time it is asked (`Locale.get_active()`,
`page.localized`, routing, the language switcher): six identical queries per page. The rows
change only when an administrator adds a language, so each process keeps them in memory and
forgets them whenever a Locale is saved or deleted. A missing language is never cached.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_by_code: dict[str, Locale] = {}
_uncached_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    code = get_supported_content_language_variant(language_code)
    locale = _by_code.get(code)
    if locale is None:
        locale = _uncached_get_for_language(manager, code)
        _by_code[code] = locale
    return locale


def forget(**kwargs):
    _by_code.clear()


def install() -> None:
    """Called once from KoontoConfig.ready()."""
    LocaleManager.get_for_language = get_for_language
    post_save.connect(forget, sender=Locale, dispatch_uid="koonto-locales-forget-save")
    post_delete.connect(forget, sender=Locale, dispatch_uid="koonto-locales-forget-delete")
