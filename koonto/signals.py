"""Signal handlers: editorial rules follow new language trees and guide sections."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page


@receiver(post_save)
def apply_rules_to_new_trees(sender, instance, created, raw=False, **kwargs):
    """A new language root (depth 2) or guide section gets its permissions and workflow at once.

    Wagtail assigns both per subtree, and the English tree does not exist when migrations
    run, so the rules are applied again whenever such a page appears.
    """
    if raw or not created or not isinstance(instance, Page):
        return
    if instance.depth == 2 or sender._meta.label == "guides.GuideIndexPage":
        from koonto.editorial import apply_editorial_rules

        transaction.on_commit(apply_editorial_rules)
