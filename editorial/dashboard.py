"""The dashboard's workflow panels: reviews waiting for me, work sent back to me, my drafts,
scheduled publications."""

from datetime import timedelta

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Revision, TaskState

from editorial.review import changes_requested_of
from koonto.dashboard import PANEL_LIMIT, DashboardPanel, PanelItem, editable_pages


class AwaitingMePanel(DashboardPanel):
    name = "koonto_awaiting_me"
    order = 50
    heading = _("Awaiting me")
    empty_text = _("Nothing waits for your review.")

    def get_items(self):
        finder = AdminURLFinder(self.user)
        states = (
            TaskState.objects.reviewable_by(self.user)
            .select_related("revision__user", "task", "workflow_state")
            .prefetch_related("revision__content_object")
            .order_by("-started_at")[:PANEL_LIMIT]
        )
        items = []
        for state in states:
            obj = state.revision.content_object
            if obj is None:
                continue
            requested_by = (
                state.revision.user.get_full_name() or state.revision.user.get_username() if state.revision.user else ""
            )
            items.append(PanelItem(str(obj), finder.get_edit_url(obj), f"{state.task.name} · {requested_by}", state.started_at))
        return items


class SentBackPanel(DashboardPanel):
    """Pages a reviewer sent back to the user (who submitted or owns them), with the reviewer's
    comment, until the user submits them again."""

    name = "koonto_sent_back"
    order = 55
    heading = _("Sent back to you for changes")
    empty_text = _("Nothing has been sent back to you.")

    def get_items(self):
        requests = {request.page_id: request for request in changes_requested_of(self.user)}
        pages = editable_pages(self.user).filter(pk__in=requests)
        items = [self._item(page, requests[page.pk]) for page in pages]
        return sorted(items, key=lambda item: item.when.timestamp() if item.when else 0, reverse=True)[:PANEL_LIMIT]

    @staticmethod
    def _item(page, request) -> PanelItem:
        if request.comment:
            detail = gettext_now("%(reviewer)s (%(task)s): %(comment)s") % {
                "reviewer": request.reviewer,
                "task": request.task,
                "comment": Truncator(request.comment).chars(300),
            }
        else:
            detail = gettext_now("%(reviewer)s (%(task)s) left no comment.") % {
                "reviewer": request.reviewer,
                "task": request.task,
            }
        return PanelItem(
            page.get_admin_display_title(), reverse("wagtailadmin_pages:edit", args=(page.pk,)), detail, request.when
        )


class MyDraftsPanel(DashboardPanel):
    name = "koonto_my_drafts"
    order = 60
    heading = _("My drafts")
    empty_text = _("You have no unpublished changes.")

    def get_items(self):
        pages = (
            editable_pages(self.user)
            .filter(has_unpublished_changes=True, latest_revision__user=self.user)
            .exclude(pk__in=[request.page_id for request in changes_requested_of(self.user)])  # in SentBackPanel
            .order_by("-latest_revision_created_at")[:PANEL_LIMIT]
        )
        return [
            PanelItem(
                page.get_admin_display_title(),
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "",
                page.latest_revision_created_at,
            )
            for page in pages
        ]


class ScheduledPanel(DashboardPanel):
    name = "koonto_scheduled"
    order = 70
    heading = _("Scheduled publications in the next 14 days")
    empty_text = _("There are no pages for you to edit that are scheduled for the next 14 days.")

    def get_items(self):
        revisions = Revision.page_revisions.filter(
            approved_go_live_at__gte=self.now, approved_go_live_at__lte=self.now + timedelta(days=14)
        ).order_by("approved_go_live_at")
        scheduled = {int(r.object_id): r.approved_go_live_at for r in revisions}
        pages = editable_pages(self.user).filter(pk__in=scheduled)
        items = [
            PanelItem(page.get_admin_display_title(), reverse("wagtailadmin_pages:edit", args=(page.pk,)), "", scheduled[page.pk])
            for page in pages
        ]
        return sorted(items, key=lambda item: item.when)[:PANEL_LIMIT]


PANELS = (AwaitingMePanel, SentBackPanel, MyDraftsPanel, ScheduledPanel)
