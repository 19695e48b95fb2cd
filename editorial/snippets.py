"""Wagtail wiring of the editorial work on shared content: the snippets under Registers.

Organisations, contact persons, municipalities, themes, the project description, the site texts,
tags and tag translations (koonto.models) are edited here; who may edit them is the permission matrix
(editorial/rules.py), and the reviewed ones go through the same workflow as pages."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from koonto.models import ContactPerson, Municipality, Organisation, ProjectDescription, SiteTexts, TagTranslation, Theme


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name_fi", "code", "in_pohjois_savo"]
    list_filter = ["in_pohjois_savo"]
    search_fields = ["name_fi", "name_sv", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "organisation_type", "municipality"]
    list_filter = ["organisation_type"]
    search_fields = ["name", "business_id"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "email"]


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
