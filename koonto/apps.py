"""The shared Koonto app: snippets, settings, editorial rules and the site chrome."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoontoConfig(AppConfig):
    name = "koonto"
    verbose_name = _("Koonto")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # First, before any app's ready() builds Wagtail's v3 page schemas (koonto/api/v3_rows.py).
        from koonto.api import v3_rows

        v3_rows.install()

        from koonto import (
            locales,
            signals,  # noqa: F401 - the module's @receiver handlers connect on import
        )

        locales.install()
