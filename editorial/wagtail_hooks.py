"""Wagtail wiring for the editorial workflow: the dashboard's workflow panels, the Registers
snippets, where reviewers land after acting, and the reviewer's comment on work sent back."""

from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from editorial import (
    review,
    snippets,  # noqa: F401 - registers the Registers snippets on import
)
from editorial.dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_workflow_panels(request, panels):
    """ "Awaiting me" replaces Wagtail's review panel; "My drafts" and the scheduled publications join it."""
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels.extend(panel_class(request.user) for panel_class in PANELS)


@hooks.register("after_edit_page")
def land_after_review(request, page):
    """After approving or rejecting, a confirmation, and a page the reviewer may see (editorial/review.py)."""
    return review.after_review(request, page)


@hooks.register("before_edit_page")
def show_changes_requested(request, page):
    """The reviewer's comment on a page sent back, above its editor until it is resubmitted."""
    review.show_changes_requested(request, page)
