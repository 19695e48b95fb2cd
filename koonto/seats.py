"""Seats left at an event, for the API and templates of lower layers: a registry the registrations
app fills in (its AppConfig.ready()), so that events and api need not import it.

`seats(page)` gives counts only, never anything about the people: None when the event takes no
registrations on this site, else {"open": bool, "capacity": int, "seats_left": int,
"waiting_list": bool, "opens_at": datetime | None, "closes_at": datetime | None, "form_url": str}.

The counts change with every sign-up, which does not empty the page cache: `api_seats` marks the
request (`LIVE_COUNTS_ATTRIBUTE`), and the API views then send `LIVE_CACHE_CONTROL` so the answer
is not stored (api/v2.py `finalize_response`, api/v3.py); API v2's kept fields read the counts again
(`live` on koonto.api_fields.RegistrationSeatsField).
"""

from collections.abc import Callable

_summary: Callable | None = None


def register(function: Callable) -> None:
    global _summary
    _summary = function


LIVE_COUNTS_ATTRIBUTE = "_koonto_live_counts"
LIVE_CACHE_CONTROL = "max-age=0, no-cache"


def seats(page) -> dict | None:
    return _summary(page) if _summary is not None else None


def api_seats(page, request=None) -> dict | None:
    """The counts as JSON-ready values (times in ISO 8601 with the Finnish offset); marks the request."""
    from django.utils import timezone

    summary = seats(page)
    if summary is None:
        return None
    if request is not None:
        setattr(request, LIVE_COUNTS_ATTRIBUTE, True)
    return {
        **summary,
        "opens_at": timezone.localtime(summary["opens_at"]).isoformat() if summary["opens_at"] else None,
        "closes_at": timezone.localtime(summary["closes_at"]).isoformat() if summary["closes_at"] else None,
    }


def shows_live_counts(request) -> bool:
    return bool(getattr(request, LIVE_COUNTS_ATTRIBUTE, False))
