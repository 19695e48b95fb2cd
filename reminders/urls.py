"""The reminder form's address, under the language prefix (koonto/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from reminders import views

urlpatterns = [path(_("reminders/"), views.subscribe, name="reminders_subscribe")]
