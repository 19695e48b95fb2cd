"""An event as schema.org sees it: the JSON-LD of an event page (EventPage.json_ld)."""

from wagtail.models import Page

from koonto.origin import page_url
from koonto.structured_data import SCHEMA_ORG, current_language, iso, listing_image, number, organisation_ref, without_empty
from koonto.visibility import rule_for

EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
}
ATTENDANCE_MODE = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}


def event_location(page: Page, request, mode: str) -> dict | list[dict]:
    """A Place in person, a VirtualLocation online, both for a hybrid event."""
    municipality = page.municipality
    place = without_empty(
        {
            "@type": "Place",
            "name": page.venue or page.address or (municipality.name if municipality else ""),
            "address": without_empty(
                {
                    "@type": "PostalAddress",
                    "streetAddress": page.address,
                    "addressLocality": municipality.name if municipality else "",
                    "addressCountry": "FI",
                }
            ),
        }
    )
    # schema.org requires a URL; without a joining link the event's page says how to join.
    virtual = {"@type": "VirtualLocation", "url": page.online_url or page_url(page, request)}
    return {"in_person": place, "online": virtual}.get(mode, [place, virtual])


def event_data(page: Page, request) -> dict:
    """An EventPage as a schema.org Event, the shape Google's event results read.

    An event moved online is online whatever its original mode (Google's guidance for
    EventMovedOnline), so its location is the joining link.
    """
    url = page_url(page, request)
    mode = "online" if page.status == "moved_online" else page.mode
    image = listing_image(page, request)
    organiser = rule_for(request).for_reader(page.organiser) if page.organiser_id else None
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            "inLanguage": current_language(),
            "startDate": iso(page.starts_at),
            "endDate": iso(page.ends_at),
            "eventStatus": f"{SCHEMA_ORG}/{EVENT_STATUS[page.status]}",
            "eventAttendanceMode": f"{SCHEMA_ORG}/{ATTENDANCE_MODE[mode]}",
            "location": event_location(page, request, mode),
            "offers": {
                "@type": "Offer",
                "price": number(page.price),
                "priceCurrency": "EUR",
                "url": page.registration_url or url,
            },
            "organizer": organisation_ref(organiser, request) if organiser else None,
            "image": [image["url"]] if image else None,
        }
    )
