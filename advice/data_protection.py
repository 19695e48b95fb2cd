"""The advice requests' declaration of personal data (personal_data.declarations)."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from advice.models import AdviceRequest, retention_days
from personal_data.declarations import Purpose, declare, delete_counting

PURPOSE = "advice_requests"


def expire(now: datetime) -> int:
    """Delete requests marked done longer ago than the retention period, and any request left
    unhandled for twice that long (a forgotten inbox must not keep data for ever)."""
    days = retention_days()
    done = Q(status=AdviceRequest.Status.DONE, done_at__lt=now - timedelta(days=days))
    forgotten = Q(created_at__lt=now - timedelta(days=2 * days))
    return delete_counting(AdviceRequest.objects.filter(done | forgotten))


def retention_text() -> str:
    months = max(1, round(retention_days() / 30.4))
    return ngettext(
        "%(months)d month after the request has been handled.",
        "%(months)d months after the request has been handled.",
        months,
    ) % {"months": months}


ADVICE_REQUESTS = declare(
    Purpose(
        key=PURPOSE,
        order=50,
        title=_("Requests for advice on project ideas"),
        data=_(
            "The association, the contact person's name, e-mail address and (if given) phone number, the "
            "municipality, the description of the project idea and the preferred contact method."
        ),
        purpose=_("Answering the association's request for advice on its project idea."),
        legal_basis=_(
            "Legitimate interest of the controller in carrying out the Koonto project's advisory task, "
            "which the association asked for (GDPR 6(1)(f))."
        ),
        readers=_("Koonto's communications staff (the Viestintä group) who answer the requests."),
        retention=retention_text,
        model=AdviceRequest,
        email_field="email",
        shown_fields=(
            "association",
            "contact_person",
            "email",
            "phone",
            "municipality",
            "description",
            "contact_method",
            "status",
            "created_at",
        ),
        correctable_fields=("association", "contact_person", "phone", "description", "contact_method"),
        expire=expire,
    )
)
