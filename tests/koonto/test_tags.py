"""Tags per language and tag pages.

Finnish pages carry Finnish tags; their translations carry the tags' names in their language
(koonto.localised_tags), never the Finnish ones that wagtail-localize would copy. A tag page per tag and
language lists everything with the tag, grouped by type.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.operations import translate_object

from events.models import EventPage
from guides.models import FundingCallPage, GuidePage
from koonto.models import TagTranslation
from showcase.models import ShowcasePage
from tests.factories import EventPageFactory, FundingCallPageFactory, GuidePageFactory, ShowcasePageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def name_tag(finnish: str, english: str, locale) -> TagTranslation:
    tag, _ = Tag.objects.get_or_create(name=finnish)
    return TagTranslation.objects.create(tag=tag, locale=locale, name=english)


def tagged(factory, parent, *tags, **fields):
    page = factory(parent=parent, **fields)
    page.tags.add(*tags)
    page.save_revision().publish()
    return page


def translate(page, locale, django_capture_on_commit_callbacks):
    """Translate (or sync) with wagtail-localize as the admin does, and publish the translation."""
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [locale])
    english = page.get_translation(locale).specific
    english.save_revision().publish()
    return type(english).objects.get(pk=english.pk)


@pytest.fixture
def english_sections(site, guide_index, showcase_index, event_index, en_locale, django_capture_on_commit_callbacks):
    return {
        index.pk: translate(index, en_locale, django_capture_on_commit_callbacks)
        for index in (guide_index, showcase_index, event_index)
    }


@pytest.fixture
def football(en_locale):
    return name_tag("jalkapallo", "football", en_locale)


# --- tags of translations -----------------------------------------------------------------------


@pytest.mark.parametrize("model", [GuidePage, FundingCallPage, ShowcasePage, EventPage])
def test_wagtail_localize_does_not_copy_tags_into_translations(model):
    fields = {field.field_name: field for field in get_translatable_fields(model)}
    assert not fields["tagged_items"].is_synchronized(model())
    assert not fields["tagged_items"].is_translated(model())


def test_a_new_translation_shows_the_english_names_and_never_a_finnish_tag(
    showcase_index, english_sections, football, en_locale, django_capture_on_commit_callbacks
):
    name_tag("perheet", "families", en_locale)
    finnish = tagged(ShowcasePageFactory, showcase_index, "jalkapallo", "perheet", "Kaikumedia")
    english = translate(finnish, en_locale, django_capture_on_commit_callbacks)
    # Kaikumedia has no English name yet: it is left off rather than shown in Finnish.
    assert sorted(english.tags.names()) == ["families", "football"]
    assert sorted(ShowcasePage.objects.get(pk=finnish.pk).tags.names()) == ["Kaikumedia", "jalkapallo", "perheet"]


def test_a_translations_tags_follow_when_the_finnish_page_is_published_with_other_tags(
    showcase_index, english_sections, football, en_locale, django_capture_on_commit_callbacks
):
    name_tag("perheet", "families", en_locale)
    finnish = tagged(ShowcasePageFactory, showcase_index, "jalkapallo")
    english = translate(finnish, en_locale, django_capture_on_commit_callbacks)
    finnish.tags.set(["perheet"])
    finnish.save_revision().publish()
    assert list(ShowcasePage.objects.get(pk=english.pk).tags.names()) == ["families"]
    # Syncing the translation afterwards keeps them.
    english = translate(finnish, en_locale, django_capture_on_commit_callbacks)
    assert list(english.tags.names()) == ["families"]


def test_publishing_an_older_revision_of_a_translation_does_not_bring_old_tags_back(
    showcase_index, english_sections, football, en_locale, django_capture_on_commit_callbacks
):
    finnish = tagged(ShowcasePageFactory, showcase_index, "jalkapallo")
    english = translate(finnish, en_locale, django_capture_on_commit_callbacks)
    old_revision = english.latest_revision
    football.name = "soccer"
    football.save()
    old_revision.publish()
    assert list(ShowcasePage.objects.get(pk=english.pk).tags.names()) == ["soccer"]


def test_naming_renaming_and_unnaming_a_tag_updates_the_translations(
    event_index, english_sections, en_locale, django_capture_on_commit_callbacks
):
    finnish = tagged(EventPageFactory, event_index, "työpaja")
    english = translate(finnish, en_locale, django_capture_on_commit_callbacks)
    assert list(english.tags.names()) == []

    named = name_tag("työpaja", "workshop", en_locale)
    assert list(EventPage.objects.get(pk=english.pk).tags.names()) == ["workshop"]
    named.name = "workshops"
    named.save()
    assert list(EventPage.objects.get(pk=english.pk).tags.names()) == ["workshops"]
    named.delete()
    assert list(EventPage.objects.get(pk=english.pk).tags.names()) == []
    assert list(EventPage.objects.get(pk=finnish.pk).tags.names()) == ["työpaja"]


def test_a_tag_name_must_be_clean_and_not_finnish(fi_locale, en_locale):
    tag = Tag.objects.create(name="rahoitus")
    with pytest.raises(ValidationError) as error:
        TagTranslation(tag=tag, locale=en_locale, name="funding, money").full_clean()
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        TagTranslation(tag=tag, locale=fi_locale, name="raha").full_clean()
    assert "locale" in error.value.message_dict
    TagTranslation.objects.create(tag=tag, locale=en_locale, name="funding")
    with pytest.raises(ValidationError):
        TagTranslation(tag=tag, locale=en_locale, name="money").full_clean()


def test_only_communications_manage_tag_translations(client, site, communications, translator, editor, en_locale):
    """Tags are a vocabulary: a tag's English name shows at once on every translated page."""
    tag = Tag.objects.create(name="rahoitus")
    add_url = reverse("wagtailsnippets_koonto_tagtranslation:add")
    for user, allowed in ((communications, True), (translator, False), (editor, False)):
        client.force_login(user)
        response = client.post(add_url, {"tag": tag.pk, "locale": en_locale.pk, "name": f"funding-{user.username}"})
        created = TagTranslation.objects.filter(name=f"funding-{user.username}").exists()
        assert created is allowed, (user.username, response.status_code)
        TagTranslation.objects.filter(tag=tag).delete()


# --- tag pages ------------------------------------------------------------------------------------


@pytest.fixture
def content(guide_index, showcase_index, event_index, english_sections, football, en_locale, django_capture_on_commit_callbacks):
    """Finnish pages of every type tagged jalkapallo (and one not), each translated into English."""
    pages = {
        "guide": tagged(GuidePageFactory, guide_index, "jalkapallo", title="Seuran opas"),
        "call": tagged(FundingCallPageFactory, guide_index, "jalkapallo", title="Liikuntahaku"),
        "showcase": tagged(ShowcasePageFactory, showcase_index, "jalkapallo", title="Perhefutis"),
        "event": tagged(EventPageFactory, event_index, "jalkapallo", title="Futisilta"),
        "other": tagged(ShowcasePageFactory, showcase_index, "perheet", title="Muu hanke"),
    }
    english = {
        key: translate(page, en_locale, django_capture_on_commit_callbacks) for key, page in pages.items() if key != "other"
    }
    return pages, english


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', page_text(response))


def headings(response) -> list[str]:
    return re.findall(r'<h2 id="tag-section-[a-z]+">([^<]*) <span', page_text(response))


def test_finnish_tag_page_lists_everything_with_the_tag_grouped_by_type(client, content):
    pages, _english = content
    response = client.get("/fi/asiasanat/jalkapallo/")
    assert response.status_code == 200
    assert headings(response) == ["Rahoitusoppaat", "Hankehaut", "Hanke-esittelyt", "Tapahtumat"]
    assert titles(response) == ["Seuran opas", "Liikuntahaku", "Perhefutis", "Futisilta"]
    assert "4 sisältöä on merkitty tällä asiasanalla." in page_text(response)


def test_english_tag_page_lists_the_english_pages_under_the_english_name(client, content):
    _pages, english = content
    response = client.get("/en/tags/football/")
    assert response.status_code == 200
    assert headings(response) == ["Funding guides", "Funding calls", "Project showcases", "Events"]
    assert titles(response) == [english[key].title for key in ("guide", "call", "showcase", "event")]
    html = page_text(response)
    assert 'href="/fi/asiasanat/jalkapallo/" lang="fi"' in html
    assert "jalkapallo" not in html.replace('href="/fi/asiasanat/jalkapallo/"', "")


def test_a_tag_of_the_other_language_redirects_to_its_counterpart(client, content):
    assert client.get("/en/tags/jalkapallo/").url == "/en/tags/football/"
    assert client.get("/fi/asiasanat/football/").url == "/fi/asiasanat/jalkapallo/"


def test_unknown_tags_and_tags_without_pages_in_the_language_are_not_found(client, content):
    assert client.get("/fi/asiasanat/ei-tallaista/").status_code == 404
    # "perheet" has no English name, so nothing in English carries it.
    assert client.get("/en/tags/perheet/").status_code == 404


def test_drafts_private_pages_and_their_children_are_not_listed(client, content, showcase_index, event_index):
    draft = ShowcasePageFactory(parent=showcase_index, title="Luonnos", live=False)
    draft.tags.add("jalkapallo")
    draft.save()
    PageViewRestriction.objects.create(page=event_index, restriction_type=PageViewRestriction.LOGIN)
    listed = titles(client.get("/fi/asiasanat/jalkapallo/"))
    assert "Luonnos" not in listed
    assert "Futisilta" not in listed
    assert "Perhefutis" in listed


def test_page_tags_link_to_their_tag_pages_in_the_pages_language(client, content):
    pages, english = content
    assert 'href="/fi/asiasanat/jalkapallo/" rel="tag">jalkapallo<' in page_text(client.get(pages["showcase"].url))
    html = page_text(client.get(english["showcase"].url))
    assert 'href="/en/tags/football/" rel="tag">football<' in html
    assert ">jalkapallo<" not in html


def test_type_filter_paginates_one_group_and_bad_values_get_a_message(client, content, event_index):
    for n in range(13):
        tagged(EventPageFactory, event_index, "jalkapallo", title=f"Ilta {n:02}")
    everything = client.get("/fi/asiasanat/jalkapallo/")
    html = page_text(everything)
    assert len([t for t in titles(everything) if t.startswith(("Ilta", "Futisilta"))]) == 12
    assert 'href="?type=events">Kaikki tällä asiasanalla: Tapahtumat (14)</a>' in html

    events = client.get("/fi/asiasanat/jalkapallo/?type=events")
    assert headings(events) == ["Tapahtumat"]
    assert len(titles(events)) == 12
    assert 'rel="next" href="?type=events&amp;page=2"' in page_text(events)
    assert len(titles(client.get("/fi/asiasanat/jalkapallo/?type=events&page=2"))) == 2

    for query, shown in (("?type=events&page=abc", 12), ("?type=events&page=99", 2)):
        response = client.get("/fi/asiasanat/jalkapallo/" + query)
        assert response.status_code == 200
        assert len(titles(response)) == shown
        assert "listing-messages" in page_text(response)

    unknown = client.get("/fi/asiasanat/jalkapallo/?type=nonsense")
    assert headings(unknown) == ["Rahoitusoppaat", "Hankehaut", "Hanke-esittelyt", "Tapahtumat"]
    assert "nonsense" in re.search(r'class="listing-messages".*?</div>', page_text(unknown), re.S).group(0)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", ["", "?type=showcases"])
def test_query_count_is_the_same_for_5_and_50_items(
    client, site, showcase_index, event_index, query, django_assert_max_num_queries
):
    url = "/fi/asiasanat/jalkapallo/" + query

    def make(count):
        for _n in range(count):
            tagged(ShowcasePageFactory, showcase_index, "jalkapallo")
            tagged(EventPageFactory, event_index, "jalkapallo")

    make(5)
    client.get(url)  # warm the site and locale caches
    small = count_queries(client, url)
    make(45)
    client.get(url)  # new content dropped the cached menu and footer: warm them again
    with django_assert_max_num_queries(small):
        client.get(url)


def test_tag_page_urls_are_translated(content):
    with translation.override("fi"):
        assert reverse("tag", args=("jalkapallo",)) == "/fi/asiasanat/jalkapallo/"
    with translation.override("en"):
        assert reverse("tag", args=("football",)) == "/en/tags/football/"


# --- ASCII tag slugs (koonto/slugs.py) ----------------------------------------------------------


def test_a_new_tag_gets_an_ascii_slug_by_the_page_slug_rule(showcase_index):
    page = tagged(ShowcasePageFactory, showcase_index, "yhdistykset ja säätiöt", "Työpajat", title="Säätiöhanke")
    assert set(page.tags.values_list("slug", flat=True)) == {"yhdistykset-ja-saatiot", "tyopajat"}
    assert Tag.objects.get(name="Työpajat").name == "Työpajat"  # the name keeps its letters


def test_an_ascii_tag_slug_stays_unique(showcase_index):
    Tag.objects.create(name="saatiot")
    assert Tag.objects.create(name="säätiöt").slug == "saatiot_1"
    assert Tag.objects.create(name="SÄÄTIÖT!").slug == "saatiot_2"


def test_the_tag_page_has_the_ascii_address_and_the_old_one_redirects_for_good(client, showcase_index):
    page = tagged(ShowcasePageFactory, showcase_index, "yhdistykset ja säätiöt", title="Säätiöhanke")
    assert 'href="/fi/asiasanat/yhdistykset-ja-saatiot/"' in page_text(client.get(page.url))
    assert client.get("/fi/asiasanat/yhdistykset-ja-saatiot/").status_code == 200
    old = client.get("/fi/asiasanat/yhdistykset-ja-s%C3%A4%C3%A4ti%C3%B6t/?page=1")
    assert old.status_code == 301
    assert old.url == "/fi/asiasanat/yhdistykset-ja-saatiot/?page=1"


def test_a_tag_filter_with_an_old_slug_finds_the_tag(showcase_index, fi_locale):
    from koonto.localised_tags import ReaderTags
    from showcase.models import ShowcasePage as Showcase

    page = tagged(ShowcasePageFactory, showcase_index, "yhdistykset ja säätiöt", title="Säätiöhanke")
    tags = ReaderTags(["yhdistykset-ja-säätiöt"], fi_locale)
    assert tags.unknown == []
    assert list(tags.filter(Showcase.objects.all())) == [page]


def test_the_migration_gives_existing_tags_ascii_slugs_and_keeps_them_unique():
    from importlib import import_module

    from django.apps import apps

    Tag.objects.bulk_create(
        [Tag(name="Työpaja", slug="työpaja"), Tag(name="tyopaja", slug="tyopaja"), Tag(name="Kylät", slug="kylät")]
    )
    import_module("koonto.migrations.0008_ascii_tag_slugs").ascii_tag_slugs(apps, None)
    assert dict(Tag.objects.values_list("name", "slug")) == {"Työpaja": "tyopaja_1", "tyopaja": "tyopaja", "Kylät": "kylat"}
