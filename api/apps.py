"""The api app: the v2 and v3 routers, the headless preview, and the API's edge middleware.

A top-layer app: it reads the shared models, the feature apps' page models and the visibility
rule; only the URL configuration and the MIDDLEWARE setting name it. The serializer fields that
page models declare in `api_fields` stay at the bottom (koonto/api_fields.py), because the
feature apps import them. It has no models.
"""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    label = "api"

    def ready(self):
        # Here, not at the top of the module: v3_rows imports Wagtail's v3 schema generator and
        # the visibility rule, which need the models loaded. It must run before anything imports
        # `wagtail.api.v3.registry`, hence this app's place in INSTALLED_APPS (right after koonto).
        from django.utils import translation

        # Wagtail's v3 builds its schemas when first imported (here, else in wagtail.contrib.
        # redirects' ready()): in English, so that the OpenAPI document's titles and descriptions
        # (verbose names, help texts) are English whatever the reader's language.
        with translation.override("en"):
            from api import blocks, v3_rows

            v3_rows.install()
            blocks.install()
            import wagtail.api.v3.api  # noqa: F401
