"""The Finnish demo content, read from the TOML files in demo/content/ into what `load_demo` builds.

The files hold every fact of the demo site; this module only checks their shape and turns them into
model field values. `home.toml` is the home page and lists the home's sections (one file each, in
menu order); a section file has a `[page]` and, for an index page, its `[[children]]`. `site.toml`
holds the snippets, the site texts (the footer's programme, implementers and contacts) and the site
settings. A page's keys are the model's own fields, plus `type` (the
page model), `tags`, and keys that point at other objects (organisations by name, themes by slug,
municipalities by Statistics Finland code, pages by their slug path from the home), which the loader
resolves. Rich text is Wagtail's stored HTML. A StreamField is a list of blocks, each with `type`, a
fixed `id` and either `value` (a plain block) or the fields of a structured block: the id never
changes, so the English catalogue's contexts (`body.<id>`, as wagtail-localize names a segment) stay
valid when blocks are added or moved. Inline objects with text (a showcase's operating models) have a
fixed `id` too, which becomes their translation key. The marker `[[today]]` stands for the date of
the first load: in text it is written d.m.yyyy, in a date field it is that date.

TOML comes from the standard library (tomllib) and, unlike Python, can be edited by someone who does
not program; unlike JSON it allows comments and long text on several lines.
"""

import tomllib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from wagtail.blocks import StructBlock
from wagtail.fields import StreamField

from advice.models import AdviceRequestPage
from events.models import EventIndexPage, EventPage
from guides.models import FundingCallPage, GuideIndexPage, GuidePage
from home.models import HomePage, StandardPage
from koonto.models import ContactPerson, Organisation, ProjectDescription, SiteTexts, Theme
from showcase.models import ShowcaseIndexPage, ShowcasePage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
TODAY = "[[today]]"

PAGE_TYPES = {
    model.__name__: model
    for model in (
        HomePage,
        StandardPage,
        GuideIndexPage,
        GuidePage,
        FundingCallPage,
        ShowcaseIndexPage,
        ShowcasePage,
        EventIndexPage,
        EventPage,
        AdviceRequestPage,
    )
}
# Child objects written out in full under their page, with the text translators translate.
INLINE_CHILDREN = {"operating_models"}


class ContentError(ValueError):
    """The demo data is not what the loader can build: the message names the file and the key."""


@dataclass
class ObjectData:
    """One Finnish object of the demo: its model, field values and what the loader resolves."""

    model: type[models.Model]
    source: str  # the data file, relative to the content folder
    label: str  # how the English catalogue names the object for translators
    fields: dict  # model field values (StreamFields as Wagtail's raw JSON, with block ids)
    extra: dict = field(default_factory=dict)  # keys that point at other objects or are computed at load time
    inline: dict[str, list[dict]] = field(default_factory=dict)  # inline children with text, by relation name
    tags: list[str] = field(default_factory=list)

    def inline_objects(self) -> dict[str, list[models.Model]]:
        """The inline children as unsaved model instances, by relation name; a child's data id is its translation key."""
        objects = {}
        for name, items in self.inline.items():
            child_model = self.model._meta.get_field(name).related_model
            objects[name] = [
                child_model(translation_key=item["id"], **{key: value for key, value in item.items() if key != "id"})
                for item in items
            ]
        return objects


@dataclass
class PageData(ObjectData):
    path: str = ""  # slugs from the home down ("" for the home): how the data refers to the page
    children: list["PageData"] = field(default_factory=list)


@dataclass
class Content:
    directory: Path
    organisations: list[ObjectData]
    contacts: list[ObjectData]
    themes: list[ObjectData]
    project_description: ObjectData
    site_texts: ObjectData  # the footer's texts (programme, implementers, contacts by name), in Finnish
    settings: dict
    home: PageData
    # Pictures by key: {"file": "images/x.jpg", "title": ..., "description": ...} (the description is the
    # image's own alt text, in Finnish; pages give their alt text per language in listing_image_alt).
    images: dict[str, dict] = field(default_factory=dict)

    def snippets(self) -> list[ObjectData]:
        return [*self.organisations, *self.contacts, *self.themes, self.project_description, self.site_texts]

    def pages(self) -> list[PageData]:
        """Every page, the home first and each parent before its children, in the order they are created."""
        pages = []

        def visit(page: PageData) -> None:
            pages.append(page)
            for child in page.children:
                visit(child)

        visit(self.home)
        return pages

    def tags(self) -> list[str]:
        """The pages' tags, each once, in the order they first appear."""
        return list(dict.fromkeys(tag for page in self.pages() for tag in page.tags))

    def texts(self) -> list[str]:
        """Every text value of the data (not block ids or types): the demo's Finnish words, for search tools."""
        texts: list[str] = []

        def collect(value) -> None:
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, dict):
                for key, item in value.items():
                    if key not in ("id", "type"):
                        collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)

        for obj in [*self.snippets(), *self.pages()]:
            collect([obj.fields, obj.extra, obj.inline, obj.tags])
        collect(self.settings)
        return texts


def load(directory: Path = CONTENT_DIR) -> Content:
    directory = Path(directory)
    site = read(directory, "site.toml")
    home_file = read(directory, "home.toml")
    home = page_data(required(home_file, "page", "home.toml"), "home.toml", parent_path=None, key="page")
    for section in required(home_file, "sections", "home.toml"):
        name = f"{section}.toml"
        section_file = read(directory, name)
        page = page_data(required(section_file, "page", name), name, parent_path="", key="page")
        page.children = [
            page_data(child, name, parent_path=page.path, key=f"children[{index}]")
            for index, child in enumerate(section_file.get("children", []))
        ]
        home.children.append(page)
    content = Content(
        directory=directory,
        organisations=[
            snippet(Organisation, data, "organisation", "name", ("municipality",)) for data in site.get("organisations", [])
        ],
        contacts=[snippet(ContactPerson, data, "contact", "name", ("organisation",)) for data in site.get("contacts", [])],
        themes=[snippet(Theme, data, "theme", "slug") for data in site.get("themes", [])],
        project_description=snippet(
            ProjectDescription, required(site, "project_description", "site.toml"), "project description", "title"
        ),
        site_texts=snippet(
            SiteTexts, required(site, "site_texts", "site.toml"), "site texts", "programme_name", ("footer_contacts",)
        ),
        settings=required(site, "settings", "site.toml"),
        home=home,
        images={key: image(directory, key, data) for key, data in site.get("images", {}).items()},
    )
    check_ids(content)
    return content


def image(directory: Path, key: str, data: dict) -> dict:
    where = f"site.toml: images.{key}"
    for name in ("file", "title", "description"):
        required(data, name, where)
    if not (directory / data["file"]).is_file():
        raise ContentError(f"{where}: {data['file']} is missing")
    return data


def read(directory: Path, name: str) -> dict:
    try:
        with (directory / name).open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError as error:
        raise ContentError(f"{directory / name}: missing") from error
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{directory / name}: {error}") from error


def required(data: dict, key: str, where: str):
    if key not in data:
        raise ContentError(f"{where}: '{key}' is missing")
    return data[key]


def snippet(model, data: dict, kind: str, natural_key: str, relations: tuple[str, ...] = ()) -> ObjectData:
    where = f"site.toml: {kind} {data.get(natural_key)!r}"
    required(data, natural_key, where)
    fields, extra = {}, {}
    for key, value in data.items():
        if key in relations:
            extra[key] = value
        elif isinstance(found := model_field(model, key, where), StreamField):
            fields[key] = stream(found, value, f"{where}.{key}")
        else:
            fields[key] = value
    return ObjectData(model=model, source="site.toml", label=f"{kind} {data[natural_key]}", fields=fields, extra=extra)


def page_data(data: dict, source: str, parent_path: str | None, key: str) -> PageData:
    where = f"{source}: {key}"
    model = PAGE_TYPES.get(required(data, "type", where))
    if model is None:
        raise ContentError(f"{where}: unknown page type {data['type']!r} (one of {', '.join(PAGE_TYPES)})")
    slug = required(data, "slug", where)
    path = "" if parent_path is None else f"{parent_path}/{slug}".lstrip("/")
    page = PageData(model=model, source=source, label=f"page /{path}", fields={}, path=path)
    for name, value in data.items():
        if name in ("type", "children"):
            continue
        if name == "tags":
            page.tags = list(value)
        elif name in INLINE_CHILDREN:
            page.inline[name] = [with_id(item, f"{where}.{name}") for item in value]
        else:
            model_field_or_none = model_field(model, name, where, missing_ok=True)
            if model_field_or_none is None or model_field_or_none.is_relation:
                page.extra[name] = value
            elif isinstance(model_field_or_none, StreamField):
                page.fields[name] = stream(model_field_or_none, value, f"{where}.{name}")
            elif isinstance(value, datetime) and timezone.is_naive(value):
                # Written without a zone: the site's TIME_ZONE (Europe/Helsinki).
                page.fields[name] = timezone.make_aware(value, timezone.get_default_timezone())
            else:
                page.fields[name] = value
    return page


def model_field(model, name: str, where: str, missing_ok: bool = False):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        if missing_ok:
            return None
        raise ContentError(f"{where}: {model.__name__} has no field '{name}'") from None


def with_id(item: dict, where: str) -> dict:
    if "id" not in item:
        raise ContentError(f"{where}: every item needs a fixed 'id' (a new one: python -c 'import uuid; print(uuid.uuid4())')")
    try:
        uuid.UUID(item["id"])
    except (TypeError, ValueError):
        raise ContentError(f"{where}: id {item['id']!r} is not a UUID") from None
    return item


def stream(stream_field: StreamField, blocks: list[dict], where: str) -> list[dict]:
    """Blocks as written in the data -> Wagtail's raw StreamField JSON, block ids kept."""
    child_blocks = stream_field.stream_block.child_blocks
    raw = []
    for index, block in enumerate(blocks):
        block_where = f"{where}[{index}]"
        with_id(block, block_where)
        block_type = child_blocks.get(required(block, "type", block_where))
        if block_type is None:
            raise ContentError(f"{block_where}: unknown block type {block['type']!r} (one of {', '.join(child_blocks)})")
        rest = {key: value for key, value in block.items() if key not in ("type", "id")}
        if isinstance(block_type, StructBlock):
            unknown = set(rest) - set(block_type.child_blocks)
            if unknown:
                raise ContentError(f"{block_where}: {block['type']} has no field {', '.join(sorted(unknown))}")
            value = rest
        else:
            if set(rest) != {"value"}:
                raise ContentError(f"{block_where}: a {block['type']} block has only 'value'")
            value = rest["value"]
        raw.append({"type": block["type"], "value": value, "id": block["id"]})
    return raw


def check_ids(content: Content) -> None:
    """Block and inline ids are unique across the demo: each names one translated place."""
    seen: dict[str, str] = {}
    for page in content.pages():
        ids = [item["id"] for items in page.inline.values() for item in items]
        ids += [block["id"] for value in page.fields.values() if isinstance(value, list) for block in value]
        for item_id in ids:
            if item_id in seen:
                raise ContentError(f"{page.source}: id {item_id} is used twice ({seen[item_id]} and {page.label})")
            seen[item_id] = page.label
