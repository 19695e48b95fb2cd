"""Shared models: snippets every section uses, site settings and the page mixins.

Feature apps (guides, showcase, events, home) import from here; nothing here imports
from them.
"""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from koonto.api_fields import ImageRenditionsField
from koonto.visibility import snippet_for_reader


class PublicSnippetMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Drafts, revisions, locking and the review workflow for snippets the public sees.

    Organisations, contact persons and the project description appear on public pages, so a
    change to them is reviewed like a page (communications approves).
    """

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions


BUSINESS_ID_RE = re.compile(r"^\d{7}-\d$")
_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def validate_business_id(value: str) -> None:
    """Check a Finnish business ID (Y-tunnus), format 1234567-8, including its check digit."""
    if not BUSINESS_ID_RE.match(value):
        raise ValidationError(_("Enter a business ID in the form 1234567-8."), code="invalid_business_id")
    digits, check = value.split("-")
    remainder = sum(int(d) * w for d, w in zip(digits, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    expected = 0 if remainder == 0 else 11 - remainder
    if remainder == 1 or expected != int(check):
        raise ValidationError(_("The check digit of this business ID is wrong."), code="invalid_business_id")


class Municipality(models.Model):
    """A Finnish municipality, keyed by its Statistics Finland code.

    Not translatable: one row serves every language. Names of municipalities are proper
    nouns; Swedish has its own name for some, English uses the Finnish one.
    """

    code = models.CharField(
        _("Statistics Finland code"),
        max_length=3,
        unique=True,
        help_text=_("Three-digit municipality code, e.g. 297 for Kuopio."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100, help_text=_("Shown on Finnish and English pages."))
    name_sv = models.CharField(
        _("name in Swedish"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty where the Swedish name is the same as the Finnish one."),
    )
    in_pohjois_savo = models.BooleanField(
        _("in Pohjois-Savo"),
        default=False,
        help_text=_("Koonto's own region; other municipalities appear in earlier projects."),
    )

    panels = [FieldPanel("code"), FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("in_pohjois_savo")]

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if not re.fullmatch(r"\d{3}", self.code or ""):
            raise ValidationError({"code": _("The code has exactly three digits.")})

    @property
    def name(self) -> str:
        """The municipality's name in the active language."""
        if (get_language() or "fi").startswith("sv") and self.name_sv:
            return self.name_sv
        return self.name_fi


class Organisation(PublicSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    """An association, foundation or other body that runs or supports projects."""

    class Type(models.TextChoices):
        ASSOCIATION = "association", _("Registered association")
        FOUNDATION = "foundation", _("Foundation")
        MUNICIPALITY = "municipality", _("Municipality or city")
        COOPERATIVE = "cooperative", _("Cooperative")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255, help_text=_("Official name, e.g. Pohjois-Savon Liikunta ry."))
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_(
            "The end of the organisation page's web address; made from the name when left empty. The same in every language."
        ),
    )
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Y-tunnus, e.g. 1234567-8. Shown on the organisation's page."),
    )
    organisation_type = models.CharField(
        _("type"),
        max_length=20,
        choices=Type.choices,
        default=Type.ASSOCIATION,
        help_text=_("Legal form, shown on the organisation's page."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("home municipality"),
        help_text=_("Where the organisation is based."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Address of the organisation's own site, linked from its page.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        help_text=_("Shown on the organisation's page; give the image a description (alt text)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True, help_text=_("A few sentences on what the organisation does."))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("business_id"),
        FieldPanel("organisation_type"),
        FieldPanel("municipality"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    # The page address stays the same in every language (wagtail-localize would translate a slug).
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_organisation_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = self.slug or slugify(self.name)
        clash = Organisation.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
            translation_key=self.translation_key
        )
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("Another organisation already has this address; choose another.")})

    def get_url(self) -> str:
        """The organisation's public page in the active language."""
        return reverse("organisation", args=(self.slug,))


class ContactPerson(PublicSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A person the public can contact; the role is prose and is translated."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("First name and surname, as shown on pages and in the footer.")
    )
    role = models.CharField(
        _("role"), max_length=255, blank=True, help_text=_("Job title as the public sees it, e.g. project manager.")
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        help_text=_("The employer named under the person's name."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Shown as a link; use a work address."))
    phone = models.CharField(_("phone"), max_length=40, blank=True, help_text=_("E.g. 050 541 5188."))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("email"), FieldPanel("phone")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name

    @cached_property
    def public_organisation(self) -> "Organisation | None":
        """The employer as the reader may see it (koonto.visibility): None if unpublished."""
        return snippet_for_reader(self.organisation) if self.organisation_id else None

    @property
    def phone_uri(self) -> str:
        """The phone number as a tel: URI, in international form for Finnish numbers."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        if digits.startswith("0"):
            digits = "+358" + digits[1:]
        return f"tel:{digits}"


class Theme(TranslatableMixin, models.Model):
    """A theme of projects (e.g. inclusion, employment): a controlled, translated vocabulary."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("The theme as readers see it on project pages, e.g. Osallisuus.")
    )
    slug = models.SlugField(
        _("slug"), max_length=100, allow_unicode=True, help_text=_("Short name for web addresses, e.g. osallisuus.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("What projects under this theme are about."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")]

    def __str__(self) -> str:
        return self.name


class ProjectDescription(PublicSnippetMixin, TranslatableMixin, models.Model):
    """The short description of the Koonto project, its aims and results, shown site-wide.

    Public text, so a change is reviewed like an organisation's.
    """

    title = models.CharField(_("title"), max_length=255, help_text=_("Heading of the description, e.g. Koonto-hanke."))
    text = RichTextField(
        _("text"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The project's aims and results in a few paragraphs."),
    )

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project description")
        verbose_name_plural = _("project descriptions")

    def __str__(self) -> str:
        return self.title


class TagTranslation(models.Model):
    """A tag's name in another language.

    Tags are written in Finnish on the source pages. A translation shows the English (or Swedish)
    names of its source's tags, taken from here; a tag with no name in that language is left off the
    translation rather than shown in Finnish (see koonto.localised_tags).
    """

    tag = models.ForeignKey(
        "taggit.Tag",
        verbose_name=_("tag"),
        on_delete=models.CASCADE,
        related_name="koonto_translations",
        help_text=_("The tag as it is written on Finnish pages."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language of this name."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("The tag in that language, as readers see it, e.g. funding."))

    panels = [FieldPanel("tag"), FieldPanel("locale"), FieldPanel("name")]

    class Meta:
        ordering = ["tag__name", "locale__language_code"]
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        constraints = [models.UniqueConstraint(fields=["tag", "locale"], name="unique_tag_translation_per_locale")]

    def __str__(self) -> str:
        return f"{self.tag.name} → {self.name} ({self.locale.language_code})"

    def clean(self):
        super().clean()
        self.name = (self.name or "").strip()
        if "," in self.name or '"' in self.name:
            raise ValidationError({"name": _("A tag name cannot contain commas or quotation marks.")})
        if self.locale_id and self.locale.language_code == settings.LANGUAGE_CODE:
            raise ValidationError({"locale": _("Tags are written in Finnish on the pages themselves; choose another language.")})


class SiteTexts(PublicSnippetMixin, TranslatableMixin, ClusterableModel):
    """The texts of every page's footer and EU notice in one language: the programme, the implementers
    and the contacts.

    Public text, so it is translated (wagtail-localize, one per language) and a change is reviewed like
    an organisation's. Wagtail's site settings have no language, drafts or review, so they keep only
    switches that are the same in every language (KoontoSettings). Pages read these texts through
    koonto.site_texts.public_site_texts(), never from the model.
    """

    programme_name = models.CharField(
        _("programme"),
        max_length=255,
        blank=True,
        default="Uudistuva ja osaava Suomi 2021–2027",
        help_text=_(
            "The EU programme named beside the EU emblem on the home page and in every footer, in this "
            "language, e.g. Innovation and Skills in Finland 2021–2027."
        ),
    )
    implementers = StreamField(
        [
            (
                "implementer",
                blocks.CharBlock(
                    label=_("Implementer"),
                    max_length=255,
                    help_text=_("E.g. Pohjois-Savon Liikunta ry – sub-project implementer."),
                ),
            )
        ],
        verbose_name=_("implementers"),
        blank=True,
        help_text=_("The organisations that carry out the project, one per line with their role; shown in every footer."),
    )

    panels = [
        FieldPanel("programme_name"),
        FieldPanel("implementers"),
        InlinePanel(
            "footer_contacts",
            label=_("Contacts in the footer"),
            help_text=_("The first contact also answers accessibility feedback. Shown in this language where translated."),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")
        constraints = [models.UniqueConstraint(fields=["locale"], name="one_site_texts_per_locale")]

    def __str__(self) -> str:
        if not self.locale_id:
            return str(_("Site texts"))
        return _("Site texts (%(language)s)") % {"language": self.locale.get_display_name()}

    def clean(self):
        super().clean()
        if self.locale_id and SiteTexts.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk).exists():
            raise ValidationError(_("This language already has its site texts; edit them instead of adding new ones."))

    @property
    def implementer_lines(self) -> list[str]:
        return [str(block.value).strip() for block in self.implementers if str(block.value).strip()]


class SiteTextsContact(Orderable):
    """A contact shown in every footer. The same people in every language (synchronised by
    wagtail-localize); each is shown in the reader's language where translated (koonto.visibility)."""

    texts = ParentalKey(
        SiteTexts,
        verbose_name=_("site texts"),
        related_name="footer_contacts",
        on_delete=models.CASCADE,
        help_text=_("The site texts this contact belongs to."),
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown in every page footer."),
    )

    panels = [FieldPanel("contact")]


@register_setting(icon="site")
class KoontoSettings(BaseSiteSetting):
    """Site-wide switches and links, the same in every language: the EU statement's variant, the
    project description, the required pages and social links.

    Texts the public reads (the programme, implementers, contacts) are per language in SiteTexts.
    The wording of the EU statement comes from the translation catalogues, so only the choice
    between "funded" and "co-funded" is stored here.
    """

    # Every page's footer links these: fetch them with the settings row.
    select_related = ["accessibility_page", "privacy_page", "project_description"]

    class EUStatement(models.TextChoices):
        FUNDED = "funded", _("Funded by the European Union")
        CO_FUNDED = "co_funded", _("Co-funded by the European Union")

    eu_statement = models.CharField(
        _("EU funding statement"),
        max_length=20,
        choices=EUStatement.choices,
        default=EUStatement.FUNDED,
        help_text=_("Shown with the EU emblem in every page footer."),
    )
    project_description = models.ForeignKey(
        ProjectDescription,
        verbose_name=_("project description"),
        help_text=_("The short description of the project shown site-wide."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page footer (in the reader's language where translated)."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page footer (in the reader's language where translated)."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True, help_text=_("Linked from every page footer."))
    instagram_url = models.URLField(_("Instagram"), blank=True, help_text=_("Linked from every page footer."))
    linkedin_url = models.URLField(_("LinkedIn"), blank=True, help_text=_("Linked from every page footer."))

    panels = [
        HelpPanel(
            content=_(
                "The programme, the implementers and the footer contacts are written in each language under "
                "Registers → Site texts, and reviewed like other public texts."
            )
        ),
        FieldPanel("eu_statement"),
        FieldPanel("project_description"),
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("privacy_page")], heading=_("Required pages")),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("linkedin_url")],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("Koonto settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("Facebook", self.facebook_url), ("Instagram", self.instagram_url), ("LinkedIn", self.linkedin_url)]
        return [(name, url) for name, url in links if url]


class ListingMixin(models.Model):
    """Fields a page shows when it is listed elsewhere: a summary and an image.

    Carries its own panels so that a page composes them once.
    """

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences shown under the title on the page and in listings and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown on the page, on its card in listings and when the page is shared. Wide images suit best; "
            "the crop keeps the image's focal point."
        ),
    )
    # The image's own description is written once, in Finnish; each translation of the page says
    # what the picture shows in its own language here.
    listing_image_alt = models.CharField(
        _("listing image alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the listing image shows, for people who cannot see it, in this page's language. "
            "Leave empty to use the image's own description."
        ),
    )

    listing_panels = [FieldPanel("summary"), FieldPanel("listing_image"), FieldPanel("listing_image_alt")]
    listing_search_fields = [index.SearchField("summary", boost=2)]
    listing_api_fields = [
        "summary",
        APIField("listing_image", serializer=ImageRenditionsField(alt_source="listing_image_alt")),
        "listing_image_alt",
    ]

    class Meta:
        abstract = True

    @property
    def listing_image_alt_text(self) -> str:
        """The listing image's alt text in this page's language, else the image's own description."""
        if self.listing_image_alt:
            return self.listing_image_alt
        return self.listing_image.default_alt_text if self.listing_image_id else ""
