"""URL configuration: public pages under a language prefix (/fi/, /en/), admin and health outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from api import urls as api_urls
from feeds import urls as feeds_urls
from koonto import translation_views, views
from search import views as search_views


def admin_view(view):
    """A view in front of the admin's URLs gets the admin's own guards: staff only, never cached."""
    return never_cache(require_admin_access(view))


urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Feeds and discovery (feeds/): robots.txt and the sitemap.
    path("", include(feeds_urls)),
    path("django-admin/", admin.site.urls),
    # Headless API and preview (api/, docs/api.md): outside the language prefixes; the language is a parameter.
    path("", include(api_urls)),
    # wagtail-localize's "convert to alias" and sync views can make a translation live without
    # review; Koonto's guarded versions (koonto.translation_views) answer their URLs first.
    path("admin/localize/page/<int:page_id>/convert_to_alias/", admin_view(translation_views.convert_to_alias)),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        admin_view(translation_views.UpdateTranslationsView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploaded media through Django only when KOONTO_SERVE_MEDIA is set or DEBUG is on
# (koonto.views.serve_media, which refuses originals and path tricks).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", views.serve_media, name="serve_media")]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("untranslated/<id:page_id>/", views.untranslated, name="untranslated"),
    path(_("organisations/<slug:slug>/"), views.organisation, name="organisation"),
    # Tag slugs keep Finnish letters (työpaja), so <str>, not <slug>.
    path(_("tags/<str:slug>/"), views.tag, name="tag"),
    # Feeds (feeds/): the calendar, one event's .ics file, RSS feeds.
    path("", include(feeds_urls.localised_urlpatterns)),
    # Wagtail's page serving comes last: it catches every other path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
