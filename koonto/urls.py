"""URL configuration: public pages under a language prefix (/fi/, /en/), admin and health outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from koonto import views
from koonto.sitemap import MultilingualSitemap
from search import views as search_views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("untranslated/<int:page_id>/", views.untranslated, name="untranslated"),
    path(_("organisations/<slug:slug>/"), views.organisation, name="organisation"),
    # Tag slugs keep Finnish letters (työpaja), so <str>, not <slug>.
    path(_("tags/<str:slug>/"), views.tag, name="tag"),
    # Wagtail's page serving comes last: it catches every other path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
