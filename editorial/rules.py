"""Editorial roles and workflows: who may do what, and which review each page goes through.

`apply_editorial_rules()` is idempotent: `make run`, `load_demo`, `setup_editorial` and
deployments run it, and it runs again for each new language tree (a HomePage created by
translation), because Wagtail assigns permissions and workflows per page subtree.

Roles (group names as staff see them):
- Toimittajat (editors): create and edit pages in every language tree and the reviewed
  snippets (organisations, contact persons, the project description), upload images and
  documents; submit for review; cannot publish; delete only their own never-published
  drafts without subpages.
- Sisältöasiantuntijat (subject experts): review the substance of guides and funding calls
  (first step of their workflow); no page permissions of their own.
- Viestintä (communications): approve, publish, unpublish, schedule, lock and delete
  pages; manage snippets, the vocabularies (themes, municipalities, tags and their
  translations) and the site settings.
  Only they read advice requests and may export or erase personal data.
- Kääntäjät (translators): edit pages in the non-source language trees only; never
  publish or delete.

Starting a translation into a language, and syncing a translation, belong to those who may
edit pages in that language's tree (the `change` or `publish` page permission there: the
localisation app reads these grants). So translators start translations into every
non-source language, editors and communications into every language; a group given `change`
on one language's tree alone translates into that language alone.

Translations go through communications' step only: the subject-matter review of guides and
funding calls happened on the Finnish source, so the two-step workflow is assigned to the
source language's guide sections and the other languages' guide sections inherit the
one-step review of their language root.

Publishing without review is for those who may publish, also through wagtail-localize
(localisation.admin_views). What each page type lets a user do with a page (Wagtail's
permission tester, with Koonto's narrower rule for deleting) and `may_publish` are in
koonto/permissions.py, at the bottom layer, because the page models carry them.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from guides.models import GuideIndexPage

EDITORS = "Toimittajat"
EXPERTS = "Sisältöasiantuntijat"
COMMUNICATIONS = "Viestintä"
TRANSLATORS = "Kääntäjät"
GROUP_NAMES = (EDITORS, EXPERTS, COMMUNICATIONS, TRANSLATORS)

SUBSTANCE_TASK = "Asiasisällön tarkastus"
COMMUNICATIONS_TASK = "Viestinnän hyväksyntä"
GUIDES_WORKFLOW = "Rahoitusoppaat ja hankehaut: asiasisältö ja viestintä"
DEFAULT_WORKFLOW = "Viestinnän hyväksyntä"

# Page permission types granted on each language tree, by group.
SOURCE_TREE_PAGE_PERMISSIONS = {
    EDITORS: ["add", "change"],
    COMMUNICATIONS: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
TRANSLATION_TREE_PAGE_PERMISSIONS = {
    EDITORS: ["add", "change"],
    COMMUNICATIONS: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
    TRANSLATORS: ["change"],
}

# Model permissions (app_label.codename), by group. The groups get exactly these: a grant
# made by hand on one of these groups is undone the next time the rules are applied.
# Snippets the public sees, with drafts and a review workflow (koonto.models.PublicSnippetMixin):
# editors write, communications approves. "sitetexts": the footer's texts in each language.
_REVIEWED_SNIPPETS = ["organisation", "contactperson", "projectdescription", "sitetexts"]
# Vocabularies: a change shows at once on every page that uses them, so only communications
# edits them: themes, tags, the tags' names in other languages, and municipalities (reference
# data from Statistics Finland: corrected, never deleted).
_VOCABULARY_PERMISSIONS = [
    *[f"koonto.{action}_theme" for action in ("add", "change", "delete")],
    *[f"taggit.{action}_tag" for action in ("add", "change", "delete")],
    *[f"koonto.{action}_tagtranslation" for action in ("add", "change", "delete")],
    "koonto.add_municipality",
    "koonto.change_municipality",
]
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        *[f"koonto.{action}_{model}" for model in _REVIEWED_SNIPPETS for action in ("add", "change")],
        "koonto.view_municipality",
    ],
    EXPERTS: ["wagtailadmin.access_admin"],
    COMMUNICATIONS: [
        "wagtailadmin.access_admin",
        *[f"koonto.{action}_{model}" for model in _REVIEWED_SNIPPETS for action in ("add", "change", "delete")],
        *[f"koonto.{action}_{model}" for model in _REVIEWED_SNIPPETS for action in ("publish", "lock", "unlock")],
        *_VOCABULARY_PERMISSIONS,
        "koonto.change_koontosettings",
        "wagtail_localize.submit_translation",
        # Search (search/): promoted results and the search queries report.
        *[f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")],
        "search.view_search_report",
        # Personal data (personal_data/, advice/): the advice inbox (read and mark handled, never
        # create) and export or erasure of everything held about an e-mail address. No other group
        # sees any of it.
        *[f"advice.{action}_advicerequest" for action in ("view", "change", "delete")],
        # Event registrations (registrations/): every event's list, export and mail; the event's
        # named owners see their own events' too, and editors the counts only (registrations/admin_views.py).
        "registrations.view_event_registrations",
        "personal_data.manage_personal_data",
    ],
    TRANSLATORS: ["wagtailadmin.access_admin"],
}

# Collection permissions on the root collection (images and documents), by group.
COLLECTION_PERMISSIONS = {
    EDITORS: ["wagtailimages.add_image", "wagtailimages.choose_image", "wagtaildocs.add_document", "wagtaildocs.choose_document"],
    EXPERTS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    COMMUNICATIONS: [
        *[f"wagtailimages.{action}_image" for action in ("add", "change", "delete", "choose")],
        *[f"wagtaildocs.{action}_document" for action in ("add", "change", "delete", "choose")],
    ],
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}

# Deleting pages: the group matrix cannot say "only one's own drafts", so every page type
# carries koonto.permissions.EditorialPagePermissionTester, which reads the same permission types.

# Wagtail's default groups have broad rights on the whole tree; Koonto's roles replace them.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(permission_type: str) -> Permission:
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=f"{permission_type}_page")


def ensure_groups() -> dict[str, Group]:
    return {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_NAMES}


def language_roots() -> list[Page]:
    """The root page of each language tree (Finnish home and its translations)."""
    return list(Page.objects.filter(depth=2).select_related("locale"))


def _grant_page_permissions(groups: dict[str, Group], root: Page) -> None:
    is_source = root.locale.language_code == settings.LANGUAGE_CODE
    rules = SOURCE_TREE_PAGE_PERMISSIONS if is_source else TRANSLATION_TREE_PAGE_PERMISSIONS
    for group_name, permission_types in rules.items():
        for permission_type in permission_types:
            GroupPagePermission.objects.get_or_create(
                group=groups[group_name], page=root, permission=_page_permission(permission_type)
            )
    if is_source:
        # Translators never touch the source; remove any grant made by hand.
        GroupPagePermission.objects.filter(group=groups[TRANSLATORS], page=root).delete()


def _ensure_task(name: str, group: Group) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    return task


def _ensure_workflow(name: str, tasks: list[GroupApprovalTask]) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if [wt.task_id for wt in workflow.workflow_tasks.order_by("sort_order")] != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _assign(workflow: Workflow, page: Page) -> None:
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def ensure_workflows(groups: dict[str, Group]) -> tuple[Workflow, Workflow]:
    substance = _ensure_task(SUBSTANCE_TASK, groups[EXPERTS])
    communications = _ensure_task(COMMUNICATIONS_TASK, groups[COMMUNICATIONS])
    default = _ensure_workflow(DEFAULT_WORKFLOW, [communications])
    guides = _ensure_workflow(GUIDES_WORKFLOW, [substance, communications])
    return default, guides


def assign_workflows(default: Workflow, guides: Workflow) -> None:
    """One-step review everywhere; two steps in the source language's guide sections."""
    _assign(default, Page.get_first_root_node())
    for root in language_roots():
        _assign(default, root)
    source_guide_indexes = GuideIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for guide_index in source_guide_indexes:
        _assign(guides, guide_index)
    # A translated guide section inherits its language root's one-step review.
    WorkflowPage.objects.filter(workflow=guides).exclude(page__in=source_guide_indexes).delete()
    # Snippets the public sees go through communications' approval too.
    for model_name in _REVIEWED_SNIPPETS:
        content_type = ContentType.objects.get_by_natural_key("koonto", model_name)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": default})


def _grant_model_and_collection_permissions(groups: dict[str, Group]) -> None:
    root_collection = Collection.get_first_root_node()
    for group_name, permissions in MODEL_PERMISSIONS.items():
        groups[group_name].permissions.set([_permission(p) for p in permissions])
    for group_name, permissions in COLLECTION_PERMISSIONS.items():
        for dotted in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[group_name], collection=root_collection, permission=_permission(dotted)
            )


def _retire_wagtail_default_groups() -> None:
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


@transaction.atomic
def apply_editorial_rules() -> None:
    """Create or complete groups, permissions and workflows. Safe to run any number of times."""
    groups = ensure_groups()
    _grant_model_and_collection_permissions(groups)
    for root in language_roots():
        _grant_page_permissions(groups, root)
    assign_workflows(*ensure_workflows(groups))
    _retire_wagtail_default_groups()
