"""Staff dashboard panels: the shared panel base, and the funding-call deadlines and stale content panels.

Every panel shows only what the user may open in the admin: pages through Wagtail's page
permission policy, review tasks through the workflow's own rules. The workflow panels (what
waits for me, my drafts, scheduled publications) are in editorial/dashboard.py, the translation
panel in localisation/dashboard.py; each app's wagtail_hooks adds its own.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

PANEL_LIMIT = 20


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


class CallDeadlinesPanel(DashboardPanel):
    name = "koonto_call_deadlines"
    order = 80
    heading = _("Funding call deadlines in the next 30 days")
    empty_text = _("No funding call closes in the next 30 days.")

    def get_items(self):
        call_model = apps.get_model("guides", "FundingCallPage")
        calls = (
            call_model.objects.filter(pk__in=editable_pages(self.user).values("pk"))
            .filter(cancelled=False, closes_at__gte=self.now, closes_at__lte=self.now + timedelta(days=30))
            .order_by("closes_at")[:PANEL_LIMIT]
        )
        return [PanelItem(call.title, reverse("wagtailadmin_pages:edit", args=(call.pk,)), "", call.closes_at) for call in calls]


class StaleContentPanel(DashboardPanel):
    """Live guides and not-yet-closed calls whose facts were last checked too long ago (or never)."""

    name = "koonto_stale_content"
    order = 90
    heading = _("Content to check")
    empty_text = _("All guides and calls have been checked recently.")

    def get_items(self):
        cutoff = timezone.localdate(self.now) - timedelta(days=stale_after_days())
        visible = editable_pages(self.user).values("pk")
        guide_model = apps.get_model("guides", "GuidePage")
        call_model = apps.get_model("guides", "FundingCallPage")
        guides = guide_model.objects.live().filter(pk__in=visible).filter(Q(reviewed_on__lt=cutoff) | Q(reviewed_on__isnull=True))
        calls = (
            call_model.objects.live()
            .filter(pk__in=visible, closes_at__gt=self.now, cancelled=False)
            .filter(Q(last_verified__lt=cutoff) | Q(last_verified__isnull=True))
        )
        items = [self._item(guide, guide.reviewed_on) for guide in guides] + [
            self._item(call, call.last_verified) for call in calls
        ]
        return items[:PANEL_LIMIT]

    @staticmethod
    def _item(page, checked_on) -> PanelItem:
        detail = (
            _("last checked %(date)s") % {"date": date_format(checked_on, "SHORT_DATE_FORMAT")}
            if checked_on
            else _("never checked")
        )
        return PanelItem(page.title, reverse("wagtailadmin_pages:edit", args=(page.pk,)), detail)


PANELS = (CallDeadlinesPanel, StaleContentPanel)
