"""Funding-call reminders: the form outside the page cache, double opt-in, reminders at the right
moments exactly once (a fake clock), one-click unsubscribe, deletion when the call closes, and
"all future calls"."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from koonto.models import KoontoSettings
from ops.logging import JsonFormatter
from personal_data.models import OutboxMessage
from personal_data.outbox import send_due
from reminders.models import SentReminder, Subscription
from tests.factories import FundingCallPageFactory
from tests.reminders.conftest import EMAIL, START, confirm, form_url, link, subscribe

pytestmark = pytest.mark.django_db


def run_reminders(traveller, at) -> list[OutboxMessage]:
    """Move the clock, run the scheduled command, and return what it queued."""
    traveller.move_to(at)
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    call_command("send_reminders", stdout=None)
    return list(OutboxMessage.objects.exclude(pk__in=before).order_by("pk"))


# --- where the form is ----------------------------------------------------------------------------


def test_the_call_page_and_the_listing_link_to_the_form(client, call, guide_index):
    html = client.get(call.url).content.decode()
    assert f'href="/fi/muistutukset/?call={call.translation_key}"' in html and "Muistuta minua" in html
    assert 'href="/fi/muistutukset/"' in client.get(guide_index.url).content.decode()


def test_a_closed_call_offers_no_reminder(client, call, clock):
    clock.move_to(START + timedelta(days=61))
    assert "/fi/muistutukset/?call=" not in client.get(call.url).content.decode()
    page = client.get(form_url(call))
    html = page.content.decode()
    assert page.status_code == 200 and "haku on sulkeutunut tai peruttu" in html
    assert 'type="hidden" name="scope" value="all"' in html


def test_the_form_is_private_and_has_no_pre_ticked_choice(client, call):
    page = client.get(form_url(call))
    html = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "Kylätoiminnan hankehaku" in html and 'name="started"' in html and "csrfmiddlewaretoken" in html
    assert "Miten käsittelemme tietojasi" in html and "Kunnes haku sulkeutuu" in html
    assert "checked" not in html


@pytest.fixture
def page_cache(settings, site):
    settings.KOONTO_PAGE_CACHE = True
    KoontoSettings.for_site(site.get_site())


def test_the_call_page_stays_cached_and_a_subscription_does_not_empty_the_cache(client, call, page_cache):
    client.get(call.url)
    cached = client.get(call.url)
    assert cached["X-Koonto-Cache"] == "hit"
    assert b"csrfmiddlewaretoken" not in cached.content and b'name="started"' not in cached.content
    other = client.__class__()
    assert subscribe(other, call).status_code == 303
    client.cookies.clear()
    assert client.get(call.url)["X-Koonto-Cache"] == "hit"
    form = client.get(form_url(call))
    assert "X-Koonto-Cache" not in client.get(form_url(call)) and "no-store" in form["Cache-Control"]


# --- double opt-in --------------------------------------------------------------------------------


def test_a_subscription_waits_for_confirmation_from_the_mail(client, call):
    response = subscribe(client, call)

    assert response.status_code == 303 and "sent=1" in response["Location"]
    assert "Tarkista sähköpostisi" in client.get(response["Location"]).content.decode()
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.call_key, subscription.confirmed_at) == (EMAIL, call.translation_key, None)
    assert mail.outbox == []  # nothing is sent inside the request
    message = OutboxMessage.objects.get()
    assert message.subject == "Vahvista hankehakujen muistutukset" and message.purpose == "call_reminders"
    assert "hankehaun ”Kylätoiminnan hankehaku” muistutukset" in message.body
    assert "/fi/omat-tiedot/vahvista/?token=" in message.body and "/fi/omat-tiedot/avaa/?token=" in message.body

    confirm(client, subscription)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_asking_again_makes_no_second_subscription(client, call):
    subscribe(client, call)
    subscribe(client.__class__(), call, email=EMAIL.upper())
    assert Subscription.objects.count() == 1 and OutboxMessage.objects.count() == 2
    confirm(client, Subscription.objects.get())
    subscribe(client.__class__(), call)
    assert Subscription.objects.count() == 1
    assert OutboxMessage.objects.order_by("-pk").first().subject == "Saat jo nämä muistutukset"


def test_an_unconfirmed_subscriber_gets_no_reminders(client, call, clock):
    subscribe(client, call)
    assert run_reminders(clock, call.opens_at + timedelta(minutes=1)) == []


# --- reminders at the right moments, each once ----------------------------------------------------


def test_reminders_go_when_the_call_opens_and_14_and_3_days_before_it_closes_each_once(client, call, clock):
    subscribe(client, call)
    subscription = Subscription.objects.get()
    confirm(client, subscription)

    assert run_reminders(clock, call.opens_at - timedelta(minutes=1)) == []
    opened = run_reminders(clock, call.opens_at)
    assert [m.subject for m in opened] == ["Hankehaku on avautunut: Kylätoiminnan hankehaku"]
    assert "Hakemuksia otetaan vastaan 30.4.2030 klo 12.00 asti." in opened[0].body
    assert run_reminders(clock, call.opens_at + timedelta(hours=1)) == []

    assert run_reminders(clock, call.closes_at - timedelta(days=14, minutes=1)) == []
    fourteen = run_reminders(clock, call.closes_at - timedelta(days=14))
    assert [m.subject for m in fourteen] == ["Hakuaikaa jäljellä 14 päivää: Kylätoiminnan hankehaku"]
    assert run_reminders(clock, call.closes_at - timedelta(days=13)) == []

    three = run_reminders(clock, call.closes_at - timedelta(days=3))
    assert [m.subject for m in three] == ["Hakuaikaa jäljellä 3 päivää: Kylätoiminnan hankehaku"]
    assert run_reminders(clock, call.closes_at - timedelta(seconds=1)) == []
    assert run_reminders(clock, call.closes_at + timedelta(days=1)) == []
    assert SentReminder.objects.count() == 3

    # The subscription ends, and its data goes, when the call closes.
    call_command("enforce_retention", stdout=None)
    assert not Subscription.objects.exists() and not SentReminder.objects.exists()


def test_the_days_before_closing_are_a_setting(client, call, clock, settings):
    settings.KOONTO_REMINDER_DAYS_BEFORE_CLOSE = [7]
    subscribe(client, call)
    confirm(client, Subscription.objects.get())
    assert len(run_reminders(clock, call.opens_at)) == 1
    assert run_reminders(clock, call.closes_at - timedelta(days=14)) == []  # no 14-day reminder any more
    sent = run_reminders(clock, call.closes_at - timedelta(days=7))
    assert [m.subject for m in sent] == ["Hakuaikaa jäljellä 7 päivää: Kylätoiminnan hankehaku"]


def test_a_loop_that_stood_still_sends_only_the_latest_reminder(client, call, clock):
    subscribe(client, call)
    confirm(client, Subscription.objects.get())
    sent = run_reminders(clock, call.closes_at - timedelta(days=2))
    assert [m.subject for m in sent] == ["Hakuaikaa jäljellä 2 päivää: Kylätoiminnan hankehaku"]
    assert run_reminders(clock, call.closes_at - timedelta(days=1)) == []


def test_a_subscriber_who_joins_an_open_call_gets_only_the_moments_still_ahead(client, call, clock):
    clock.move_to(call.closes_at - timedelta(days=10))
    subscribe(client, call)
    confirm(client, Subscription.objects.get())
    assert run_reminders(clock, call.closes_at - timedelta(days=9)) == []
    assert len(run_reminders(clock, call.closes_at - timedelta(days=3))) == 1


def test_the_reminder_is_in_the_subscribers_language(client, call, en_call, clock):
    response = subscribe(client, en_call, language="en")
    assert response.status_code == 303
    subscription = Subscription.objects.get()
    assert subscription.language == "en"
    assert OutboxMessage.objects.get().subject == "Confirm your funding call reminders"
    confirm(client, subscription)
    sent = run_reminders(clock, call.opens_at)
    assert [m.subject for m in sent] == ["The funding call is open: Village action call"]
    assert "30 April 2030, 12:00" in sent[0].body and en_call.url in sent[0].body


def test_a_cancelled_call_sends_nothing(client, call, clock):
    subscribe(client, call)
    confirm(client, Subscription.objects.get())
    call.cancelled = True
    call.save_revision().publish()
    assert run_reminders(clock, call.opens_at) == []


# --- all future calls -----------------------------------------------------------------------------


def test_all_future_calls_remind_of_each_new_call_and_keep_the_subscription(client, call, guide_index, clock):
    already_open = FundingCallPageFactory(parent=guide_index, title="Jo auki", opens_at=START - timedelta(days=1))
    already_open.save_revision().publish()
    assert subscribe(client, scope="all").status_code == 303
    subscription = Subscription.objects.get()
    assert subscription.call_key is None
    confirm(client, subscription)

    clock.move_to(START + timedelta(days=5))
    later = FundingCallPageFactory(
        parent=guide_index, title="Uusi haku", opens_at=START + timedelta(days=30), closes_at=START + timedelta(days=90)
    )
    later.save_revision().publish()

    assert [m.subject for m in run_reminders(clock, call.opens_at)] == ["Hankehaku on avautunut: Kylätoiminnan hankehaku"]
    assert [m.subject for m in run_reminders(clock, later.opens_at)] == ["Hankehaku on avautunut: Uusi haku"]
    assert run_reminders(clock, later.opens_at + timedelta(days=1)) == []
    assert "kaikista tulevista hankehauista" in OutboxMessage.objects.order_by("-pk").first().body

    clock.move_to(call.closes_at + timedelta(minutes=1))
    call_command("enforce_retention", stdout=None)
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    assert not SentReminder.objects.filter(call_key=call.translation_key).exists()


def test_an_all_calls_subscription_ends_after_its_period(client, call, clock, settings):
    settings.KOONTO_REMINDERS_ALL_CALLS_DAYS = 30
    subscribe(client, scope="all")
    confirm(client, Subscription.objects.get())
    clock.move_to(START + timedelta(days=29))
    call_command("enforce_retention", stdout=None)
    assert Subscription.objects.exists()
    clock.move_to(START + timedelta(days=31))
    call_command("enforce_retention", stdout=None)
    assert not Subscription.objects.exists()


# --- unsubscribe ----------------------------------------------------------------------------------


def test_every_reminder_has_one_click_unsubscribe_with_its_headers(client, call, clock):
    subscribe(client, call)
    confirm(client, Subscription.objects.get())
    reminder = run_reminders(clock, call.opens_at)[0]
    send_due()
    sent = next(m for m in mail.outbox if m.subject == reminder.subject)
    unsubscribe = sent.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http://testserver/fi/omat-tiedot/peru/?token=")
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in sent.body

    # A mail client's one-click POST (RFC 8058): no cookie, no CSRF token.
    from django.test import Client

    mail_client = Client(enforce_csrf_checks=True)
    path = unsubscribe.replace("http://testserver", "")
    response = mail_client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "Muistutukset on lopetettu" in response.content.decode()
    assert not Subscription.objects.exists()
    assert mail_client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 400


def test_the_unsubscribe_link_in_the_mail_asks_for_one_click(client, call, clock):
    subscribe(client, call)
    confirm(client, Subscription.objects.get())
    reminder = run_reminders(clock, call.opens_at)[0]
    opened = client.get(link(reminder, "/peru/?token="))
    assert opened.status_code == 303 and opened["Location"] == "/fi/omat-tiedot/peru/"
    page = client.get(opened["Location"])
    assert "Lopeta muistutukset" in page.content.decode() and Subscription.objects.exists()
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex, nofollow"
    assert client.post("/fi/omat-tiedot/peru/").status_code == 400  # another site's form carries no token
    assert Subscription.objects.exists()
    assert OutboxMessage.objects.filter(pk=reminder.pk, status="pending").exists()
    assert client.post("/fi/omat-tiedot/peru/", {"token": page.context["token"]}).status_code == 200
    assert not Subscription.objects.exists()
    assert not OutboxMessage.objects.filter(pk=reminder.pk).exists()  # a reminder still waiting does not go


# --- spam defences --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "kenttä, joka jätetään tyhjäksi"),
        ({"started": "x"}, "Lomaketta ei voitu tarkistaa"),
        ({"email": "ei-osoite"}, "Sähköpostiosoite"),
        ({"scope": "00000000-0000-0000-0000-000000000000"}, "Mistä muistutetaan?"),
    ],
)
def test_every_refusal_says_why_and_saves_nothing(client, call, overrides, message):
    response = subscribe(client, call, **overrides)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Subscription.objects.exists() and not OutboxMessage.objects.exists()


def test_too_fast_is_refused(client, call):
    from tests.advice.conftest import token_from

    response = subscribe(client, call, started=token_from(1, "reminders"))
    assert response.status_code == 400 and "nopeammin kuin ihminen ehtii" in response.content.decode()


def test_rate_limit_per_e_mail_address(client, call, settings):
    settings.KOONTO_FORM_RATE_PER_EMAIL = 1
    assert subscribe(client, call).status_code == 303
    refused = subscribe(client.__class__(), call)
    assert refused.status_code == 429 and EMAIL in refused.content.decode()  # the answer stays in the form
    assert Subscription.objects.count() == 1


# --- nowhere public -------------------------------------------------------------------------------


def test_no_personal_data_in_the_api_feeds_search_or_logs(client, call, caplog):
    caplog.set_level(logging.DEBUG)
    subscribe(client, call)
    subscribe(client, call, email="x" * 300)
    subscription = Subscription.objects.get()
    message = OutboxMessage.objects.get()
    confirmation = link(message, "/vahvista/?token=")
    client.get(confirmation)
    server = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"GET %s HTTP/1.1" 303 0', (confirmation,), None)
    lines = "\n".join(JsonFormatter().format(r) for r in [*caplog.records, server])
    assert confirmation.split("token=")[1] not in lines and EMAIL not in lines

    from django.urls import reverse

    with translation.override("fi"):
        feeds = [reverse("guides_feed"), reverse("calendar")]
    for url in (f"/api/v2/pages/{call.pk}/", "/api/v2/pages/?search=maija", "/fi/search/?q=Kyl%C3%A4toiminnan", *feeds):
        response = client.get(url)
        assert response.status_code == 200, url
        assert EMAIL.encode() not in response.content and b"maija" not in response.content, url
    assert subscription.pk


# --- staff export and erasure ---------------------------------------------------------------------


def test_communications_export_and_erase_a_subscription(client, call, communications):
    subscribe(client, call)
    client.force_login(communications)
    exported = client.post("/admin/personal-data/", {"email": EMAIL, "action": "export"}).json()
    assert exported["data"]["call_reminders"][0]["call_key"] == str(call.translation_key)
    client.post("/admin/personal-data/", {"email": EMAIL, "action": "erase", "confirm": "on"})
    assert not Subscription.objects.exists()


# --- Swedish --------------------------------------------------------------------------------------


@pytest.fixture
def swedish(settings, db):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="sv")
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fi", "Suomi"), ("en", "English"), ("sv", "Svenska")]


def test_swedish_form_and_mails_work_when_switched_on(client, call, clock, swedish):
    page = client.get(form_url(call, "sv"))
    html = page.content.decode()
    assert page.status_code == 200 and '<option value="sv" selected>Svenska</option>' in html
    assert subscribe(client, call, language="sv").status_code == 303
    subscription = Subscription.objects.get()
    assert subscription.language == "sv"
    # Swedish words fall back to Finnish where the catalogue has none (Django's fallback to LANGUAGE_CODE),
    # addresses included: /sv/muistutukset/.
    assert form_url(language="sv") == "/sv/muistutukset/"
    assert "/sv/omat-tiedot/vahvista/?token=" in OutboxMessage.objects.get().body
    confirm(client, subscription)
    # No Swedish page of the call: the reminder falls back to the Finnish page.
    sent = run_reminders(clock, call.opens_at)
    assert len(sent) == 1 and "Kylätoiminnan hankehaku" in sent[0].subject and call.url in sent[0].body
    assert "/sv/omat-tiedot/peru/?token=" in sent[0].body


# --- two runners of the loop at once ------------------------------------------------------------


def test_a_second_runner_with_a_stale_view_sends_nothing_twice(call, clock):
    """Two machines running the loop by mistake: the second read the subscriptions before the first
    wrote its SentReminder rows. The unique constraint (get_or_create) stops its copy; on PostgreSQL
    a concurrent insert waits on the unique index and then finds the row the same way."""
    from reminders import schedule

    subscription = Subscription.objects.create(email=EMAIL, call_key=call.translation_key, confirmed_at=START)
    clock.move_to(call.opens_at)
    stale = list(Subscription.objects.prefetch_related("sent"))  # what the second runner saw
    assert schedule.send_due_reminders() == 1
    page = call.specific
    assert schedule._send_once(stale[0], page, call.translation_key, "opens", call.opens_at) is False
    assert SentReminder.objects.filter(subscription=subscription).count() == 1
    assert OutboxMessage.objects.filter(purpose="call_reminders").count() == 1
