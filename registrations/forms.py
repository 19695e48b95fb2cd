"""The public registration form: the questions the event asks, with the spam defences."""

from django import forms
from django.utils.translation import gettext_lazy as _

from koonto.models import Municipality
from personal_data.protection import SpamProtectedForm
from registrations.models import NAME_MAX_LENGTH, NEEDS_MAX_LENGTH


class RegistrationForm(SpamProtectedForm):
    form_name = "registration"

    name = forms.CharField(label=_("Name"), max_length=NAME_MAX_LENGTH, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and news about the event here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("The association or organisation you come from, if any."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.filter(in_pohjois_savo=True).order_by("name_fi"),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    seats = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        initial=1,
        help_text=_("Sign up several people from one association at once; the group gets its places together."),
    )
    needs = forms.CharField(
        label=_("Dietary or accessibility needs"),
        max_length=NEEDS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only if you want to tell us. This text is deleted the day after the event."),
    )
    reminder = forms.BooleanField(
        label=_("Remind me by e-mail the day before the event"),
        required=False,
        help_text=_("You confirm the reminder through a link in the confirmation e-mail."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if not event.registration_asks_organisation:
            del self.fields["organisation"]
        if not event.registration_asks_municipality:
            del self.fields["municipality"]
        if not event.registration_asks_needs:
            del self.fields["needs"]
        largest = event.registration_max_group_size
        if largest > 1:
            seats = self.fields["seats"]
            self.fields["seats"] = forms.IntegerField(
                label=seats.label, min_value=1, max_value=largest, initial=1, help_text=seats.help_text
            )
        else:
            del self.fields["seats"]
        self.order_fields(["name", "email", "organisation", "municipality", "seats", "needs", "reminder"])
