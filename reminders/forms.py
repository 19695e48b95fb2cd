"""The "Remind me" form: an e-mail address, the language of the reminders, and which calls."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from personal_data.protection import SpamProtectedForm

ALL_CALLS = "all"


class ReminderForm(SpamProtectedForm):
    form_name = "reminders"

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a confirmation link here first; the reminders start only when you confirm."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of the reminders"))
    scope = forms.ChoiceField(label=_("Remind me of"), widget=forms.RadioSelect)

    field_order = ["scope", "email", "language"]

    def __init__(self, *args, call=None, language: str = "fi", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = list(settings.LANGUAGES)
        self.fields["language"].initial = language
        choices = []
        if call is not None:
            choices.append((str(call.translation_key), _("this call only: %(title)s") % {"title": call.title}))
        choices.append((ALL_CALLS, _("all future funding calls (a reminder when each opens and before it closes)")))
        self.fields["scope"].choices = choices
        if call is None:
            # Only one choice: no radio to tick, the choice is the page's own.
            self.fields["scope"].widget = forms.HiddenInput()
            self.fields["scope"].initial = ALL_CALLS
