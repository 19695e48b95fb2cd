"""After acting on a review, every role lands on a page it may see, told in Finnish what happened.

Wagtail's edit view sends a reviewer to the listing of the page's parent; subject experts have no
page permissions (editorial/rules.py), so that listing refused them with "Pahoittelut, mutta
sinulla ei ole pääsyä tähän osioon". editorial/review.py sends them to the dashboard instead.
"""

import json
from datetime import timedelta
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from tests.editorial.test_workflow import event_form, guide_form, submit

pytestmark = pytest.mark.django_db

DENIED = "Pahoittelut"  # Wagtail's Finnish "Sorry, you do not have permission to access this area."


def review_in_editor(client, user, page, form, action, comment=""):
    """Approve or reject from the edit view's footer menu, as the admin does (the comment comes from its modal)."""
    client = Client()  # a browser of their own: no notices left from the author's session
    client.force_login(user)
    page.refresh_from_db()
    data = {**form, "action-workflow-action": "1", "workflow-action-name": action}
    if comment:
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data, follow=True)


def notices(response) -> list[str]:
    """The admin's notices as the person reads them (Wagtail renders them as HTML with buttons)."""
    return [" ".join(strip_tags(unescape(str(message))).split()) for message in response.context["messages"]]


def test_expert_who_approves_lands_on_the_dashboard_told_what_comes_next(client, site, draft_guide, editor, expert):
    submit(client, editor, draft_guide, guide_form(draft_guide))
    response = review_in_editor(client, expert, draft_guide, guide_form(draft_guide), "approve")

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    html = response.content.decode()
    assert DENIED not in html
    assert notices(response) == ["Hyväksyit sivun ”Luonnosopas”. Se odottaa nyt vaihetta ”Viestinnän hyväksyntä”."]
    assert "Odottaa minua" in html


def test_expert_who_requests_changes_lands_on_the_dashboard(client, site, draft_guide, editor, expert):
    submit(client, editor, draft_guide, guide_form(draft_guide))
    response = review_in_editor(client, expert, draft_guide, guide_form(draft_guide), "reject", comment="Tarkista summat.")

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert DENIED not in response.content.decode()
    assert notices(response) == ["Palautit sivun ”Luonnosopas” tekijälleen muutettavaksi, ja tekijälle on ilmoitettu."]


def test_communications_who_approves_lands_on_the_section_told_it_is_published(
    client, site, draft_event, event_index, editor, communications
):
    submit(client, editor, draft_event, event_form(draft_event))
    response = review_in_editor(client, communications, draft_event, event_form(draft_event), "approve")

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=(event_index.pk,))
    assert DENIED not in response.content.decode()
    assert notices(response) == ["Hyväksyit sivun ”Luonnostapahtuma”. Se on nyt julkaistu."]


def test_approval_with_a_go_live_time_says_when_the_page_goes_live(client, site, draft_event, editor, communications):
    submit(client, editor, draft_event, event_form(draft_event))
    go_live = timezone.localtime() + timedelta(days=2)
    form = event_form(draft_event, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    response = review_in_editor(client, communications, draft_event, form, "approve")

    expected_time = f"{go_live.day}.{go_live.month}.{go_live.year} klo {go_live.hour}.{go_live.minute:02d}"
    assert notices(response) == [f"Hyväksyit sivun ”Luonnostapahtuma”. Se julkaistaan {expected_time}."]
    draft_event.refresh_from_db()
    assert not draft_event.live


def test_editor_who_submits_lands_on_the_section(client, site, draft_event, event_index, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(draft_event.pk,)), {**event_form(draft_event), "action-submit": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=(event_index.pk,))
    assert DENIED not in response.content.decode()
