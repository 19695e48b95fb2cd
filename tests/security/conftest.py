"""Fixtures for the security tests: a published event page and an admin user."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import EventPageFactory


@pytest.fixture
def event(site, event_index):
    return EventPageFactory(parent=event_index, title="Avoin työpaja", slug="avoin-tyopaja")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("paakayttaja", "admin@example.fi", "salasana-123456")


def header_directives(value: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives
