"""PO files for a whole section: one ZIP with a PO file per page, for external translators.

wagtail-localize exports and imports one page at a time. A section (a page and everything
under it) that was submitted for translation, e.g. with "include subtree", is exported here
as a ZIP; the translator fills in the msgstr lines and uploads the ZIP (or a single PO file)
back. The upload is checked whole before anything is imported: a broken file, or a file
that belongs to another page, section or language, refuses the whole upload with a message.
"""

import io
import zipfile

import polib
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from localisation.admin_views import parse_po

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class SectionPoForm(forms.Form):
    locale = forms.ModelChoiceField(queryset=Locale.objects.none(), label=gettext_lazy("Language"), to_field_name="language_code")
    file = forms.FileField(label=gettext_lazy("Translated ZIP or PO file"), required=False)

    def __init__(self, *args, source: Page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = Locale.objects.exclude(pk=source.locale_id)


def section_translations(section: Page, locale: Locale):
    """The enabled translations into `locale` of the section's pages (the section included)."""
    keys = Page.objects.descendant_of(section, inclusive=True).values_list("translation_key", flat=True)
    return Translation.objects.filter(source__object_id__in=list(keys), target_locale=locale, enabled=True).select_related(
        "source"
    )


def _file_name(translation: Translation) -> str:
    return f"{slugify(translation.source.object_repr) or translation.pk}-{translation.pk}.po"


def export_zip(translations) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            archive.writestr(_file_name(translation), str(translation.export_po()))
    return buffer.getvalue()


def read_upload(upload) -> tuple[list[tuple[str, polib.POFile | None]], str | None]:
    """(name, parsed PO or None) for every PO file in the upload, or an error message."""
    if upload.size > MAX_UPLOAD_BYTES:
        return [], _("The file is too large (at most 10 MB).")
    data = upload.read()
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.endswith(".po")]
            if sum(archive.getinfo(n).file_size for n in names) > MAX_UPLOAD_BYTES:
                return [], _("The file is too large (at most 10 MB).")
            return [(name, parse_po(archive.read(name))) for name in names], None
    return [(upload.name, parse_po(data))], None


def user_may_work_on(user, section: Page) -> bool:
    """Staff who submit translations, or who may edit the section in some language (translators)."""
    if user.has_perm("wagtail_localize.submit_translation"):
        return True
    return any(page.permissions_for_user(user).can_edit() for page in section.get_translations(inclusive=True))


def section_po_view(request, page_id: int):
    section = get_object_or_404(Page, pk=page_id).specific
    if not user_may_work_on(request.user, section):
        raise PermissionDenied
    form = SectionPoForm(request.POST or request.GET or None, request.FILES or None, source=section)
    if request.method == "GET" and form.is_bound and form.is_valid():
        translations = list(section_translations(section, form.cleaned_data["locale"]))
        if not translations:
            messages.error(request, _("Nothing to export: submit the section for translation into this language first."))
            return redirect(reverse("koonto_section_po", args=(section.pk,)))
        response = HttpResponse(export_zip(translations), content_type="application/zip")
        name = slugify(section.title) or section.pk
        response["Content-Disposition"] = f'attachment; filename="{name}-{form.cleaned_data["locale"].language_code}.zip"'
        return response
    if request.method == "POST" and form.is_valid():
        return _import(request, section, form)
    return TemplateResponse(request, "koonto/section_po.html", {"section": section, "form": form})


def _import(request, section: Page, form: SectionPoForm):
    back = reverse("koonto_section_po", args=(section.pk,))
    upload = form.cleaned_data.get("file")
    if upload is None:
        messages.error(request, _("Choose a ZIP or PO file to upload."))
        return redirect(back)
    files, error = read_upload(upload)
    if error or not files:
        messages.error(request, error or _("The ZIP file contains no PO files."))
        return redirect(back)
    translations = {str(t.uuid): t for t in section_translations(section, form.cleaned_data["locale"])}
    plan, problems = [], []
    for name, po in files:
        if po is None or not po.metadata:
            problems.append(_("%(name)s is not a valid PO file.") % {"name": name})
            continue
        translation = translations.get(po.metadata.get("X-WagtailLocalize-TranslationID", ""))
        if translation is None:
            problems.append(_("%(name)s belongs to another page, section or language.") % {"name": name})
            continue
        target = translation.get_target_instance()
        if not target.permissions_for_user(request.user).can_edit():
            problems.append(_("You may not edit the translation in %(name)s.") % {"name": name})
            continue
        plan.append((translation, po))
    if problems:
        messages.error(request, _("Nothing was imported: %(problems)s") % {"problems": " ".join(problems)})
        return redirect(back)
    with transaction.atomic():
        for translation, po in plan:
            translation.import_po(po, user=request.user, tool_name="PO File (section)")
    messages.success(request, _("Imported translations for %(count)d pages.") % {"count": len(plan)})
    return redirect(back)
