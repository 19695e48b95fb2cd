from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    name = "advice"
    verbose_name = _("Advice requests")

    def ready(self):
        from advice import data_protection  # noqa: F401 - declares the purpose (personal_data.declarations)
