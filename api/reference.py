"""Reference lists for filter pickers: municipalities, themes, target groups and organisations,
each with how many public pages in one language use it (`/api/v3/koonto/municipalities/`, …).

A client building the filters of an event or showcase list needs the values a filter takes and
how many pages each would give, as the HTML filters show them, without reading every page. The
counts are of the pages the public may see (koonto.visibility) in the requested language, with no
other filter applied; events are facts for everyone, so they are counted as the event listings list
them (`public_events`: in the language where translated, else the Finnish event). Each list costs
a fixed number of queries, however long it is. Lists hold only what at least one public page uses,
except target groups (a short, fixed vocabulary).
"""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Schema
from wagtail.models import Locale

from api.routes import LocaleQuery, check_locale, check_parameters
from api.v3 import api, router
from events.models import EventPage
from koonto.models import Municipality, Organisation, Theme
from koonto.origin import absolute_url
from koonto.visibility import language_of, rule_for, snippets_for_reader
from showcase.models import ShowcaseMunicipality, ShowcaseOrganisation, ShowcasePage, ShowcaseTargetGroup, ShowcaseTheme

__all__ = ["api"]  # api/urls.py mounts the API from here, so that these endpoints are on it


class MunicipalityRef(Schema):
    code: str = Field(description="Statistics Finland code: the value of the `municipality` filters.")
    name: str
    events: int = Field(
        description="Public events in this language in the municipality, untranslated Finnish ones included (as the "
        "event listings count them)."
    )
    showcases: int = Field(description="Public project showcases in this language working in the municipality.")


class ThemeRef(Schema):
    slug: str
    name: str
    description: str
    showcases: int


class TargetGroupRef(Schema):
    value: str
    label: str
    showcases: int


class OrganisationRef(Schema):
    name: str
    slug: str = Field(description="The value of v2's `organisation` filter.")
    website: str
    url: str = Field(description="The organisation's page on this site.")
    locale: str = Field(description="The organisation's language: the requested one where translated, else Finnish.")
    events: int = Field(
        description="Public events in this language it organises, untranslated Finnish ones included (as the event "
        "listings count them)."
    )
    showcases: int = Field(description="Public project showcases in this language it ran or partnered in.")


def public(request: HttpRequest, model, language: str):
    return rule_for(request).pages(model.objects.filter(locale__language_code=language))


def public_events(request: HttpRequest, language: str):
    """Events as a reader of `language` finds them in the listings and the calendar (each in that
    language if public, else in Finnish: koonto.visibility.PublicRule.pages_for_reader)."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:  # a language switched on before its Locale row exists has no pages
        return EventPage.objects.none()
    return rule_for(request).pages_for_reader(EventPage.objects.all(), locale)


def counts(rows, key: str, counted: str = "page") -> dict:
    return dict(rows.order_by().values_list(key).annotate(n=Count(counted, distinct=True)))


@router.get(
    "/municipalities/",
    response=list[MunicipalityRef],
    summary="Municipalities in use, with counts",
    operation_id="koonto_municipalities",
    url_name="koonto_municipalities",
)
def municipalities(request: HttpRequest, query: Query[LocaleQuery]):
    """Municipalities that public events or showcases in the language name, by name."""
    check_parameters(request, {"locale"})
    language = check_locale(query.locale)
    events = counts(public_events(request, language).filter(municipality__isnull=False), "municipality_id", "pk")
    showcases = counts(
        ShowcaseMunicipality.objects.filter(page__in=public(request, ShowcasePage, language).values("pk")), "municipality_id"
    )
    with translation.override(language):
        return [
            {"code": m.code, "name": m.name, "events": events.get(m.pk, 0), "showcases": showcases.get(m.pk, 0)}
            for m in Municipality.objects.filter(pk__in={*events, *showcases})
        ]


@router.get(
    "/themes/",
    response=list[ThemeRef],
    summary="Themes in use, with counts",
    operation_id="koonto_themes",
    url_name="koonto_themes",
)
def themes(request: HttpRequest, query: Query[LocaleQuery]):
    """The themes (in that language) of public project showcases, by name."""
    check_parameters(request, {"locale"})
    language = check_locale(query.locale)
    used = counts(
        ShowcaseTheme.objects.filter(
            page__in=public(request, ShowcasePage, language).values("pk"), theme__locale__language_code=language
        ),
        "theme_id",
    )
    return [
        {"slug": t.slug, "name": t.name, "description": t.description, "showcases": used[t.pk]}
        for t in Theme.objects.filter(pk__in=used).order_by("name", "pk")
    ]


@router.get(
    "/target-groups/",
    response=list[TargetGroupRef],
    summary="Target groups, with counts",
    operation_id="koonto_target_groups",
    url_name="koonto_target_groups",
)
def target_groups(request: HttpRequest, query: Query[LocaleQuery]):
    """Every target group, labelled in the language, with how many public showcases serve it."""
    check_parameters(request, {"locale"})
    language = check_locale(query.locale)
    used = counts(ShowcaseTargetGroup.objects.filter(page__in=public(request, ShowcasePage, language).values("pk")), "group")
    with translation.override(language):
        return [
            {"value": value, "label": str(label), "showcases": used.get(value, 0)}
            for value, label in ShowcaseTargetGroup.Group.choices
        ]


@router.get(
    "/organisations/",
    response=list[OrganisationRef],
    summary="Public organisations in use, with counts",
    operation_id="koonto_organisations",
    url_name="koonto_organisations",
)
def organisations(request: HttpRequest, query: Query[LocaleQuery]):
    """Published organisations that public events or showcases in the language name, in that
    language where translated (else in Finnish), by name."""
    check_parameters(request, {"locale"})
    language = check_locale(query.locale)
    # Pages name an organisation in their own language or in Finnish: counted by translation key.
    events = counts(public_events(request, language).filter(organiser__isnull=False), "organiser__translation_key", "pk")
    showcases = counts(
        ShowcaseOrganisation.objects.filter(page__in=public(request, ShowcasePage, language).values("pk")),
        "organisation__translation_key",
    )
    # One row per organisation; snippets_for_reader picks its public version in the language or in Finnish.
    one_each = {org.translation_key: org for org in Organisation.objects.filter(translation_key__in={*events, *showcases})}
    # A language switched on before its Locale row exists has no pages, so nothing to list.
    reader_locale = Locale.objects.filter(language_code=language).first()
    shown = snippets_for_reader(list(one_each.values()), reader_locale) if reader_locale else []
    with translation.override(language):
        rows = [
            {
                "name": org.name,
                "slug": org.slug,
                "website": org.website,
                "url": absolute_url(org.get_url()),
                "locale": language_of(org),
                "events": events.get(org.translation_key, 0),
                "showcases": showcases.get(org.translation_key, 0),
            }
            for org in shown
            if org is not None
        ]
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["slug"]))
