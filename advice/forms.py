"""The public advice request form: only the fields the advice needs, with the spam defences."""

from django import forms
from django.utils.translation import gettext_lazy as _

from advice.models import DESCRIPTION_MAX_LENGTH, AdviceRequest
from koonto.models import Municipality
from personal_data.protection import SpamProtectedForm


class AdviceRequestForm(SpamProtectedForm):
    form_name = "advice"

    association = forms.CharField(label=_("Association"), max_length=200)
    contact_person = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the acknowledgement and our answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.filter(in_pohjois_savo=True).order_by("name_fi"),
        empty_label=_("Choose a municipality"),
        help_text=_("Where the association works."),
    )
    description = forms.CharField(
        label=_("Your project idea"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Briefly: what you would like to do, for whom, and what you would like advice on (at most %(count)d characters)."
        )
        % {"count": DESCRIPTION_MAX_LENGTH},
    )
    contact_method = forms.ChoiceField(
        label=_("How would you like us to contact you?"),
        choices=AdviceRequest.ContactMethod.choices,
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("Only if you would like us to call you."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    field_order = ["association", "contact_person", "email", "municipality", "description", "contact_method", "phone"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_method") == AdviceRequest.ContactMethod.PHONE and not cleaned.get("phone"):
            self.add_error("phone", _("Give a phone number, or choose another way to be contacted."))
        return cleaned
