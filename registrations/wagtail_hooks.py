"""The registrations in the admin: a menu item, a button on each event that takes registrations,
and the views of registrations/admin_views.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from events.models import EventPage
from registrations import admin_views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("registrations/", admin_views.index, name="registrations_admin"),
        path("registrations/<id:page_id>/", admin_views.event_registrations, name="registrations_admin_event"),
        path("registrations/<id:page_id>/mail/", admin_views.mail_all, name="registrations_admin_mail"),
        path("registrations/<id:page_id>/export.csv", admin_views.export, {"file_format": "csv"}, name="registrations_csv"),
        path("registrations/<id:page_id>/export.xlsx", admin_views.export, {"file_format": "xlsx"}, name="registrations_xlsx"),
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            request.user.has_perm(admin_views.PERMISSION) or EventPage.objects.filter(registration_owners=request.user).exists()
        )


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RegistrationsMenuItem(_("Registrations"), reverse("registrations_admin"), icon_name="group", order=260)


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name=None, next_url=None):
    """ "Registrations" in the page header's menu of an event that takes them, for those who may see them."""
    specific = page.specific_deferred
    if isinstance(specific, EventPage) and specific.registration_enabled and admin_views.access(user, specific):
        yield PageMenuItem(
            _("Registrations"),
            reverse("registrations_admin_event", args=[page.pk]),
            icon_name="group",
            priority=62,
            page=page,
        )
