"""Wagtail wiring for the editorial workflow: the dashboard's workflow panels and the Registers snippets."""

from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from editorial import snippets  # noqa: F401 - registers the Registers snippets on import
from editorial.dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_workflow_panels(request, panels):
    """ "Awaiting me" replaces Wagtail's review panel; "My drafts" and the scheduled publications join it."""
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels.extend(panel_class(request.user) for panel_class in PANELS)
