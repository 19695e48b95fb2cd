"""Declarations of the processing that exists without any form (personal_data.declarations).

Staff accounts, the admin login lockout (django-axes), request logs, backups, and the outbox that
every form's mail goes through. Search declares its own query log (search/data_protection.py).
"""

from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from koonto.models import ContactPerson
from personal_data.declarations import Purpose, declare, delete_counting
from personal_data.models import OutboxMessage


def _days(count: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def expire_lockout(now: datetime) -> int:
    cutoff = now - timedelta(days=settings.KOONTO_LOCKOUT_KEEP_DAYS)
    models = (AccessAttempt, AccessFailureLog, AccessLog)
    return sum(delete_counting(model.objects.filter(attempt_time__lt=cutoff)) for model in models)


def expire_outbox(now: datetime) -> int:
    sent = Q(status=OutboxMessage.Status.SENT, sent_at__lt=now - timedelta(days=settings.KOONTO_OUTBOX_KEEP_DAYS))
    failed = Q(status=OutboxMessage.Status.FAILED, created_at__lt=now - timedelta(days=settings.KOONTO_OUTBOX_FAILED_KEEP_DAYS))
    return delete_counting(OutboxMessage.objects.filter(sent | failed))


declare(
    Purpose(
        key="staff_accounts",
        order=10,
        title=_("Staff accounts"),
        data=_("Username, name, e-mail address, admin language, and the changes each person made to the content."),
        purpose=_("Letting the project's staff edit the site, and knowing who changed what."),
        legal_basis=_("Legitimate interest of the controller in running its website (GDPR 6(1)(f))."),
        readers=_("The site's administrators."),
        retention=_("As long as the person works on the site; the account is closed when the work ends."),
        model=get_user_model(),
        shown_fields=("username", "first_name", "last_name", "email", "last_login", "date_joined"),
        erasable=False,
    )
)

declare(
    Purpose(
        key="login_lockout",
        order=20,
        title=_("Admin login protection"),
        data=_("The IP address, the username tried and the time of each sign-in to the admin."),
        purpose=_("Locking out someone who guesses passwords."),
        legal_basis=_("Legitimate interest of the controller in keeping the service secure (GDPR 6(1)(f))."),
        readers=_("The site's administrators."),
        retention=lambda: _days(settings.KOONTO_LOCKOUT_KEEP_DAYS),
        expire=expire_lockout,
    )
)

declare(
    Purpose(
        key="request_logs",
        order=30,
        title=_("Server logs"),
        data=_(
            "The IP address, time, address of the page and browser of each request. Form contents and e-mail "
            "addresses are never written to the logs."
        ),
        purpose=_("Finding errors and attacks."),
        legal_basis=_("Legitimate interest of the controller in keeping the service secure (GDPR 6(1)(f))."),
        readers=_("The site's administrators and its hosting provider."),
        retention=lambda: _days(settings.KOONTO_REQUEST_LOG_DAYS),
    )
)

declare(
    Purpose(
        key="published_contacts",
        order=35,
        title=_("Contact details published on the site"),
        data=_("The names, job titles and work contact details of the project's contact persons."),
        purpose=_("Letting associations contact the project."),
        legal_basis=_("Legitimate interest of the controller in informing about its project (GDPR 6(1)(f))."),
        readers=_("Everyone: they are published on the site."),
        retention=_("As long as the person works in the project; removed when the role ends."),
        model=ContactPerson,
        shown_fields=("name", "role", "email", "phone"),
        erasable=False,
    )
)

declare(
    Purpose(
        key="outbox",
        order=80,
        title=_("Outgoing e-mail"),
        data=_("The recipient's e-mail address and the message sent to them."),
        purpose=_("Sending the confirmations and notices that the forms on this site promise."),
        legal_basis=_("The same as that of the form the message belongs to."),
        readers=_("The site's administrators."),
        retention=lambda: (
            _("%(sent)s after the message was sent; a message that could not be delivered %(failed)s.")
            % {"sent": _days(settings.KOONTO_OUTBOX_KEEP_DAYS), "failed": _days(settings.KOONTO_OUTBOX_FAILED_KEEP_DAYS)}
        ),
        model=OutboxMessage,
        email_field="to",
        shown_fields=("to", "subject", "body", "created_at", "status", "sent_at"),
        expire=expire_outbox,
    )
)

declare(
    Purpose(
        key="backups",
        order=90,
        title=_("Backups"),
        data=_("A copy of the site's database and files, including the data above."),
        purpose=_("Restoring the site after a fault."),
        legal_basis=_("Legitimate interest of the controller in keeping the service running (GDPR 6(1)(f))."),
        readers=_("The site's administrators."),
        retention=lambda: (
            _(
                "Data deleted from the site stays in the backups for at most %(days)s, until the last backup "
                "that holds it is deleted."
            )
            % {"days": _days(settings.KOONTO_BACKUP_KEEP_DAYS)}
        ),
    )
)
