"""Wagtail's "edited at 10:00 by …" (the status side panel, headers, listings) the reader's way:
`klo 10.00` in Finnish (editorial/admin_times.py)."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

TAG = Template(
    "{% load wagtailadmin_tags %}"
    '{% timesince_last_update moment user_display_name="Tiina Toimittaja" show_time_prefix=True %}|'
    "{% timesince_last_update moment %}"
)


def render(moment, language: str) -> str:
    with translation.override(language):
        return TAG.render(Context({"moment": moment}))


def test_todays_time_is_finnish_in_the_finnish_admin():
    moment = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    assert render(moment, "fi") == "klo 10.00, Tiina Toimittaja|klo 10.00"


def test_todays_time_stays_24_hour_in_the_english_admin():
    moment = timezone.localtime().replace(hour=14, minute=5, second=0, microsecond=0)
    assert render(moment, "en") == "at 14:05 by Tiina Toimittaja|14:05"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_earlier_days_say_how_long_ago(language):
    text = render(timezone.now() - timedelta(days=3), language)
    assert ":" not in text and "klo" not in text
