"""Roles: groups from migrations, rules applied idempotently and to new language trees."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage, WorkflowTask

from editorial.rules import DEFAULT_WORKFLOW, GROUP_NAMES, GUIDES_WORKFLOW, TRANSLATORS, apply_editorial_rules
from editorial.signals import rule_tree_page_types
from guides.models import GuideIndexPage
from home.models import HomePage
from tests.factories import GuideIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def rule_counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        WorkflowPage.objects.count(),
        WorkflowTask.objects.count(),
        sum(group.permissions.count() for group in Group.objects.all()),
    )


def test_the_four_groups_exist_after_migrations():
    assert set(GROUP_NAMES) <= set(Group.objects.values_list("name", flat=True))


def test_rules_are_idempotent_and_retire_wagtails_broad_default_groups(site):
    first = rule_counts()
    apply_editorial_rules()
    apply_editorial_rules()
    assert rule_counts() == first
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_a_language_tree_created_later_gets_its_rules(home, guide_index, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    apply_editorial_rules()
    sv, _ = Locale.objects.get_or_create(language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        sv_home = home.copy_for_translation(sv)
    translators = Group.objects.get(name=TRANSLATORS)
    assert GroupPagePermission.objects.filter(group=translators, page=sv_home, permission__codename="change_page").exists()
    assert not GroupPagePermission.objects.filter(group=translators, page=home).exists()

    with django_capture_on_commit_callbacks(execute=True):
        sv_guides = GuideIndexPageFactory(parent=sv_home, slug="finansiering", locale=sv)
    # Translations go through communications' step only: the subject review happened on the source.
    assert sv_guides.get_workflow().name == DEFAULT_WORKFLOW
    assert guide_index.get_workflow().name == GUIDES_WORKFLOW


def test_the_rules_follow_only_the_page_types_that_start_a_tree_of_their_own(home, django_capture_on_commit_callbacks):
    """Not every save in the project: language roots (allowed under the tree's root) and guide sections."""
    assert set(rule_tree_page_types()) == {Page, HomePage, GuideIndexPage}
    with django_capture_on_commit_callbacks() as callbacks:
        StandardPageFactory(parent=home, slug="tietoa")
    assert apply_editorial_rules not in callbacks


def test_translator_cannot_edit_a_finnish_page_but_can_edit_its_english_translation(client, site, translator, en_locale):
    finnish = StandardPageFactory(parent=site, title="Tietoa")
    english = finnish.copy_for_translation(en_locale)
    client.force_login(translator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(finnish.pk,))).status_code in (302, 403)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    assert response.status_code == 200
    assert 'name="action-submit"' in response.content.decode()
    assert 'name="action-publish"' not in response.content.decode()


def test_admin_is_finnish_by_default_and_english_on_request(client, site, editor):
    from wagtail.users.models import UserProfile

    client.force_login(editor)
    assert '<html lang="fi"' in client.get(reverse("wagtailadmin_home")).content.decode()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    assert '<html lang="en"' in client.get(reverse("wagtailadmin_home")).content.decode()
