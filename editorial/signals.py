"""Signal handlers: a new language tree or guide section gets the editorial rules at once.

Wagtail assigns page permissions and workflows per subtree, and the English tree does not exist
when migrations run, so the rules are applied again whenever a page appears that starts a
subtree with rules of its own: a language root (depth 2) or a guide section (its two-step
review). EditorialConfig.ready() connects the handler to the page types that can be one.
"""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Page, get_page_models

from editorial.rules import apply_editorial_rules
from guides.models import GuideIndexPage


def rule_tree_page_types() -> list[type[Page]]:
    """Page types that can start a subtree with rules of its own: those allowed directly under the
    tree's root (language roots), and the guide section."""
    return [model for model in get_page_models() if Page in model.allowed_parent_page_models() or model is GuideIndexPage]


def apply_rules_to_new_trees(sender, instance, created, raw=False, **kwargs):
    """A new language root or guide section gets its permissions and workflow when it is committed."""
    if raw or not created:
        return
    if instance.depth == 2 or isinstance(instance, GuideIndexPage):
        transaction.on_commit(apply_editorial_rules)


def connect() -> None:
    for model in rule_tree_page_types():
        post_save.connect(apply_rules_to_new_trees, sender=model, dispatch_uid=f"editorial-rules-{model._meta.label}")
