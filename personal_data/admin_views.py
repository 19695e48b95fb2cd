"""Staff's export and erasure of everything held about an e-mail address (Wagtail admin).

Only users with `personal_data.manage_personal_data` (Viestintä, editorial/rules.py) reach it. Each
export and erasure goes to the audit log with counts per purpose, never with the address.
"""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from personal_data.audit import ERASE, EXPORT, log_action
from personal_data.declarations import purposes_with_rows
from personal_data.models import OutboxMessage

PERMISSION = "personal_data.manage_personal_data"


class AddressForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    confirm = forms.BooleanField(label=gettext_lazy("I understand that erasure deletes the data for good"), required=False)


def held_about(email: str) -> dict[str, list[dict]]:
    """Everything the declared purposes hold about the address, as JSON-ready rows per purpose."""
    found = {}
    for declared in purposes_with_rows():
        rows = declared.find(email)
        exported = [declared.export(row) for row in rows] if rows is not None else []
        if exported:
            found[declared.key] = exported
    return found


def erase(email: str) -> dict[str, int]:
    counts = {}
    with transaction.atomic():
        for declared in purposes_with_rows():
            if declared.erasable:
                rows = declared.find(email)
                counts[declared.key] = rows.delete()[1].get(declared.model._meta.label, 0) if rows is not None else 0
    return counts


def personal_data_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = AddressForm(request.POST or None)
    counts = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "export":
            found = held_about(email)
            log_action(EXPORT, OutboxMessage, {"counts": {k: len(v) for k, v in found.items()}}, user=request.user)
            document = {"email": email, "exported_at": timezone.now().isoformat(), "data": found}
            response = HttpResponse(
                json.dumps(document, ensure_ascii=False, indent=2, default=str), content_type="application/json"
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            response["Cache-Control"] = "no-store"
            return response
        if request.POST.get("action") == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to confirm the erasure."))
            else:
                counts = erase(email)
                log_action(ERASE, OutboxMessage, {"counts": counts, "total": sum(counts.values())}, user=request.user)
    response = render(request, "personal_data/admin.html", {"form": form, "counts": counts})
    response["Cache-Control"] = "no-store"
    return response
