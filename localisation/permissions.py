"""Who may start, sync and work on translations: page permissions on each language tree.

wagtail-localize asks for one global permission (``wagtail_localize.submit_translation``) to
translate anything into any language. Koonto's rule follows the permission matrix instead
(editorial/rules.py): a user may **start a translation** of a page into a language, and **sync**
a translation they work on, when they may edit pages where that translation lives, that is, when
they hold the ``change`` (or ``publish``) page permission on the translation's place in that
language's tree (usually the language root). Translators get ``change`` on every non-source
tree, communications and editors on every tree; a group given ``change`` on the Swedish tree
alone translates into Swedish alone. The global permission still counts (superusers,
communications), so wagtail-localize's own buttons keep working for those who have it.

The answers come from the user's group page permissions, read once (one query), and the page
paths: a permission on a page covers the page and everything under it, as in Wagtail.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.functional import cached_property
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

# A permission on the translation's place in its language tree lets the user translate there.
WORK_PERMISSIONS = ("change", "publish")
GLOBAL_PERMISSION = "wagtail_localize.submit_translation"


def enabled_target_locales() -> list[Locale]:
    """Locales of the configured content languages other than the source, in settings order."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]
    by_code = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return [by_code[code] for code in codes if code in by_code]


class TranslationPermissions:
    """What one user may do with translations; built from one query of their page permissions."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def is_everything(self) -> bool:
        return bool(self.user.is_active and self.user.is_superuser)

    @cached_property
    def has_global_permission(self) -> bool:
        return self.user.is_active and self.user.has_perm(GLOBAL_PERMISSION)

    @cached_property
    def _work_paths(self) -> tuple[str, ...]:
        codenames = {f"{action}_page" for action in WORK_PERMISSIONS}
        return tuple(
            grant.page.path
            for grant in PagePermissionPolicy().get_all_permissions_for_user(self.user)
            if grant.permission.codename in codenames
        )

    def may_work_at(self, path: str) -> bool:
        """Whether the user may edit the page at ``path`` (and so translate there)."""
        return self.is_everything or any(path.startswith(granted) for granted in self._work_paths)

    def may_translate_at(self, path: str | None) -> bool:
        """Whether the user may start or sync a translation whose place in its tree is ``path``
        (``None``: that language has no tree yet)."""
        return self.has_global_permission or (path is not None and self.may_work_at(path))

    def target_place(self, page: Page, locale: Locale) -> Page | None:
        """Where the translation of ``page`` into ``locale`` is or would be: the translation itself
        (an alias too), else the nearest ancestor's translation, else that language's root."""
        keys = [ancestor.translation_key for ancestor in page.get_ancestors(inclusive=True).filter(depth__gte=2)]
        candidates = {
            candidate.translation_key: candidate
            for candidate in Page.objects.filter(translation_key__in=keys, locale=locale).only("id", "path", "translation_key")
        }
        for key in reversed(keys):
            if key in candidates:
                return candidates[key]
        return Page.objects.filter(depth=2, locale=locale).only("id", "path").first()

    def may_translate_into(self, page: Page, locale: Locale) -> bool:
        """Start (or continue) a translation of ``page`` into ``locale``."""
        if locale.pk == page.locale_id:
            return False
        place = self.target_place(page, locale)
        return self.may_translate_at(place.path if place is not None else None)

    def translatable_locales(self, page: Page, locales: Iterable[Locale] | None = None) -> list[Locale]:
        """The enabled languages (or ``locales``) the user may translate ``page`` into."""
        locales = enabled_target_locales() if locales is None else list(locales)
        return [locale for locale in locales if self.may_translate_into(page, locale)]

    def may_sync(self, source_instance, target_instances: Iterable) -> bool:
        """Sync a source's translations: the global permission, or edit rights on one of its
        translations (a translator or editor syncing the translation they work on)."""
        if self.has_global_permission:
            return True
        if not isinstance(source_instance, Page):
            return False
        return any(isinstance(target, Page) and self.may_work_at(target.path) for target in target_instances)
