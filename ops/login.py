"""The admin's login form, with every label translated.

Wagtail's LoginForm declares its password field without a label, so Django writes the field's
name, "Password", in English on a Finnish login page. The setting `WAGTAILADMIN_USER_LOGIN_FORM`
points here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class KoontoLoginForm(LoginForm):
    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["password"].label = _("Password")
