"""Staff dashboard panels: the shared panel base, and the funding-call deadlines and stale content panels.

Every panel shows only what the user may open in the admin: pages through Wagtail's page
permission policy, review tasks through the workflow's own rules. So an empty panel speaks of
what there is *for the user* ("Sinulle ei ole…"), never of the whole site: a call the user may
not open can still close tomorrow. The workflow panels (what
waits for me, my drafts, scheduled publications) are in editorial/dashboard.py, the translation
panel in localisation/dashboard.py; each app's wagtail_hooks adds its own.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

PANEL_LIMIT = 20


class PermittedMenuItem(MenuItem):
    """An admin menu item (a staff report) shown only to users `is_allowed(user)` admits."""

    def __init__(self, *args, is_allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_allowed = is_allowed

    def is_shown(self, request):
        return self.is_allowed(request.user)


@dataclass
class PanelItem:
    title: str
    url: str | None
    detail: str = ""
    when: datetime | None = None


def editable_pages(user):
    """Pages the user may edit (or, as an owner with add permission, may edit their own)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "change", "publish"])


def stale_after_days() -> int:
    return int(getattr(settings, "KOONTO_STALE_AFTER_DAYS", 365))


class DashboardPanel(Component):
    """A titled list of links; subclasses say which items."""

    template_name = "koonto/dashboard_panel.html"
    heading = ""
    empty_text = _("Nothing here right now.")

    def __init__(self, user, now: datetime | None = None):
        self.user = user
        self.now = now or timezone.now()

    def get_items(self) -> list[PanelItem]:
        return []

    def get_context_data(self, parent_context):
        return {"heading": self.heading, "items": self.get_items(), "empty_text": self.empty_text, "panel_id": self.name}
