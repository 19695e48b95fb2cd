"""Event ordering (upcoming / past) and validation of times."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from tests.factories import EventPageFactory

# Building a page reads its content type (Wagtail's Page.__init__): these tests use the database
# even where they save nothing, and must not depend on another test having filled Django's cache.
pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2025, 5, 1, 12, 0, tzinfo=HELSINKI)


@pytest.mark.django_db
def test_upcoming_includes_ongoing_events_soonest_first_and_past_is_newest_first(event_index):
    ongoing = EventPageFactory(parent=event_index, starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1))
    later = EventPageFactory(parent=event_index, starts_at=NOW + timedelta(days=5))
    soon = EventPageFactory(parent=event_index, starts_at=NOW + timedelta(days=1))
    past = EventPageFactory(parent=event_index, starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(days=3, hours=-2))
    older = EventPageFactory(parent=event_index, starts_at=NOW - timedelta(days=30), ends_at=None)
    events = EventPage.objects.live()
    assert list(events.upcoming(NOW)) == [ongoing, soon, later]
    assert list(events.past(NOW)) == [past, older]


@pytest.mark.django_db
def test_event_without_end_counts_as_upcoming_until_it_starts(event_index):
    deadline = EventPageFactory(parent=event_index, starts_at=NOW, ends_at=None)
    assert list(EventPage.objects.upcoming(NOW)) == [deadline]
    assert list(EventPage.objects.upcoming(NOW + timedelta(seconds=1))) == []


def test_end_before_start_is_a_field_error():
    event = EventPage(title="T", starts_at=NOW, ends_at=NOW - timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "ends_at" in error.value.message_dict


def test_registration_deadline_after_start_is_a_field_error():
    event = EventPage(title="T", starts_at=NOW, registration_deadline=NOW + timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "registration_deadline" in error.value.message_dict


def test_price_zero_means_free():
    assert EventPage(title="T", starts_at=NOW).is_free
    assert not EventPage(title="T", starts_at=NOW, price=10).is_free
