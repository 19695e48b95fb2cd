"""New page slugs are ASCII (ä -> a, ö -> o, å -> a) whatever the client sends; existing slugs are
kept, and a changed slug leaves a redirect from the old address."""

import re

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from events.models import EventPage
from tests.editorial.test_workflow import event_form
from tests.factories import EventPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def create_event(client, user, parent, title, slug):
    client.force_login(user)
    form = event_form(EventPage(title=title, slug=slug))
    return client.post(reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk)), form)


def test_a_page_made_without_a_slug_gets_an_ascii_one(site, event_index):
    """Wagtail makes the slug from the title (the admin's form always sends one, see below)."""
    event = EventPageFactory.build(title="Työpaja yhdistyksille Åland-saaristossa", slug="")
    event_index.add_child(instance=event)
    assert event.slug == "tyopaja-yhdistyksille-aland-saaristossa"


def test_a_new_page_sent_with_a_finnish_slug_gets_the_ascii_one(client, site, event_index, editor):
    """What an old cached script, a client without JavaScript or the API may send."""
    create_event(client, editor, event_index, "Työpaja", "työpaja-yhdistyksille")
    event = EventPage.objects.get()
    assert event.slug == "tyopaja-yhdistyksille"
    assert event.url_path.endswith("/tyopaja-yhdistyksille/")
    assert event.get_latest_revision_as_object().slug == "tyopaja-yhdistyksille"


def test_the_ascii_slug_stays_unique_among_siblings(site, event_index):
    EventPageFactory(parent=event_index, title="Työpaja", slug="tyopaja")
    second = EventPageFactory(parent=event_index, title="Työpaja", slug="työpaja")
    assert second.slug == "tyopaja-2"
    assert Page.objects.get(pk=second.pk).url_path.endswith("/tyopaja-2/")


def test_existing_slugs_are_kept_when_the_page_is_edited(client, site, event_index, editor):
    event = EventPageFactory(parent=event_index, title="Työpaja", slug="tyopaja", live=False, owner=editor)
    Page.objects.filter(pk=event.pk).update(slug="työpaja")  # a page from before the rule
    event.refresh_from_db()
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:edit", args=(event.pk,)), event_form(event, title="Työpaja syksyllä"))
    assert event.get_latest_revision_as_object().slug == "työpaja"


def test_the_admin_slug_field_transliterates_in_the_browser(client, site, event_index, editor):
    """Wagtail's slug controller makes ASCII slugs (its URLify maps) when Unicode slugs are off."""
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index.pk))).content.decode()
    [slug_input] = re.findall(r'<input[^>]*name="slug"[^>]*>', html)
    assert 'data-controller="w-slug"' in slug_input
    # A false value is left out (its default, false): with it, the controller keeps Unicode letters.
    assert "data-w-slug-allow-unicode-value" not in slug_input


def test_a_changed_slug_leaves_a_redirect_from_the_old_address(client, site, home, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, title="Työpajat", slug="tyopajat")
    Page.objects.filter(pk=page.pk).update(slug="työpajat", url_path=page.url_path.replace("tyopajat", "työpajat"))
    page.refresh_from_db()
    page.save_revision().publish()
    old_url = page.url
    assert old_url == "/fi/ty%C3%B6pajat/"  # the address as people shared it

    page.slug = "tyopajat"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals a slug change on commit
        page.save_revision().publish()

    assert Redirect.objects.filter(redirect_page=page).exists()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/fi/tyopajat/"
    assert client.get(response["Location"]).status_code == 200
