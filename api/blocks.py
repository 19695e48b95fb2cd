"""The shared body (koonto.blocks.BodyBlock) for API v3, typed block by block and complete.

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

from django.http import HttpRequest
from ninja import Field, Schema
from wagtail.api.v3.schemas.generators.read import read_generator, streamfield_schema
from wagtail.fields import StreamField
from wagtail.rich_text import expand_db_html

from koonto.blocks import BodyBlock
from koonto.origin import absolute_url
from koonto.visibility import rule_for


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


def body_out(request: HttpRequest, body) -> list[dict]:
    """A BodyBlock stream as typed blocks; call it under the page's language."""
    shaped = []
    for block in body:
        value = block.value
        kind = block.block_type
        if kind == "heading":
            out = {"text": value.get("text") or "", "level": value.get("level") or "h2", "anchor": value.anchor}
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
        else:
            continue  # a block type this schema does not know yet is left out rather than sent untyped
        shaped.append({"type": kind, "id": block.id or "", "value": out})
    return shaped


# --- Wagtail's own v3 page schemas ---------------------------------------------------------------
#
# Wagtail types every StreamField as `list[Any]` and gives each block's own API representation.
# A field whose blocks are exactly the shared body (koonto.blocks.BodyBlock: standard pages,
# events, calls, showcases) gets the typed blocks above instead, in `/api/v3/pages/{id}/` and in
# the page of `/api/v3/koonto/page/`. Other bodies (a guide's, with steps, FAQs, tables) keep
# Wagtail's shape. Registered by ApiConfig.ready() before Wagtail builds its schemas (v3_rows).


def typed_body_schema(generator, field):
    if type(field.stream_block) is not BodyBlock:
        return streamfield_schema(generator, field)
    name = field.name

    def resolve(obj, context: dict):
        return body_out(context.get("request"), getattr(obj, name))

    return list[BodyBlockOut], [], staticmethod(resolve)


def install() -> None:
    read_generator.register_field_schema(StreamField, typed_body_schema)
