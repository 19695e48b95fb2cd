"""Links in review and publication mail use the configured addresses: admin links
WAGTAILADMIN_BASE_URL (by default the public address), page links KOONTO_PUBLIC_URL; never the
Wagtail Site's host name (`localhost` here), 127.0.0.1 or the test client's host."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.editorial.test_workflow import act, event_form, submit

pytestmark = pytest.mark.django_db

PUBLIC = "https://koonto.example.test"
ADMIN = "https://hallinta.koonto.example.test"


@pytest.fixture(autouse=True)
def distinctive_origins(settings):
    settings.KOONTO_PUBLIC_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = ADMIN


def links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def assert_only_configured_links(message):
    found = links(message)
    assert found, message.body
    for link in found:
        assert link.startswith((PUBLIC + "/", ADMIN + "/")), f"{link} in:\n{message.body}"


def test_review_mail_links_to_the_admin_and_the_page_on_the_configured_addresses(
    client, site, draft_event, editor, communications
):
    edit_link = ADMIN + reverse("wagtailadmin_pages:edit", args=(draft_event.pk,))

    submit(client, editor, draft_event, event_form(draft_event))
    [to_reviewer] = mail.outbox
    assert edit_link in to_reviewer.body
    assert_only_configured_links(to_reviewer)

    mail.outbox.clear()
    draft_event.refresh_from_db()
    act(client, communications, draft_event, "reject", comment="Lisää kuva.")
    [sent_back] = mail.outbox
    assert edit_link in sent_back.body
    assert_only_configured_links(sent_back)

    mail.outbox.clear()
    submit(client, editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    mail.outbox.clear()
    act(client, communications, draft_event, "approve")
    [approved] = [message for message in mail.outbox if editor.email in message.to]
    draft_event.refresh_from_db()
    assert draft_event.live
    assert f"{PUBLIC}/fi/tapahtumat/{draft_event.slug}/" in approved.body
    assert_only_configured_links(approved)


def test_scheduled_publication_mail_links_to_the_public_address(client, site, draft_event, editor, communications):
    go_live = timezone.now() + timedelta(hours=1)
    form = event_form(draft_event, go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"))
    submit(client, editor, draft_event, form)
    draft_event.refresh_from_db()
    act(client, communications, draft_event, "approve")
    mail.outbox.clear()

    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
        call_command("send_outbox")

    [published] = mail.outbox
    assert f"{PUBLIC}/fi/tapahtumat/{draft_event.slug}/" in published.body
    assert_only_configured_links(published)
