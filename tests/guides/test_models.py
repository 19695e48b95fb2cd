"""Funding call status from its dates, in Europe/Helsinki, and the call querysets."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from guides.models import FundingCallPage
from tests.factories import FundingCallPageFactory

# Building a page reads its content type (Wagtail's Page.__init__): these tests use the database
# even where they save nothing, and must not depend on another test having filled Django's cache.
pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


def helsinki(*args) -> datetime:
    return datetime(*args, tzinfo=HELSINKI)


def make_call(**kwargs) -> FundingCallPage:
    return FundingCallPage(title="Haku", **kwargs)


class TestStatus:
    def test_open_from_opening_moment_inclusive(self):
        call = make_call(opens_at=helsinki(2024, 1, 1, 9, 0), closes_at=helsinki(2024, 1, 15, 16, 15))
        assert call.status_at(helsinki(2024, 1, 1, 8, 59, 59)) == "upcoming"
        assert call.status_at(helsinki(2024, 1, 1, 9, 0)) == "open"

    def test_closing_today_at_1615_is_open_at_1614_and_closed_at_1615(self):
        call = make_call(opens_at=helsinki(2024, 1, 1, 9, 0), closes_at=helsinki(2024, 1, 15, 16, 15))
        assert call.status_at(helsinki(2024, 1, 15, 16, 14)) == "open"
        assert call.status_at(helsinki(2024, 1, 15, 16, 14, 59, 999999)) == "open"
        assert call.status_at(helsinki(2024, 1, 15, 16, 15)) == "closed"

    def test_boundary_holds_across_the_spring_dst_change(self):
        # Finland moves to summer time on 31.3.2024 at 03.00; the deadline is later that day.
        call = make_call(opens_at=helsinki(2024, 3, 1, 9, 0), closes_at=helsinki(2024, 3, 31, 16, 15))
        assert call.closes_at.utcoffset() == timedelta(hours=3)
        utc = ZoneInfo("UTC")
        assert call.status_at(datetime(2024, 3, 31, 13, 14, tzinfo=utc)) == "open"
        assert call.status_at(datetime(2024, 3, 31, 13, 15, tzinfo=utc)) == "closed"

    def test_boundary_holds_across_the_autumn_dst_change(self):
        # 27.10.2024 at 04.00 summer time the clocks go back to 03.00: the call closes at 16.15 winter time.
        call = make_call(closes_at=helsinki(2024, 10, 27, 16, 15))
        utc = ZoneInfo("UTC")
        assert call.status_at(datetime(2024, 10, 27, 14, 14, tzinfo=utc)) == "open"
        assert call.status_at(datetime(2024, 10, 27, 14, 15, tzinfo=utc)) == "closed"

    def test_without_opening_time_the_call_is_open_until_it_closes(self):
        call = make_call(closes_at=helsinki(2024, 1, 15, 16, 15))
        assert call.status_at(helsinki(2020, 1, 1)) == "open"

    def test_cancelled_overrides_the_dates(self):
        call = make_call(opens_at=helsinki(2024, 1, 1), closes_at=helsinki(2024, 1, 15), cancelled=True)
        assert call.status_at(helsinki(2024, 1, 5)) == "cancelled"


class TestValidation:
    def test_closing_before_opening_is_a_field_error(self):
        call = make_call(opens_at=helsinki(2024, 1, 15), closes_at=helsinki(2024, 1, 1))
        with pytest.raises(ValidationError) as error:
            call.clean()
        assert "closes_at" in error.value.message_dict

    def test_support_rate_over_100_is_rejected(self):
        field = FundingCallPage._meta.get_field("support_rate")
        assert field.clean(Decimal("80"), None) == Decimal("80")
        with pytest.raises(ValidationError):
            field.clean(Decimal("120"), None)


@pytest.mark.django_db
class TestQuerySet:
    def test_next_call_prefers_the_open_call_closing_soonest(self, guide_index):
        now = helsinki(2024, 1, 10, 12, 0)
        later = FundingCallPageFactory(parent=guide_index, opens_at=helsinki(2024, 1, 1), closes_at=helsinki(2024, 2, 1))
        sooner = FundingCallPageFactory(parent=guide_index, opens_at=helsinki(2024, 1, 1), closes_at=helsinki(2024, 1, 15))
        FundingCallPageFactory(parent=guide_index, opens_at=helsinki(2024, 1, 11), closes_at=helsinki(2024, 1, 12))
        calls = FundingCallPage.objects.live()
        assert calls.next_call(now) == sooner
        assert list(calls.open_calls(now)) == [sooner, later]

    def test_next_call_falls_back_to_the_next_upcoming_and_skips_cancelled(self, guide_index):
        now = helsinki(2024, 1, 10, 12, 0)
        FundingCallPageFactory(parent=guide_index, opens_at=helsinki(2024, 1, 11), closes_at=helsinki(2024, 2, 1), cancelled=True)
        upcoming = FundingCallPageFactory(parent=guide_index, opens_at=helsinki(2024, 3, 1), closes_at=helsinki(2024, 4, 1))
        closed = FundingCallPageFactory(parent=guide_index, opens_at=helsinki(2023, 1, 1), closes_at=helsinki(2023, 2, 1))
        calls = FundingCallPage.objects.live()
        assert calls.next_call(now) == upcoming
        assert list(calls.closed(now)) == [closed]
