"""The translation status report: missing, out-of-date and draft translations of Finnish pages."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from editorial.rules import COMMUNICATIONS, EDITORS, EXPERTS, TRANSLATORS, apply_editorial_rules
from localisation.dashboard import TranslationsNeedingWorkPanel
from localisation.report import (
    MISSING,
    OUT_OF_DATE,
    UP_TO_DATE,
    TranslationReport,
    TranslationStatusReportView,
    is_out_of_date,
    page_number,
)
from tests.factories import EventPageFactory, GuidePageFactory, ShowcasePageFactory, StandardPageFactory, make_user

pytestmark = pytest.mark.django_db

URL = "/admin/koonto/translation-status/"


# Building the site --------------------------------------------------------------------------


def finnish_page(factory, parent, **kwargs):
    """A live Finnish page with a revision, as editors make them."""
    page = factory(parent=parent, **kwargs)
    page.save_revision().publish()
    return page


def localize(page, locale, capture):
    """Submit a page to wagtail-localize; the translation is a draft (SYNC_LIVE_STATUS off)."""
    with capture(execute=True):
        translate_object(page, [locale])
    return page.get_translation(locale)


def sync(page, locale, capture, publish=True):
    """What wagtail-localize's update view does: re-extract the Finnish strings, save the target."""
    source = TranslationSource.objects.get_for_instance(page)
    with capture(execute=True):
        source.update_from_db()
        Translation.objects.get(source=source, target_locale=locale).save_target(publish=publish)


def translate_strings(page, locale):
    """A translator's work: every string of the page's current source translated into ``locale``."""
    source = TranslationSource.objects.get_for_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}"},
        )


def finish(page, locale, capture):
    """Translate every string and publish the translation: it is up to date."""
    translate_strings(page, locale)
    with capture(execute=True):
        Translation.objects.get(source__object_id=page.translation_key, target_locale=locale).save_target(publish=True)


def edit(page):
    """A new revision of a page (a change in Finnish, or a translator's edit)."""
    page = page.specific
    page.seo_title = f"{page.seo_title} muokattu".strip()
    page.save_revision()
    return page


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("paakayttaja", "admin@example.fi", "salasana-123456")


@pytest.fixture
def tree(home, guide_index, showcase_index, event_index, en_locale, django_capture_on_commit_callbacks):
    """A guide translated with wagtail-localize, a showcase copied by hand, an event not translated."""
    guide = finnish_page(GuidePageFactory, guide_index, title="Hakuopas")
    showcase = finnish_page(ShowcasePageFactory, showcase_index, title="Kyläkoulu")
    event = finnish_page(EventPageFactory, event_index, title="Infotilaisuus")
    about = finnish_page(StandardPageFactory, home, title="Tietoa")
    en_guide = localize(guide, en_locale, django_capture_on_commit_callbacks)
    en_showcase = showcase.copy_for_translation(en_locale, copy_parents=True)
    apply_editorial_rules()  # the English tree now exists: its permissions and workflows
    return {
        "guide": guide,
        "en_guide": en_guide,
        "showcase": showcase,
        "en_showcase": en_showcase,
        "event": event,
        "about": about,
    }


def report(client, user, **params):
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def statuses(response):
    """{Finnish title: {language: "state" or "state+draft"}} as the report shows them."""
    return {
        row.title: {cell.language.code: cell.state + ("+draft" if cell.is_draft else "") for cell in cells}
        for row, cells in response.context["rows"]
    }


def cell(response, title, language="en"):
    for row, cells in response.context["rows"]:
        if row.title == title:
            return next(c for c in cells if c.language.code == language)
    raise AssertionError(f"{title} is not in the report")


# The rule -----------------------------------------------------------------------------------


def test_out_of_date_rule_edges():
    now = timezone.now()
    earlier, later = now - timedelta(minutes=5), now + timedelta(minutes=5)
    assert is_out_of_date(now, earlier, earlier)
    assert not is_out_of_date(now, later, earlier)  # the translation was edited after the change
    assert not is_out_of_date(now, earlier, later)  # the source strings were synced after the change
    assert not is_out_of_date(now, now, None)  # equal is not newer
    assert is_out_of_date(now, earlier)  # not tracked by wagtail-localize: revisions alone
    assert not is_out_of_date(None, earlier, earlier)  # a Finnish page without revisions
    assert is_out_of_date(now, None)
    assert not is_out_of_date(now, None, later)


def test_page_number_is_clamped():
    assert page_number("abc", 3) == 1
    assert page_number(None, 3) == 1
    assert page_number("0", 3) == 1
    assert page_number("-4", 3) == 1
    assert page_number("2", 3) == 2
    assert page_number("99", 3) == 3


# Statuses through the admin view ---------------------------------------------------------------


def test_url_and_menu(client, admin, tree):
    assert reverse("koonto_translation_status") == URL
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:aging_pages"))
    assert URL in response.content.decode()  # the Reports submenu lists it


def test_missing_up_to_date_and_draft(client, admin, tree):
    response = report(client, admin)
    rows = statuses(response)
    assert "Root" not in rows
    # localize makes drafts here, with nothing translated yet: not up to date
    assert rows["Hakuopas"] == {"en": "out_of_date+draft"}
    assert rows["Kyläkoulu"]["en"] == "out_of_date+draft"  # a copy is a draft until published
    assert rows["Infotilaisuus"] == {"en": "missing"}
    assert rows["Tietoa"] == {"en": "missing"}
    assert rows["Tapahtumat"] == {"en": "missing"}
    # Parents copied on the way are aliases showing the Finnish content: not translations.
    for parent in ("Koonto", "Rahoitusoppaat", "Hanke-esittelyt"):
        assert rows[parent] == {"en": "missing"}
        assert cell(response, parent).is_alias and cell(response, parent).edit_url

    guide = cell(response, "Hakuopas")
    assert guide.synced and guide.page_id == tree["en_guide"].pk
    assert guide.edit_url == reverse("wagtailadmin_pages:edit", args=[tree["en_guide"].pk])
    event = cell(response, "Infotilaisuus")
    assert event.action_url.startswith(reverse("wagtail_localize:submit_page_translation", args=[tree["event"].pk]))
    assert not cell(response, "Kyläkoulu").synced

    html = response.content.decode()
    table = html[html.index('<table class="listing" id="translation-status">') :]
    table = table[: table.index("</table>")]
    assert "<caption" in table and table.count('scope="col"') == 4 and table.count('scope="row"') == len(rows)
    assert reverse("wagtailadmin_pages:edit", args=[tree["guide"].pk]) in html
    assert reverse("wagtail_localize:submit_page_translation", args=[tree["event"].pk]) in html


def test_a_finnish_change_makes_a_synced_translation_out_of_date_until_it_is_synced(
    client, admin, tree, en_locale, django_capture_on_commit_callbacks
):
    edit(tree["guide"])
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date+draft"}
    source = TranslationSource.objects.get_for_instance(tree["guide"])
    update_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert cell(response, "Hakuopas").action_url.startswith(update_url)
    assert update_url in response.content.decode()

    sync(tree["guide"], en_locale, django_capture_on_commit_callbacks, publish=True)
    response = report(client, admin)
    # Synced and published, but the strings are Finnish until translated: not up to date.
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date"}
    assert cell(response, "Hakuopas").action_url is None  # nothing left to sync
    assert cell(response, "Hakuopas").untranslated > 0
    assert not cell(response, "Hakuopas").source_changed

    finish(tree["guide"], en_locale, django_capture_on_commit_callbacks)
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "up_to_date"}
    assert cell(response, "Hakuopas").untranslated == 0


def test_syncing_through_wagtail_localizes_update_view(client, admin, tree, en_locale, django_capture_on_commit_callbacks):
    edit(tree["guide"])
    source = TranslationSource.objects.get_for_instance(tree["guide"])
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]) + f"?next={URL}", {"publish_translations": ""}
        )
    assert response.status_code == 302
    assert not cell(report(client, admin), "Hakuopas").source_changed


def test_editing_the_translation_also_catches_up(client, admin, tree):
    edit(tree["guide"])
    assert cell(report(client, admin), "Hakuopas").source_changed
    edit(tree["en_guide"])
    assert not cell(report(client, admin), "Hakuopas").source_changed


def test_a_new_finnish_sentence_keeps_the_translation_out_of_date_after_a_sync(
    client, admin, tree, en_locale, django_capture_on_commit_callbacks
):
    """The issue's case: a sync published the new sentence in Finnish while the report said up to date."""
    guide = tree["guide"]
    finish(guide, en_locale, django_capture_on_commit_callbacks)
    assert statuses(report(client, admin))["Hakuopas"] == {"en": "up_to_date"}

    guide = guide.specific
    guide.summary = f"{guide.summary} Uusi lause hakuajasta."
    guide.save_revision()  # a Finnish draft: the translation is behind its source
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date"}
    assert cell(response, "Hakuopas").source_changed and not cell(response, "Hakuopas").untranslated
    assert "Suomenkielinen sivu on muuttunut" in response.text

    # Publishing it passes the new sentence to the translation (localisation.source_changes) ...
    with django_capture_on_commit_callbacks(execute=True):
        guide.get_latest_revision().publish()
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date"}
    assert cell(response, "Hakuopas").untranslated == 1 and not cell(response, "Hakuopas").source_changed

    # ... and a sync that publishes the translation (the sentence still Finnish) changes nothing.
    sync(guide, en_locale, django_capture_on_commit_callbacks, publish=True)
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date"}
    assert cell(response, "Hakuopas").untranslated == 1
    assert "1 kääntämätön tekstijakso" in response.text
    with translation.override("en"):
        items = TranslationsNeedingWorkPanel(admin).get_items()
    assert items[1].title == "Out-of-date translations: 2"  # the guide, and the showcase copy never published
    assert items[2].title == "Untranslated segments: 1"

    finish(guide, en_locale, django_capture_on_commit_callbacks)
    assert statuses(report(client, admin))["Hakuopas"] == {"en": "up_to_date"}


def test_a_copied_translation_compares_revisions_and_has_no_sync_action(client, admin, tree):
    edit(tree["showcase"])
    response = report(client, admin)
    assert statuses(response)["Kyläkoulu"]["en"].startswith("out_of_date")
    showcase = cell(response, "Kyläkoulu")
    assert showcase.source_changed
    assert showcase.action_url is None
    assert showcase.edit_url == reverse("wagtailadmin_pages:edit", args=[tree["en_showcase"].pk])

    edit(tree["en_showcase"]).get_latest_revision().publish()
    assert statuses(report(client, admin))["Kyläkoulu"]["en"] == "up_to_date"


def test_stopped_syncing_counts_as_an_untracked_translation(client, admin, tree):
    Translation.objects.filter(source__object_id=tree["guide"].translation_key).update(enabled=False)
    edit(tree["guide"])
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date+draft"}
    assert not cell(response, "Hakuopas").synced
    assert cell(response, "Hakuopas").action_url is None


def test_a_published_translation_is_not_a_draft(client, admin, tree, en_locale):
    tree["en_guide"].save_revision().publish()
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date"}  # published, but its strings are Finnish
    untranslated = cell(response, "Hakuopas").untranslated
    assert untranslated > 1
    assert f"{untranslated} kääntämätöntä tekstijaksoa" in response.text
    assert cell(response, "Hakuopas").published


def test_unpublished_changes_are_not_up_to_date(client, admin, tree, en_locale, django_capture_on_commit_callbacks):
    finish(tree["guide"], en_locale, django_capture_on_commit_callbacks)
    edit(tree["en_guide"])  # a draft on top of the live translation
    response = report(client, admin)
    assert statuses(response)["Hakuopas"] == {"en": "out_of_date"}
    assert not cell(response, "Hakuopas").published and not cell(response, "Hakuopas").untranslated
    assert "Ei julkaistu" in response.text


def test_sections(client, admin, tree, home, guide_index, showcase_index, event_index):
    sections = dict(report(client, admin).context["sections"])
    assert sections == {
        home.pk: "Koonto",
        guide_index.pk: "Rahoitusoppaat",
        showcase_index.pk: "Hanke-esittelyt",
        event_index.pk: "Tapahtumat",
        tree["about"].pk: "Tietoa",
    }
    rows = {row.title: row.section_title for row, _cells in report(client, admin).context["rows"]}
    assert rows["Hakuopas"] == "Rahoitusoppaat"
    assert rows["Rahoitusoppaat"] == "Rahoitusoppaat"
    assert rows["Infotilaisuus"] == "Tapahtumat"
    assert rows["Koonto"] == "Koonto"
    assert rows["Tietoa"] == "Tietoa"


# Filters and pagination ---------------------------------------------------------------------


def test_filter_by_section(client, admin, tree, guide_index):
    response = report(client, admin, section=guide_index.pk)
    assert set(statuses(response)) == {"Rahoitusoppaat", "Hakuopas"}
    assert f'<option value="{guide_index.pk}" selected>' in response.content.decode()


def test_filter_by_status(client, admin, tree):
    edit(tree["guide"])
    aliases = {"Koonto", "Rahoitusoppaat", "Hanke-esittelyt"}
    assert set(statuses(report(client, admin, status=MISSING))) == {"Tietoa", "Infotilaisuus", "Tapahtumat"} | aliases
    assert set(statuses(report(client, admin, status=OUT_OF_DATE))) == {"Hakuopas", "Kyläkoulu"}
    assert set(statuses(report(client, admin, status="draft"))) >= {"Hakuopas"}
    tree["en_showcase"].save_revision().publish()
    up_to_date = set(statuses(report(client, admin, status=UP_TO_DATE)))
    assert up_to_date == {"Kyläkoulu"}


def test_filter_by_language(client, admin, tree, settings):
    sv = Locale.objects.create(language_code="sv")
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fi", "Suomi"), ("en", "English"), ("sv", "Svenska")]
    rows = statuses(report(client, admin))
    assert rows["Hakuopas"] == {"en": "out_of_date+draft", "sv": "missing"}

    rows = statuses(report(client, admin, language="sv"))
    assert rows["Hakuopas"] == {"sv": "missing"}
    assert all(set(cells) == {"sv"} for cells in rows.values())

    # Language and status together: a row matches on the chosen language's cell only.
    assert "Hakuopas" in statuses(report(client, admin, language="sv", status=MISSING))
    assert "Hakuopas" not in statuses(report(client, admin, language="en", status=MISSING))
    html = report(client, admin, language="sv").content.decode()
    assert '<option value="sv" selected>' in html
    assert sv.pk


@pytest.mark.parametrize(
    "params",
    [
        {"section": "abc"},
        {"section": "999999"},
        {"section": "-1"},
        {"language": "xx"},
        {"language": "fi"},  # the source language is not a target
        {"status": "bogus"},
        {"page": "abc"},
        {"page": "999"},
        {"section": "", "language": "", "status": ""},
    ],
)
def test_bad_filter_values_show_the_unfiltered_list(client, admin, tree, params):
    everything = statuses(report(client, admin))
    response = report(client, admin, **params)
    assert statuses(response) == everything
    assert not response.context["filters"].active


def test_pagination(client, admin, tree, monkeypatch):
    monkeypatch.setattr(TranslationStatusReportView, "paginate_by", 3)
    full = [row.title for row, _cells in report(client, admin).context["rows"]]
    assert len(full) == 3
    total = report(client, admin).context["paginator"].count
    last = (total + 2) // 3
    assert report(client, admin, page="abc").context["page_obj"].number == 1
    assert report(client, admin, page="999").context["page_obj"].number == last
    second = report(client, admin, page="2")
    assert second.context["page_obj"].number == 2
    html = second.content.decode()
    assert "?page=3" in html and "?page=1" in html  # previous and next links, no JavaScript needed
    assert 'aria-current="page"' in html


def test_fifty_rows_a_page(client, admin, tree, guide_index):
    for number in range(50):
        GuidePageFactory(parent=guide_index, title=f"Opas {number}")
    response = report(client, admin)
    assert len(response.context["rows"]) == 50
    assert response.context["paginator"].num_pages == 2
    assert len(report(client, admin, page=2).context["rows"]) == response.context["paginator"].count - 50


# Permissions ----------------------------------------------------------------------------------


def test_editors_communications_and_translators_see_what_they_may(client, tree):
    editor = make_user("toimittaja", EDITORS)
    communications = make_user("viestija", COMMUNICATIONS)
    translator = make_user("kaantaja", TRANSLATORS)
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[tree["event"].pk])

    as_editor = report(client, editor)
    assert "Infotilaisuus" in statuses(as_editor)
    assert cell(as_editor, "Hakuopas").edit_url  # editors edit both trees
    assert cell(as_editor, "Infotilaisuus").action_url.startswith(submit_url)  # and may start translations

    as_communications = report(client, communications)
    assert cell(as_communications, "Infotilaisuus").action_url.startswith(submit_url)

    as_translator = report(client, translator)
    rows = statuses(as_translator)
    # Every Finnish page lacking an English translation is their work, new pages included:
    # the same rows and statuses as communications sees.
    assert rows == statuses(as_communications)
    assert rows["Infotilaisuus"] == {"en": "missing"} and rows["Tietoa"] == {"en": "missing"}
    assert cell(as_translator, "Infotilaisuus").action_url.startswith(submit_url + "?select_locale=en")
    assert submit_url in as_translator.text
    row = next(row for row, _cells in as_translator.context["rows"] if row.title == "Hakuopas")
    assert row.edit_url is None  # the Finnish page is not theirs to edit
    assert cell(as_translator, "Hakuopas").edit_url  # the English one is
    assert reverse("wagtailadmin_pages:edit", args=[tree["guide"].pk]) not in as_translator.text


def test_a_translator_of_one_language_works_on_that_language_only(client, tree, settings):
    """Page permissions on each language tree decide: a Swedish translator starts Swedish translations only."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from tests.factories import HomePageFactory

    sv = Locale.objects.create(language_code="sv")
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fi", "Suomi"), ("en", "English"), ("sv", "Svenska")]
    sv_home = HomePageFactory(parent=Page.get_first_root_node(), slug="koonto-sv", locale=sv)
    group = Group.objects.create(name="Ruotsin kääntäjät")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=sv_home, permission=Permission.objects.get(codename="change_page"))
    swedish = make_user("oversattare", None)
    swedish.groups.add(group)

    response = report(client, swedish)
    assert cell(response, "Infotilaisuus", "sv").action_url
    assert cell(response, "Infotilaisuus", "en").action_url is None
    assert statuses(response)["Infotilaisuus"] == {"en": "missing", "sv": "missing"}


@pytest.mark.parametrize("group", [None, EXPERTS])
def test_users_who_cannot_edit_pages_are_turned_away(client, tree, group):
    user = make_user("ulkopuolinen", group)
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_users_are_sent_to_log_in(client, tree):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


# Cost ---------------------------------------------------------------------------------------------


def add_pages(count, guide_index, showcase_index, en_locale, capture):
    """A mix of synced, copied, out-of-date and missing translations."""
    for number in range(count):
        kind = number % 3
        if kind == 0:
            page = finnish_page(GuidePageFactory, guide_index)
            localize(page, en_locale, capture)
            edit(page)
        elif kind == 1:
            page = finnish_page(ShowcasePageFactory, showcase_index)
            page.copy_for_translation(en_locale, copy_parents=True)
        else:
            finnish_page(GuidePageFactory, guide_index)


def count_queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL)
    assert response.status_code == 200
    return len(context.captured_queries), len(response.context["rows"])


@pytest.mark.parametrize("username_group", [("paakayttaja", None), ("toimittaja", EDITORS), ("kaantaja", TRANSLATORS)])
def test_query_count_does_not_grow_with_the_pages(
    client, home, guide_index, showcase_index, en_locale, django_capture_on_commit_callbacks, django_user_model, username_group
):
    username, group = username_group
    add_pages(3, guide_index, showcase_index, en_locale, django_capture_on_commit_callbacks)
    apply_editorial_rules()
    if group is None:
        user = django_user_model.objects.create_superuser(username, "a@example.fi", "salasana-123456")
    else:
        user = make_user(username, group)
    small, small_rows = count_queries(client, user)
    add_pages(9, guide_index, showcase_index, en_locale, django_capture_on_commit_callbacks)  # 12 pages now
    large, large_rows = count_queries(client, user)
    assert large_rows > small_rows
    assert large == small
    # 23: the admin menu asks once whether the user is a named owner of an event (registrations).
    assert large <= 23


def test_report_builds_in_a_fixed_number_of_queries(
    home, guide_index, showcase_index, en_locale, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    user = make_user("toimittaja2", EDITORS)
    apply_editorial_rules()
    add_pages(12, guide_index, showcase_index, en_locale, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(13):
        rows = TranslationReport(user).rows
    assert len(rows) == 15


# Dashboard ---------------------------------------------------------------------------------------


def test_dashboard_panel_counts_and_links(client, admin, tree):
    edit(tree["guide"])
    with translation.override("en"):
        items = TranslationsNeedingWorkPanel(admin).get_items()
    missing = len(statuses(report(client, admin, status=MISSING)))
    assert items[0].title == f"Missing translations: {missing}"
    assert items[0].url == f"{URL}?status=missing"
    assert items[0].detail == f"English {missing}"
    out_of_date = len(statuses(report(client, admin, status=OUT_OF_DATE)))
    assert items[1].title == f"Out-of-date translations: {out_of_date}"
    assert items[1].url == f"{URL}?status=out_of_date"
    assert items[2].title.startswith("Untranslated segments: ")
    assert items[3].url == URL

    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="koonto_translations_needing_work' in html
    assert f"{URL}?status=out_of_date" in html


def test_dashboard_panel_counts_agree_across_roles(client, tree):
    translator = make_user("kaantaja", TRANSLATORS)
    communications = make_user("viestija", COMMUNICATIONS)
    with translation.override("en"):
        items = TranslationsNeedingWorkPanel(translator).get_items()
        theirs = [item.title for item in TranslationsNeedingWorkPanel(communications).get_items()]
    # The English aliases and the Finnish pages never translated: the translator's work too.
    assert items[0].title == "Missing translations: 6"
    assert [item.title for item in items] == theirs
    with translation.override("en"):
        assert TranslationsNeedingWorkPanel(make_user("paakayttaja", None)).render_html({}) == ""
    expert = make_user("asiantuntija", EXPERTS)
    assert TranslationsNeedingWorkPanel(expert).render_html({}) == ""
