"""Advice requests ("Hankeneuvonta"): an association asks Koonto for advice on a project idea.

The public form is a page type (`AdviceRequestPage`): editors place it in each language tree and
write its introduction; the request itself (`AdviceRequest`) is personal data, declared in
advice/data_protection.py, read only by those with the model's permissions (Viestintä,
editorial/rules.py) in the admin inbox (advice/wagtail_hooks.py). It is never a snippet and never
indexed, so a submission neither empties the page cache nor reaches search or the API.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from koonto.models import ListingMixin
from koonto.normalise import NormalisedSearchMixin
from koonto.permissions import EditorialPermissionsMixin
from koonto.preview_modes import HeadlessPreviewModeMixin
from koonto.visibility import ViewRestrictionsMixin

DESCRIPTION_MAX_LENGTH = 2000


class AdviceRequestPage(
    ViewRestrictionsMixin, EditorialPermissionsMixin, HeadlessPreviewModeMixin, NormalisedSearchMixin, ListingMixin, Page
):
    """The public form where an association asks for advice on its project idea (advice/views.py)."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What advice Koonto gives and what happens after the form is sent."),
    )

    search_fields = [
        *Page.search_fields,
        *ListingMixin.listing_search_fields,
        index.SearchField("intro"),
        *NormalisedSearchMixin.normalised_search_fields,
    ]

    content_panels = [*Page.content_panels, *ListingMixin.listing_panels, FieldPanel("intro")]

    api_fields = [*ListingMixin.listing_api_fields, "intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    # The thank-you view after a successful submission (advice.views): the page cache keys on it,
    # though this page is never stored (its form carries a CSRF and a time token).
    query_parameters = frozenset(["sent"])

    class Meta:
        verbose_name = _("advice request form")

    def serve(self, request, *args, **kwargs):
        from advice.views import serve_form  # the view renders this page with its form

        return serve_form(self, request, *args, **kwargs)


class AdviceRequest(models.Model):
    """One association's request for advice: personal data (advice/data_protection.py)."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    class ContactMethod(models.TextChoices):
        EMAIL = "email", _("e-mail")
        PHONE = "phone", _("phone")
        VIDEO = "video", _("video meeting")

    association = models.CharField(_("association"), max_length=200)
    contact_person = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    municipality = models.ForeignKey(
        "koonto.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("project idea"), max_length=DESCRIPTION_MAX_LENGTH)
    contact_method = models.CharField(_("preferred contact method"), max_length=10, choices=ContactMethod.choices)
    language = models.CharField(_("language"), max_length=10, default="fi")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    done_at = models.DateTimeField(_("marked done"), null=True, blank=True, db_index=True)

    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("association", read_only=True),
                FieldPanel("contact_person", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("municipality", read_only=True),
                FieldPanel("contact_method", read_only=True),
                FieldPanel("description", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading=_("Request"),
        ),
    ]

    class Meta:
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # The audit log keeps this label after the request is deleted: no personal data in it.
        return _("Advice request %(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        """The retention period runs from the moment the request was marked done."""
        if self.status == self.Status.DONE and self.done_at is None:
            self.done_at = timezone.now()
        elif self.status != self.Status.DONE:
            self.done_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "done_at"}
        super().save(*args, **kwargs)


def retention_days() -> int:
    return settings.KOONTO_ADVICE_RETENTION_DAYS
