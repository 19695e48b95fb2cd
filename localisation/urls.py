"""Localisation's URLs: `urlpatterns` go in front of the admin's URLs (koonto/urls.py includes
them before `admin/`), `localised_urlpatterns` under i18n_patterns (the untranslated page).

Its other admin views (the translation status report, PO files per section, submitting a
translation for review) are registered with Wagtail in localisation/wagtail_hooks.py.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from localisation import admin_views, views


def admin_view(view):
    """A view in front of the admin's URLs gets the admin's own guards: staff only, never cached."""
    return never_cache(require_admin_access(view))


# wagtail-localize's "convert to alias" and sync views can make a translation live without
# review; Koonto's guarded versions (localisation.admin_views) answer their URLs first. Its
# start and sync views ask for one global permission; Koonto's read the language trees.
urlpatterns = [
    path("admin/localize/submit/page/<int:page_id>/", admin_view(admin_views.SubmitPageTranslationView.as_view())),
    path("admin/localize/page/<int:page_id>/convert_to_alias/", admin_view(admin_views.convert_to_alias)),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        admin_view(admin_views.UpdateTranslationsView.as_view()),
    ),
]

localised_urlpatterns = [
    path("untranslated/<id:page_id>/", views.untranslated, name="untranslated"),
]
