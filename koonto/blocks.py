"""The shared StreamField vocabulary: blocks most pages use in their body.

Display logic lives in StructValue subclasses so that templates stay dumb; validation
lives in clean(). Prose is in text blocks so that wagtail-localize sends it to translators.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from koonto.numbers import format_number
from koonto.visibility import rule_for


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        return slugify(self.get("text") or "", allow_unicode=True)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Use levels in order: the page title is the only heading 1."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        value_class = HeadingValue
        preview_value = {"text": "Mitä KAKE-hankkeet ovat?", "level": "h2"}


class CaptionedImageValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        image = self.get("image")
        return getattr(image, "contextual_alt_text", "") or "" if image else ""


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (ImageBlock), a visible caption and a credit line."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("credit"), required=False, max_length=200, help_text=_("Photographer or source, e.g. Kuva: Matti Meikäläinen.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        value_class = CaptionedImageValue


class DocumentValue(blocks.StructValue):
    @property
    def link_title(self) -> str:
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    @property
    def file_type(self) -> str:
        document = self.get("document")
        return (document.file_extension or "").upper() if document else ""

    @property
    def file_size(self) -> str:
        document = self.get("document")
        if not document:
            return ""
        size = document.get_file_size()
        return format_number(size, "bytes") if size else ""


class DocumentBlock(blocks.StructBlock):
    """A download link that tells the reader the file type and size before they click."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, help_text=_("Leave empty to use the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"
        value_class = DocumentValue

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A document in a restricted collection is not linked on a public page (koonto.visibility).
        context["shown"] = rule_for((parent_context or {}).get("request")).document(value.get("document"))
        return context

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        if not rule_for((context or {}).get("request")).document(value.get("document")):
            representation["document"] = None
        return representation


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("source"), required=False, help_text=_("Who said it, or where it was written."))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {"text": "SEURAAVA HAKU 15.1.2024", "attribution": "Koonto-hanke"}


class CalloutBlock(blocks.StructBlock):
    variant = blocks.ChoiceBlock(
        label=_("type"),
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "info-circle"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {"variant": "info", "title": "Huomio", "text": "<p>Hakuaika päättyy klo 16.15.</p>"}

    def clean(self, value):
        value = super().clean(value)
        text = value.get("text")
        if text is None or not str(getattr(text, "source", text)).strip():
            raise StructBlockValidationError(block_errors={"text": ValidationError(_("A callout needs some text."))})
        return value


class BodyBlock(blocks.StreamBlock):
    """The body vocabulary shared by standard pages, guides, calls, showcases and events."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()

    class Meta:
        label = _("Body")
