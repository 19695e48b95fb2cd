"""Who may delete a page: communications any page; an editor only their own never-published
draft without subpages; translators none. Each case through the admin as that role: the
delete action is shown only where it is allowed, and a forged request is refused."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from editorial.rules import EDITORS
from koonto.permissions import EditorialPermissionsMixin
from tests.factories import EventPageFactory, StandardPageFactory, make_user

pytestmark = pytest.mark.django_db


def delete_url(page) -> str:
    return reverse("wagtailadmin_pages:delete", args=(page.pk,))


def shown_actions(client, page) -> str:
    """The page's edit view and its section's listing, where Wagtail offers the delete action."""
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    listing = client.get(reverse("wagtailadmin_explore", args=(page.get_parent().pk,)))
    assert edit.status_code == listing.status_code == 200
    return edit.text + listing.text


def try_to_delete(client, page) -> tuple[int, bool]:
    """The status of the confirmation view, and whether the page survives a forged delete and bulk delete."""
    confirm = client.get(delete_url(page))
    client.post(delete_url(page))
    client.post(f"{reverse('wagtail_bulk_action', args=('wagtailcore', 'page', 'delete'))}?id={page.pk}")
    return confirm.status_code, Page.objects.filter(pk=page.pk).exists()


def assert_may_not_delete(client, user, page):
    client.force_login(user)
    assert delete_url(page) not in shown_actions(client, page)
    status, survives = try_to_delete(client, page)
    assert status in (302, 403)
    assert survives


@pytest.fixture
def other_editor(db):
    return make_user("toinen-toimittaja", EDITORS)


def test_an_editor_cannot_delete_another_editors_draft(client, draft_event, other_editor):
    assert_may_not_delete(client, other_editor, draft_event)


def test_a_translator_cannot_delete_an_english_draft(client, site, event_index, communications, translator, en_locale):
    finnish = EventPageFactory(parent=event_index, title="Syystapahtuma", owner=communications)
    english = finnish.copy_for_translation(en_locale, copy_parents=True)
    assert not english.live
    assert_may_not_delete(client, translator, english)


def test_an_editor_deletes_their_own_never_published_draft(client, draft_event, editor):
    client.force_login(editor)
    assert delete_url(draft_event) in shown_actions(client, draft_event)
    assert client.get(delete_url(draft_event)).status_code == 200

    client.post(delete_url(draft_event))

    assert not Page.objects.filter(pk=draft_event.pk).exists()


def test_an_editor_cannot_delete_their_own_page_once_it_has_been_published(client, draft_event, editor, communications):
    draft_event.save_revision(user=editor).publish()
    draft_event.refresh_from_db()
    draft_event.unpublish(user=communications)
    draft_event.refresh_from_db()
    assert not draft_event.live
    assert_may_not_delete(client, editor, draft_event)


def test_an_editor_cannot_delete_their_own_draft_that_has_subpages(client, site, editor):
    parent = StandardPageFactory(parent=site, title="Luonnososio", live=False, owner=editor)
    StandardPageFactory(parent=parent, title="Alasivu", live=False, owner=editor)
    assert_may_not_delete(client, editor, parent)


def test_communications_delete_other_peoples_drafts_and_live_pages(client, site, draft_event, event_index, communications):
    live = EventPageFactory(parent=event_index, title="Julkaistu tapahtuma")
    client.force_login(communications)
    for page in (draft_event, live):
        assert delete_url(page) in shown_actions(client, page)
        client.post(delete_url(page))
        assert not Page.objects.filter(pk=page.pk).exists()


def test_every_page_type_uses_koontos_deletion_rule():
    """A page type without the mixin would fall back to Wagtail's rule (change lets one delete any draft)."""
    page_types = [model for model in get_page_models() if model is not Page]
    assert page_types
    assert [model.__name__ for model in page_types if not issubclass(model, EditorialPermissionsMixin)] == []
