"""Starting and syncing translations: page permissions on each language tree decide who may.

Translators start translations ("Käännä") into their languages and sync the translations they
work on; the start form pre-selects every enabled language that is missing and refuses an
empty choice with a form error.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from editorial.rules import apply_editorial_rules
from localisation.permissions import TranslationPermissions
from tests.factories import EventPageFactory, HomePageFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_event(site, event_index):
    event = EventPageFactory(parent=event_index, title="Kevään infotilaisuus", slug="kevaan-infotilaisuus")
    event.save_revision().publish()
    return event


@pytest.fixture
def swedish(settings, site):
    """A third content language with its own tree."""
    sv = Locale.objects.create(language_code="sv")
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fi", "Suomi"), ("en", "English"), ("sv", "Svenska")]
    HomePageFactory(parent=Page.get_first_root_node(), slug="koonto-sv", locale=sv)
    apply_editorial_rules()
    return sv


def start_url(page, **params):
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    return url + ("?" + "&".join(f"{key}={value}" for key, value in params.items()) if params else "")


def offered_and_checked(response):
    """The language checkboxes as the page shows them: (offered codes, checked codes)."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    boxes = re.findall(r'<input type="checkbox" name="locales"[^>]*>', response.text)
    offered = {codes[int(re.search(r'value="(\d+)"', box).group(1))] for box in boxes}
    checked = {codes[int(re.search(r'value="(\d+)"', box).group(1))] for box in boxes if " checked" in box}
    return offered, checked


def test_a_translator_starts_a_translation_of_a_new_finnish_page(
    client, finnish_event, translator, en_locale, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    form = client.get(start_url(finnish_event))
    assert form.status_code == 200
    assert offered_and_checked(form) == ({"en"}, {"en"})  # English is missing: pre-selected

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(finnish_event), {"locales": [en_locale.pk]})
    assert response.status_code == 302
    english = finnish_event.get_translation(en_locale)
    assert not english.live and english.alias_of_id is None
    assert Translation.objects.filter(source__object_id=finnish_event.translation_key, target_locale=en_locale).exists()


def test_every_missing_enabled_language_is_pre_selected(client, finnish_event, swedish, communications, en_locale):
    client.force_login(communications)
    assert offered_and_checked(client.get(start_url(finnish_event))) == ({"en", "sv"}, {"en", "sv"})
    # From a report cell for one language: that language alone.
    assert offered_and_checked(client.get(start_url(finnish_event, select_locale="sv"))) == ({"en", "sv"}, {"sv"})


def test_a_disabled_language_is_not_offered(client, finnish_event, communications, settings):
    Locale.objects.create(language_code="de")
    client.force_login(communications)
    offered, checked = offered_and_checked(client.get(start_url(finnish_event)))
    assert offered == checked == {"en"}


def test_an_empty_choice_is_a_form_error_not_a_failure(client, finnish_event, translator):
    client.force_login(translator)
    response = client.post(start_url(finnish_event), {"locales": []})
    assert response.status_code == 200
    assert "Valitse vähintään yksi kieli, jolle sivu käännetään." in response.text
    assert not Translation.objects.filter(source__object_id=finnish_event.translation_key).exists()


def test_a_forged_language_outside_the_users_trees_is_refused(client, finnish_event, swedish, django_user_model):
    group = Group.objects.create(name="Englannin kääntäjät")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    english_root = Page.objects.get(depth=2, locale__language_code="en")
    GroupPagePermission.objects.create(group=group, page=english_root, permission=Permission.objects.get(codename="change_page"))
    user = make_user("englanti", None)
    user.groups.add(group)

    client.force_login(user)
    assert offered_and_checked(client.get(start_url(finnish_event)))[0] == {"en"}
    response = client.post(start_url(finnish_event), {"locales": [swedish.pk]})
    assert response.status_code == 200
    assert "form" in response.context and response.context["form"].errors
    assert not finnish_event.get_translations().filter(locale=swedish).exists()


@pytest.mark.parametrize("role", ["expert", None])
def test_users_without_a_translation_tree_may_not_start(request, client, finnish_event, role):
    user = request.getfixturevalue(role) if role else make_user("ulkopuolinen", None)
    client.force_login(user)
    response = client.get(start_url(finnish_event))
    assert response.status_code in (302, 403)
    assert TranslationPermissions(user).translatable_locales(finnish_event) == []


def test_who_may_translate_into_which_language(finnish_event, translator, editor, communications, expert, en_locale, fi_locale):
    assert TranslationPermissions(translator).translatable_locales(finnish_event) == [en_locale]
    assert TranslationPermissions(editor).translatable_locales(finnish_event) == [en_locale]
    assert TranslationPermissions(communications).translatable_locales(finnish_event) == [en_locale]
    assert TranslationPermissions(expert).translatable_locales(finnish_event) == []
    assert not TranslationPermissions(translator).may_translate_into(finnish_event, fi_locale)


def test_a_translator_syncs_the_translation_they_work_on(
    client, finnish_event, translator, communications, en_locale, django_capture_on_commit_callbacks
):
    client.force_login(communications)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start_url(finnish_event), {"locales": [en_locale.pk]})
    finnish_event.summary = "Uusi lause."
    finnish_event.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(finnish_event)
    before = source.last_updated_at

    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.text  # syncing, not publishing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {})
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.last_updated_at > before
    assert "Uusi lause." in {segment.string.data for segment in source.stringsegment_set.select_related("string")}


def test_a_user_without_rights_on_the_translation_may_not_sync(
    client, finnish_event, communications, expert, en_locale, django_capture_on_commit_callbacks
):
    client.force_login(communications)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start_url(finnish_event), {"locales": [en_locale.pk]})
    source = TranslationSource.objects.get_for_instance(finnish_event)
    client.force_login(expert)
    response = client.post(reverse("wagtail_localize:update_translations", args=(source.pk,)), {})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")


def test_translators_find_translate_and_sync_in_the_english_trees_header(
    client, finnish_event, event_index, translator, communications, en_locale, django_capture_on_commit_callbacks
):
    """wagtail-localize shows these buttons only to holders of its global permission."""
    client.force_login(communications)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start_url(finnish_event), {"locales": [en_locale.pk]})
    english_section = event_index.get_translation(en_locale)  # copied on the way: an alias
    assert english_section.alias_of_id == event_index.pk
    english_event = finnish_event.get_translation(en_locale)
    source = TranslationSource.objects.get_for_instance(finnish_event)

    client.force_login(translator)
    section_header = client.get(reverse("wagtailadmin_explore", args=(english_section.pk,))).text
    assert f"{start_url(event_index)}?select_locale=en" in section_header
    assert "Käännä tämä sivu" in section_header
    event_header = client.get(reverse("wagtailadmin_explore", args=(english_event.pk,))).text
    assert reverse("wagtail_localize:update_translations", args=(source.pk,)) in event_header
