"""The feeds app: read-only views of published content for calendars, feed readers and crawlers.

A top-layer app: it reads the feature apps' page models and the visibility rule, and only the
URL configuration imports it. It has no models.
"""

from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    label = "feeds"
