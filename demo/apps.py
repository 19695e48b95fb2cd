from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: its content and the commands that load it. The top layer: nothing imports this app."""

    name = "demo"
