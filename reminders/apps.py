from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Funding call reminders")

    def ready(self):
        from reminders import data_protection  # noqa: F401 - declares the purpose (personal_data.declarations)
