"""Reports → Search queries: what visitors search for most, and what finds nothing.

Built on Wagtail's query log (``Query`` and ``QueryDailyHits`` of search promotions) and
Koonto's ``ZeroResultHits``; both are written by the search page (search/views.py). Visible to
users with ``search.view_search_report`` (Viestintä, via editorial/rules.py) and superusers.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.models import Query

from koonto.dashboard import PermittedMenuItem
from search.models import ZeroResultHits

URL_NAME = "search_report"
PERMISSION = "search.view_search_report"
REPORT_DAYS = 30
ROWS = 50


def can_view_report(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def popular_queries(since):
    """(query, hits) for the most searched queries since `since`, most first."""
    rows = (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(total=Sum("daily_hits__hits"))
        .order_by("-total", "query_string")
    )
    return [(row.query_string, row.total) for row in rows[:ROWS]]


def zero_result_queries(since):
    """(query, hits) for the queries that most often found nothing since `since`."""
    rows = (
        ZeroResultHits.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query__query_string")
    )
    return [(row["query__query_string"], row["total"]) for row in rows[:ROWS]]


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/report.html"
    page_title = _("Search queries")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.localdate() - timedelta(days=REPORT_DAYS)
        context.update({"days": REPORT_DAYS, "popular": popular_queries(since), "zero_results": zero_result_queries(since)})
        return context


def search_report_menu_item() -> PermittedMenuItem:
    return PermittedMenuItem(
        _("Search queries"),
        reverse_lazy(URL_NAME),
        name="search-queries",
        icon_name="search",
        order=1310,
        is_allowed=can_view_report,
    )
