"""wagtail-localize's two ways to make a translation live at once, "convert to alias" and the
sync view's "Publish immediately", are for groups that may publish: for the rest the actions
are hidden and a forged request is refused, so nothing skips review."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from editorial.rules import EDITORS
from tests.bilingual.test_translation_workflow import submit_for_translation
from tests.factories import EventPageFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_event(site, event_index):
    event = EventPageFactory(parent=event_index, title="Syystapahtuma", slug="syystapahtuma")
    event.save_revision().publish()
    return event


@pytest.fixture
def english_draft(client, finnish_event, event_index, communications, en_locale, django_capture_on_commit_callbacks):
    """The live Finnish event, submitted for English translation (with its section): the English page is a draft."""
    submit_for_translation(client, communications, event_index, en_locale, django_capture_on_commit_callbacks)
    event_index.get_translation(en_locale).save_revision().publish()
    submit_for_translation(client, communications, finnish_event, en_locale, django_capture_on_commit_callbacks)
    client.logout()
    english = Page.objects.get(translation_key=finnish_event.translation_key, locale=en_locale)
    assert not english.live
    return english


@pytest.fixture
def sync_editor(db):
    """An editor who was also given wagtail-localize's translate-and-sync permission, but not publish."""
    user = make_user("synkkaaja", EDITORS)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"))
    return user


def convert_url(page) -> str:
    return reverse("wagtail_localize:convert_to_alias", args=(page.pk,))


def sync_url(page) -> str:
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return reverse("wagtail_localize:update_translations", args=(source.pk,))


def refused(response) -> bool:
    """The admin refuses with a 403, or sends the user to the dashboard with a permission message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def editor_html(client, page) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_a_role_that_cannot_publish_cannot_convert_a_translation_to_a_live_alias(
    request, client, english_draft, role, django_capture_on_commit_callbacks
):
    client.force_login(request.getfixturevalue(role))

    confirm = client.get(convert_url(english_draft))
    with django_capture_on_commit_callbacks(execute=True):
        forged = client.post(convert_url(english_draft))

    assert refused(confirm)
    assert refused(forged)
    english_draft.refresh_from_db()
    assert english_draft.alias_of_id is None
    assert not english_draft.live


def test_communications_may_convert_a_translation_to_an_alias(
    client, english_draft, finnish_event, communications, django_capture_on_commit_callbacks
):
    client.force_login(communications)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(convert_url(english_draft))

    assert response.status_code == 302
    english_draft.refresh_from_db()
    assert english_draft.alias_of_id == finnish_event.pk
    assert english_draft.live


def test_convert_to_alias_is_offered_only_to_those_who_may_publish(client, english_draft, translator, editor, communications):
    # In the translation editor (an active translation) ...
    client.force_login(translator)
    assert convert_url(english_draft) not in editor_html(client, english_draft)
    client.force_login(communications)
    assert convert_url(english_draft) in editor_html(client, english_draft)

    # ... and in the page editor's menu once the translation is stopped.
    Translation.objects.filter(target_locale=english_draft.locale).update(enabled=False)
    for user in (translator, editor):
        client.force_login(user)
        assert 'name="localize-convert-to-alias"' not in editor_html(client, english_draft)
    client.force_login(communications)
    assert 'name="localize-convert-to-alias"' in editor_html(client, english_draft)


def test_sync_with_publish_immediately_is_refused_to_a_user_who_cannot_publish(
    client, english_draft, finnish_event, sync_editor, django_capture_on_commit_callbacks
):
    client.force_login(sync_editor)

    form = client.get(sync_url(finnish_event))
    with django_capture_on_commit_callbacks(execute=True):
        forged = client.post(sync_url(finnish_event), {"publish_translations": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        plain_sync = client.post(sync_url(finnish_event), {})

    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.text
    assert refused(forged)
    assert plain_sync.status_code == 302
    assert not refused(plain_sync)
    english_draft.refresh_from_db()
    assert not english_draft.live


def test_communications_sync_and_publish_translations_at_once(
    client, english_draft, finnish_event, communications, django_capture_on_commit_callbacks
):
    client.force_login(communications)

    form = client.get(sync_url(finnish_event))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(finnish_event), {"publish_translations": "on"})

    assert 'name="publish_translations"' in form.text
    assert response.status_code == 302
    english_draft.refresh_from_db()
    assert english_draft.live
