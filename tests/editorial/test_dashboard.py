"""Dashboard panels show each role what is theirs to act on, and nothing they may not open."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.dashboard import AwaitingMePanel, MyDraftsPanel, ScheduledPanel
from guides.dashboard import CallDeadlinesPanel, StaleContentPanel
from tests.editorial.test_workflow import act, event_form, guide_form, submit
from tests.factories import FundingCallPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db


def titles(panel_class, user):
    return {item.title for item in panel_class(user).get_items()}


def test_awaiting_me_follows_the_current_step(client, site, draft_guide, editor, expert, communications, translator):
    submit(client, editor, draft_guide, guide_form(draft_guide))
    assert titles(AwaitingMePanel, expert) == {draft_guide.title}
    assert titles(AwaitingMePanel, communications) == set()
    assert titles(AwaitingMePanel, editor) == set()
    assert titles(AwaitingMePanel, translator) == set()

    draft_guide.refresh_from_db()
    act(client, expert, draft_guide, "approve")
    assert titles(AwaitingMePanel, expert) == set()
    assert titles(AwaitingMePanel, communications) == {draft_guide.title}


def test_my_drafts_are_the_users_own_unpublished_changes(site, draft_event, editor, communications, translator):
    assert titles(MyDraftsPanel, editor) == {draft_event.title}
    assert titles(MyDraftsPanel, communications) == set()
    assert titles(MyDraftsPanel, translator) == set()


def test_scheduled_publications_of_the_next_14_days_for_those_who_may_edit_them(
    client, site, draft_event, editor, communications, translator
):
    go_live = timezone.localtime() + timedelta(days=3)
    submit(client, editor, draft_event, event_form(draft_event, go_live_at=go_live.strftime("%Y-%m-%d %H:%M")))
    draft_event.refresh_from_db()
    act(client, communications, draft_event, "approve")
    assert titles(ScheduledPanel, communications) == {draft_event.title}
    assert titles(ScheduledPanel, editor) == {draft_event.title}
    assert titles(ScheduledPanel, translator) == set()
    later = ScheduledPanel(communications, now=timezone.now() - timedelta(days=12))
    assert {item.title for item in later.get_items()} == set()  # 15 days after that moment: outside its window


def test_call_deadlines_of_the_next_30_days(site, guide_index, communications, translator):
    now = timezone.now()
    soon = FundingCallPageFactory(parent=guide_index, title="Sulkeutuu pian", closes_at=now + timedelta(days=10))
    FundingCallPageFactory(parent=guide_index, title="Sulkeutuu myöhemmin", closes_at=now + timedelta(days=40))
    FundingCallPageFactory(
        parent=guide_index, title="Sulkeutunut", opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1)
    )
    FundingCallPageFactory(parent=guide_index, title="Peruttu", closes_at=now + timedelta(days=5), cancelled=True)
    assert titles(CallDeadlinesPanel, communications) == {soon.title}
    assert titles(CallDeadlinesPanel, translator) == set()


def test_stale_content_is_guides_and_open_calls_not_checked_for_a_year(site, guide_index, communications, translator, settings):
    today = timezone.localdate()
    now = timezone.now()
    GuidePageFactory(parent=guide_index, title="Vanha opas", reviewed_on=today - timedelta(days=400))
    GuidePageFactory(parent=guide_index, title="Tuore opas", reviewed_on=today - timedelta(days=30))
    FundingCallPageFactory(parent=guide_index, title="Tarkistamaton haku", last_verified=None)
    FundingCallPageFactory(
        parent=guide_index,
        title="Päättynyt haku",
        opens_at=now - timedelta(days=90),
        closes_at=now - timedelta(days=60),
        last_verified=None,
    )
    assert titles(StaleContentPanel, communications) == {"Vanha opas", "Tarkistamaton haku"}
    assert titles(StaleContentPanel, translator) == set()

    settings.KOONTO_STALE_AFTER_DAYS = 20
    assert "Tuore opas" in titles(StaleContentPanel, communications)


def test_dashboard_shows_the_panels_in_finnish(client, site, communications):
    client.force_login(communications)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for heading in ("Odottaa minua", "Omat luonnokset", "Ajastetut julkaisut", "Hakujen määräajat", "Tarkistettava sisältö"):
        assert heading in html


def test_empty_panels_speak_of_what_the_user_may_open_not_of_the_whole_site(client, site, guide_index, translator):
    """A translator may not open the Finnish call that closes in ten days: their empty panels say
    there is nothing *for them*, not that no call closes (which would be false)."""
    FundingCallPageFactory(parent=guide_index, title="Sulkeutuu pian", closes_at=timezone.now() + timedelta(days=10))
    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sulkeutuu pian" not in html
    assert "Sinulle ei ole muokattavia hankehakuja, jotka päättyvät seuraavan 30 päivän aikana." in html
    assert "Sinulle ei ole muokattavia sivuja, jotka on ajastettu julkaistaviksi seuraavan 14 päivän aikana." in html
    assert "Sinulle ei ole tarkistettavia oppaita tai hakuja" in html
    assert "Yksikään hankehaku ei pääty" not in html
