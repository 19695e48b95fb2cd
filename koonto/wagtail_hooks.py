"""Wagtail wiring: the shared snippets, tag management, the staff dashboard panels, and what the
page cache learns from each page type."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from koonto.dashboard import PANELS
from koonto.models import ContactPerson, Municipality, Organisation, ProjectDescription, TagTranslation, Theme
from koonto.section_po import section_po_view, user_may_work_on
from koonto.translation_views import submit_translation_for_review, upload_pofile
from ops import pagecache


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
        TagViewSet,
        TagTranslationViewSet,
    )


register_snippet(KoontoRegistersGroup)


@hooks.register("before_serve_page")
def declare_page_query_parameters(page, request, serve_args, serve_kwargs):
    """The page type's `query_parameters` (none if it has no such attribute: it reads none)."""
    pagecache.declare_query_parameters(request, getattr(page, "query_parameters", ()))


@hooks.register("construct_homepage_panels")
def add_koonto_panels(request, panels):
    """Koonto's own panels first; "Awaiting me" replaces Wagtail's review panel."""
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels[:0] = [panel_class(request.user) for panel_class in PANELS]


@hooks.register("register_admin_urls")
def register_translation_review_url():
    return [
        path(
            "koonto/translations/<int:translation_id>/submit/",
            submit_translation_for_review,
            name="koonto_submit_translation_for_review",
        ),
        # Shadows wagtail-localize's route of the same path (Koonto's hooks load first).
        path("localize/translate/<int:translation_id>/pofile/upload/", upload_pofile, name="koonto_upload_pofile"),
        path("koonto/sections/<int:page_id>/translation-files/", section_po_view, name="koonto_section_po"),
    ]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" publishes at once: only for those who may publish
    (koonto.translation_views refuses the request too)."""
    permissions = context.get("user_page_permissions_tester")
    if permissions is not None and not permissions.can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_page_header_buttons")
def section_translation_files_button(page, user, view_name, next_url=None):
    """PO files for a whole section, on pages in the source language that have subpages."""
    if page.depth > 1 and page.locale.language_code == settings.LANGUAGE_CODE and page.numchild and user_may_work_on(user, page):
        yield Button(
            _("Translation files (PO)"), reverse("koonto_section_po", args=(page.pk,)), icon_name="doc-full", priority=90
        )


# --- Translation status report (koonto/translation_report.py) ---------------------------------
# Imports are local so this block stands alone at the end of the file.


@hooks.register("register_admin_urls")
def register_translation_status_report_url():
    from django.urls import path

    from koonto.translation_report import URL_NAME, TranslationStatusReportView

    return [path("koonto/translation-status/", TranslationStatusReportView.as_view(), name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_translation_status_report_menu_item():
    from koonto.translation_report import translation_report_menu_item

    return translation_report_menu_item()


# --- End of translation status report ---------------------------------------------------------
