"""The localisation app: what editors and translators use to translate, around wagtail-localize.

A top-layer app: it reads the shared models and the permission rule (koonto.permissions), and
only the URL configuration and Wagtail's hook loader import it. It has no models. Its place in
INSTALLED_APPS, before wagtail_localize, lets its admin URL for PO upload answer before
wagtail-localize's route of the same path.
"""

from django.apps import AppConfig


class LocalisationConfig(AppConfig):
    name = "localisation"
    label = "localisation"

    def ready(self):
        # Here, not at the top of the module: the handlers import the models, which are not
        # loaded when apps.py is imported.
        from localisation import editor_dates, slugs, source_changes, tag_sync

        editor_dates.install()

        tag_sync.connect()
        source_changes.connect()
        slugs.connect()
