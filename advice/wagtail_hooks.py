"""The advice inbox in the admin: a ModelViewSet (not a snippet, so saving a request never empties
the page cache), shown only to users with the model's permissions (Viestintä, editorial/rules.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from advice.models import AdviceRequest


class AdviceRequestViewSet(ModelViewSet):
    model = AdviceRequest
    icon = "mail"
    menu_label = _("Advice requests")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "association", "municipality", "contact_method", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["association", "contact_person"]
    search_backend_name = None  # the ORM, not the search index: requests are never indexed
    inspect_view_enabled = True
    copy_view_enabled = False


advice_request_viewset = AdviceRequestViewSet("advice_request")


@hooks.register("register_admin_viewset")
def register_viewset():
    return advice_request_viewset
