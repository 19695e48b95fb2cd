"""Calls and events are facts for everyone: English pages list the untranslated ones in Finnish, marked.

The rule (koonto.visibility.PublicRule.pages_for_reader): the reader's language if public, else the
Finnish source if public, marked with lang="fi" and a note; never a hidden page.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from guides.models import FundingCallPage, featured_call
from koonto.visibility import PublicRule, rule_for
from tests.factories import EventPageFactory, FundingCallPageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def en_event_index(site, event_index, en_locale):
    index = event_index.copy_for_translation(en_locale)
    index.save_revision().publish()
    return index


@pytest.fixture
def en_guide_index(site, guide_index, en_locale):
    index = guide_index.copy_for_translation(en_locale)
    index.save_revision().publish()
    return index


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, title: str):
    english = page.copy_for_translation(locale)
    english.title = title
    english.save_revision().publish()
    english.refresh_from_db()
    return english


def open_call(parent, title: str, **kwargs):
    now = timezone.now()
    return FundingCallPageFactory(
        parent=parent, title=title, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30), **kwargs
    )


def test_the_english_home_shows_an_untranslated_call_in_finnish_marked_as_finnish(client, site, guide_index, en_home):
    call = open_call(guide_index, "Kansalaistoimijalähtöinen hankehaku")

    response = client.get(en_home.url)

    assert response.context["next_call"] == call
    html = page_text(response)
    assert "There is no open or upcoming funding call" not in html
    section = html.split('id="next-call-heading"')[1].split("</section>")[0]
    assert f'<a href="{call.url}" lang="fi">' in section and "Kansalaistoimijalähtöinen hankehaku" in section
    assert '<span class="language-note">(in Finnish)</span>' in section
    assert "Open" in section  # the call's facts are in the reader's language


def test_the_english_home_shows_the_english_call_once_it_is_translated(
    client, site, guide_index, en_guide_index, en_locale, en_home
):
    call = open_call(guide_index, "Kansalaistoimijalähtöinen hankehaku")
    english = translate(call, en_locale, "Call for citizen-led projects")

    html = page_text(client.get(en_home.url))
    section = html.split('id="next-call-heading"')[1].split("</section>")[0]

    assert "Call for citizen-led projects" in section and english.url in section
    assert "Kansalaistoimijalähtöinen" not in section and "language-note" not in section and 'lang="fi"' not in section


def test_a_draft_english_translation_leaves_the_finnish_call_featured(site, guide_index, en_guide_index, en_locale):
    call = open_call(guide_index, "Hankehaku")
    draft = call.copy_for_translation(en_locale)
    draft.save_revision()  # never published
    featured = featured_call(rule_for(None), en_locale, timezone.now())
    assert featured.next_call == call and featured.latest_closed_call is None


def test_a_hidden_finnish_call_is_never_featured(site, guide_index, en_locale, fi_locale):
    draft = open_call(guide_index, "Luonnos")
    FundingCallPage.objects.filter(pk=draft.pk).update(live=False)
    private = open_call(guide_index, "Yksityinen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for locale in (fi_locale, en_locale):
        assert featured_call(rule_for(None), locale, timezone.now()) == (None, None)


def test_the_finnish_home_never_shows_an_english_only_call(site, guide_index, en_guide_index, en_locale, home):
    english_only = open_call(en_guide_index, "An English-only call", locale=en_locale)
    assert featured_call(rule_for(None), home.locale, timezone.now()) == (None, None)
    assert featured_call(rule_for(None), en_locale, timezone.now()).next_call == english_only


def test_english_listings_show_each_event_once_in_the_readers_language_else_in_finnish(
    client, site, event_index, en_event_index, en_locale, en_home
):
    soon = timezone.now() + timedelta(days=3)
    translated = EventPageFactory(parent=event_index, title="Käännetty tapahtuma", starts_at=soon)
    translate(translated, en_locale, "Translated event")
    untranslated = EventPageFactory(parent=event_index, title="Kääntämätön tapahtuma", starts_at=soon + timedelta(hours=1))
    hidden = EventPageFactory(parent=event_index, title="Piilotettu tapahtuma", starts_at=soon + timedelta(hours=2))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    for url in (en_event_index.url, en_home.url):
        response = client.get(url)
        html = page_text(response)
        titles = [event.title for event in response.context["events" if url == en_event_index.url else "upcoming_events"]]
        assert titles == ["Translated event", "Kääntämätön tapahtuma"], url
        assert f'<a href="{untranslated.url}' in html and "(in Finnish)" in html
        assert "Käännetty tapahtuma" not in html and "Piilotettu tapahtuma" not in html
    # The home's "All events" leads to the English calendar, though an event is listed in Finnish.
    assert f'<a href="{en_event_index.url}">All events</a>' in client.get(en_home.url).content.decode()

    finnish = client.get(event_index.url)
    assert [event.title for event in finnish.context["events"]] == ["Käännetty tapahtuma", "Kääntämätön tapahtuma"]
    assert "language-note" not in finnish.content.decode()


def test_english_event_filters_count_the_finnish_events_too(client, site, event_index, en_event_index):
    EventPageFactory(parent=event_index, title="Webinaari", starts_at=timezone.now() + timedelta(days=3), event_type="webinar")
    response = client.get(en_event_index.url, {"type": "webinar"})
    assert [event.title for event in response.context["events"]] == ["Webinaari"]


def test_the_rule_for_listings_never_shows_a_hidden_page(site, guide_index, en_guide_index, en_locale):
    published = open_call(guide_index, "Julkinen")
    private_translation = translate(published, en_locale, "Private")
    PageViewRestriction.objects.create(page=private_translation, restriction_type=PageViewRestriction.PASSWORD, password="x")
    rule = PublicRule(site.get_site())

    # The English translation is private: the Finnish call stands in for it; the private one never shows.
    assert list(rule.pages_for_reader(FundingCallPage.objects.all(), en_locale)) == [published]
    published.unpublish()
    assert list(rule.pages_for_reader(FundingCallPage.objects.all(), en_locale)) == []
