"""What people see around a review: where a reviewer lands after acting, what they are told, and
the reviewer's comment on work sent back to its author.

Wagtail's edit view sends everyone who approves or rejects a page to the listing of the page's
parent. A subject expert has no page permissions of their own (editorial/rules.py: they only
review), so the listing refused them with "Pahoittelut, mutta sinulla ei ole pääsyä tähän
osioon" and they took the approval for failed. The `after_edit_page` hook
(editorial/wagtail_hooks.py) calls `after_review()`, which sends those who may not explore pages
to the dashboard (where their next review waits) and replaces Wagtail's "page updated" notice with
one that says what the review did. Permissions stay as the matrix says.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

# The page permissions with which Wagtail's page explorer lets a user in (its IndexView).
EXPLORER_PERMISSIONS = {"add", "change", "publish", "bulk_delete", "lock", "unlock"}


def may_explore_pages(user) -> bool:
    """Whether Wagtail's page explorer lets the user in (otherwise it answers with an error)."""
    return PagePermissionPolicy().user_has_any_permission(user, EXPLORER_PERMISSIONS)


def review_action(request) -> str | None:
    """ "approve" or "reject" when the edit view's POST was a workflow action, else None."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    action = request.POST.get("workflow-action-name")
    return action if action in ("approve", "reject") else None


def review_outcome_message(page: Page, action: str) -> str:
    """What the reviewer's action did, in words: the next step, live, scheduled, or sent back."""
    page = Page.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    if action == "reject":
        return _("You sent “%(title)s” back to its author with a request for changes; the author has been told.") % {
            "title": title
        }
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        return _("You approved “%(title)s”. It now waits for the step “%(task)s”.") % {
            "title": title,
            "task": state.current_task_state.task.name,
        }
    scheduled = page.scheduled_revision
    if scheduled is not None:
        when = date_format(timezone.localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT")
        return _("You approved “%(title)s”. It will be published on %(when)s.") % {"title": title, "when": when}
    if page.live and not page.has_unpublished_changes:
        return _("You approved “%(title)s”. It is now published.") % {"title": title}
    return _("You approved “%(title)s”.") % {"title": title}


def _replace_messages(request, page: Page, message: str) -> None:
    """Replace Wagtail's "Page '…' has been updated." notice with `message`.

    Django's message storage has no way to remove one message: iterating it marks them all as
    used (not to be stored), so every other message is added again.
    """
    # Wagtail's own wording (wagtail/admin/views/pages/edit.py, add_save_confirmation_message).
    updated = _("Page '%(page_title)s' has been updated.") % {"page_title": page.get_admin_display_title()}
    wagtails_notice = admin_messages.render(updated, None)
    for old in list(messages.get_messages(request)):
        if str(old.message) != wagtails_notice:
            messages.add_message(request, old.level, old.message, extra_tags=old.extra_tags)
    admin_messages.success(request, message)


def after_review(request, page: Page):
    """The `after_edit_page` hook: a confirmation of the review, and a landing page the user may see."""
    action = review_action(request)
    if action is None:
        return None
    _replace_messages(request, page, review_outcome_message(page, action))
    if get_valid_next_url_from_request(request) or may_explore_pages(request.user):
        return None  # Wagtail's own destination: the `next` URL or the parent's listing
    return redirect("wagtailadmin_home")


@dataclass
class ChangesRequested:
    """A review step that sent a page back: who asked, in which step, when, and what they said."""

    page_id: int
    task: str
    reviewer: str
    comment: str
    when: datetime | None


def _changes_requested(states) -> list[ChangesRequested]:
    result = []
    for state in states:
        task_state = state.current_task_state
        if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
            continue
        reviewer = task_state.finished_by
        result.append(
            ChangesRequested(
                page_id=int(state.object_id),
                task=task_state.task.name,
                reviewer=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
                comment=task_state.comment,
                when=task_state.finished_at,
            )
        )
    return result


def _page_states():
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES, base_content_type=ContentType.objects.get_for_model(Page)
    ).select_related("current_task_state__task", "current_task_state__finished_by")


def changes_requested_of(user) -> list[ChangesRequested]:
    """Pages sent back to `user`: those they submitted, or own, whose review asks for changes."""
    owned = Page.objects.filter(owner=user).values_list("pk", flat=True)
    states = _page_states().filter(Q(requested_by=user) | Q(object_id__in=[str(pk) for pk in owned]))
    return _changes_requested(states.order_by("-current_task_state__finished_at"))


def changes_requested_on(page: Page) -> ChangesRequested | None:
    """The review that sent this page back, while it waits to be resubmitted."""
    found = _changes_requested(_page_states().filter(object_id=str(page.pk)))
    return found[0] if found else None


def show_changes_requested(request, page: Page) -> None:
    """The `before_edit_page` hook: the reviewer's request in a banner above the editor, on every
    visit to the edit view until the page is submitted again (its workflow then resumes)."""
    if request.method != "GET":
        return
    requested = changes_requested_on(page)
    if requested is None:
        return
    names = {"reviewer": requested.reviewer, "task": requested.task}
    if requested.comment:
        message = format_html(
            "{} <q>{}</q> {}",
            _("%(reviewer)s requested changes in the step “%(task)s”:") % names,
            requested.comment,
            _("Make the changes and submit the page for review again."),
        )
    else:
        message = " ".join(
            (
                _("%(reviewer)s requested changes in the step “%(task)s”.") % names,
                _("Make the changes and submit the page for review again."),
            )
        )
    messages.warning(request, message, extra_tags="koonto-changes-requested")
