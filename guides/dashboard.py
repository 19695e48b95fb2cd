"""The funding guides' dashboard panels: calls whose deadline is near, and guides and calls whose
facts were last checked too long ago. guides/wagtail_hooks.py adds them to the dashboard."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from guides.models import FundingCallPage, GuidePage
from koonto.dashboard import PANEL_LIMIT, DashboardPanel, PanelItem, editable_pages, stale_after_days


class CallDeadlinesPanel(DashboardPanel):
    name = "koonto_call_deadlines"
    order = 80
    heading = _("Funding call deadlines in the next 30 days")
    empty_text = _("There are no funding calls for you to edit that close in the next 30 days.")

    def get_items(self):
        calls = (
            FundingCallPage.objects.filter(pk__in=editable_pages(self.user).values("pk"))
            .filter(cancelled=False, closes_at__gte=self.now, closes_at__lte=self.now + timedelta(days=30))
            .order_by("closes_at")[:PANEL_LIMIT]
        )
        return [PanelItem(call.title, reverse("wagtailadmin_pages:edit", args=(call.pk,)), "", call.closes_at) for call in calls]


class StaleContentPanel(DashboardPanel):
    """Live guides and not-yet-closed calls whose facts were last checked too long ago (or never)."""

    name = "koonto_stale_content"
    order = 90
    heading = _("Content to check")
    empty_text = _("There are no guides or calls for you to check: all those you may edit have been checked recently.")

    def get_items(self):
        cutoff = timezone.localdate(self.now) - timedelta(days=stale_after_days())
        visible = editable_pages(self.user).values("pk")
        guides = GuidePage.objects.live().filter(pk__in=visible).filter(Q(reviewed_on__lt=cutoff) | Q(reviewed_on__isnull=True))
        calls = (
            FundingCallPage.objects.live()
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
