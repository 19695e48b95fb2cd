"""API v2 (`/api/v2/`): Wagtail's pages, images and documents endpoints with Koonto's rules.

What Koonto changes from Wagtail's defaults, and why:

- Only public content: view-restricted pages and their children are left out even for a
  logged-in client (Wagtail would show login-restricted pages to any session).
- Filters headless clients need (`municipality`, `organisation`, `starts_after`,
  `starts_before`, `upcoming`, call `status`), validated: a bad value is a 400 naming the
  parameter, as are an unknown `locale` (Wagtail answers 404) and an unknown choice value.
- Every parameter is checked before Wagtail hands it to the database (api.params):
  offsets and ids, `search_operator`, and field filters by the model field's own type.
  Errors are problem+json, as in v3.
- Rich text and page links in each page's own language, whatever the request's language.
- `find/?html_path=` understands the language prefix (`/en/...`), not only the Finnish tree.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.db import models
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    ChildRelationField,
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Site

from api.errors import english_detail, v2_problem
from api.http import CompactRendererContextMixin
from api.params import clean_field_value, parse_choice, parse_int, parse_moment, problem
from api.serialised import SerialisedPages
from koonto.api_fields import ImageRenditionsField
from koonto.models import Municipality, Organisation
from koonto.normalise import clean_query, query_terms
from koonto.origin import page_url
from koonto.seats import LIVE_CACHE_CONTROL, shows_live_counts
from koonto.visibility import PublicRule, rule_for, use_rule, visible_rows
from ops.contentcache import remember_site
from ops.pagecache import declare_query_parameters
from showcase.models import ShowcaseTargetGroup

# Parameters with a meaning of Koonto's own (see KoontoFilter).
KOONTO_PARAMETERS = frozenset(
    ["municipality", "organisation", "starts_after", "starts_before", "upcoming", "status", "theme", "group"]
)
# Wagtail's parameters that it hands on unchecked (`int()` then the database, or the search
# backend): checked first by ParameterChecksMixin.
WAGTAIL_PARAMETERS = {
    "offset": partial(parse_int, "offset"),
    "id": partial(parse_int, "id", minimum=1),
    "search_operator": partial(parse_choice, "search_operator", choices=("and", "or")),
}


def require_type(name: str, model, *allowed: str) -> None:
    label = f"{model._meta.app_label}.{model.__name__}"
    if label not in allowed:
        raise BadRequestError(f"{name}: only with type={' or type='.join(allowed)}")


class KoontoLocaleFilter(LocaleFilter):
    """`locale=xx` for a language the site does not have is a 400, not Wagtail's 404."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            languages = ", ".join(code for code, _name in settings.LANGUAGES)
            raise BadRequestError(f"locale: unknown language '{code}'; use one of {languages}")
        return super().filter_queryset(request, queryset, view)


class KoontoFilter(BaseFilterBackend):
    """Koonto's own filters, and a 400 for a value no choice field can have.

    Runs before Wagtail's FieldsFilter, which filters choice fields by exact value and would
    answer an unknown value with an empty list.
    """

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        model = queryset.model
        self.check_choices(params, model)
        if "municipality" in params:
            queryset = self.filter_municipality(params["municipality"], queryset)
        if "organisation" in params:
            require_type("organisation", model, "showcase.ShowcasePage")
            organisation = Organisation.objects.filter(slug=params["organisation"]).first()
            if organisation is None:
                raise BadRequestError(f"organisation: no organisation with the slug '{params['organisation']}'")
            queryset = queryset.filter(organisations__organisation__translation_key=organisation.translation_key).distinct()
        if "theme" in params:
            # As the HTML showcase list's `theme` filter: a theme's slug (in the showcases' language).
            require_type("theme", model, "showcase.ShowcasePage")
            queryset = queryset.filter(themes__theme__slug=params["theme"]).distinct()
        if "group" in params:
            require_type("group", model, "showcase.ShowcasePage")
            groups = ShowcaseTargetGroup.Group.values
            if params["group"] not in groups:
                raise BadRequestError(f"group: unknown target group '{params['group']}'; use one of {', '.join(groups)}")
            queryset = queryset.filter(target_groups__group=params["group"]).distinct()
        if {"starts_after", "starts_before", "upcoming"} & set(params):
            queryset = self.filter_event_dates(params, queryset)
        if "status" in params:
            if model._meta.label == "guides.FundingCallPage":
                queryset = self.filter_call_status(params["status"], queryset)
            else:
                require_type("status", model, "guides.FundingCallPage", "events.EventPage", "showcase.ShowcasePage")
                queryset = queryset.filter(status=params["status"])  # checked against the choices above
        return queryset

    @staticmethod
    def check_choices(params, model):
        for name, value in params.items():
            try:
                field = model._meta.get_field(name)
            except Exception:  # noqa: BLE001 - not a model field: not ours to check
                continue
            if isinstance(field, models.CharField) and field.choices:
                values = [str(choice) for choice, _label in field.choices]
                if value not in values:
                    raise BadRequestError(f"{name}: unknown value '{value}'; use one of {', '.join(values)}")

    @staticmethod
    def filter_municipality(code, queryset):
        require_type("municipality", queryset.model, "events.EventPage", "showcase.ShowcasePage")
        if not Municipality.objects.filter(code=code).exists():
            raise BadRequestError(f"municipality: unknown municipality code '{code}' (Statistics Finland, e.g. 297)")
        if queryset.model._meta.label == "events.EventPage":
            return queryset.filter(municipality__code=code)
        return queryset.filter(municipalities__municipality__code=code).distinct()

    @staticmethod
    def filter_event_dates(params, queryset):
        for name in ("starts_after", "starts_before", "upcoming"):
            if name in params:
                require_type(name, queryset.model, "events.EventPage")
        after = parse_moment("starts_after", params["starts_after"]) if "starts_after" in params else None
        before = parse_moment("starts_before", params["starts_before"], end_of_day=True) if "starts_before" in params else None
        if after and before and after > before:
            raise BadRequestError("starts_before: must not be earlier than starts_after")
        if after:
            queryset = queryset.filter(starts_at__gte=after)
        if before:
            queryset = queryset.filter(starts_at__lte=before)
        if "upcoming" in params:
            try:
                upcoming = parse_boolean(params["upcoming"])
            except ValueError:
                raise BadRequestError(f"upcoming: '{params['upcoming']}' is not true or false") from None
            if upcoming:
                queryset = queryset.upcoming(timezone.now())
        return queryset

    @staticmethod
    def filter_call_status(status, queryset):
        now = timezone.now()
        by_status = {
            "open": queryset.open_calls,
            "upcoming": queryset.upcoming,
            "closed": queryset.closed,
            "cancelled": lambda _now: queryset.filter(cancelled=True),
        }
        if status not in by_status:
            raise BadRequestError(f"status: unknown call status '{status}'; use one of {', '.join(by_status)}")
        return by_status[status](now)


class KoontoFieldsFilter(FieldsFilter):
    """Wagtail's field filters, except for the parameters KoontoFilter gives a meaning of its own,
    and with each value checked against its model field first (api.params).

    `municipality=297` is a municipality code, not the primary key Wagtail would match.
    """

    def filter_queryset(self, request, queryset, view):
        params = request.GET.copy()
        for name in KOONTO_PARAMETERS:
            params.pop(name, None)
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in params.items():
            if name in fields:
                clean_field_value(queryset.model._meta.get_field(name), name, value)
        original, request._request.GET = request._request.GET, params
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


class KoontoSearchFilter(SearchFilter):
    """`search=` with the site search's normalisation (koonto/normalise.py): base forms of the
    words in the requested `locale`'s language (Finnish when none), so "yhdistyksille" finds
    pages about "yhdistys" as it does on the search page."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        language = request.GET.get("locale") or settings.LANGUAGE_CODE
        params = request.GET.copy()
        params["search"] = " ".join(query_terms(clean_query(request.GET["search"]), language))
        if not params["search"]:
            raise BadRequestError("search: give at least one word to search for")
        original, request._request.GET = request._request.GET, params
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


class PublicChildRelationField(ChildRelationField):
    """Wagtail's inline rows (`ChildRelationField`), without those the public may not see
    (koonto.visibility.visible_rows: a row model names its `public_relation`)."""

    def to_representation(self, value):
        # One row serializer for every page of a listing: making one deep-copies its fields.
        serializer = self.__dict__.get("_row_serializer")
        if serializer is None:
            serializer = self._row_serializer = self.serializer_class(context=self.context)
        rows = visible_rows(value.all(), rule_for(self.context.get("request")))
        return [serializer.to_representation(row) for row in rows]


class PublicHtmlUrlField(PageHtmlUrlField):
    """`meta.html_url` on the public origin (koonto.origin), not the Site record's host."""

    def to_representation(self, page):
        try:
            return page_url(page, self.context.get("request")) or None
        except NoReverseMatch:
            return None


class PublicPageLinkMixin:
    """A page linked from another (`meta.parent`, `meta.alias_of`) with its `html_url` on the origin."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=KoontoPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class PublicPageParentField(PublicPageLinkMixin, PageParentField):
    pass


class PublicPageAliasOfField(PublicPageLinkMixin, PageAliasOfField):
    pass


class KoontoPageSerializer(PageSerializer):
    """Serialises a page in its own language: rich-text links and choice labels follow the page.

    Inline rows (organisations, contacts, attachments, related pages, highlights) leave out what
    the public may not see (koonto.api_fields.PublicChildRelationField).
    """

    html_url = PublicHtmlUrlField(read_only=True)
    parent = PublicPageParentField(read_only=True)
    alias_of = PublicPageAliasOfField(read_only=True)

    def to_representation(self, instance):
        # The view's own pages (not nested ones) are kept serialised (api.serialised).
        pages = getattr(self.context.get("view"), "serialised_pages", None) if getattr(self, "cache_root", False) else None
        if pages is not None and (data := pages.cached(instance)) is not None:
            return self.with_live_fields(instance, data)
        with translation.override(instance.locale.language_code):
            data = super().to_representation(instance)
        if pages is not None:
            pages.keep(instance, data)
        return data

    def with_live_fields(self, instance, data: dict) -> dict:
        """A kept representation with its `live` fields read again (seats left change with every
        sign-up, which does not bump the content generation). A live field kept as null stays null:
        whether it has a value at all (an event takes registrations) is content, and changes with
        a publication, which does bump the generation."""
        live = {
            name: field for name, field in self.fields.items() if getattr(field, "live", False) and data.get(name) is not None
        }
        if not live:
            return data
        return {**data, **{name: field.to_representation(instance) for name, field in live.items()}}

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        if field_class is ChildRelationField:
            field_class = PublicChildRelationField
        return field_class, field_kwargs


class CacheQueryParametersMixin:
    """Tells the page cache (ops.pagecache) which query parameters an answer depends on.

    A listing answers an unknown parameter with a 400 (Wagtail's check_query_parameters), so every
    parameter of a 200 is one it read, except jQuery's cache-busting `_`, which it ignores (an
    answer to a request with it is therefore never stored). A detail view ignores unknown
    parameters: it declares what it reads.
    """

    detail_query_parameters = frozenset(["fields", "format"])

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        fields = self.get_available_fields(queryset.model, db_fields_only=True)
        declare_query_parameters(self.request, (set(fields) | self.known_query_parameters) - {"_"})

    def detail_view(self, request, pk):
        declare_query_parameters(request, self.detail_query_parameters)
        return super().detail_view(request, pk)


class ParameterChecksMixin(CompactRendererContextMixin):
    """Koonto's parameter checks and problem+json errors, for every v2 endpoint."""

    def initial(self, request, *args, **kwargs):
        remember_site(request._request)
        super().initial(request, *args, **kwargs)
        for name, check in WAGTAIL_PARAMETERS.items():
            if name in request.GET:
                check(request.GET[name])

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return v2_problem(self.request, exc)
        if isinstance(exc, Http404):
            return problem(404, str(exc) or "Not found")
        if isinstance(exc, APIException):  # DRF's own: an unknown `format`, a refused preview token, 406
            return problem(exc.status_code, english_detail(exc))
        return super().handle_exception(exc)


# What a listing reads of a page to find its kept fields (api.serialised.page_key) and its type.
LEAN_FIELDS = ("id", "live_revision_id", "locale_id", "content_type_id")
# Serializer classes by endpoint, model and fields asked for (KoontoPagesAPIViewSet._get_serializer_class).
_serializer_classes: dict[tuple, type] = {}
MAX_SERIALIZER_CLASSES = 500


class KoontoPagesAPIViewSet(ParameterChecksMixin, CacheQueryParametersMixin, PagesAPIViewSet):
    base_serializer_class = KoontoPageSerializer
    filter_backends = [
        KoontoFilter,
        *[
            {FieldsFilter: KoontoFieldsFilter, LocaleFilter: KoontoLocaleFilter, SearchFilter: KoontoSearchFilter}.get(b, b)
            for b in PagesAPIViewSet.filter_backends
        ],
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(KOONTO_PARAMETERS)
    # The same for a page and its translations: a client matches languages by it (and may filter by it).
    # last_published_at: when the page last changed for the public (2026-12-05, docs/api.md Changelog).
    meta_fields = [*PagesAPIViewSet.meta_fields, "translation_key", "last_published_at"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translation_key"]
    detail_query_parameters = CacheQueryParametersMixin.detail_query_parameters | {"rich_text_format", "site"}

    serialised_pages = None  # api.serialised.SerialisedPages: set by the listing and detail views

    def finalize_response(self, request, response, *args, **kwargs):
        """An answer that shows live seat counts (koonto.seats) is not stored by the page cache:
        a sign-up changes them without emptying it."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if shows_live_counts(request):
            response["Cache-Control"] = LIVE_CACHE_CONTROL
        return response

    def get_queryset(self):
        """The related rows a page type's API fields need, fetched with the page (a constant query count)."""
        queryset = super().get_queryset()
        return self.with_related(queryset)

    def get_serializer(self, *args, **kwargs):
        """Marks the serializer of the view's own pages: only they are read from and kept in the cache."""
        serializer = super().get_serializer(*args, **kwargs)
        getattr(serializer, "child", serializer).cache_root = True
        return serializer

    def listing_view(self, request):
        response = super().listing_view(request)
        if self.serialised_pages is not None:
            self.serialised_pages.save()
        return response

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        if self.serialised_pages is not None:
            self.serialised_pages.save()
        return response

    @staticmethod
    def with_related(queryset):
        model = queryset.model
        return queryset.select_related("locale", *getattr(model, "api_select_related", ())).prefetch_related(
            *getattr(model, "api_prefetch_related", ())
        )

    @staticmethod
    def prefetch(pages: list) -> list:
        """Run the page type's own prefetching (`api_prefetch(pages)`, e.g. ShowcasePage) on fetched pages."""
        for model in {type(page) for page in pages}:
            if hasattr(model, "api_prefetch"):
                model.api_prefetch([page for page in pages if type(page) is model])
        return pages

    def paginate_queryset(self, queryset):
        """The listing's pages; those kept serialised (api.serialised) are not fetched whole.

        The page of results is read with only what the cache key needs; the pages not kept are
        then fetched with their related rows (one query and the page type's prefetches), so the
        query count stays the same whatever the listing's length.
        """
        model = self.get_queryset().model
        lean = isinstance(queryset, models.QuerySet)
        if lean:
            queryset = queryset.select_related(None).prefetch_related(None).only(*LEAN_FIELDS)
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        pages = list(page)
        self.serialised_pages = SerialisedPages(self.request, model, detail=False)
        missing = self.serialised_pages.look_up(pages)
        if lean and missing:
            whole = {p.pk: p for p in self.with_related(model.objects.filter(pk__in=[p.pk for p in missing]))}
            pages = [whole.get(p.pk, p) for p in pages]
            missing = [p for p in pages if p.pk in whole]
        self.prefetch(missing)
        return pages

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        """Wagtail builds a serializer class for every request; the same fields give the same class."""
        key = (cls, id(router), model, repr(fields_config), show_details, nested)
        found = _serializer_classes.get(key)
        if found is None:
            found = super()._get_serializer_class(router, model, fields_config, show_details, nested)
            if len(_serializer_classes) >= MAX_SERIALIZER_CLASSES:  # `fields=` combinations are the client's
                _serializer_classes.clear()
            _serializer_classes[key] = found
        return found

    def get_object(self):
        """The specific page with what its API fields read (Wagtail's `.specific` would fetch it bare).

        A page kept serialised (api.serialised) is only needed for its type: it is not fetched again.
        """
        if not hasattr(self, "_specific_object"):
            base = super(PagesAPIViewSet, self).get_object()  # the Page row; Wagtail's own then takes .specific
            model = base.specific_class or type(base)
            self.serialised_pages = SerialisedPages(self.request, model, detail=True)
            if not self.serialised_pages.look_up([base]):
                self._specific_object = base.specific_deferred
                return self._specific_object
            page = self.with_related(model.objects.filter(pk=base.pk)).first() or base.specific
            self._specific_object = self.prefetch([page])[0]
        return self._specific_object

    def get_base_queryset(self):
        """The pages the public may see on the site (`?site=`, else the request's) in every language.

        Unlike Wagtail's, the same for every client (a session does not open restricted pages):
        koonto.visibility decides, and the pages' relation fields follow the same site's rule.
        """
        if not hasattr(self, "_base_queryset"):
            try:
                site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
            except ValueError as e:
                raise BadRequestError(str(e)) from e
            self._base_queryset = use_rule(self.request, PublicRule(site)).pages()
        return self._base_queryset

    def find_object(self, queryset, request):
        """`html_path=/en/events/...`: route from the site root's translation in that language."""
        site = Site.find_for_request(request)
        path = request.GET.get("html_path")
        if path is None or site is None:
            return super().find_object(queryset, request)
        components = [component for component in path.split("/") if component]
        root = site.root_page
        if components and components[0] in {code for code, _name in settings.LANGUAGES}:
            root = root.get_translation_or_none(Locale.objects.get(language_code=components[0])) or root
            components = components[1:]
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


class KoontoImagesAPIViewSet(ParameterChecksMixin, CacheQueryParametersMixin, ImagesAPIViewSet):
    """Images with alt text and WebP renditions in the sizes pages use: only those that content
    the public may see uses (koonto.visibility), never the whole upload library."""

    def get_queryset(self):
        return rule_for(self.request).used_by_public_content(super().get_queryset())

    filter_backends = [{FieldsFilter: KoontoFieldsFilter}.get(b, b) for b in ImagesAPIViewSet.filter_backends]

    body_fields = [*ImagesAPIViewSet.body_fields, "renditions"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "renditions"]

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        for field in fields:
            if field.name == "renditions":
                field.serializer = ImageRenditionsField(source="*")
        return fields


class KoontoDocumentSerializer(DocumentSerializer):
    def to_representation(self, instance):
        data = super().to_representation(instance)
        data.setdefault("meta", {})
        data["meta"]["file_type"] = instance.file_extension.lower()
        data["meta"]["content_type"] = instance.content_type
        data["meta"]["file_size"] = instance.get_file_size()
        return data


class KoontoDocumentsAPIViewSet(ParameterChecksMixin, CacheQueryParametersMixin, DocumentsAPIViewSet):
    """Documents with their size (bytes), extension and content type: only those that content the
    public may see uses, outside restricted collections (koonto.visibility)."""

    filter_backends = [{FieldsFilter: KoontoFieldsFilter}.get(b, b) for b in DocumentsAPIViewSet.filter_backends]

    base_serializer_class = KoontoDocumentSerializer

    def get_queryset(self):
        return rule_for(self.request).used_by_public_content(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KoontoPagesAPIViewSet)
api_router.register_endpoint("images", KoontoImagesAPIViewSet)
api_router.register_endpoint("documents", KoontoDocumentsAPIViewSet)
