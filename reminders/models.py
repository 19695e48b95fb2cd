"""Funding-call reminders: a person asks by e-mail to be reminded of one call, or of every future call.

A subscription belongs to the call, not to one language's page: it is keyed on the call's
`translation_key`, and each reminder goes out in the subscriber's language (the call's page in that
language, else the Finnish one). It is personal data, declared in reminders/data_protection.py: it
waits unconfirmed until the person confirms from the mail (double opt-in, personal_data/optin.py),
and is deleted when its call closes (an "all future calls" subscription after
KOONTO_REMINDERS_ALL_CALLS_DAYS). Nothing here is a page or a snippet: a subscription never empties
the page cache, and never reaches search, the API or the feeds.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from guides.models import FundingCallPage


def language_choices() -> list[tuple[str, str]]:
    """The site's languages (KOONTO_LANGUAGES): Swedish appears when it is switched on."""
    return list(settings.LANGUAGES)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language of the reminders"), max_length=10, default="fi", choices=language_choices)
    # The call's translation_key; empty: every call that opens after the confirmation.
    call_key = models.UUIDField(_("funding call"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("funding call reminder")
        verbose_name_plural = _("funding call reminders")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # Shown on the confirmation and cancellation pages: the call, never the address.
        if self.call_key is None:
            return gettext("reminders of all future funding calls")
        call = self.call()
        title = call.title if call is not None else gettext("a funding call")
        return gettext("reminders of the funding call “%(title)s”") % {"title": title}

    def call(self, language: str | None = None) -> FundingCallPage | None:
        """The call's page in `language` (the active one when None), else in Finnish, else any."""
        if self.call_key is None:
            return None
        pages = {
            p.locale.language_code: p
            for p in FundingCallPage.objects.filter(translation_key=self.call_key).select_related("locale")
        }
        language = language or Locale.get_active().language_code
        return pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)

    @property
    def mail_language(self) -> str:
        """The subscriber's language if the site still offers it, else Finnish."""
        return self.language if self.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class SentReminder(models.Model):
    """That one reminder went out: the unique constraint makes each reminder go exactly once, even
    with two runners of the scheduled loop."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent")
    call_key = models.UUIDField()
    # "opens", or "closes-14": the moment of the call the reminder was for.
    moment = models.CharField(max_length=20)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "call_key", "moment"], name="reminders_sent_once")]

    def __str__(self) -> str:
        return f"{self.moment} #{self.pk}"
