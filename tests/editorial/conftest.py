"""Real users in real groups, on a site with a Finnish and an English tree."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from koonto.editorial import COMMUNICATIONS, EDITORS, EXPERTS, TRANSLATORS, apply_editorial_rules
from tests.factories import EventPageFactory, GuidePageFactory


def make_user(username: str, group: str | None, language: str = "fi"):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.fi", "salasana-123456", first_name=username.title()
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def en_home(home, en_locale):
    en_home = home.copy_for_translation(en_locale)
    en_home.save_revision().publish()
    return en_home


@pytest.fixture
def site(home, guide_index, event_index, en_home):
    """Both language trees with their sections, and the editorial rules applied."""
    apply_editorial_rules()
    return home


@pytest.fixture
def editor(db):
    return make_user("toimittaja", EDITORS)


@pytest.fixture
def expert(db):
    return make_user("asiantuntija", EXPERTS)


@pytest.fixture
def communications(db):
    return make_user("viestija", COMMUNICATIONS)


@pytest.fixture
def translator(db):
    return make_user("kaantaja", TRANSLATORS)


@pytest.fixture
def draft_guide(site, guide_index, editor):
    guide = GuidePageFactory(parent=guide_index, title="Luonnosopas", live=False, owner=editor)
    guide.save_revision(user=editor)
    return guide


@pytest.fixture
def draft_event(site, event_index, editor):
    event = EventPageFactory(parent=event_index, title="Luonnostapahtuma", live=False, owner=editor)
    event.save_revision(user=editor)
    return event
