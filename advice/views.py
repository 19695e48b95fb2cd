"""The advice request form on its page: refusals with clear messages, then one transaction.

The page with its form is never stored by the anonymous page cache or any other cache: it carries
a CSRF token and a time token (personal_data.protection), so it is sent `private, no-store`.
"""

import logging

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from advice.data_protection import PURPOSE, retention_text
from advice.forms import AdviceRequestForm
from advice.models import AdviceRequest
from koonto.origin import admin_url
from personal_data import outbox
from personal_data.protection import rate_limit_message, rate_limited_by_address, rate_limited_by_email, too_large
from personal_data.rights import rights_url

logger = logging.getLogger("koonto.advice")


def serve_form(page, request, *args, **kwargs):
    form = AdviceRequestForm()
    refusal = ""
    status = 200
    if request.method == "POST":
        if too_large(request):
            refusal, status = _("The form is too large to be sent. Shorten the description and send it again."), 413
        elif rate_limited_by_address(request, AdviceRequestForm.form_name):
            refusal, status = rate_limit_message(), 429
        else:
            form = AdviceRequestForm(request.POST)
            if not form.is_valid():
                status = 400
            elif rate_limited_by_email(form.cleaned_data["email"], form.form_name):
                refusal, status = rate_limit_message(), 429
            else:
                record = save_request(form.cleaned_data, translation.get_language())
                logger.info("Advice request %s received", record.pk)
                return HttpResponseRedirect(f"{page.url}?sent=1", status=303)
        if status == 400:
            logger.info("Advice form refused: %s", ", ".join(sorted(form.errors)))
        else:
            logger.warning("Advice form refused with status %s", status)
        if refusal:
            # The answers stay in the form (nothing lost); only the refusal is shown.
            form = AdviceRequestForm(initial={k: v for k, v in request.POST.items() if k in AdviceRequestForm.base_fields})
    context = page.get_context(request, *args, **kwargs)
    context.update(
        form=form,
        refusal=refusal,
        time_token=form.fresh_time_token(),
        sent=request.method == "GET" and request.GET.get("sent") == "1",
        retention=retention_text(),
    )
    response = TemplateResponse(request, page.get_template(request, *args, **kwargs), context, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


@transaction.atomic
def save_request(data: dict, language: str) -> AdviceRequest:
    """The request and both mails exist together or not at all."""
    record = AdviceRequest.objects.create(
        association=data["association"],
        contact_person=data["contact_person"],
        email=data["email"],
        phone=data.get("phone", ""),
        municipality=data["municipality"],
        description=data["description"],
        contact_method=data["contact_method"],
        language=language or "fi",
    )
    with translation.override(record.language):
        outbox.enqueue(
            record.email,
            _("We received your request for advice"),
            acknowledgement(record),
            PURPOSE,
        )
    for email, staff_language in staff_recipients():
        with translation.override(staff_language):
            subject = _("New advice request from %(association)s") % {"association": record.association}
            outbox.enqueue(email, subject, staff_notice(record), PURPOSE)
    return record


def staff_recipients() -> list[tuple[str, str]]:
    """Who answers advice requests: active users with the permission to handle them (Viestintä),
    in the admin language each has chosen."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.with_perm(
        "advice.change_advicerequest", include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    recipients = []
    for user in users.filter(is_active=True).exclude(email="").select_related("wagtail_userprofile"):
        profile = getattr(user, "wagtail_userprofile", None)
        recipients.append((user.email, (profile and profile.preferred_language) or "fi"))
    return recipients


def acknowledgement(record: AdviceRequest) -> str:
    method = record.get_contact_method_display()
    lines = [
        _("Hello %(name)s,") % {"name": record.contact_person},
        "",
        _("Thank you for your request for advice on the project idea of %(association)s. We will contact you by %(method)s.")
        % {"association": record.association, "method": method},
        "",
        _("You can see, correct or delete the data you sent at this address:"),
        rights_url(PURPOSE, record.pk, record.language),
        _("The link works for %(days)d days. After that, contact the person named in the privacy notice.")
        % {"days": _link_days()},
        "",
        _("We keep your request for %(retention)s") % {"retention": retention_text()},
        "",
        _("Koonto project"),
    ]
    return "\n".join(lines)


def staff_notice(record: AdviceRequest) -> str:
    """The team's mail names the association and the inbox, not the person's contact details."""
    with translation.override("fi"):
        inbox = admin_url(reverse("advice_request:edit", args=[record.pk]))
    return "\n".join(
        [
            _("A new advice request has arrived from %(association)s (%(municipality)s).")
            % {"association": record.association, "municipality": record.municipality},
            "",
            _("Open it in the admin:"),
            inbox,
        ]
    )


def _link_days() -> int:
    from django.conf import settings

    return settings.KOONTO_RIGHTS_LINK_DAYS
