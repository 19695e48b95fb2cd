"""Who may do what in the admin: every role against every URL that edits, publishes, deletes or moves.

"Allowed" means the admin serves the view (200); "denied" means it refuses (403, or
Wagtail's redirect away with a permission message). Publishing is tested by a forged
POST and the page's live state afterwards, so a hidden button is not mistaken for a refusal.
"""

import pytest
from django.urls import reverse
from taggit.models import Tag

from editorial.rules import COMMUNICATIONS, EDITORS, EXPERTS, TRANSLATORS
from koonto.models import Municipality, Organisation, ProjectDescription, Theme
from tests.editorial.test_workflow import event_form
from tests.factories import EventPageFactory, make_user

pytestmark = pytest.mark.django_db

E, S, V, K = EDITORS, EXPERTS, COMMUNICATIONS, TRANSLATORS

# action -> the groups allowed; every other group is denied.
MATRIX = {
    "edit finnish page": {E, V},
    "add page in finnish section": {E, V},
    "delete live finnish page": {V},
    "move live finnish page": {V},
    "unpublish finnish page": {V},
    "edit english page": {E, V, K},
    "edit snippet": {E, V},
    "delete snippet": {V},
    # Project descriptions are reviewed like organisations (drafts and a workflow).
    "edit project description": {E, V},
    # Vocabularies (themes, municipalities, tags and their names in other languages): communications only.
    "edit theme": {V},
    "add theme": {V},
    "edit municipality": {V},
    "view tags": {V},
    "edit tag": {V},
    "translate tags": {V},
    "edit site settings": {V},
    "manage users": set(),
    "manage groups": set(),
    "manage workflows": set(),
    "manage redirects": set(),
}
PUBLISH_MATRIX = {"publish finnish page": {V}, "publish english page": {V}}


@pytest.fixture
def objects(site, event_index, en_locale):
    event = EventPageFactory(parent=event_index, title="Julkaistu tapahtuma")
    event.save_revision().publish()
    english = event.copy_for_translation(en_locale, copy_parents=True)
    english.save_revision().publish()
    organisation = Organisation.objects.create(name="Yhdistys ry")
    return {
        "event": event,
        "english": english,
        "organisation": organisation,
        "event_index": event_index,
        "site": site.get_site(),
        "tag": Tag.objects.create(name="rahoitus"),
        "theme": Theme.objects.create(name="Osallisuus", slug="osallisuus"),
        "municipality": Municipality.objects.get(code="297"),
        "description": ProjectDescription.objects.create(title="Koonto-hanke", text="<p>Hankkeen tavoitteet.</p>"),
    }


def url_for(action: str, o: dict) -> str:
    event, english, organisation = o["event"], o["english"], o["organisation"]
    return {
        "edit finnish page": reverse("wagtailadmin_pages:edit", args=(event.pk,)),
        "add page in finnish section": reverse("wagtailadmin_pages:add", args=("events", "eventpage", o["event_index"].pk)),
        "delete live finnish page": reverse("wagtailadmin_pages:delete", args=(event.pk,)),
        "move live finnish page": reverse("wagtailadmin_pages:move", args=(event.pk,)),
        "unpublish finnish page": reverse("wagtailadmin_pages:unpublish", args=(event.pk,)),
        "edit english page": reverse("wagtailadmin_pages:edit", args=(english.pk,)),
        "edit snippet": reverse("wagtailsnippets_koonto_organisation:edit", args=(organisation.pk,)),
        "delete snippet": reverse("wagtailsnippets_koonto_organisation:delete", args=(organisation.pk,)),
        "edit project description": reverse("wagtailsnippets_koonto_projectdescription:edit", args=(o["description"].pk,)),
        "edit theme": reverse("wagtailsnippets_koonto_theme:edit", args=(o["theme"].pk,)),
        "add theme": reverse("wagtailsnippets_koonto_theme:add"),
        "edit municipality": reverse("wagtailsnippets_koonto_municipality:edit", args=(o["municipality"].pk,)),
        "view tags": reverse("wagtailsnippets_taggit_tag:list"),
        "edit tag": reverse("wagtailsnippets_taggit_tag:edit", args=(o["tag"].pk,)),
        "translate tags": reverse("wagtailsnippets_koonto_tagtranslation:add"),
        "edit site settings": reverse("wagtailsettings:edit", args=("koonto", "koontosettings", o["site"].pk)),
        "manage users": reverse("wagtailusers_users:index"),
        "manage groups": reverse("wagtailusers_groups:index"),
        "manage workflows": reverse("wagtailadmin_workflows:index"),
        "manage redirects": reverse("wagtailredirects:index"),
    }[action]


def is_allowed(response) -> bool:
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403), f"unexpected {response.status_code}"
    return False


@pytest.mark.parametrize("group", [E, S, V, K])
@pytest.mark.parametrize("action", sorted(MATRIX))
def test_admin_url_permissions(client, objects, action, group):
    user = make_user(f"user-{abs(hash((action, group))) % 10**8}", group)
    client.force_login(user)
    response = client.get(url_for(action, objects))
    expected = group in MATRIX[action]
    assert is_allowed(response) == expected, f"{group} {'should' if expected else 'should not'} be able to {action}"


@pytest.mark.parametrize("group", [E, S, V, K])
@pytest.mark.parametrize("action", sorted(PUBLISH_MATRIX))
def test_forged_publish_posts(client, objects, action, group):
    page = objects["event"] if action == "publish finnish page" else objects["english"]
    user = make_user(f"publisher-{abs(hash((action, group))) % 10**8}", group)
    client.force_login(user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**event_form(page, title="Uusi otsikko"), "action-publish": "1"}
    )
    page.refresh_from_db()
    published = page.title == "Uusi otsikko"
    assert published == (group in PUBLISH_MATRIX[action]), f"{group} publish outcome wrong for {action}"
