"""Work a reviewer sends back stays in sight: in its author's dashboard with the reviewer's comment,
and in a banner above the page's editor until the author submits it again."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editorial.dashboard import MyDraftsPanel, SentBackPanel
from tests.editorial.test_workflow import act, event_form, submit
from tests.factories import make_user

pytestmark = pytest.mark.django_db

COMMENT = "Lisää ilmoittautumislinkki ja tarkista alkamisaika."


@pytest.fixture
def sent_back(client, site, draft_event, editor, communications):
    """The editor's event, rejected by communications with a comment (the reviewer's edit makes the
    latest revision theirs, as the admin's footer does when the form is posted with the action)."""
    submit(client, editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    draft_event.save_revision(user=communications)
    act(client, communications, draft_event, "reject", comment=COMMENT)
    draft_event.refresh_from_db()
    return draft_event


def edit_view(user, page):
    client = Client()
    client.force_login(user)
    return client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()


def test_the_author_sees_the_page_sent_back_with_the_comment(sent_back, editor, communications):
    with translation.override("fi"):
        [item] = SentBackPanel(editor).get_items()
    assert item.title == sent_back.title
    assert item.url == reverse("wagtailadmin_pages:edit", args=(sent_back.pk,))
    assert item.detail == f"{communications.get_full_name()} (Viestinnän hyväksyntä): {COMMENT}"
    assert SentBackPanel(communications).get_items() == []
    assert [item.title for item in MyDraftsPanel(editor).get_items()] == []  # listed once, in its own panel


def test_the_dashboard_shows_the_panel_in_finnish_and_english(sent_back, editor):
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Palautettu sinulle muutettavaksi" in html
    assert COMMENT in html

    english = make_user("editor-en", "Toimittajat", language="en")
    sent_back.owner = english
    sent_back.save()
    client.force_login(english)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sent back to you for changes" in html
    assert COMMENT in html


def test_nothing_sent_back_says_so(site, editor):
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sinulle ei ole palautettu mitään muutettavaksi." in html


def test_the_edit_view_shows_the_comment_until_the_page_is_resubmitted(client, sent_back, editor, communications):
    html = edit_view(editor, sent_back)
    assert f"{communications.get_full_name()} pyysi muutoksia vaiheessa ”Viestinnän hyväksyntä”:" in html
    assert f"<q>{COMMENT}</q>" in html
    assert "Tee muutokset ja lähetä sivu uudelleen tarkastettavaksi." in html
    assert COMMENT in edit_view(editor, sent_back)  # on every visit, not once

    submit(client, editor, sent_back, event_form(sent_back))
    sent_back.refresh_from_db()
    assert sent_back.current_workflow_task.name == "Viestinnän hyväksyntä"
    assert COMMENT not in edit_view(editor, sent_back)
    assert SentBackPanel(editor).get_items() == []


def test_the_comment_is_escaped(client, site, draft_event, editor, communications):
    submit(client, editor, draft_event, event_form(draft_event))
    draft_event.refresh_from_db()
    act(client, communications, draft_event, "reject", comment="<script>alert(1)</script>")
    html = edit_view(editor, draft_event)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
