"""Wagtail wiring for translation work: admin URLs for the report, section PO files and
submitting a translation for review; the page header's PO button, and its translate and sync
buttons for those whose right comes from the language trees; the dashboard's translation panel;
and hiding wagtail-localize's "Convert to alias page" from those who may not publish."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail_localize.models import Translation, TranslationSource

from localisation.admin_views import submit_translation_for_review, upload_pofile
from localisation.dashboard import TranslationsNeedingWorkPanel
from localisation.permissions import TranslationPermissions
from localisation.report import URL_NAME, TranslationStatusReportView, translation_report_menu_item
from localisation.section_po import section_po_view, user_may_work_on


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "koonto/translations/<int:translation_id>/submit/",
            submit_translation_for_review,
            name="koonto_submit_translation_for_review",
        ),
        # Shadows wagtail-localize's route of the same path: this app comes before wagtail_localize
        # in INSTALLED_APPS, so its hooks load first.
        path("localize/translate/<int:translation_id>/pofile/upload/", upload_pofile, name="koonto_upload_pofile"),
        path("koonto/sections/<int:page_id>/translation-files/", section_po_view, name="koonto_section_po"),
        path("koonto/translation-status/", TranslationStatusReportView.as_view(), name=URL_NAME),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_report_menu_item():
    return translation_report_menu_item()


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    panels.append(TranslationsNeedingWorkPanel(request.user))


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" publishes at once: only for those who may publish
    (localisation.admin_views refuses the request too)."""
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


@hooks.register("register_page_header_buttons")
def translate_and_sync_buttons(page, user, view_name, next_url=None):
    """wagtail-localize shows "Translate this page" and "Sync translated pages" only to holders of
    its global permission; translators and editors get them on the pages of their language trees:
    translate an alias (a page not yet translated), sync a synced translation from its source."""
    if page.depth < 2 or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    permissions = TranslationPermissions(user)
    if permissions.has_global_permission or not permissions.may_work_at(page.path):
        return
    if page.alias_of_id is not None:
        url = reverse("wagtail_localize:submit_page_translation", args=(page.alias_of_id,))
        yield Button(
            _("Translate this page"),
            f"{url}?select_locale={page.locale.language_code}",
            icon_name="wagtail-localize-language",
            priority=60,
        )
        return
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True)
        .select_related("source")
        .first()
    )
    if translation is not None and isinstance(translation.source, TranslationSource):
        yield Button(
            _("Sync from Finnish"),
            reverse("wagtail_localize:update_translations", args=(translation.source_id,)),
            icon_name="resubmit",
            priority=60,
        )
