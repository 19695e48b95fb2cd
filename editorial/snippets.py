"""Wagtail wiring of the editorial work on shared content: the snippets under Registers.

Organisations, contact persons, municipalities, themes, the project description, the site texts,
tags and tag translations (koonto.models) are edited here; who may edit them is the permission matrix
(editorial/rules.py), and the reviewed ones go through the same workflow as pages.

Their choosers (the modal that a page's "Kunta", "Organisaatio" or "Yhteyshenkilö" field opens)
search the same `search_fields` as the listing, by Wagtail's own ORM rule for listings (each term
`icontains` in any field; wagtail.admin.views.generic.base.BaseListingView.search_queryset).
Wagtail's choosers search only models in the search index: municipalities are not, and
organisations and contacts are indexed by name alone, so "Siilinj", a business ID, a role or an
e-mail address found nothing.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.forms.choosers import SearchFilterMixin
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from koonto.models import ContactPerson, Municipality, Organisation, ProjectDescription, SiteTexts, TagTranslation, Theme


class FieldSearchFilterMixin(forms.Form):
    """The chooser's search box, matching `search_fields` as Wagtail's listings do without an index."""

    search_fields: list[str] = []
    q = forms.CharField(label=_("Search term"), widget=forms.TextInput(attrs={"placeholder": _("Search")}), required=False)

    def filter(self, objects):
        objects = super().filter(objects)
        search_query = self.cleaned_data.get("q", "").strip()
        if search_query:
            query = Q()
            for field in self.search_fields:
                query |= Q(**{f"{field}__icontains": search_query})
            objects = objects.filter(query).distinct()
            self.is_searching = True
            self.search_query = search_query
        return objects


class FieldSearchChooseMixin:
    """Wagtail's chooser filter form (locale and the rest), with the field search in place of the index search."""

    search_fields: list[str] = []

    def get_filter_form_class(self):
        form_class = super().get_filter_form_class()
        bases = tuple(base for base in form_class.__bases__ if base is not SearchFilterMixin)
        return type("FilterForm", (FieldSearchFilterMixin, *bases), {"search_fields": self.search_fields})


class FieldSearchChooserViewSet(SnippetChooserViewSet):
    search_fields: list[str] = []

    @property
    def choose_view_class(self):
        return type("ChooseView", (FieldSearchChooseMixin, ChooseView), {"search_fields": self.search_fields})

    @property
    def choose_results_view_class(self):
        return type("ChooseResultsView", (FieldSearchChooseMixin, ChooseResultsView), {"search_fields": self.search_fields})


class SearchableSnippetViewSet(SnippetViewSet):
    """A snippet whose listing and chooser both search `search_fields` in the database (not the
    search index, which holds organisations and contacts by name only: searching the listing for
    a business ID raised SearchFieldError, a 500)."""

    chooser_viewset_class = FieldSearchChooserViewSet
    search_backend_name = None

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.search_fields = list(self.search_fields)
        return viewset


class MunicipalityViewSet(SearchableSnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name_fi", "code", "in_pohjois_savo"]
    list_filter = ["in_pohjois_savo"]
    search_fields = ["name_fi", "name_sv", "code"]


class OrganisationViewSet(SearchableSnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "organisation_type", "municipality"]
    list_filter = ["organisation_type"]
    search_fields = ["name", "business_id", "municipality__name_fi"]


class ContactPersonViewSet(SearchableSnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role", "email", "organisation__name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class ProjectDescriptionViewSet(SnippetViewSet):
    model = ProjectDescription
    icon = "info-circle"


class SiteTextsViewSet(SnippetViewSet):
    """The footer's and EU notice's texts, one per language (koonto.models.SiteTexts)."""

    model = SiteTexts
    icon = "doc-full"
    menu_label = _("Site texts")
    list_display = ["__str__", "programme_name"]


class TagViewSet(SnippetViewSet):
    """Tags are shared by all page types; communications keeps them tidy."""

    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name")]


class TagTranslationViewSet(SnippetViewSet):
    """Tags' names in English (and Swedish): translated pages show these instead of the Finnish tags."""

    model = TagTranslation
    icon = "tag"
    menu_label = _("Tag translations")
    list_display = ["tag", "locale", "name"]
    list_filter = ["locale"]
    search_fields = ["name"]


class KoontoRegistersGroup(SnippetViewSetGroup):
    menu_label = _("Registers")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        OrganisationViewSet,
        ContactPersonViewSet,
        MunicipalityViewSet,
        ThemeViewSet,
        ProjectDescriptionViewSet,
        SiteTextsViewSet,
        TagViewSet,
        TagTranslationViewSet,
    )


register_snippet(KoontoRegistersGroup)
