"""Seats left at an event, for the API and templates of lower layers: a registry the registrations
app fills in (its AppConfig.ready()), so that events and api need not import it.

`seats(page)` gives counts only, never anything about the people: None when the event takes no
registrations on this site, else {"open": bool, "capacity": int, "seats_left": int,
"waiting_list": bool, "opens_at": datetime | None, "closes_at": datetime | None}.
"""

from collections.abc import Callable

_summary: Callable | None = None


def register(function: Callable) -> None:
    global _summary
    _summary = function


def seats(page) -> dict | None:
    return _summary(page) if _summary is not None else None
