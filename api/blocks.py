"""Page bodies (koonto.blocks.BodyBlock, guides.blocks.GuideBodyBlock) for API v3, typed block by
block and complete.

A client renders a body from one response: each block is `{"type", "id", "value"}`, a union
discriminated by `type` in the OpenAPI document; every block's rich text is under the key `html`
(links in the page's language: callers serialise under the page's language); image blocks carry
the alt text given where the image was placed (the page's language, translated with the page),
renditions with their sizes; document blocks the title, URL, file type and size (or null when the
document is in a restricted collection, koonto.visibility); headings the anchor id the HTML page
gives them (koonto.blocks.HeadingValue.anchor).
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Field, Schema
from wagtail.api.v3.schemas.generators.read import read_generator, streamfield_schema
from wagtail.fields import StreamField
from wagtail.rich_text import expand_db_html

from guides.blocks import GuideBodyBlock
from guides.models import table_of_contents
from koonto.blocks import BodyBlock
from koonto.origin import absolute_url
from koonto.visibility import rule_for
from showcase.models import KeyFigureBlock


class BlockRendition(Schema):
    url: str
    width: int
    height: int


class BlockImage(Schema):
    id: int
    alt: str = Field(description="What the image shows, as written where it was placed (in the page's language).")
    decorative: bool
    width: int = Field(description="The original's width in pixels.")
    height: int
    thumbnail: BlockRendition
    medium: BlockRendition
    large: BlockRendition


class BlockDocument(Schema):
    title: str = Field(description="The link text: the block's own, else the document's title.")
    url: str
    file_type: str = Field(description="The file's extension in lower case, e.g. pdf.")
    content_type: str
    file_size: int | None = Field(description="Size in bytes.")


class HeadingValue(Schema):
    text: str
    level: Literal["h2", "h3", "h4"]
    anchor: str = Field(description="The heading's id on the HTML page (for links to it and a table of contents).")


class ParagraphValue(Schema):
    html: str


class ImageValue(Schema):
    image: BlockImage | None
    caption: str
    credit: str


class DocumentValue(Schema):
    document: BlockDocument | None = Field(description="Null when the public may not see the document.")


class QuoteValue(Schema):
    text: str
    attribution: str


class CalloutValue(Schema):
    variant: Literal["info", "warning"]
    title: str
    html: str


class HeadingBlockOut(Schema):
    type: Literal["heading"]
    id: str
    value: HeadingValue


class ParagraphBlockOut(Schema):
    type: Literal["paragraph"]
    id: str
    value: ParagraphValue


class ImageBlockOut(Schema):
    type: Literal["image"]
    id: str
    value: ImageValue


class DocumentBlockOut(Schema):
    type: Literal["document"]
    id: str
    value: DocumentValue


class QuoteBlockOut(Schema):
    type: Literal["quote"]
    id: str
    value: QuoteValue


class CalloutBlockOut(Schema):
    type: Literal["callout"]
    id: str
    value: CalloutValue


BodyBlockOut = Annotated[
    HeadingBlockOut | ParagraphBlockOut | ImageBlockOut | DocumentBlockOut | QuoteBlockOut | CalloutBlockOut,
    Field(discriminator="type"),
]


# A guide's body (guides.blocks.GuideBodyBlock): the shared blocks and five of its own.


class StepLink(Schema):
    url: str
    text: str


class Step(Schema):
    title: str
    html: str
    link: StepLink | None


class StepsBlockOut(Schema):
    type: Literal["steps"]
    id: str
    value: list[Step]


class ChecklistValue(Schema):
    title: str
    items: list[str]


class ChecklistBlockOut(Schema):
    type: Literal["checklist"]
    id: str
    value: ChecklistValue


class Question(Schema):
    question: str
    html: str = Field(description="The answer.")


class FAQBlockOut(Schema):
    type: Literal["faq"]
    id: str
    value: list[Question]


class VideoValue(Schema):
    provider: str = Field(description="youtube or vimeo.")
    video_id: str
    url: str
    embed_url: str = Field(description="The privacy-enhanced player; load it only when the reader asks.")
    title: str
    transcript: str


class VideoBlockOut(Schema):
    type: Literal["video"]
    id: str
    value: VideoValue


class TableValue(Schema):
    caption: str | None
    columns: list[str]
    rows: list[list[str]]
    first_column_is_header: bool


class TableBlockOut(Schema):
    type: Literal["table"]
    id: str
    value: TableValue


GuideBodyBlockOut = Annotated[
    HeadingBlockOut
    | ParagraphBlockOut
    | ImageBlockOut
    | DocumentBlockOut
    | QuoteBlockOut
    | CalloutBlockOut
    | StepsBlockOut
    | ChecklistBlockOut
    | FAQBlockOut
    | VideoBlockOut
    | TableBlockOut,
    Field(discriminator="type"),
]


GUIDE_BLOCKS = frozenset(["steps", "checklist", "faq", "video", "table"])


# A showcase's key figures (showcase.models.KeyFigureBlock): Wagtail's own representation, typed.


class KeyFigureValue(Schema):
    value: str = Field(description="The figure, e.g. 120 or 80 %.")
    label: str = Field(description="What it counts.")


class KeyFigureBlockOut(Schema):
    type: Literal["figure"]
    id: str
    value: KeyFigureValue


def key_figures_out(stream) -> list[dict]:
    return [
        {
            "type": "figure",
            "id": block.id or "",
            "value": {"value": block.value.get("value") or "", "label": block.value.get("label") or ""},
        }
        for block in stream
        if block.block_type == "figure"
    ]


def rich_text(value) -> str:
    return expand_db_html(getattr(value, "source", value) or "")


def image(request: HttpRequest, block_value) -> dict | None:
    from api.v3 import image_out  # the renditions v3 gives every image

    picture = block_value.get("image")
    if picture is None:
        return None
    out = image_out(picture, block_value.alt)
    return {**out, "decorative": bool(getattr(picture, "decorative", False)), "width": picture.width, "height": picture.height}


def document(request: HttpRequest, block_value) -> dict | None:
    doc = block_value.get("document")
    if doc is None or not rule_for(request).document(doc):
        return None
    return {
        "title": block_value.link_title,
        "url": absolute_url(doc.url),
        "file_type": (doc.file_extension or "").lower(),
        "content_type": doc.content_type,
        "file_size": doc.get_file_size(),
    }


def guide_block(block, context: dict):
    """A guide block's own API representation, with its rich text under `html`."""
    value = block.block.get_api_representation(block.value, context)
    if block.block_type == "steps":
        return [{"title": s["title"] or "", "html": s["text_html"] or "", "link": s["link"]} for s in value]
    if block.block_type == "faq":
        return [{"question": q["question"] or "", "html": q["answer_html"] or ""} for q in value]
    return value


def body_out(request: HttpRequest, body) -> list[dict]:
    """A BodyBlock or GuideBodyBlock stream as typed blocks; call it under the page's language.

    A guide's headings get the ids of its table of contents (guides.models.table_of_contents:
    unique even when two headings have the same text), other pages' the heading's own anchor, as
    their HTML pages do.
    """
    anchors = {}
    if isinstance(body.stream_block, GuideBodyBlock):
        anchors = {id(block): anchor for block, anchor in table_of_contents(body)[1] if anchor}
    context = {"request": request}
    # Every image's renditions in one query, however many image blocks there are.
    images = [block.value.get("image") for block in body if block.block_type == "image" and block.value.get("image")]
    prefetch_related_objects(images, "renditions")
    shaped = []
    for block in body:
        value = block.value
        kind = block.block_type
        if kind == "heading":
            anchor = anchors.get(id(block), value.anchor)
            out = {"text": value.get("text") or "", "level": value.get("level") or "h2", "anchor": anchor}
        elif kind == "paragraph":
            out = {"html": rich_text(value)}
        elif kind == "image":
            out = {"image": image(request, value), "caption": value.get("caption") or "", "credit": value.get("credit") or ""}
        elif kind == "document":
            out = {"document": document(request, value)}
        elif kind == "quote":
            out = {"text": value.get("text") or "", "attribution": value.get("attribution") or ""}
        elif kind == "callout":
            text = rich_text(value.get("text"))
            out = {"variant": value.get("variant") or "info", "title": value.get("title") or "", "html": text}
        elif kind in GUIDE_BLOCKS:
            out = guide_block(block, context)
        else:
            continue  # a block type this schema does not know yet is left out rather than sent untyped
        shaped.append({"type": kind, "id": block.id or "", "value": out})
    return shaped


# --- Wagtail's own v3 page schemas ---------------------------------------------------------------
#
# Wagtail types every StreamField as `list[Any]` and gives each block's own API representation.
# A field whose blocks are exactly the shared body (koonto.blocks.BodyBlock: standard pages,
# events, calls, showcases) or a guide's (guides.blocks.GuideBodyBlock) gets the typed blocks above
# instead, in `/api/v3/pages/{id}/` and in the page of `/api/v3/koonto/page/`; a showcase's key
# figures get KeyFigureBlockOut. Any other StreamField keeps Wagtail's shape (untyped: the test
# tests/api/test_schema_types.py fails on it, so a new one gets its schema here). Registered by
# ApiConfig.ready() before Wagtail builds its schemas (v3_rows).


def typed_body_schema(generator, field):
    typed = {BodyBlock: BodyBlockOut, GuideBodyBlock: GuideBodyBlockOut}.get(type(field.stream_block))
    name = field.name
    if typed is None and is_key_figures(field.stream_block):

        def resolve_figures(obj, context: dict):
            return key_figures_out(getattr(obj, name))

        return list[KeyFigureBlockOut], [], staticmethod(resolve_figures)
    if typed is None:
        return streamfield_schema(generator, field)

    def resolve(obj, context: dict):
        return body_out(context.get("request"), getattr(obj, name))

    return list[typed], [], staticmethod(resolve)


def is_key_figures(stream_block) -> bool:
    children = list(stream_block.child_blocks.items())
    return len(children) == 1 and children[0][0] == "figure" and isinstance(children[0][1], KeyFigureBlock)


def install() -> None:
    read_generator.register_field_schema(StreamField, typed_body_schema)
