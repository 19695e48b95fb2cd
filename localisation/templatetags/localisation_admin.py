"""Template filters for Koonto's override of wagtail-localize's translation editor."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def localised_editor_props(props: str, instance) -> str:
    """The editor's props with its dates the reader's way (localisation/editor_dates.py)."""
    from localisation.editor_dates import localised_props

    return localised_props(props, instance)


@register.simple_tag
def translation_heading(translation) -> str:
    """The editor's heading in the admin language; wagtail-localize's JavaScript writes
    "Suomi to English translation" in English (the template replaces it)."""
    from localisation.notifications import language_name

    return _("Translation from %(source)s into %(target)s") % {
        "source": language_name(translation.source.locale.language_code),
        "target": language_name(translation.target_locale.language_code),
    }


@register.filter
def for_reviewed_work(props: str) -> str:
    """The editor's settings (JSON) for someone whose work goes through review: no "Delete" and
    no "Convert to alias page" (which publishes at once); the editor leaves out an action whose
    permission is false or whose link is empty."""
    data = json.loads(props)
    data.setdefault("perms", {})["canDelete"] = False
    data.setdefault("links", {})["convertToAliasUrl"] = None
    return json.dumps(data, cls=DjangoJSONEncoder)


@register.simple_tag(takes_context=True)
def translation_footer(context) -> dict:
    """Which footer the translation editor shows, and its links.

    - ``review``: the translation waits in a workflow task this user may act on: approve (the
      main action) or request changes with a comment, through Wagtail's workflow view, the same
      as for any page; never "Publish in <language>" past the workflow.
    - ``submit``: the user may edit but not publish: "save draft and submit for review".
    - ``None``: wagtail-localize's own footer (a publisher with no review in progress).
    """
    from django.urls import reverse

    instance, page_perms, translation = context.get("instance"), context.get("page_perms"), context.get("translation")
    if not context.get("is_page") or page_perms is None or translation is None:
        return {"mode": None}
    user = context["request"].user
    links = {"sync_url": reverse("wagtail_localize:update_translations", args=(translation.source_id,))}
    workflow_state = instance.current_workflow_state
    task_state = workflow_state.current_task_state if workflow_state is not None else None
    if task_state is not None and any(name == "approve" for name, *_rest in task_state.task.specific.get_actions(instance, user)):
        return {
            "mode": "review",
            "task": task_state.task.name,
            "approve_url": reverse("wagtailadmin_pages:workflow_action", args=(instance.pk, "approve", task_state.pk)),
            "reject_url": reverse("wagtailadmin_pages:workflow_action", args=(instance.pk, "reject", task_state.pk)),
            **links,
        }
    if page_perms.can_edit() and not page_perms.can_publish():
        return {"mode": "submit", **links}
    return {"mode": None}
