"""Blocks only funding guides use: numbered steps, checklists, questions and answers, videos, tables.

The shared body vocabulary (koonto.blocks.BodyBlock) is what every page type writes with;
GuideBodyBlock adds these to it.
"""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from koonto.blocks import BodyBlock


def _is_blank_rich_text(value) -> bool:
    """True for None, "" and editor leftovers such as "<p></p>" or "<p><br/></p>"."""
    if value is None:
        return True
    return not strip_tags(str(getattr(value, "source", value))).strip()


class StepValue(blocks.StructValue):
    @property
    def link(self) -> dict | None:
        """The step's link as {url, text}, or None when the step has none."""
        if self.get("link_url") and self.get("link_text"):
            return {"url": self["link_url"], "text": self["link_text"]}
        return None


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "document-link", "ul", "ol"])
    link_url = blocks.URLBlock(label=_("link address"), required=False, default="")
    link_text = blocks.CharBlock(
        label=_("link text"),
        required=False,
        default="",
        max_length=200,
        help_text=_("Say where the link goes, e.g. Open the EURA 2021 service."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        value_class = StepValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if _is_blank_rich_text(value.get("text")):
            errors["text"] = ValidationError(_("A step needs some text."))
        if value.get("link_text") and not value.get("link_url"):
            errors["link_url"] = ValidationError(_("Give the address the link text points to, or remove the link text."))
        if value.get("link_url") and not value.get("link_text"):
            errors["link_text"] = ValidationError(_("Give the link a text that says where it goes."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title"),
            "text_html": self.child_blocks["text"].get_api_representation(value.get("text"), context=context),
            "link": value.link,
        }


class StepsBlock(blocks.ListBlock):
    """Numbered steps, rendered as an ordered list."""

    def __init__(self, child_block=None, **kwargs):
        super().__init__(child_block or StepBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "blocks/steps_block.html"
        min_num = 1
        preview_value = [
            {"title": "Tee hankeidea", "text": "<p>Kirjaa hankkeen tavoite ja kohderyhmä.</p>"},
            {
                "title": "Hae EURA 2021 -järjestelmässä",
                "text": "<p>Täytä hakemus ja liitä budjetti.</p>",
                "link_url": "https://www.eura2021.fi/",
                "link_text": "Avaa EURA 2021",
            },
        ]

    def get_api_representation(self, value, context=None):
        return [self.child_block.get_api_representation(step, context=context) for step in value]


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, default="", max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item"), max_length=300), label=_("items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "blocks/checklist_block.html"
        preview_value = {
            "title": "Ennen kuin haet",
            "items": ["Hankesuunnitelma on valmis", "Budjetti on laskettu", "Kumppanit ovat sitoutuneet"],
        }

    def clean(self, value):
        value = super().clean(value)
        if not [item for item in value.get("items") or [] if item and item.strip()]:
            raise StructBlockValidationError(block_errors={"items": ValidationError(_("A checklist needs at least one item."))})
        return value

    def get_api_representation(self, value, context=None):
        return {"title": value.get("title") or "", "items": [item for item in value.get("items") or [] if item]}


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "document-link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Question and answer")

    def clean(self, value):
        value = super().clean(value)
        if _is_blank_rich_text(value.get("answer")):
            raise StructBlockValidationError(block_errors={"answer": ValidationError(_("A question needs an answer."))})
        return value

    def get_api_representation(self, value, context=None):
        return {
            "question": value.get("question"),
            "answer_html": self.child_blocks["answer"].get_api_representation(value.get("answer"), context=context),
        }


class FAQBlock(blocks.ListBlock):
    """Questions and answers as <details>, marked up as a schema.org FAQPage with microdata.

    Microdata rather than a JSON-LD <script>: the public site runs a Content-Security-Policy
    that allows no inline script.
    """

    def __init__(self, child_block=None, **kwargs):
        super().__init__(child_block or FAQItemBlock(), **kwargs)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "blocks/faq_block.html"
        min_num = 1
        preview_value = [
            {"question": "Kuka voi hakea?", "answer": "<p>Rekisteröidyt yhdistykset, kunnat ja yritykset.</p>"},
            {"question": "Paljonko tukea voi saada?", "answer": "<p>Tuki on enintään 80 % kustannuksista.</p>"},
        ]

    def get_api_representation(self, value, context=None):
        return [self.child_block.get_api_representation(item, context=context) for item in value]


YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


class VideoSource(NamedTuple):
    provider: str  # "youtube" or "vimeo"
    video_id: str
    embed_url: str
    unlisted_hash: str = ""  # Vimeo's key for unlisted videos


def parse_video_url(url: str) -> VideoSource | None:
    """The video behind a YouTube or Vimeo address, with its privacy-enhanced player address.

    YouTube plays from youtube-nocookie.com and Vimeo with dnt=1, so that neither sets tracking
    cookies once the visitor has chosen to load the video. Other hosts give None.
    """
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        if host == "youtu.be":
            video_id = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
        else:
            video_id = ""
        if YOUTUBE_ID.match(video_id):
            return VideoSource("youtube", video_id, f"https://www.youtube-nocookie.com/embed/{video_id}")
        return None
    if host in VIMEO_HOSTS:
        if host == "player.vimeo.com":
            segments = segments[1:] if segments[:1] == ["video"] else []
            unlisted_hash = (parse_qs(parts.query).get("h") or [""])[0]
        else:
            # vimeo.com/123, vimeo.com/123/abcdef (unlisted), vimeo.com/channels/name/123
            digits = [i for i, segment in enumerate(segments) if segment.isdigit()]
            segments = segments[digits[0] :] if digits else []
            unlisted_hash = segments[1] if len(segments) > 1 and segments[1].isalnum() else ""
        if segments and segments[0].isdigit():
            query = {"dnt": "1", **({"h": unlisted_hash} if unlisted_hash else {})}
            embed_url = f"https://player.vimeo.com/video/{segments[0]}?{urlencode(query)}"
            return VideoSource("vimeo", segments[0], embed_url, unlisted_hash)
    return None


VIDEO_PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


class VideoEmbedValue(blocks.StructValue):
    @cached_property
    def source(self) -> VideoSource | None:
        return parse_video_url(self.get("url") or "")

    @property
    def provider(self) -> str:
        return self.source.provider if self.source else ""

    @property
    def provider_name(self) -> str:
        return VIDEO_PROVIDER_NAMES.get(self.provider, "")

    @property
    def video_id(self) -> str:
        return self.source.video_id if self.source else ""

    @property
    def embed_url(self) -> str:
        return self.source.embed_url if self.source else ""

    @property
    def unlisted_hash(self) -> str:
        return self.source.unlisted_hash if self.source else ""


class VideoEmbedBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads nothing from the provider until the visitor asks.

    The page shows a placeholder with a button and a plain link to the video;
    koonto/js/embed.js swaps in the privacy-enhanced player only after a click.
    """

    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_("The address of a YouTube or Vimeo video, e.g. https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(
        label=_("title"), max_length=200, help_text=_("What the video is about; read out by screen readers.")
    )
    transcript = blocks.TextBlock(
        label=_("transcript or description"),
        required=False,
        default="",
        help_text=_("What is said and shown in the video, for those who cannot watch it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_embed_block.html"
        value_class = VideoEmbedValue
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Näin täytät hakemuksen",
            "transcript": "Video näyttää hakemuksen vaiheet.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not parse_video_url(value["url"]):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "Use the address of a YouTube or Vimeo video, e.g. https://www.youtube.com/watch?v=… "
                            "Videos from other sites cannot be shown, because they could not be loaded without tracking."
                        )
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "provider": value.provider,
            "video_id": value.video_id,
            "url": value.get("url"),
            "embed_url": value.embed_url,
            "title": value.get("title"),
            "transcript": value.get("transcript") or "",
        }


class TableValue(blocks.StructValue):
    @property
    def body_rows(self) -> list[dict]:
        """Each row as {header, cells}: the first cell is the row's header when the table says so."""
        rows = []
        for row in self.get("rows") or []:
            cells = list(row)
            if self.get("first_column_is_header") and cells:
                rows.append({"header": cells[0], "cells": cells[1:]})
            else:
                rows.append({"header": None, "cells": cells})
        return rows


class TableBlock(blocks.StructBlock):
    """A data table with a caption and column headings.

    Built from text blocks rather than wagtail.contrib's TableBlock or TypedTableBlock: the
    wagtail-localize version in use ignores those, so their cells would never reach translators.
    """

    caption = blocks.CharBlock(label=_("caption"), max_length=300, help_text=_("What the table shows; read before the table."))
    columns = blocks.ListBlock(
        blocks.CharBlock(label=_("column heading"), max_length=200),
        label=_("column headings"),
        min_num=1,
        collapsed=True,
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("cell"), required=False, default="", max_length=500), label=_("row")),
        label=_("rows"),
        min_num=1,
        help_text=_("Each row has one cell per column, in the same order as the headings."),
    )
    first_column_is_header = blocks.BooleanBlock(label=_("first column holds row headings"), required=False, default=False)

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        value_class = TableValue
        preview_value = {
            "caption": "Tuki hanketyypeittäin",
            "columns": ["Hanketyyppi", "Tuki"],
            "rows": [["Kehittämishanke", "80 %"], ["Investointihanke", "50 %"]],
            "first_column_is_header": True,
        }

    def clean(self, value):
        value = super().clean(value)
        column_count = len(value.get("columns") or [])
        for number, row in enumerate(value.get("rows") or [], start=1):
            if len(row) != column_count:
                raise StructBlockValidationError(
                    block_errors={
                        "rows": ValidationError(
                            _("Row %(row)d has %(cells)d cells, but the table has %(columns)d columns.")
                            % {"row": number, "cells": len(row), "columns": column_count}
                        )
                    }
                )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "caption": value.get("caption"),
            "columns": list(value.get("columns") or []),
            "rows": [list(row) for row in value.get("rows") or []],
            "first_column_is_header": bool(value.get("first_column_is_header")),
        }


class GuideBodyBlock(BodyBlock):
    """The shared body plus the blocks funding guides need."""

    steps = StepsBlock()
    checklist = ChecklistBlock()
    faq = FAQBlock()
    video = VideoEmbedBlock()
    table = TableBlock()

    class Meta:
        label = _("Body")
