"""The feeds' URLs: `urlpatterns` outside the language prefix (robots.txt, the sitemap), and
`localised_urlpatterns`, which koonto/urls.py puts under i18n_patterns (the calendar, RSS)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.sitemaps import views as sitemap_views

from feeds import views
from feeds.sitemap import MultilingualSitemap
from ops.pagecache import query_parameters

urlpatterns = [
    # robots.txt points crawlers at the sitemap.
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # `p`: Django's sitemap pages (ops.pagecache keys the cached answer on it alone).
    path(
        "sitemap.xml",
        query_parameters("p")(sitemap_views.sitemap),
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
]

# The calendar, one event's .ics file, RSS feeds; the `id` converter is registered by koonto/urls.py.
localised_urlpatterns = [
    path(_("calendar.ics"), views.calendar, name="calendar"),
    path(_("calendar/<id:page_id>.ics"), views.event_calendar, name="event_calendar"),
    path(_("feeds/events.rss"), views.EventFeed(), name="events_feed"),
    path(_("feeds/showcases.rss"), views.ShowcaseFeed(), name="showcases_feed"),
    path(_("feeds/guides.rss"), views.GuideFeed(), name="guides_feed"),
]
