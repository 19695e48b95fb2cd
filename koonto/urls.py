"""URL configuration: public pages under a language prefix (/fi/, /en/), admin and health outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import urls as api_urls
from feeds import urls as feeds_urls
from localisation import urls as localisation_urls
from ops import views as ops_views
from personal_data import optin as personal_data_optin
from personal_data import rights as personal_data_rights
from registrations import views as registration_views
from reminders import urls as reminders_urls
from search import tag_pages
from search import views as search_views
from showcase import views as showcase_views

urlpatterns = [
    path("healthz", ops_views.healthz, name="healthz"),
    # Feeds and discovery (feeds/): robots.txt and the sitemap.
    path("", include(feeds_urls)),
    path("django-admin/", admin.site.urls),
    # Headless API and preview (api/, docs/api.md): outside the language prefixes; the language is a parameter.
    path("", include(api_urls)),
    # Guarded versions of two wagtail-localize admin views (localisation/): before the admin's URLs.
    path("", include(localisation_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploaded media through Django only when KOONTO_SERVE_MEDIA is set or DEBUG is on
# (ops.views.serve_media, which refuses originals and path tricks).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", ops_views.serve_media, name="serve_media")]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # "This page has no translation yet" (localisation/).
    path("", include(localisation_urls.localised_urlpatterns)),
    path(_("organisations/<slug:slug>/"), showcase_views.organisation, name="organisation"),
    # Tag slugs keep Finnish letters (työpaja), so <str>, not <slug>.
    path(_("tags/<str:slug>/"), tag_pages.tag_page, name="tag"),
    # The person's own data behind a confirmation mail's signed link (personal_data/rights.py).
    path(_("my-data/"), personal_data_rights.my_data, name="personal_data_rights"),
    path(_("my-data/open/"), personal_data_rights.open_link, name="personal_data_open"),
    # Double opt-in and one-click cancellation (personal_data/optin.py).
    path(_("my-data/confirm/"), personal_data_optin.confirm, name="personal_data_confirm"),
    path(_("my-data/cancel/"), personal_data_optin.cancel, name="personal_data_cancel"),
    # "Remind me" of funding calls (reminders/): its own address, outside the page cache.
    path("", include(reminders_urls)),
    # Event registration (registrations/): the form outside the cached event page, the reminder's opt-in.
    path(_("registration/<id:page_id>/"), registration_views.register, name="event_registration"),
    path(_("registration/reminder/"), registration_views.confirm_reminder, name="registration_reminder"),
    # Feeds (feeds/): the calendar, one event's .ics file, RSS feeds.
    path("", include(feeds_urls.localised_urlpatterns)),
    # Wagtail's page serving comes last: it catches every other path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
