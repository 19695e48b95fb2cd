from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Event registrations")

    def ready(self):
        from koonto import seats
        from registrations import data_protection, signals  # noqa: F401 - the purposes and the signal handlers
        from registrations.services import seats_summary

        seats.register(seats_summary)
