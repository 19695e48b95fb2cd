"""Admin views that complete wagtail-localize's translation editor for Koonto's workflow.

- Submit for review: the editor offers only "Publish in <language>", which needs publish
  permission. Translators have edit permission on the non-source trees, so this view saves
  the translated strings into a draft revision and starts (or resumes) the page's workflow;
  communications then approves it like any page.
- PO upload: refuses a missing, broken or foreign file with a message before handing a good
  one to wagtail-localize.
- Convert to alias, and the sync view's "Publish immediately": both make a translation live
  at once, and wagtail-localize asks only for edit (or translate) permission. Here they are
  for those who may publish what they would make live; localisation/urls.py puts these views
  in front of wagtail-localize's URLs.
- Starting and syncing a translation: wagtail-localize asks for one global permission; here
  the page permissions on each language tree decide (localisation.permissions), so translators
  start translations into their languages and sync the translations they work on. The start
  form offers only those languages, pre-selects every one that is missing, and an empty
  choice is a form error.

Who may publish is the permission rule of the bottom layer (koonto.permissions.may_publish).
"""

import tempfile
from functools import cached_property

import polib
from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views import convert as localize_convert
from wagtail_localize.views import edit_translation as localize_views
from wagtail_localize.views import submit_translations as localize_submit
from wagtail_localize.views import update_translations as localize_update

from koonto.permissions import may_publish
from localisation.notifications import notify_translation_requested
from localisation.permissions import TranslationPermissions, enabled_target_locales


@require_POST
def submit_translation_for_review(request, translation_id: int):
    """Save the translated strings into a draft revision and, unless the user chose "Save draft"
    (``action=save``), start or resume the page's workflow. Back to the translation editor."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = Page.objects.filter(translation_key=translation.source.object_id, locale=translation.target_locale).first()
    if page is None or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    page = page.specific
    workflow = page.get_workflow()
    workflow_state = page.current_workflow_state
    submit = request.POST.get("action", "submit") != "save"

    with transaction.atomic():
        translation.save_target(user=request.user, publish=False)
        page.refresh_from_db()
        if submit and workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            workflow_state.resume(request.user)
        elif submit and workflow_state is None and workflow is not None:
            workflow.start(page, request.user)

    if not submit or workflow is None:
        messages.success(request, _("The translation '%(title)s' was saved as a draft.") % {"title": page.title})
    else:
        messages.success(request, _("The translation '%(title)s' was saved and submitted for review.") % {"title": page.title})
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))


def read_pofile(upload) -> polib.POFile | None:
    """Parse an uploaded PO file, or None if it is not one."""
    return parse_po(b"".join(upload.chunks()))


def parse_po(data: bytes) -> polib.POFile | None:
    """PO contents parsed, or None if they are not a PO file.

    polib.pofile() takes a file name *or* contents; contents that happen to be a path would
    make it read that file from the server, so the contents always go through a file of ours.
    """
    with tempfile.NamedTemporaryFile(suffix=".po") as handle:
        handle.write(data)
        handle.flush()
        try:
            return polib.pofile(handle.name)
        except (OSError, UnicodeDecodeError, ValueError):
            return None


@require_POST
def upload_pofile(request, translation_id: int):
    """Guard wagtail-localize's PO upload: refuse a missing, broken or foreign file with a message.

    wagtail-localize's own view answers a missing file or a PO without its translation ID
    with a server error; here every such case is a clear message and nothing changes.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    if not localize_views.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(next_url)
    po = read_pofile(upload)
    if po is None or not po.metadata:
        messages.error(request, _("This is not a valid PO file. Export the file again from the translation editor."))
        return redirect(next_url)
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        messages.error(request, _("This PO file was exported for another page or language, so nothing was imported."))
        return redirect(next_url)
    upload.seek(0)
    return localize_views.upload_pofile(request, translation_id)


def convert_to_alias(request, page_id: int):
    """wagtail-localize's "convert to alias", for those who may publish the page.

    The alias takes the source page's content and live state at once: for a draft translation
    of a live page that is a publication without review.
    """
    page = get_object_or_404(Page, pk=page_id)
    if not may_publish(request.user, page):
        raise PermissionDenied
    return localize_convert.convert_to_alias(request, page_id)


class SubmitTranslationForm(localize_submit.SubmitTranslationForm):
    """wagtail-localize's form, offering only the enabled languages the user may translate into."""

    def __init__(self, instance, *args, allowed_locales=(), **kwargs):
        super().__init__(instance, *args, **kwargs)
        field = self.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=[locale.pk for locale in allowed_locales])
        field.label = _("Languages")
        field.error_messages["required"] = _("Choose at least one language to translate into.")
        if len(field.queryset) < 2:
            self.fields["select_all"].widget = forms.HiddenInput()


class SubmitPageTranslationView(localize_submit.SubmitPageTranslationView):
    """Start a translation: for anyone who may edit pages where the translation will live."""

    def dispatch(self, request, *args, **kwargs):
        page = self.get_object()
        self.translation_permissions = TranslationPermissions(request.user)
        self.allowed_locales = self.translation_permissions.translatable_locales(page, enabled_target_locales())
        if not self.allowed_locales:
            raise PermissionDenied
        if not self.translation_permissions.has_global_permission:
            # wagtail-localize's dispatch asks for its global permission; the language trees decided above.
            self.object = page
            self.components = localize_submit.TranslationComponentManager.from_request(request, source_object_instance=page)
            return super(localize_submit.SubmitTranslationView, self).dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        if self.request.method == "POST":
            return SubmitTranslationForm(self.object, self.request.POST, allowed_locales=self.allowed_locales)
        form = SubmitTranslationForm(self.object, allowed_locales=self.allowed_locales)
        offered = list(form.fields["locales"].queryset)
        chosen = [locale for locale in offered if locale.language_code == self.request.GET.get("select_locale")]
        form.initial = {"locales": chosen or offered}
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        locales = form.cleaned_data["locales"]
        transaction.on_commit(lambda: notify_translation_requested(self.object, locales, self.request.user))
        return response

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and self.components.is_valid():
            return self.form_valid(form)
        # wagtail-localize builds a second, fresh form for the page; keep this one and its errors.
        self.get_form = lambda: form
        return self.render_to_response(self.get_context_data(**kwargs))


class UpdateTranslationsView(localize_update.UpdateTranslationsView):
    """wagtail-localize's sync view, with "Publish immediately" only for those who may publish
    every translation it would publish; for others the option is gone and a forged one refused.

    Who may sync at all: localisation.permissions (edit rights on one of the translations)."""

    def dispatch(self, request, *args, **kwargs):
        permissions = TranslationPermissions(request.user)
        if permissions.has_global_permission:
            return super().dispatch(request, *args, **kwargs)
        self.object = self.get_object()
        if not permissions.may_sync(self.object.get_source_instance(), self.instances_to_publish()):
            raise PermissionDenied
        self.components = localize_submit.TranslationComponentManager.from_request(request, source_object_instance=self.object)
        return super(localize_update.UpdateTranslationsView, self).dispatch(request, *args, **kwargs)

    @cached_property
    def may_publish_translations(self) -> bool:
        return all(may_publish(self.request.user, instance) for instance in self.instances_to_publish())

    def instances_to_publish(self):
        """Each translation's target; a missing target (the sync would create it) is judged by its source."""
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            try:
                yield translation.get_target_instance()
            except ObjectDoesNotExist:
                yield self.object.get_source_instance()

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_translations:
            del form.fields["publish_translations"]
        return form

    def post(self, request, **kwargs):
        asks_to_publish = forms.BooleanField(required=False).clean(request.POST.get("publish_translations"))
        if asks_to_publish and not self.may_publish_translations:
            raise PermissionDenied
        return super().post(request, **kwargs)

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)
