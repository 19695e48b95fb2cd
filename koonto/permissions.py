"""What Koonto's editorial roles may do with a page or snippet: the page permission tester
that every page type carries, and `may_publish`.

The shared bottom layer: page models mix in EditorialPermissionsMixin, so this module imports
no app. The groups, their permission matrix and the workflows that grant these permissions are
in the editorial app (editorial/rules.py).
"""

from wagtail.models import DraftStateMixin, Page, PagePermissionTester

# Deleting pages. Wagtail lets anyone with `change` but no `publish` delete any page that is
# not live, and a group matrix cannot say "only one's own drafts", so every page type carries
# EditorialPagePermissionTester (through EditorialPermissionsMixin), which reads the same
# permission types: with `publish` (communications), any page, as Wagtail allows; with `add`
# (editors), only one's own page that has never been published and has no subpages; with
# `change` alone (translators), none.


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, with Koonto's narrower rule for deleting (see above)."""

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" in self.permissions:
            return True
        page = self.page
        return (
            "add" in self.permissions
            and page.owner_id == self.user.pk
            and not page.live
            and page.first_published_at is None
            and page.is_leaf()
        )

    def can_move(self):
        # Wagtail tests moving as deleting; moving a draft loses nothing, so it keeps Wagtail's rule.
        return super().can_delete(ignore_bulk=True)


class EditorialPermissionsMixin:
    """Give a page type Koonto's permission tester: overriding `permissions_for_user` on the
    page model is how Wagtail lets a site change page permissions (its own test app does so)."""

    def permissions_for_user(self, user):
        return EditorialPagePermissionTester(user, self)


def may_publish(user, instance) -> bool:
    """Whether `user` may make this page or snippet live without review.

    A snippet without drafts goes live when it is saved, so there editing is publishing.
    """
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(f"{instance._meta.app_label}.{action}_{instance._meta.model_name}")
