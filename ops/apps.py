"""Operations: what every request passes through, below the content apps.

Security headers, cache headers, the anonymous page cache and the content generation it and every
in-process cache follow, structured logs, the locale middleware, the hostile-input guard, health
checks and two-step verification (ops.twofactor). Nothing here imports the content apps: page
types declare what the page cache needs (docs/architecture.md).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Listed last in INSTALLED_APPS: Wagtail knows the snippet models only once its apps are ready.
        from ops import locales, signals

        signals.connect_page_cache_invalidation()
        locales.install()
