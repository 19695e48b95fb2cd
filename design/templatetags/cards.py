"""Pictures and kinds of pages on cards and page headers, and a call's days left.

A page's listing image is shown as WebP renditions cropped around its focal point, with width and
height set so that nothing moves when it loads; a page without one gets its kind's designed
fallback (an icon on the kind's colour, styled in site.css), never an empty box.
"""

from datetime import datetime

from django import template
from django.utils import timezone
from wagtail.images.models import SourceImageIOError

register = template.Library()

# Renditions per place: (specs for srcset, sizes). 16:9 crops keep the focal point (Wagtail's fill).
PICTURES = {
    "card": ("fill-480x270|format-webp", "fill-800x450|format-webp", "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw"),
    "header": ("fill-800x450|format-webp", "fill-1600x900|format-webp", "(min-width: 48rem) 46rem, 100vw"),
}


@register.filter
def page_kind(page) -> str:
    """guide, call, showcase, event or page: what kind of content a page is, for its colour and icon.

    A page type declares its kind (`card_kind = "event"`, the name of koonto/img/icons/<kind>.svg and
    of its colour in site.css); this bottom-layer tag names no feature page type."""
    model = page.specific_class if type(page)._meta.label_lower == "wagtailcore.page" else type(page)
    return getattr(model, "card_kind", "page")


@register.inclusion_tag("includes/listing_picture.html")
def listing_picture(page, place: str = "card", eager: bool = False) -> dict:
    """`{% listing_picture page "card" %}`: the page's listing image, or its kind's fallback."""
    small, large, sizes = PICTURES[place]
    image = getattr(page, "listing_image", None)
    renditions = None
    if image is not None:
        try:
            renditions = image.get_renditions(small, large)
        except SourceImageIOError:
            renditions = None  # a lost file: the fallback, as for a page without an image
    return {
        "kind": page_kind(page),
        "place": place,
        "small": renditions[small] if renditions else None,
        "large": renditions[large] if renditions else None,
        "sizes": sizes,
        "alt": getattr(page, "listing_image_alt_text", "") if renditions else "",
        "eager": eager,
    }


@register.filter
def days_left(moment: datetime | None) -> int | None:
    """Whole days from today until `moment`'s day, in Helsinki (0 on the day itself); None when past."""
    if moment is None:
        return None
    today = timezone.localdate()
    days = (timezone.localdate(moment) - today).days
    return days if days >= 0 and moment > timezone.now() else None


@register.filter
def section_url(url: str) -> str:
    """The URL of the listing a page's URL is in ("/fi/tapahtumat/x/" -> "/fi/tapahtumat/"), without a
    query for the parent page: the home page's "all events" link costs nothing."""
    return url.rstrip("/").rsplit("/", 1)[0] + "/"
