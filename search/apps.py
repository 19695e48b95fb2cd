from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import data_protection, signals  # noqa: F401 (handlers connect and purposes declare on import)
