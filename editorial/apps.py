"""The editorial app: who may do what, which review each page goes through, and what staff see of it.

A top-layer app: it reads the shared models and the feature apps' page types; the demo loader
applies its rules. It has no models: the groups, permissions and workflows are Django's and
Wagtail's own rows, which `apply_editorial_rules()` (editorial/rules.py) keeps as the matrix says.
The permission tester that page types carry is at the bottom, in koonto/permissions.py.
"""

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    label = "editorial"

    def ready(self):
        # Here, not at the top of the module: the signal handlers import the page models, which
        # are not loaded when apps.py is imported.
        from editorial import admin_times, signals, slugs

        signals.connect()
        slugs.connect()
        admin_times.install()
