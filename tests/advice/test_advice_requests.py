"""Advice requests: the public form in Finnish and English, its spam defences, the mails and the inbox."""

import pytest
from django.core import mail
from django.core.management import call_command

from advice.models import AdviceRequest
from personal_data.models import OutboxMessage
from tests.advice.conftest import form_data, token_from

pytestmark = pytest.mark.django_db


def test_a_finnish_request_is_saved_and_both_mails_wait_in_the_outbox(client, advice_page, communications):
    response = client.post(advice_page.url, form_data())

    assert response.status_code == 303 and response["Location"] == f"{advice_page.url}?sent=1"
    request = AdviceRequest.objects.get()
    assert (request.association, request.email, request.status, request.language) == (
        "Pallokissat ry",
        "maija@example.org",
        "new",
        "fi",
    )
    assert mail.outbox == []  # nothing is sent inside the request
    acknowledgement = OutboxMessage.objects.get(to="maija@example.org")
    assert acknowledgement.subject == "Neuvontapyyntösi on vastaanotettu"
    assert "/fi/omat-tiedot/avaa/?token=" in acknowledgement.body
    staff = OutboxMessage.objects.get(to=communications.email)
    assert "Pallokissat ry" in staff.subject and "maija@example.org" not in staff.body
    assert f"/admin/advice_request/edit/{request.pk}/" in staff.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Kiitos" in thanks.content.decode()


def test_an_english_request_gets_its_acknowledgement_in_english(client, en_advice_page):
    response = client.post(en_advice_page.url, form_data(email="anna@example.org"))

    assert response.status_code == 303
    assert AdviceRequest.objects.get().language == "en"
    acknowledgement = OutboxMessage.objects.get(to="anna@example.org")
    assert acknowledgement.subject == "We received your request for advice"
    assert "/en/my-data/open/?token=" in acknowledgement.body


def test_the_form_page_in_english_has_labels_and_the_data_notice(client, en_advice_page):
    html = client.get(en_advice_page.url).content.decode()

    assert '<label for="id_association">Association' in html
    assert "How we handle your data" in html and "12 months after the request has been handled" in html
    assert "checked" not in html  # no pre-ticked choice


def test_swedish_works_when_switched_on(client, advice_page):
    """Every string goes through gettext: with Swedish active the form still renders and validates."""
    from django.utils import translation

    with translation.override("sv"):
        from advice.forms import AdviceRequestForm

        form = AdviceRequestForm(data=form_data())
        assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "kenttä, joka jätetään tyhjäksi"),
        ({"started": 1}, "nopeammin kuin ihminen ehtii"),
        ({"started": 5 * 3600}, "oli auki yli 4 tuntia"),
        ({"started": "forged"}, "Lomaketta ei voitu tarkistaa"),
        ({"started": ("other", 60)}, "Lomaketta ei voitu tarkistaa"),
        ({"description": "x" * 2001}, "enintään 2000 merkkiä"),
        ({"contact_method": "phone"}, "Anna puhelinnumero"),
        ({"email": "not-an-address"}, "sähköpostiosoite"),
    ],
)
def test_every_refusal_says_why_and_saves_nothing(client, advice_page, overrides, message):
    started = overrides.get("started")
    if isinstance(started, int):  # seconds since the form was shown, at the time of the test
        overrides = {"started": token_from(started)}
    elif isinstance(started, tuple):  # a token of another form
        overrides = {"started": token_from(started[1], form=started[0])}
    response = client.post(advice_page.url, form_data(**overrides))

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'class="error-summary"' in html
    assert not AdviceRequest.objects.exists() and not OutboxMessage.objects.exists()


def test_too_large_a_request_is_refused_before_the_form_is_read(client, advice_page, settings):
    settings.KOONTO_FORM_MAX_BYTES = 1000
    response = client.post(advice_page.url, form_data(description="x" * 1500))

    assert response.status_code == 413 and "liian suuri" in response.content.decode()
    assert not AdviceRequest.objects.exists()


def test_rate_limits_per_ip_address_and_per_e_mail_address(client, advice_page, settings):
    settings.KOONTO_FORM_RATE_PER_EMAIL = 2
    settings.KOONTO_FORM_RATE_PER_IP = 3
    for _ in range(2):
        assert client.post(advice_page.url, form_data()).status_code == 303
    refused = client.post(advice_page.url, form_data())
    assert refused.status_code == 429 and "Liian monta lomaketta" in refused.content.decode()
    assert 'value="Pallokissat ry"' in refused.content.decode()  # the answers are kept
    assert AdviceRequest.objects.count() == 2

    by_ip = client.post(advice_page.url, form_data(email="other@example.org"))
    assert by_ip.status_code == 429
    other_visitor = client.post(advice_page.url, form_data(email="third@example.org"), REMOTE_ADDR="10.1.2.3")
    assert other_visitor.status_code == 303
    assert AdviceRequest.objects.count() == 3


def test_the_outbox_sends_the_mails_from_the_scheduled_command(client, advice_page, communications):
    client.post(advice_page.url, form_data())

    call_command("send_outbox", stdout=None)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(["maija@example.org", communications.email])
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_the_inbox_shows_requests_to_communications_only(client, advice_page, communications, editor, translator):
    client.post(advice_page.url, form_data())
    request = AdviceRequest.objects.get()

    for user in (editor, translator):
        client.force_login(user)
        assert client.get("/admin/advice_request/").status_code in (302, 403)
        assert client.get(f"/admin/advice_request/edit/{request.pk}/").status_code in (302, 403)
        assert b"Neuvontapyynn" not in client.get("/admin/").content

    client.force_login(communications)
    inbox = client.get("/admin/advice_request/")
    assert inbox.status_code == 200 and "Pallokissat ry" in inbox.content.decode()
    assert "Neuvontapyynnöt" in inbox.content.decode()
    response = client.post(f"/admin/advice_request/edit/{request.pk}/", {"status": "done"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "done" and request.done_at is not None
