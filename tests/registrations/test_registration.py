"""Event registration: the form outside the cached page, capacity, the waiting list and moving up,
the mails with the .ics and the signed link, closing times, reminders and retention."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from ops.models import ContentGeneration
from personal_data.models import OutboxMessage
from personal_data.outbox import send_due
from personal_data.retention import enforce_retention
from registrations.models import Registration, RegistrationEvent
from tests.factories import EventPageFactory
from tests.registrations.conftest import form_data, form_url, last_mail, link_in, sign_up

pytestmark = pytest.mark.django_db


def test_the_event_page_links_to_the_form_and_the_form_shows_the_seats_left(client, event):
    page = client.get(event.url).content.decode()
    assert f'href="{form_url(event)}"' in page
    assert "csrfmiddlewaretoken" not in page  # the form is not on the cached page

    response = client.get(form_url(event))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    assert "3 paikkaa jäljellä (yhteensä 3)." in html
    assert '<label for="id_name">Nimi' in html and '<label for="id_needs">' in html
    assert 'name="reminder"' in html and "checked" not in html  # no pre-ticked box


def test_registration_to_capacity_then_the_waiting_list(client, event):
    assert sign_up(client, event, email="a@example.org", seats="2").status_code == 303
    response = sign_up(client, event, email="b@example.org")
    assert response.status_code == 303 and response["Location"].endswith("?sent=confirmed")
    waiting = sign_up(client, event, email="c@example.org")
    assert waiting["Location"].endswith("?sent=waiting")

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"a@example.org": "confirmed", "b@example.org": "confirmed", "c@example.org": "waiting"}
    assert "Tapahtuma on täynnä" in client.get(form_url(event)).content.decode()
    assert "jonossa" in last_mail("c@example.org").subject.lower() or "jono" in last_mail("c@example.org").subject.lower()


def test_a_group_takes_all_its_seats_or_waits_whole(client, event):
    sign_up(client, event, email="a@example.org", seats="2")
    sign_up(client, event, email="group@example.org", seats="2")

    group = Registration.objects.get(email="group@example.org")
    assert (group.status, group.seats) == ("waiting", 2)
    # One seat is still free for a single person behind the group.
    sign_up(client, event, email="single@example.org")
    assert Registration.objects.get(email="single@example.org").status == "confirmed"


def test_a_group_larger_than_allowed_is_refused(client, event):
    response = sign_up(client, event, seats="4")
    assert response.status_code == 400 and Registration.objects.count() == 0
    assert "Tämän arvon on oltava enintään 3." in response.content.decode()


def test_without_a_waiting_list_a_full_event_refuses_clearly(client, event):
    event.registration_waiting_list = False
    event.registration_capacity = 1
    event.save_revision().publish()
    sign_up(client, event, email="a@example.org")
    response = sign_up(client, event, email="b@example.org")
    assert response.status_code == 409 and "eikä sillä ole jonotuslistaa" in response.content.decode()
    form = client.get(form_url(event)).content.decode()
    assert "Tapahtuma on täynnä." in form and "csrfmiddlewaretoken" not in form  # no form to fill in
    assert Registration.objects.count() == 1


def test_the_same_address_cannot_register_twice(client, event):
    sign_up(client, event)
    response = sign_up(client, event, email="MAIJA@example.org")
    assert response.status_code == 409 and "on jo ilmoittauduttu" in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_confirmation_waits_in_the_outbox_with_the_ics_and_the_rights_link(client, event):
    sign_up(client, event, reminder="on")
    assert mail.outbox == []  # nothing is sent inside the request

    message = last_mail("maija@example.org")
    assert message.subject == "Ilmoittautuminen vahvistettu: Rahoitusinfo"
    assert "/fi/omat-tiedot/avaa/?token=" in message.body
    assert "/fi/ilmoittautuminen/muistutus/?token=" in message.body
    [attachment] = message.attachments
    calendar = Calendar.from_ical(attachment["content"])
    [component] = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Rahoitusinfo" and attachment["filename"] == "rahoitusinfo.ics"

    assert send_due()["sent"] == 1
    [sent] = mail.outbox
    assert sent.attachments[0][0] == "rahoitusinfo.ics" and sent.attachments[0][2] == "text/calendar"


def test_an_english_registration_gets_english_mail(client, en_event):
    response = sign_up(client, en_event, email="anna@example.org")
    assert response.status_code == 303
    registration = Registration.objects.get()
    assert registration.language == "en"
    message = last_mail("anna@example.org")
    assert message.subject == "Registration confirmed: Funding info"
    assert "/en/my-data/open/?token=" in message.body


def test_capacity_is_one_across_languages(client, event, en_event):
    sign_up(client, event, email="a@example.org", seats="2")
    sign_up(client, en_event, email="b@example.org", seats="2")
    assert Registration.objects.get(email="b@example.org").status == "waiting"
    assert RegistrationEvent.objects.count() == 1


def test_cancelling_through_the_link_moves_up_the_waiting_list_and_mails_them(client, event):
    sign_up(client, event, email="a@example.org", seats="3")
    sign_up(client, event, email="b@example.org", seats="2")
    sign_up(client, event, email="c@example.org")
    assert set(Registration.objects.filter(status="waiting").values_list("email", flat=True)) == {
        "b@example.org",
        "c@example.org",
    }

    person = client.__class__()
    opened = person.get(link_in(last_mail("a@example.org"), "token="))
    assert opened.status_code == 303
    page = person.get(opened["Location"]).content.decode()
    assert "Peru ilmoittautumiseni" in page
    cancelled = person.post(opened["Location"], {"action": "cancel"})
    assert cancelled.status_code == 303
    assert "Ilmoittautumisesi on peruttu" in person.get(opened["Location"]).content.decode()

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"a@example.org": "cancelled", "b@example.org": "confirmed", "c@example.org": "confirmed"}
    moved = last_mail("b@example.org")
    assert moved.subject == "Sait paikan: Rahoitusinfo" and moved.attachments


def test_deleting_ones_data_through_the_link_frees_the_seat(client, event):
    event.registration_capacity = 1
    event.save_revision().publish()
    sign_up(client, event, email="a@example.org")
    sign_up(client, event, email="b@example.org")
    person = client.__class__()
    opened = person.get(link_in(last_mail("a@example.org"), "token="))
    person.post(opened["Location"], {"action": "delete"})
    assert list(Registration.objects.values_list("email", "status")) == [("b@example.org", "confirmed")]
    assert last_mail("b@example.org").subject.startswith("Sait paikan")


def test_deleting_one_registration_keeps_the_mail_of_the_persons_other_registration(client, event, event_index):
    """One address, two events: deleting one sign-up through its link leaves the other's mail queued."""
    other = EventPageFactory(
        parent=event_index,
        title="Hakuklinikka",
        slug="hakuklinikka",
        starts_at=timezone.now() + timedelta(days=12),
        registration_enabled=True,
        registration_capacity=5,
    )
    other.save_revision().publish()
    sign_up(client, event, email="a@example.org")
    sign_up(client, other, email="a@example.org")
    first = OutboxMessage.objects.filter(to="a@example.org").order_by("pk").first()
    person = client.__class__()
    opened = person.get(link_in(first, "token="))
    person.post(opened["Location"], {"action": "delete"})
    assert list(Registration.objects.values_list("email", flat=True)) == ["a@example.org"]
    subjects = OutboxMessage.objects.filter(to="a@example.org").values_list("subject", flat=True)
    assert "Ilmoittautuminen vahvistettu: Hakuklinikka" in subjects


def test_the_one_click_cancel_link_refuses_a_registration_already_cancelled(client, event):
    from personal_data.optin import cancel_url

    sign_up(client, event, email="a@example.org")
    registration = Registration.objects.get()
    registration.status = Registration.Status.CANCELLED
    registration.save()
    link = cancel_url("event_registrations", registration, "fi").replace("http://testserver", "")
    assert client.post(link).status_code == 400


# --- opening and closing times -------------------------------------------------------------------


def test_settings_are_validated(event):
    event.registration_deadline = event.starts_at + timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "registration_deadline" in error.value.message_dict

    event.registration_deadline = event.starts_at - timedelta(days=1)
    event.registration_opens_at = event.registration_deadline
    event.registration_capacity = None
    event.registration_retention_days = 400
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert {"registration_opens_at", "registration_capacity", "registration_retention_days"} <= set(error.value.message_dict)


def test_closing_at_the_boundary_across_the_spring_dst_change(client, event):
    """Registration closes at 28.3.2027 klo 4.00 Finnish time, an hour after clocks went forward
    (3.00 EET became 4.00 EEST): that is 01.00 UTC, not 02.00."""
    event.starts_at = datetime(2027, 3, 29, 10, 0, tzinfo=UTC)
    event.ends_at = None
    event.registration_deadline = datetime(2027, 3, 28, 1, 0, tzinfo=UTC)
    event.save_revision().publish()

    with time_machine.travel(datetime(2027, 3, 28, 0, 59, 59, tzinfo=UTC), tick=False):
        html = client.get(form_url(event)).content.decode()
        assert "Ilmoittautuminen päättyy 28.3.2027 klo 4.00." in html
        assert sign_up(client, event, started=_token_at_now()).status_code == 303
    with time_machine.travel(datetime(2027, 3, 28, 1, 0, 0, tzinfo=UTC), tick=False):
        assert "Ilmoittautuminen tähän tapahtumaan on päättynyt." in client.get(form_url(event)).content.decode()
        response = sign_up(client, event, email="late@example.org", started=_token_at_now())
        assert response.status_code == 409
    assert Registration.objects.count() == 1


def test_not_open_before_the_opening_time(client, event):
    event.registration_opens_at = timezone.now() + timedelta(days=1)
    event.save_revision().publish()
    assert "Ilmoittautuminen alkaa" in client.get(form_url(event)).content.decode()
    assert sign_up(client, event).status_code == 409 and Registration.objects.count() == 0


def _token_at_now():
    from tests.registrations.conftest import token_from

    return token_from(60)


def test_an_event_without_registration_has_no_form(client, event):
    event.registration_enabled = False
    event.save_revision().publish()
    assert client.get(form_url(event)).status_code == 404
    assert client.get("/fi/ilmoittautuminen/999999/").status_code == 404


# --- the page cache ------------------------------------------------------------------------------


def test_a_sign_up_does_not_empty_the_page_cache(client, event, page_cache):
    client.get(event.url)
    assert client.get(event.url)["X-Koonto-Cache"] == "hit"
    generation = ContentGeneration.objects.get().pk, ContentGeneration.objects.values_list(flat=True)
    other = client.__class__()
    assert sign_up(other, event).status_code == 303
    client.cookies.clear()
    assert client.get(event.url)["X-Koonto-Cache"] == "hit"
    assert generation[0] == ContentGeneration.objects.get().pk
    form = client.get(form_url(event))
    assert "X-Koonto-Cache" not in form and "2 paikkaa jäljellä" in form.content.decode()


# --- reminders (double opt-in), status changes, retention -----------------------------------------


def test_a_reminder_is_sent_the_day_before_only_once_confirmed(client, event):
    event.starts_at = datetime(2030, 5, 14, 7, 0, tzinfo=UTC)  # 14.5.2030 klo 10.00 Finnish time
    event.ends_at = None
    event.save_revision().publish()
    with time_machine.travel(datetime(2030, 5, 1, 9, 0, tzinfo=UTC), tick=False):
        sign_up(client, event, reminder="on", started=_token_at_now())
        sign_up(client, event, email="b@example.org", reminder="on", started=_token_at_now())
        confirm = link_in(last_mail("maija@example.org"), "/muistutus/")
        opened = client.get(confirm)
        assert opened.status_code == 303 and "token" not in opened["Location"]
        # Opening the link (as a mail scanner does) confirms nothing; the button does.
        assert "Vahvista, että haluat muistutuksen" in client.get(opened["Location"]).content.decode()
        assert Registration.objects.get(email="maija@example.org").reminder_confirmed is False
        assert "muistutamme" in client.post(opened["Location"]).content.decode()
        assert Registration.objects.get(email="maija@example.org").reminder_confirmed is True

    call_command("send_registration_reminders", now="2030-05-12T20:59:00+00:00")  # 12.5. klo 23.59
    assert not OutboxMessage.objects.filter(subject__startswith="Muistutus").exists()
    call_command("send_registration_reminders", now="2030-05-12T21:00:00+00:00")  # 13.5. klo 0.00
    call_command("send_registration_reminders", now="2030-05-13T12:00:00+00:00")
    [reminder] = OutboxMessage.objects.filter(subject__startswith="Muistutus")
    assert reminder.to == "maija@example.org"  # b@ never confirmed the reminder
    assert "14.5.2030 klo 10.00" in reminder.body


def test_no_reminder_of_an_event_the_public_can_no_longer_see(client, event):
    event.starts_at = datetime(2030, 5, 14, 7, 0, tzinfo=UTC)
    event.ends_at = None
    event.save_revision().publish()
    with time_machine.travel(datetime(2030, 5, 1, 9, 0, tzinfo=UTC), tick=False):
        sign_up(client, event, reminder="on", started=_token_at_now())
        opened = client.get(link_in(last_mail("maija@example.org"), "/muistutus/"))
        client.post(opened["Location"])
    assert Registration.objects.get().reminder_confirmed is True
    event.unpublish()
    call_command("send_registration_reminders", now="2030-05-13T12:00:00+00:00")
    assert not OutboxMessage.objects.filter(subject__startswith="Muistutus").exists()


def test_an_expired_reminder_link_sets_nothing(client, event, settings):
    sign_up(client, event, reminder="on")
    confirm = link_in(last_mail("maija@example.org"), "/muistutus/")
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        opened = client.get(confirm)
        assert client.get(opened["Location"]).status_code == 400
        assert client.post(opened["Location"]).status_code == 400
    assert Registration.objects.get().reminder_confirmed is False


@pytest.mark.parametrize(
    ("status", "subject"),
    [("cancelled", "Peruttu"), ("postponed", "Siirretty myöhemmäksi"), ("moved_online", "Siirretty verkkoon")],
)
def test_registrants_are_told_when_the_event_changes(client, event, status, subject):
    sign_up(client, event)
    sign_up(client, event, email="b@example.org", seats="3")  # waiting: told too
    event.status = status
    event.save_revision().publish()
    event.save_revision().publish()  # a second publication does not mail again
    for email in ("maija@example.org", "b@example.org"):
        assert OutboxMessage.objects.filter(to=email, subject=f"{subject}: Rahoitusinfo").count() == 1
    closed = "Ilmoittautuminen tähän tapahtumaan on päättynyt." in client.get(form_url(event)).content.decode()
    assert closed is (status == "cancelled")


def test_retention_deletes_the_needs_early_and_the_registrations_after_the_period(client, event):
    sign_up(client, event, needs="Gluteeniton ruokavalio")
    ends = event.ends_at
    enforce_retention(ends + timedelta(hours=23))
    assert Registration.objects.get().needs == "Gluteeniton ruokavalio"
    counts = enforce_retention(ends + timedelta(days=1, minutes=1))
    assert Registration.objects.get().needs == "" and counts["event_registration_needs"] == 1
    enforce_retention(ends + timedelta(days=89))
    assert Registration.objects.count() == 1
    counts = enforce_retention(ends + timedelta(days=90, minutes=1))
    assert counts["event_registrations"] == 1
    assert Registration.objects.count() == 0 and RegistrationEvent.objects.count() == 0


def test_export_and_erasure_by_address_include_registrations(client, event):
    from personal_data.declarations import purpose

    sign_up(client, event)
    declared = purpose("event_registrations")
    [row] = declared.find("MAIJA@example.org")
    assert declared.export(row)["name"] == "Maija Meikäläinen"


def test_spam_defences_refuse_and_save_nothing(client, event):
    assert sign_up(client, event, website="http://spam.example").status_code == 400
    assert sign_up(client, event, started=form_data()["started"][:-2]).status_code == 400
    assert Registration.objects.count() == 0


def test_swedish_works_when_switched_on(event):
    """Every string goes through gettext: with Swedish active the form validates and the mail is built."""
    from django.utils import translation

    from registrations.forms import RegistrationForm
    from registrations.services import SignUp, register

    with translation.override("sv"):
        form = RegistrationForm(data=form_data(), event=event)
        assert form.is_valid(), form.errors
        registration = register(event, SignUp(name="Sven", email="sven@example.org"))
    assert registration.language == "sv" and last_mail("sven@example.org").attachments
