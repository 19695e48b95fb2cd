"""Dates in the admin the Finnish way: the date pickers write 14.05.2030 10.00, and that is read back."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.utils import translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_the_pickers_write_finnish_dates_and_times():
    moment = datetime(2030, 5, 14, 10, 0)
    assert AdminDateTimeInput().format_value(moment) == "14.05.2030 10.00"
    assert AdminDateInput().format_value(moment.date()) == "14.05.2030"
    assert AdminTimeInput().format_value(moment.time()) == "10.00"
    config = AdminDateTimeInput().get_config()
    assert (config["format"], config["formatTime"], config["dayOfWeekStart"]) == ("d.m.Y H.i", "H.i", 1)


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("typed", ["14.05.2030 10.00", "2030-05-14 10:00"])
def test_what_the_picker_writes_is_read_back_in_every_admin_language(settings, language, typed):
    field = forms.DateTimeField(widget=AdminDateTimeInput())
    with translation.override(language):
        assert field.clean(typed) == datetime(2030, 5, 14, 10, 0, tzinfo=HELSINKI)
        assert forms.DateField(widget=AdminDateInput()).clean("14.05.2030") == date(2030, 5, 14)


def test_the_event_edit_form_shows_its_start_the_finnish_way(client, draft_event, communications):
    draft_event.starts_at = datetime(2030, 5, 14, 10, 0, tzinfo=HELSINKI)
    draft_event.ends_at = None
    draft_event.save_revision(user=communications)
    client.force_login(communications)
    response = client.get(f"/admin/pages/{draft_event.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="14.05.2030 10.00"' in html, html[html.find('id="id_starts_at"') - 300 : html.find('id="id_starts_at"') + 100]
