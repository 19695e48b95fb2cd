"""The home page's automatic content for headless clients: the next call (or the latest closed
one), the next events and the newest showcases, exactly as the HTML home page shows them.

The home app is beside the api app on the top layer, so neither imports the other: a page type
that has automatic content declares `automatic_content(rule, now)` (home.HomePage), which both
its own template context and this module call, so that the rule is written once. Here it is only
shaped: calls and events as `/api/v3/koonto/calls/` and `/events/` give them, showcases as cards.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Field, Schema
from wagtail.models import Page

from api.v3 import CallOut, EventOut, PageBase, call_out, event_out, page_base
from koonto.origin import absolute_url
from koonto.templatetags.koonto_tags import site_root
from koonto.visibility import language_of, rule_for


class HomeContent(Schema):
    next_call: CallOut | None = Field(description="The open call closing soonest, else the next to open.")
    latest_closed_call: CallOut | None = Field(description="Only when no call is open or upcoming: the latest to close.")
    upcoming_events: list[EventOut] = Field(description="The next three events that have not ended, soonest first.")
    newest_showcases: list[PageBase] = Field(description="The newest project showcases (as cards).")


class HomeComponent(Schema):
    href: str
    data: HomeContent | None = Field(description="Present when expanded (`expand=home`).")


def has_automatic_content(page: Page) -> bool:
    return callable(getattr(page, "automatic_content", None))


def home_content(request: HttpRequest, page: Page) -> dict:
    """`page.automatic_content()` shaped for the API, in the page's language."""
    content = page.automatic_content(rule_for(request), timezone.now())
    events = content["upcoming_events"].select_related("locale", "organiser__locale", "related_call")
    showcases = content["newest_showcases"].select_related("locale")
    with translation.override(language_of(page)):
        return {
            "next_call": call_out(request, content["next_call"]) if content["next_call"] else None,
            "latest_closed_call": call_out(request, content["latest_closed_call"]) if content["latest_closed_call"] else None,
            "upcoming_events": [event_out(request, event) for event in events.prefetch_related("tagged_items__tag")],
            "newest_showcases": [page_base(request, showcase) for showcase in showcases.prefetch_related("tagged_items__tag")],
        }


def home_page(request: HttpRequest, language: str) -> Page | None:
    """The home page of `language` as the site's header links it (koonto_tags.site_root)."""
    with translation.override(language):
        return site_root(request)


def home_component(request: HttpRequest, page: Page, expanded: bool) -> dict | None:
    """The `home` component of a page that has automatic content, else None."""
    if not has_automatic_content(page):
        return None
    href = f"{absolute_url(reverse('wagtailapi_v3:koonto_home'))}?locale={language_of(page)}"
    return {"href": href, "data": home_content(request, page) if expanded else None}
