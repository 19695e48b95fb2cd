"""Serializer fields for API v2: what a headless client gets for Koonto's own field types.

Page types list these in `api_fields` (with `APIField(name, serializer=...)`). Each gives a small,
stable JSON shape: ISO 8601 times come from DRF (with the Europe/Helsinki offset), references to
snippets come out as nested objects with a public URL in the page's language.
"""

from django.utils import translation
from rest_framework import serializers
from wagtail.images.api.fields import ImageRenditionField

# The sizes a client may choose from, WebP for size; each with its alt text.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x225|format-webp",
    "medium": "fill-800x450|format-webp",
    "large": "max-1600x1600|format-webp",
}


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

    def to_representation(self, image):
        if image is None:
            return None
        renditions = {name: ImageRenditionField(spec).to_representation(image) for name, spec in IMAGE_RENDITIONS.items()}
        alt = getattr(image, "_koonto_alt", "") or image.default_alt_text
        for rendition in renditions.values():
            rendition["alt"] = alt
        return {"id": image.pk, "alt": alt, **renditions}


class DocumentField(serializers.Field):
    """A document as {"id", "title", "url", "file_type", "content_type", "file_size"} (bytes)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, document):
        if document is None:
            return None
        request = self.context.get("request")
        url = document.url
        return {
            "id": document.pk,
            "title": document.title,
            "url": request.build_absolute_uri(url) if request else url,
            "file_type": document.file_extension.lower(),
            "content_type": document.content_type,
            "file_size": document.get_file_size(),
        }


class MunicipalityField(serializers.Field):
    """A municipality as {"code": "297", "name": "Kuopio"} (Statistics Finland code)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, municipality):
        if municipality is None:
            return None
        return {"code": municipality.code, "name": municipality.name}


class OrganisationField(serializers.Field):
    """An organisation as {"name", "slug", "website", "url"}; `url` is its page on this site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, organisation):
        if organisation is None:
            return None
        request = self.context.get("request")
        with translation.override(organisation.locale.language_code):
            path = organisation.get_url()
        return {
            "name": organisation.name,
            "slug": organisation.slug,
            "website": organisation.website,
            "url": request.build_absolute_uri(path) if request else path,
        }


class ContactField(serializers.Field):
    """A contact person as {"name", "role", "email", "phone"}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, contact):
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

    def to_representation(self, value):
        return value


class PagePathField(serializers.Field):
    """A page reference as {"id", "title", "type", "url"} (the live page in the same language)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        if page is None or not page.live:
            return None
        page = page.specific_deferred if hasattr(page, "specific_deferred") else page
        return {
            "id": page.pk,
            "title": page.title,
            "type": f"{page._meta.app_label}.{type(page).__name__}",
            "url": page.get_full_url(request=self.context.get("request")),
        }


class TagNamesField(serializers.Field):
    """Tags as a list of {"name", "slug"}: the names of the page's language (koonto.tags)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # Through the tagged items, which listings prefetch; the tag manager would query per page.
        return sorted((item.tag for item in instance.tagged_items.all()), key=lambda tag: tag.name)

    def to_representation(self, tags):
        return [{"name": tag.name, "slug": tag.slug} for tag in tags]


class CallStatusField(serializers.Field):
    """A funding call's status now, as {"value": "open", "label": "Open"}: derived from its dates."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return {"value": str(instance.status), "label": str(instance.status_label)}

    def to_representation(self, value):
        return value


class ThemeField(serializers.Field):
    """A theme as {"name", "slug"} in the page's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, theme):
        if theme is None:
            return None
        return {"name": theme.name, "slug": theme.slug}
