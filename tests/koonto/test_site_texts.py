"""The site texts (programme, implementers, footer contacts): per language, reviewed, never a draft.

Through the public pages as a reader sees them, the admin as each role uses it, and the data
migration that moved the texts out of the site settings.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.rules import COMMUNICATIONS, DEFAULT_WORKFLOW, EDITORS, EXPERTS, TRANSLATORS
from koonto.models import ContactPerson, SiteTexts, SiteTextsContact
from koonto.site_texts import FeedbackChannel, PublicSiteTexts, accessibility_feedback, public_site_texts

pytestmark = pytest.mark.django_db

FINNISH_PROGRAMME = "Uudistuva ja osaava Suomi 2021–2027"
ENGLISH_PROGRAMME = "Innovation and Skills in Finland 2021–2027"


def implementers(*lines: str) -> list[tuple[str, str]]:
    return [("implementer", line) for line in lines]


@pytest.fixture
def contact(site, fi_locale):
    contact = ContactPerson.objects.create(name="Tuomas Puustinen", role="Projektipäällikkö", email="tp@example.fi")
    contact.save_revision().publish()
    return contact


@pytest.fixture
def finnish_texts(site, fi_locale, contact):
    texts = SiteTexts.objects.create(
        locale=fi_locale,
        programme_name=FINNISH_PROGRAMME,
        implementers=implementers("Pohjois-Savon Liikunta ry – osahankkeen toteuttaja"),
    )
    SiteTextsContact.objects.create(texts=texts, contact=contact)
    texts.save_revision().publish()
    return texts


@pytest.fixture
def english_texts(finnish_texts, en_locale):
    texts = SiteTexts.objects.create(
        locale=en_locale,
        translation_key=finnish_texts.translation_key,
        programme_name=ENGLISH_PROGRAMME,
        implementers=implementers("Pohjois-Savon Liikunta ry – implementer of the sub-project"),
    )
    texts.save_revision().publish()
    return texts


def footer(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<footer") :]


def test_an_english_page_shows_the_english_texts(client, english_texts, en_home, home):
    english = footer(client, en_home.url)
    assert ENGLISH_PROGRAMME in english and "implementer of the sub-project" in english
    assert FINNISH_PROGRAMME not in english and "osahankkeen" not in english
    assert 'lang="fi"' not in english

    finnish = footer(client, home.url)
    assert FINNISH_PROGRAMME in finnish and "osahankkeen toteuttaja" in finnish
    assert ENGLISH_PROGRAMME not in finnish


def test_without_english_texts_an_english_page_shows_the_finnish_ones_marked_as_finnish(client, finnish_texts, contact, en_home):
    english_contact = contact.copy_for_translation(Locale.objects.get(language_code="en"))
    english_contact.role = "Project manager"
    english_contact.save()
    english_contact.save_revision().publish()

    html = footer(client, en_home.url)

    assert f'<p class="eu-notice__programme" lang="fi">{FINNISH_PROGRAMME}</p>' in html
    assert re.search(r'<ul class="plain-list" lang="fi"><li>Pohjois-Savon Liikunta ry – osahankkeen toteuttaja</li>', html)
    # The footer's contacts are the same people, shown in the reader's language where translated.
    assert "Project manager" in html and "Projektipäällikkö" not in html


def test_a_never_published_translation_is_not_shown(client, finnish_texts, en_locale, en_home):
    draft = SiteTexts.objects.create(
        locale=en_locale, translation_key=finnish_texts.translation_key, programme_name="Draft programme", live=False
    )
    draft.save_revision()

    html = footer(client, en_home.url)

    assert "Draft programme" not in html
    assert FINNISH_PROGRAMME in html


def test_unpublished_texts_are_never_shown(client, finnish_texts, home, en_home):
    finnish_texts.unpublish()

    for url in (home.url, en_home.url):
        html = footer(client, url)
        assert FINNISH_PROGRAMME not in html and "osahankkeen" not in html and "tp@example.fi" not in html
        assert "Euroopan unionin rahoittama" in html or "Funded by the European Union" in html  # the statement stays
    assert public_site_texts("fi") is None


def test_one_function_gives_the_texts_of_any_language_without_a_request(english_texts, en_locale):
    assert public_site_texts("en").programme_name == ENGLISH_PROGRAMME
    assert public_site_texts(en_locale).implementers == ["Pohjois-Savon Liikunta ry – implementer of the sub-project"]
    finnish = public_site_texts("fi")
    assert finnish.programme_name == FINNISH_PROGRAMME and not finnish.untranslated
    assert [c.name for c in finnish.contacts] == ["Tuomas Puustinen"]
    # A language the site does not serve gets the source language's texts.
    assert public_site_texts("de").language == "fi"


def test_an_editors_change_waits_for_communications(client, english_texts, en_home, editor, communications):
    edit_url = reverse("wagtailsnippets_koonto_sitetexts:edit", args=(english_texts.pk,))
    form = nested_form_data(
        {
            "programme_name": "Innovation and Skills in Finland 2021–2027 (new)",
            "implementers": streamfield(implementers("Pohjois-Savon Liikunta ry – implementer")),
            "footer_contacts": inline_formset([]),
        }
    )
    client.force_login(editor)

    page = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in page
    assert "Alatunnisteen yhteyshenkilöt" in page  # the admin speaks Finnish
    client.post(edit_url, {**form, "action-publish": "1"})
    client.post(edit_url, {**form, "action-submit": "1"})

    english_texts.refresh_from_db()
    assert english_texts.programme_name == ENGLISH_PROGRAMME  # the public still sees the approved text
    assert "(new)" not in footer(client, en_home.url)
    state = WorkflowState.objects.for_instance(english_texts).get(status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(communications)
    client.post(
        reverse(
            "wagtailsnippets_koonto_sitetexts:workflow_action", args=(english_texts.pk, "approve", state.current_task_state.pk)
        ),
        {"comment": ""},
    )
    client.logout()
    assert "Innovation and Skills in Finland 2021–2027 (new)" in footer(client, en_home.url)


def test_the_permission_matrix_for_site_texts(site):
    """Like the other reviewed public texts: editors write, communications publishes, others neither."""

    def codenames(group_name: str) -> set[str]:
        group = Group.objects.get(name=group_name)
        return set(group.permissions.filter(content_type__model="sitetexts").values_list("codename", flat=True))

    assert codenames(EDITORS) == {"add_sitetexts", "change_sitetexts"}
    assert codenames(COMMUNICATIONS) == {
        f"{action}_sitetexts" for action in ("add", "change", "delete", "publish", "lock", "unlock")
    }
    assert codenames(TRANSLATORS) == codenames(EXPERTS) == set()
    workflow = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(SiteTexts)).workflow
    assert workflow.name == DEFAULT_WORKFLOW


def test_a_language_has_one_set_of_site_texts(finnish_texts, fi_locale):
    with pytest.raises(ValidationError):
        SiteTexts(locale=fi_locale, programme_name="Toinen").full_clean()


@pytest.mark.postgres
def test_the_migration_copies_the_settings_texts_into_the_finnish_site_texts():
    """Today's settings (programme, implementer lines, footer contacts) become the Finnish site texts.

    On PostgreSQL, whose schema changes roll back with the test's transaction (SQLite refuses them
    inside one, and a transactional test would empty the migrations' data).
    """
    executor = MigrationExecutor(connection)
    before, after = [("koonto", "0006_projectdescription_review")], [("koonto", "0007_site_texts")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
    finnish = old.get_model("wagtailcore", "Locale").objects.get(language_code="fi")
    contact = old.get_model("koonto", "ContactPerson").objects.create(name="Tiina Kiiskinen", locale=finnish)
    settings = old.get_model("koonto", "KoontoSettings").objects.create(
        site=site, programme_name=FINNISH_PROGRAMME, implementers="Yhdistys ry – päätoteuttaja\n\n  Liitto ry – osatoteuttaja "
    )
    old.get_model("koonto", "FooterContact").objects.create(setting=settings, contact=contact, sort_order=0)
    with connection.cursor() as cursor:  # no pending foreign key checks when the old table is dropped
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    executor = MigrationExecutor(connection)
    executor.migrate(after)

    new = executor.loader.project_state(after).apps
    texts = new.get_model("koonto", "SiteTexts").objects.get()
    assert texts.locale.language_code == "fi" and texts.live
    assert texts.programme_name == FINNISH_PROGRAMME
    assert [block.value for block in texts.implementers] == ["Yhdistys ry – päätoteuttaja", "Liitto ry – osatoteuttaja"]
    assert [row.contact.name for row in texts.footer_contacts.all()] == ["Tiina Kiiskinen"]


# --- the accessibility feedback channel: one rule for the footer and the API --------------------


def texts_with(*emails: str) -> PublicSiteTexts:
    contacts = [ContactPerson(name=f"Yhteyshenkilö {i}", email=email) for i, email in enumerate(emails)]
    return PublicSiteTexts(language="fi", untranslated=False, programme_name="", contacts=contacts)


def test_accessibility_feedback_goes_to_the_first_contacts_email_with_a_subject_in_the_readers_language():
    with translation.override("fi"):
        finnish = accessibility_feedback(texts_with("tp@example.fi", "muu@example.fi"))
    with translation.override("en"):
        english = texts_with("tp@example.fi").accessibility_feedback()

    assert finnish == FeedbackChannel("tp@example.fi", "mailto:tp@example.fi?subject=Saavutettavuuspalaute")
    assert english == FeedbackChannel("tp@example.fi", "mailto:tp@example.fi?subject=Accessibility%20feedback")


def test_there_is_no_accessibility_feedback_link_without_a_first_contact_with_an_email():
    assert accessibility_feedback(None) is None
    assert accessibility_feedback(texts_with()) is None
    # Only the first contact answers it: another's address is not offered in its place.
    assert accessibility_feedback(texts_with("", "muu@example.fi")) is None
