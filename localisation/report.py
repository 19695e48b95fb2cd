"""Translation status report: which Finnish pages lack a translation, or have one that lags behind.

Finnish (``settings.LANGUAGE_CODE``) is the source language; every other language of
``settings.WAGTAIL_CONTENT_LANGUAGES`` that has a Wagtail ``Locale`` is a target. The report has
one row per Finnish page (live or draft, every page but the tree root) and, for each target
language, one status:

- **missing**: no page in that locale shares the Finnish page's ``translation_key``, or the only
  one is an alias of the Finnish page. Wagtail creates such aliases for the parents of a page
  translated with ``copy_parents`` (wagtail-localize does so too); an alias shows the Finnish
  content in the other tree, and wagtail-localize's own translate form counts it as untranslated
  and converts it into a translation. The report flags these cells as aliases.
- **out of date**: the translation exists but is not yet up to date, for one or more of these
  reasons (each cell lists them):

  * *the Finnish page changed* after the translation last caught up with it. With F = the
    Finnish page's ``latest_revision_created_at`` and T = the translated page's
    ``latest_revision_created_at``: a translation that wagtail-localize syncs (a
    ``TranslationSource`` for the Finnish page and an *enabled* ``Translation`` into that locale)
    is behind when F is later than both the source's ``last_updated_at`` (the last time its
    strings were extracted: the first submission, or a sync, ``TranslationSource.update_from_db()``)
    and T; any other translation (made by ``copy_for_translation``, a parent page copied on
    the way, or one whose syncing was stopped) is behind when F is later than T. A missing
    timestamp means "never". Editing the translation counts as catching up on purpose.
  * *untranslated segments*: a synced translation has strings of the current (last synced)
    Finnish source without a translation into that language (the slug aside: it follows the
    translated title, localisation.slugs). A sync publishes such strings
    in Finnish, so a sync alone never makes a translation up to date.
  * *not published*: the translation is a draft, or has changes that are not live yet.
- **up to date**: every segment of the current source is translated and the translation is
  published (live, with nothing unpublished), and the Finnish page has not changed since.
- **draft** (an extra flag): the translation exists but is not live.

Why not wagtail-localize's own report: it lists ``Translation`` records only, so it cannot show
pages that were never submitted (missing) or translations copied without it, and it has no
notion of a Finnish change that has not been synced yet.

Rows are built in Python from a fixed number of queries (locales, the Finnish pages, the pages
of the target locales, the translation sources and their enabled translations, the untranslated
segments per language, and the user's permissions), so the report costs the same for 10 pages
or 10,000.

A row is shown when the user may see the Finnish page in the admin, one of its translations, or
may start or sync one of its translations: translators work in the target trees only, and every
Finnish page that lacks a translation into their languages is their work. Edit links appear only
for pages the user may edit; "Translate" and "Sync" for those who may translate where that
translation lives (localisation.permissions: page permissions on each language tree).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from koonto.dashboard import PermittedMenuItem
from localisation.permissions import TranslationPermissions

URL_NAME = "koonto_translation_status"
PER_PAGE = 50

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
DRAFT = "draft"
STATUS_CHOICES = (
    (MISSING, _("Missing")),
    (OUT_OF_DATE, _("Out of date")),
    (UP_TO_DATE, _("Up to date")),
    (DRAFT, _("Draft")),
)
STATUS_LABELS = dict(STATUS_CHOICES)
UNTRANSLATED = "untranslated"  # the counter key of untranslated segments

# Page fields the report needs; nothing specific, so one query per locale set whatever the types.
_PAGE_FIELDS = (
    "id",
    "path",
    "depth",
    "draft_title",
    "translation_key",
    "locale_id",
    "live",
    "has_unpublished_changes",
    "latest_revision_created_at",
    "alias_of_id",
)
_EDIT_ACTIONS = ("add", "change", "publish")


def is_out_of_date(
    source_changed_at: datetime | None, translation_changed_at: datetime | None, synced_at: datetime | None = None
) -> bool:
    """The rule of the module docstring: the Finnish change is later than every catch-up time.

    ``synced_at`` is the ``TranslationSource.last_updated_at`` of a wagtail-localize-synced
    translation, ``None`` for any other translation.
    """
    if source_changed_at is None:
        return False
    return all(moment is None or source_changed_at > moment for moment in (translation_changed_at, synced_at))


def can_view_report(user) -> bool:
    """Superusers and anyone who may add, edit or publish pages in some tree."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or PagePermissionPolicy().user_has_any_permission(user, _EDIT_ACTIONS)


def report_url(**params) -> str:
    """The report's URL with the given filters (empty values left out)."""
    url = reverse(URL_NAME)
    query = urlencode({key: value for key, value in params.items() if value})
    return f"{url}?{query}" if query else url


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale_id: int


@dataclass
class TranslationCell:
    """The state of one Finnish page in one target language."""

    language: Language
    state: str  # MISSING, OUT_OF_DATE or UP_TO_DATE
    is_draft: bool = False
    synced: bool = False  # wagtail-localize syncs this translation
    is_alias: bool = False  # a page exists, but as an alias showing the Finnish content
    page_id: int | None = None
    title: str = ""
    changed_at: datetime | None = None
    edit_url: str | None = None
    action_url: str | None = None
    action_label: str = ""
    untranslated: int = 0  # strings of the synced source without a translation
    source_changed: bool = False  # the Finnish page changed since the translation caught up
    published: bool = False  # live with nothing unpublished

    @property
    def reasons(self) -> list[str]:
        """Why an existing translation is not up to date, in words."""
        if self.state != OUT_OF_DATE:
            return []
        reasons = []
        if self.source_changed:
            reasons.append(str(_("The Finnish page has changed")))
        if self.untranslated:
            reasons.append(
                ngettext("%(count)d untranslated segment", "%(count)d untranslated segments", self.untranslated)
                % {"count": self.untranslated}
            )
        if not self.published:
            reasons.append(str(_("Not published")))
        return reasons

    def has_status(self, status: str) -> bool:
        return self.is_draft if status == DRAFT else self.state == status

    @property
    def state_label(self) -> str:
        return STATUS_LABELS[self.state]

    @property
    def exists(self) -> bool:
        return self.state != MISSING


@dataclass
class ReportRow:
    """One Finnish page with its section and a cell per target language."""

    page_id: int
    title: str
    path: str
    live: bool
    changed_at: datetime | None
    section_id: int
    section_title: str
    edit_url: str | None
    cells: list[TranslationCell] = field(default_factory=list)

    def cells_for(self, language_code: str | None) -> list[TranslationCell]:
        if language_code is None:
            return self.cells
        return [cell for cell in self.cells if cell.language.code == language_code]


class TranslationReport:
    """All rows the user may see, built from a fixed number of queries.

    ``next_url`` is where wagtail-localize's translate and update views return after their work.
    """

    def __init__(self, user, next_url: str | None = None):
        self.user = user
        self.next_url = next_url

    @cached_property
    def source_locale(self) -> Locale | None:
        return next((locale for locale in self._locales if locale.language_code == settings.LANGUAGE_CODE), None)

    @cached_property
    def _locales(self) -> list[Locale]:
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return list(Locale.objects.filter(language_code__in=codes))

    @cached_property
    def languages(self) -> list[Language]:
        """Target languages in settings order; a configured language without a Locale has no tree yet."""
        by_code = {locale.language_code: locale for locale in self._locales}
        return [
            Language(code, str(name), by_code[code].pk)
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code != settings.LANGUAGE_CODE and code in by_code
        ]

    @cached_property
    def rows(self) -> list[ReportRow]:
        if self.source_locale is None:
            return []
        source_pages = list(Page.objects.filter(locale=self.source_locale, depth__gte=2).order_by("path").values(*_PAGE_FIELDS))
        translations = {
            (page["translation_key"], page["locale_id"]): page
            for page in Page.objects.filter(locale_id__in=[language.locale_id for language in self.languages])
            .filter(depth__gte=2)
            .values(*_PAGE_FIELDS)
        }
        sources, synced_locales = self._translation_sources()
        untranslated = self._untranslated_segments()
        visible, editable = self._visible_and_editable_ids()
        source_by_path = {page["path"]: page for page in source_pages}
        roots = {locale_id: page["path"] for (_key, locale_id), page in translations.items() if page["depth"] == 2}
        section_titles = {page["path"]: page["draft_title"] for page in source_pages if page["depth"] <= 3}
        section_ids = {page["path"]: page["id"] for page in source_pages if page["depth"] <= 3}

        rows = []
        for page in source_pages:
            key = page["translation_key"]
            source = sources.get(key)
            cells = []
            for language in self.languages:
                translated = translations.get((key, language.locale_id))
                synced = source is not None and (source.pk, language.locale_id) in synced_locales
                place = self._place(page, language, translated, translations, source_by_path, roots)
                cells.append(
                    self._cell(
                        page,
                        language,
                        translated,
                        source if synced else None,
                        editable,
                        self.permissions.may_translate_at(place),
                        untranslated.get((source.pk, language.locale_id), 0) if synced else 0,
                    )
                )
            if not self._is_visible(page, cells, visible):
                continue
            section_path = page["path"][: Page.steplen * 3] if page["depth"] >= 3 else page["path"]
            rows.append(
                ReportRow(
                    page_id=page["id"],
                    title=page["draft_title"],
                    path=page["path"],
                    live=page["live"],
                    changed_at=page["latest_revision_created_at"],
                    section_id=section_ids.get(section_path, page["id"]),
                    section_title=section_titles.get(section_path, page["draft_title"]),
                    edit_url=self._edit_url(page["id"], editable),
                    cells=cells,
                )
            )
        return rows

    @cached_property
    def sections(self) -> list[tuple[int, str]]:
        """(id, title) of the sections of the visible rows, in tree order."""
        seen: dict[int, str] = {}
        for row in self.rows:
            seen.setdefault(row.section_id, row.section_title)
        return list(seen.items())

    @cached_property
    def permissions(self) -> TranslationPermissions:
        return TranslationPermissions(self.user)

    def counts(self) -> Counter:
        """How many translations are in each status, as (status, language code) and status alone;
        ``UNTRANSLATED`` (and (``UNTRANSLATED``, code)) counts untranslated segments."""
        counter: Counter = Counter()
        for row in self.rows:
            for cell in row.cells:
                counter[UNTRANSLATED] += cell.untranslated
                counter[(UNTRANSLATED, cell.language.code)] += cell.untranslated
                for status, _label in STATUS_CHOICES:
                    if cell.has_status(status):
                        counter[status] += 1
                        counter[(status, cell.language.code)] += 1
        return counter

    # Building blocks -------------------------------------------------------------------------

    def _translation_sources(self) -> tuple[dict, set]:
        """Finnish pages' translation sources by translation key, and (source id, locale id) synced."""
        page_keys = Page.objects.filter(locale=self.source_locale).values("translation_key")
        sources = {
            source.object_id: source
            for source in TranslationSource.objects.filter(locale=self.source_locale, object_id__in=page_keys).only(
                "id", "object_id", "locale_id", "last_updated_at"
            )
        }
        synced = set(
            Translation.objects.filter(
                source__locale=self.source_locale, source__object_id__in=page_keys, enabled=True
            ).values_list("source_id", "target_locale_id")
        )
        return sources, synced

    def _untranslated_segments(self) -> dict[tuple[int, int], int]:
        """{(translation source id, locale id): strings of the source without a translation into
        that locale}, for the Finnish pages' sources: one query per target language."""
        counts: dict[tuple[int, int], int] = {}
        page_keys = Page.objects.filter(locale=self.source_locale).values("translation_key")
        for language in self.languages:
            translated = StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=language.locale_id,
                has_error=False,
            )
            rows = (
                StringSegment.objects.filter(source__locale=self.source_locale, source__object_id__in=page_keys)
                .exclude(context__path="slug")  # the slug follows the translated title (localisation.slugs)
                .filter(~Exists(translated))
                .values("source_id")
                .annotate(missing=Count("pk"))
                .order_by()
            )
            for row in rows:
                counts[(row["source_id"], language.locale_id)] = row["missing"]
        return counts

    @staticmethod
    def _place(page, language, translated, translations, source_by_path, roots) -> str | None:
        """The path where the translation into ``language`` is or would be: the translation (or
        alias) itself, else the nearest translated ancestor, else the language root."""
        if translated is not None:
            return translated["path"]
        path = page["path"][: -Page.steplen]
        while len(path) > Page.steplen:
            ancestor = source_by_path.get(path)
            if ancestor is not None and (ancestor["translation_key"], language.locale_id) in translations:
                return translations[(ancestor["translation_key"], language.locale_id)]["path"]
            path = path[: -Page.steplen]
        return roots.get(language.locale_id)

    def _visible_and_editable_ids(self) -> tuple[set | None, set | None]:
        """Page ids the user may see in the admin and may edit; ``None`` means all (superusers)."""
        if self.user.is_superuser:
            return None, None
        policy = PagePermissionPolicy()
        visible = set(policy.explorable_instances(self.user).values_list("pk", flat=True))
        editable = set(policy.instances_user_has_any_permission_for(self.user, _EDIT_ACTIONS).values_list("pk", flat=True))
        return visible, editable

    @staticmethod
    def _is_visible(page: Mapping, cells: Iterable[TranslationCell], visible: set | None) -> bool:
        """The Finnish page or a translation is visible to the user, or a translation is theirs to do."""
        if visible is None or page["id"] in visible:
            return True
        return any((cell.page_id is not None and cell.page_id in visible) or cell.action_url for cell in cells)

    def _edit_url(self, page_id: int, editable: set | None) -> str | None:
        if editable is None or page_id in editable:
            return reverse("wagtailadmin_pages:edit", args=[page_id])
        return None

    def _with_params(self, url: str, **params) -> str:
        query = urlencode({**params, **({"next": self.next_url} if self.next_url else {})})
        return f"{url}?{query}" if query else url

    def _cell(self, page, language, translated, source, editable, may_translate, untranslated) -> TranslationCell:
        """``source`` is the page's TranslationSource when wagtail-localize syncs this translation;
        ``may_translate``: the user may start or sync the translation where it lives."""
        if translated is None or translated["alias_of_id"] is not None:
            action_url = None
            if may_translate:
                # No "next": after starting, wagtail-localize opens the new translation's editor.
                url = reverse("wagtail_localize:submit_page_translation", args=[page["id"]])
                action_url = f"{url}?{urlencode({'select_locale': language.code})}"
            return TranslationCell(
                language,
                MISSING,
                is_alias=translated is not None,
                page_id=translated["id"] if translated else None,
                title=translated["draft_title"] if translated else "",
                edit_url=self._edit_url(translated["id"], editable) if translated else None,
                action_url=action_url,
                action_label=_("Translate"),
            )
        source_changed = is_out_of_date(
            page["latest_revision_created_at"],
            translated["latest_revision_created_at"],
            source.last_updated_at if source is not None else None,
        )
        published = translated["live"] and not translated["has_unpublished_changes"]
        up_to_date = not source_changed and not untranslated and published
        action_url = None
        if source_changed and source is not None and may_translate:
            action_url = self._with_params(reverse("wagtail_localize:update_translations", args=[source.pk]))
        return TranslationCell(
            language,
            UP_TO_DATE if up_to_date else OUT_OF_DATE,
            is_draft=not translated["live"],
            synced=source is not None,
            page_id=translated["id"],
            title=translated["draft_title"],
            changed_at=translated["latest_revision_created_at"],
            edit_url=self._edit_url(translated["id"], editable),
            action_url=action_url,
            action_label=_("Sync from Finnish"),
            untranslated=untranslated,
            source_changed=source_changed,
            published=published,
        )


@dataclass
class ReportFilters:
    """Filters from the query string; a value the report does not offer is ignored."""

    section: int | None = None
    language: str | None = None
    status: str | None = None

    @classmethod
    def from_query(cls, query: Mapping, report: TranslationReport) -> ReportFilters:
        filters = cls()
        section = str(query.get("section", "")).strip()
        if section.isdigit() and int(section) in dict(report.sections):
            filters.section = int(section)
        language = query.get("language")
        if language in {language.code for language in report.languages}:
            filters.language = language
        status = query.get("status")
        if status in STATUS_LABELS:
            filters.status = status
        return filters

    @property
    def active(self) -> bool:
        return any(value is not None for value in (self.section, self.language, self.status))

    def apply(self, rows: Iterable[ReportRow]) -> list[ReportRow]:
        result = []
        for row in rows:
            if self.section is not None and row.section_id != self.section:
                continue
            if self.status is not None and not any(cell.has_status(self.status) for cell in row.cells_for(self.language)):
                continue
            result.append(row)
        return result


def page_number(value, num_pages: int) -> int:
    """The requested page clamped into range; anything that is not a number means the first page."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), num_pages)


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "koonto/translation_report.html"
    page_title = _("Translation status")
    header_icon = "site"
    paginate_by = PER_PAGE

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = TranslationReport(self.request.user, next_url=self.request.get_full_path())
        filters = ReportFilters.from_query(self.request.GET, report)
        rows = filters.apply(report.rows)
        paginator = Paginator(rows, self.paginate_by)
        page_obj = paginator.page(page_number(self.request.GET.get("page"), paginator.num_pages))
        languages = [language for language in report.languages if filters.language in (None, language.code)]
        context.update(
            {
                "report": report,
                "filters": filters,
                "languages": languages,
                "all_languages": report.languages,
                "sections": report.sections,
                "status_choices": STATUS_CHOICES,
                "page_obj": page_obj,
                "paginator": paginator,
                "page_range": list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)),
                "rows": [(row, row.cells_for(filters.language)) for row in page_obj.object_list],
                "report_url": reverse(URL_NAME),
            }
        )
        return context


def translation_report_menu_item() -> PermittedMenuItem:
    return PermittedMenuItem(
        _("Translation status"),
        reverse_lazy(URL_NAME),
        name="koonto-translation-status",
        icon_name="site",
        order=1300,
        is_allowed=can_view_report,
    )
