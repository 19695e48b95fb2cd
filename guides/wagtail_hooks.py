"""Wagtail wiring of the funding guides: their dashboard panels."""

from wagtail import hooks

from guides.dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_guide_panels(request, panels):
    """Funding-call deadlines and stale content; the dashboard orders panels by their `order`."""
    panels.extend(panel_class(request.user) for panel_class in PANELS)
