"""Admin wiring: the export/erasure view under Settings, and the audit log's actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from personal_data import audit
from personal_data.admin_views import PERMISSION, personal_data_view


@hooks.register("register_admin_urls")
def register_urls():
    return [path("personal-data/", personal_data_view, name="personal_data_admin")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return PersonalDataMenuItem(_("Personal data"), reverse("personal_data_admin"), icon_name="user", order=900)


def _counts(log_entry) -> str:
    data = log_entry.data or {}
    if "counts" in data:
        return ", ".join(f"{key} {count}" for key, count in data["counts"].items()) or "0"
    return str(data.get("count", ""))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(audit.RETENTION)
    class Retention(LogFormatter):
        label = _("Personal data deleted after its retention period")

        def format_message(self, log_entry):
            return _("Retention: records deleted (%(counts)s)") % {"counts": _counts(log_entry)}

    @actions.register_action(audit.EXPORT)
    class Export(LogFormatter):
        label = _("Personal data exported by e-mail address")

        def format_message(self, log_entry):
            return _("Personal data exported (%(counts)s)") % {"counts": _counts(log_entry)}

    @actions.register_action(audit.ERASE)
    class Erase(LogFormatter):
        label = _("Personal data erased by e-mail address")

        def format_message(self, log_entry):
            return _("Personal data erased (%(counts)s)") % {"counts": _counts(log_entry)}

    @actions.register_action(audit.SUBJECT_CORRECT)
    class SubjectCorrect(LogFormatter):
        label = _("Personal data corrected by the person")

        def format_message(self, log_entry):
            return _("The person corrected their data through their link")

    @actions.register_action(audit.SUBJECT_DELETE)
    class SubjectDelete(LogFormatter):
        label = _("Personal data deleted by the person")

        def format_message(self, log_entry):
            return _("The person deleted their data through their link")

    @actions.register_action(audit.SUBJECT_CANCEL)
    class SubjectCancel(LogFormatter):
        label = _("Registration cancelled by the person")

        def format_message(self, log_entry):
            return _("The person cancelled their registration through their link")
