"""Serializer fields for API v2: what a headless client gets for Koonto's own field types.

Page types list these in `api_fields` (with `APIField(name, serializer=...)`). Each gives a small,
stable JSON shape: ISO 8601 times come from DRF (with the Europe/Helsinki offset), references to
snippets come out as nested objects with a public URL in the page's language.

Relations follow koonto.visibility: a related page, organisation, contact person or document the
public may not see comes out as null, and one the public may see comes in the language of the
page being serialised where translated (else in its source language, with its `locale`).
"""

from django.utils import translation
from rest_framework import serializers
from typing_extensions import TypedDict  # pydantic reads TypedDicts from here on Python < 3.12
from wagtail.images.api.fields import ImageRenditionField

from koonto.origin import absolute_url, page_url
from koonto.visibility import language_of, rule_for

# The sizes a client may choose from, WebP for size; each with its alt text.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x225|format-webp",
    "medium": "fill-800x450|format-webp",
    "large": "max-1600x1600|format-webp",
}


# --- the shapes, for the OpenAPI document ------------------------------------------------------
#
# Wagtail's API v3 types a field with a serializer by its `to_representation()`'s return
# annotation (else it is untyped, `{}` in the OpenAPI document): each field below names its shape.


class RenditionInfo(TypedDict):
    url: str
    full_url: str
    width: int
    height: int
    alt: str


class RenditionError(TypedDict):
    error: str  # Wagtail's, when the original file cannot be read: "SourceImageIOError"


class ImageInfo(TypedDict):
    id: int
    alt: str
    thumbnail: RenditionInfo | RenditionError
    medium: RenditionInfo | RenditionError
    large: RenditionInfo | RenditionError


class DocumentInfo(TypedDict):
    id: int
    title: str
    url: str
    file_type: str
    content_type: str
    file_size: int | None


class MunicipalityInfo(TypedDict):
    code: str
    name: str


class OrganisationInfo(TypedDict):
    name: str
    slug: str
    website: str
    url: str


class ContactInfo(TypedDict):
    name: str
    role: str
    email: str
    phone: str


class RegistrationSeats(TypedDict):
    """Koonto's own registration form, counts only (koonto.seats)."""

    open: bool
    capacity: int
    seats_left: int
    waiting_list: bool
    opens_at: str | None  # ISO 8601 with the Finnish offset
    closes_at: str | None
    form_url: str


class ChoiceInfo(TypedDict):
    value: str
    label: str


class PageLinkInfo(TypedDict):
    id: int
    title: str
    type: str
    url: str
    locale: str


class TagInfo(TypedDict):
    name: str
    slug: str


class ThemeInfo(TypedDict):
    name: str
    slug: str


def rendition_data(image, spec: str) -> dict:
    """Wagtail's rendition dict (url, full_url, width, height, alt) with `full_url` on the public
    origin: Wagtail prefixes WAGTAILADMIN_BASE_URL, which may be the admin's own address."""
    data = dict(ImageRenditionField(spec).to_representation(image))
    if "url" in data:
        data["full_url"] = absolute_url(data["url"])
    return data


class ImageRenditionsField(serializers.Field):
    """An image as {"id", "alt", "thumbnail": {...}, "medium": {...}, "large": {...}}.

    Each size is Wagtail's rendition (url, full_url, width, height, alt); `alt` is the image's
    description, or the text given where it was placed (`alt_source`).
    """

    def __init__(self, alt_source: str | None = None, **kwargs):
        self.alt_source = alt_source
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        image = super().get_attribute(instance)
        if image is not None and self.alt_source:
            image._koonto_alt = getattr(instance, self.alt_source, "") or ""
        return image

    def to_representation(self, image) -> ImageInfo | None:
        if image is None:
            return None
        renditions = {name: rendition_data(image, spec) for name, spec in IMAGE_RENDITIONS.items()}
        alt = getattr(image, "_koonto_alt", "") or image.default_alt_text
        for rendition in renditions.values():
            rendition["alt"] = alt
        return {"id": image.pk, "alt": alt, **renditions}


class DocumentField(serializers.Field):
    """A document as {"id", "title", "url", "file_type", "content_type", "file_size"} (bytes)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, document) -> DocumentInfo | None:
        request = self.context.get("request")
        if not rule_for(request).document(document):
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "url": absolute_url(document.url),
            "file_type": document.file_extension.lower(),
            "content_type": document.content_type,
            "file_size": document.get_file_size(),
        }


class MunicipalityField(serializers.Field):
    """A municipality as {"code": "297", "name": "Kuopio"} (Statistics Finland code)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, municipality) -> MunicipalityInfo | None:
        if municipality is None:
            return None
        return {"code": municipality.code, "name": municipality.name}


class OrganisationField(serializers.Field):
    """An organisation as {"name", "slug", "website", "url"}; `url` is its page on this site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, organisation) -> OrganisationInfo | None:
        request = self.context.get("request")
        organisation = rule_for(request).for_reader(organisation)
        if organisation is None:
            return None
        with translation.override(language_of(organisation)):
            path = organisation.get_url()
        return {
            "name": organisation.name,
            "slug": organisation.slug,
            "website": organisation.website,
            "url": absolute_url(path),
        }


class ContactField(serializers.Field):
    """A contact person as {"name", "role", "email", "phone"}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, contact) -> ContactInfo | None:
        contact = rule_for(self.context.get("request")).for_reader(contact)
        if contact is None:
            return None
        return {"name": contact.name, "role": contact.role, "email": contact.email, "phone": contact.phone}


class ChoiceLabelField(serializers.Field):
    """A choice field as {"value": "training", "label": "Koulutus"}: the label in the page's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        label = getattr(instance, f"get_{self.source}_display")()
        return {"value": value, "label": str(label)}

    def to_representation(self, value) -> ChoiceInfo:
        return value


class PagePathField(serializers.Field):
    """A page reference as {"id", "title", "type", "url", "locale"}: the page as the reader may see
    it (koonto.visibility), in the serialised page's language where translated; null if hidden."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page) -> PageLinkInfo | None:
        request = self.context.get("request")
        page = rule_for(request).for_reader(page)
        if page is None:
            return None
        model = page.specific_class or type(page)
        return {
            "id": page.pk,
            "title": page.title,
            "type": model._meta.label,
            "url": page_url(page, request),
            "locale": language_of(page),
        }


class TagNamesField(serializers.Field):
    """Tags as a list of {"name", "slug"}: the names of the page's language (koonto.localised_tags)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # Through the tagged items, which listings prefetch; the tag manager would query per page.
        return sorted((item.tag for item in instance.tagged_items.all()), key=lambda tag: tag.name)

    def to_representation(self, tags) -> list[TagInfo]:
        return [{"name": tag.name, "slug": tag.slug} for tag in tags]


class CallStatusField(serializers.Field):
    """A funding call's status now, as {"value": "open", "label": "Open"}: derived from its dates."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return {"value": str(instance.status), "label": str(instance.status_label)}

    def to_representation(self, value) -> ChoiceInfo:
        return value


class PropertyTextField(serializers.Field):
    """A text that is a property of the model rather than a field (Wagtail's API v3 leaves those
    untyped): typed as a string, given as is."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return str(value)


class ThemeField(serializers.Field):
    """A theme as {"name", "slug"} in the page's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, theme) -> ThemeInfo | None:
        if theme is None:
            return None
        return {"name": theme.name, "slug": theme.slug}


class RegistrationSeatsField(serializers.Field):
    """Koonto's own registration as counts only (koonto.seats): {"open", "capacity", "seats_left",
    "waiting_list", "opens_at", "closes_at", "form_url"}, or null when the event takes none.
    Never anything about the people who registered."""

    # Read on every request, also from a kept representation (api.serialised): a sign-up changes
    # the counts without a new content generation.
    live = True

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> RegistrationSeats | None:
        from koonto.seats import api_seats

        return api_seats(page, self.context.get("request"))
