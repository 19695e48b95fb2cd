"""Admin for search: the search queries report (search/report.py) in the Reports menu."""

from django.urls import path
from wagtail import hooks

from search.report import URL_NAME, SearchReportView, search_report_menu_item


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("search/queries/", SearchReportView.as_view(), name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return search_report_menu_item()
