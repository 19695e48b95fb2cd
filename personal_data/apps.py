from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalDataConfig(AppConfig):
    name = "personal_data"
    verbose_name = _("Personal data")

    def ready(self):
        # The processing that exists without any form: staff accounts, the login lockout, request
        # logs, backups and the outbox itself.
        from personal_data import builtin  # noqa: F401
