"""What an anonymous visitor may see: the one rule for pages, snippets, documents and images.

Every public output asks this module rather than checking `live` itself: page templates and the
chrome's template tags (menu, footer, breadcrumbs, language switcher, hreflang), JSON-LD and Open
Graph, API v2 and v3 and their relation fields, the feeds, the sitemap and search. The rule is
the anonymous one everywhere, for staff too: pages and API answers are cached for everyone, and a
public page that shows more to a signed-in editor would hand that to the next visitor.

Hidden is:
- a **page** that is not live, is private (a view restriction of any kind on it or on an
  ancestor), or lies outside the request's site (none of the site's language trees);
- a **snippet** with drafts (`DraftStateMixin`: organisations, contact persons, project
  descriptions) that is not live: never published, or unpublished. Its row then holds no
  content the public has seen;
- a **document** in a collection with a view restriction (on it or on an ancestor).

**Images** have no privacy in Wagtail (renditions are plain files, originals are never served,
see ops.security), so an image is shown wherever a visible page or snippet shows it. The upload
libraries in the API list only the images and documents that visible content uses
(`PublicRule.used_by_public_content`), never the whole library.

**Relations across languages** (`PublicRule.for_reader`): a related page or snippet is shown in
the reader's language if that translation is visible; otherwise in the source language (Finnish)
if that is visible, and templates mark it with its `lang`; otherwise not at all.

**Facts for every language** (`PublicRule.pages_for_reader`): listings of funding calls and events
(the home page's next call and events, the events calendar, API v3's `events/` and `calls/` and
its reference counts of events, the iCalendar feed and the events RSS) follow the same rule page by page: a
call or event not yet translated, or whose translation is not public, is listed in Finnish, marked
as such, rather than hidden from readers of other languages.

A rule is made once per request (`rule_for(request)`) and reads what it needs (restricted pages
and collections, the site's language roots) once, kept under the page cache's content generation
(ops.pagecache.until_content_changes), so checking many objects costs no query per object.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TypeVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, Q, QuerySet
from django.db.models.functions import Cast
from django.http import HttpRequest
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    CollectionViewRestriction,
    DraftStateMixin,
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    TranslatableMixin,
)

from ops.contentcache import remember_site
from ops.pagecache import until_content_changes

T = TypeVar("T", bound=Model)

_REQUEST_ATTRIBUTE = "_koonto_public_rule"


class PublicRule:
    """The anonymous rule for one site (None: no site, so no page is visible)."""

    def __init__(self, site: Site | None):
        self.site = site

    # --- what the rule reads, once ------------------------------------------------------------

    @cached_property
    def restricted_page_paths(self) -> tuple[str, ...]:
        """Tree paths of pages with a view restriction: they and their descendants are private."""
        return until_content_changes(
            "visibility:restricted-pages", lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        )

    @cached_property
    def restricted_collection_paths(self) -> tuple[str, ...]:
        return until_content_changes(
            "visibility:restricted-collections",
            lambda: tuple(CollectionViewRestriction.objects.values_list("collection__path", flat=True)),
        )

    @cached_property
    def site_root_paths(self) -> tuple[str, ...]:
        """Tree paths of the site's root page in every language: the site is their subtrees."""
        if self.site is None:
            return ()
        root_id = self.site.root_page_id

        def load():
            # The root and its translations share a translation key (one query with the subquery).
            keys = Page.objects.filter(pk=root_id).values("translation_key")
            return tuple(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))

        return until_content_changes(f"visibility:site-roots:{root_id}", load)

    # --- one object ----------------------------------------------------------------------------

    def page(self, page: Page | None) -> bool:
        return (
            page is not None
            and bool(page.live)
            and page.path.startswith(self.site_root_paths)
            and not page.path.startswith(self.restricted_page_paths)
        )

    @staticmethod
    def snippet(obj: Model | None) -> bool:
        return obj is not None and (not isinstance(obj, DraftStateMixin) or bool(obj.live))

    def document(self, document: AbstractDocument | None) -> bool:
        if document is None:
            return False
        # Most sites restrict no collection: then the document's collection need not be read.
        return not self.restricted_collection_paths or not document.collection.path.startswith(self.restricted_collection_paths)

    @staticmethod
    def image(image: AbstractImage | None) -> bool:
        return image is not None

    def __call__(self, obj: Model | None) -> bool:
        """Whether the public may see `obj`, whatever kind of object it is."""
        if obj is None:
            return False
        if isinstance(obj, Page):
            return self.page(obj)
        if isinstance(obj, AbstractDocument):
            return self.document(obj)
        if isinstance(obj, AbstractImage):
            return self.image(obj)
        return self.snippet(obj)

    # --- querysets -----------------------------------------------------------------------------

    def pages(self, queryset: QuerySet | None = None) -> QuerySet:
        """The visible pages of `queryset` (all pages when None), in one query with it."""
        queryset = Page.objects.all() if queryset is None else queryset
        if not self.site_root_paths:
            return queryset.none()
        in_site = Q()
        for path in self.site_root_paths:
            in_site |= Q(path__startswith=path)
        queryset = queryset.filter(in_site, live=True)
        for path in self.restricted_page_paths:
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    def pages_for_reader(self, queryset: QuerySet, locale: Locale | None = None) -> QuerySet:
        """The visible pages of `queryset` as a reader of `locale` (the active language when None) is
        shown them in a listing, in one query with it: each page in `locale` if that translation is
        visible, else in the source language (Finnish) if that is visible; pages of other languages
        are left out. `queryset` should hold both languages' pages (e.g. both trees' sections)."""
        locale = locale or Locale.get_active()
        source = Locale.objects.get_for_language(settings.LANGUAGE_CODE)
        visible = self.pages(queryset)
        if locale.pk == source.pk:
            return visible.filter(locale_id=source.pk)
        translated = self.pages(Page.objects.filter(locale_id=locale.pk)).order_by().values("translation_key")
        return visible.filter(Q(locale_id=locale.pk) | (Q(locale_id=source.pk) & ~Q(translation_key__in=translated)))

    def snippets(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(live=True) if issubclass(queryset.model, DraftStateMixin) else queryset

    def documents(self, queryset: QuerySet) -> QuerySet:
        for path in self.restricted_collection_paths:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset

    def used_by_public_content(self, queryset: QuerySet) -> QuerySet:
        """Images or documents of `queryset` that a visible page or visible snippet uses.

        Wagtail's reference index knows every use (foreign keys, inline panels, StreamField
        blocks, rich-text embeds and links) of the rows as saved: for a live page that is its
        published content. A document must also be outside restricted collections.
        """
        model = queryset.model
        target = ContentType.objects.get_for_model(model, for_concrete_model=False)
        users = Q(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=_ids_as_text(self.pages()))
        from wagtail.snippets.models import get_snippet_models  # the registry fills as apps load

        for snippet_model in get_snippet_models():
            if ReferenceIndex.is_indexed(snippet_model):
                users |= Q(
                    base_content_type=ContentType.objects.get_for_model(snippet_model),
                    object_id__in=_ids_as_text(self.snippets(snippet_model._default_manager.all())),
                )
        used = ReferenceIndex.objects.filter(users, to_content_type=target).values("to_object_id")
        queryset = queryset.filter(pk__in=_referenced_ids(used, model))
        return self.documents(queryset) if issubclass(model, AbstractDocument) else queryset

    # --- relations, in the reader's language ------------------------------------------------

    def home_page(self, locale: Locale | None = None, *, or_source: bool = False) -> Page | None:
        """The site's home page in `locale` (the active language when None) if the public may see
        it; with `or_source`, else the Finnish one (the relation rule of `for_reader`).

        The one answer to "the site root in this language": the header and menu, the feeds and the
        "not translated yet" page ask here.
        """
        if self.site is None:
            return None
        locale = locale or Locale.get_active()
        if or_source:
            return self.for_reader(self.site.root_page, locale)
        root = self.site.root_page.get_translation_or_none(locale)
        return root if self.page(root) else None

    def for_reader(self, obj: T | None, locale: Locale | None = None) -> T | None:
        """`obj` as the public sees it in `locale` (the active language when None): see the module."""
        return self.all_for_reader([obj], locale)[0]

    def all_for_reader(
        self, objects: Sequence[T | None], locale: Locale | None = None, queryset: QuerySet | None = None
    ) -> list[T | None]:
        """`for_reader` for many objects of one model, in one query (none where nothing is needed).

        Pages come back as plain `Page` rows (title, URL, locale: what a link needs), or from
        `queryset` when given (e.g. annotated with what the caller shows).
        """
        locale = locale or Locale.get_active()
        present = [obj for obj in objects if obj is not None]
        if not present:
            return [None] * len(objects)
        if not isinstance(present[0], TranslatableMixin):
            return [obj if self(obj) else None for obj in objects]
        if queryset is None and all(obj.locale_id == locale.pk and self(obj) for obj in present):
            return list(objects)
        if queryset is None:
            queryset = Page.objects.all() if isinstance(present[0], Page) else type(present[0])._default_manager.all()
        source = Locale.objects.get_for_language(settings.LANGUAGE_CODE)
        candidates = queryset.filter(
            translation_key__in={obj.translation_key for obj in present}, locale_id__in={locale.pk, source.pk}
        )
        by_key: dict[tuple, Model] = {(c.translation_key, c.locale_id): c for c in candidates}
        resolved = []
        for obj in objects:
            if obj is None:
                resolved.append(None)
                continue
            for locale_id in (locale.pk, source.pk):
                candidate = by_key.get((obj.translation_key, locale_id))
                if candidate is not None and self(candidate):
                    resolved.append(candidate)
                    break
            else:
                resolved.append(None)
        return resolved


def visible_rows(rows: Sequence[Model], rule: PublicRule, locale: Locale | None = None) -> list[Model]:
    """The inline rows of a page (an InlinePanel relation) the public may see.

    A row model names the relation that makes it public with `public_relation` (a showcase's
    organisation row: "organisation"). Rows whose related object is hidden are left out; the
    others point at the object as the reader may see it (`PublicRule.for_reader`); documents are
    kept only outside restricted collections. Rows without `public_relation` are kept as they are.
    """
    rows = list(rows)
    if not rows or not getattr(rows[0], "public_relation", None):
        return rows
    name = rows[0].public_relation
    related = [getattr(row, name) for row in rows]
    if related and isinstance(next((obj for obj in related if obj is not None), None), AbstractDocument):
        shown = [obj if rule.document(obj) else None for obj in related]
    else:
        shown = rule.all_for_reader(related, locale)
    kept = []
    for row, obj in zip(rows, shown, strict=True):
        if obj is not None:
            setattr(row, name, obj)
            kept.append(row)
    return kept


def _ids_as_text(queryset: QuerySet) -> QuerySet:
    """Primary keys as text, to match ReferenceIndex.object_id (a CharField) in a subquery."""
    return queryset.order_by().annotate(koonto_id_text=Cast("pk", CharField())).values("koonto_id_text")


def _referenced_ids(references: QuerySet, model: type[Model]) -> QuerySet:
    """ReferenceIndex.to_object_id (text) as the model's primary key type, for `pk__in`."""
    return references.annotate(koonto_pk=Cast("to_object_id", model._meta.pk)).values("koonto_pk")


def rule_for(request: HttpRequest | None) -> PublicRule:
    """The rule for the request's site, made once per request; the default site without a request."""
    if request is None:
        return PublicRule(Site.objects.filter(is_default_site=True).first())
    rule = getattr(request, _REQUEST_ATTRIBUTE, None)
    if rule is None:
        remember_site(request)  # the Site for a host is found once per content generation
        rule = PublicRule(Site.find_for_request(request))
        setattr(request, _REQUEST_ATTRIBUTE, rule)
    return rule


def use_rule(request, rule: PublicRule) -> PublicRule:
    """Make `rule` the request's rule: for a view that serves another site than the request's
    (API v2's `?site=`), so that relation fields judge by the same site as the listing."""
    for target in {
        id(request): request,
        id(getattr(request, "_request", request)): getattr(request, "_request", request),
    }.values():
        setattr(target, _REQUEST_ATTRIBUTE, rule)
    return rule


def visible(obj: Model | None, request: HttpRequest | None = None) -> bool:
    """Whether an anonymous visitor may see `obj` (a page, snippet, document or image)."""
    return rule_for(request)(obj)


def for_reader(obj: T | None, request: HttpRequest | None = None, locale: Locale | None = None) -> T | None:
    """A related page or snippet as the reader may see it (see the module), or None."""
    return rule_for(request).for_reader(obj, locale)


def snippets_for_reader(objects: Sequence[T | None], locale: Locale | None = None) -> list[T | None]:
    """`PublicRule.all_for_reader` for snippets, which belong to no site: no request needed."""
    if any(isinstance(obj, Page) for obj in objects):
        raise TypeError("Pages depend on the request's site: use rule_for(request).all_for_reader().")
    return PublicRule(None).all_for_reader(objects, locale)


def snippet_for_reader(obj: T | None, locale: Locale | None = None) -> T | None:
    return snippets_for_reader([obj], locale)[0]


def language_of(obj: Model) -> str:
    """The language code of a translatable object, without a query for its locale."""
    codes = until_content_changes("visibility:locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    return codes.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)


def view_restricted_paths() -> tuple[str, ...]:
    """Tree paths under which a Wagtail view restriction may apply to a page: the restricted pages,
    and the aliases of pages under them (Wagtail judges an alias by its source page). Read once
    per content generation: a restriction saved or deleted moves the generation on (ops/signals.py).

    Not PublicRule.restricted_page_paths, which decides what the public may see in listings and
    outputs (a restricted page and its subtree); this mirrors what Wagtail's own check reads, so
    that skipping it where no path applies changes nothing."""

    def load() -> tuple[str, ...]:
        restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        if not restricted:
            return ()
        sources = Q()
        for path in restricted:
            sources |= Q(alias_of__path__startswith=path)
        return restricted + tuple(Page.objects.filter(sources).values_list("path", flat=True))

    return until_content_changes("visibility:view-restricted-paths", load)


class ViewRestrictionsMixin:
    """Wagtail's check of a served page's view restrictions (its `before_serve_page` hook calls
    `get_view_restrictions`) read the page's ancestors and their restrictions: two queries on every
    request, a third of what a kept page costs. A page that lies under no restricted page (nor an
    alias of one) has none, which view_restricted_paths knows for the whole site per generation;
    any other page is checked by Wagtail as before. Put it before Page in a page type's bases."""

    def get_view_restrictions(self):
        if self.path and not any(self.path.startswith(path) for path in view_restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
