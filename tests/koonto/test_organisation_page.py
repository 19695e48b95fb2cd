"""Organisation pages: a stable address per organisation listing exactly its projects, per language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from koonto.models import Organisation
from showcase.models import ShowcaseOrganisation
from tests.factories import EventPageFactory, ShowcasePageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(fi_locale):
    return Organisation.objects.create(name="Pallokissat Kuopio ry", description="Jalkapalloseura.", locale=fi_locale)


def link(showcase, organisation, role="implementer"):
    ShowcaseOrganisation.objects.create(page=showcase, organisation=organisation, role=role)


def test_slug_is_made_from_the_name_and_is_unique_per_language(organisation, fi_locale):
    assert organisation.slug == "pallokissat-kuopio-ry"
    with translation.override("fi"):
        assert organisation.get_url() == "/fi/organisaatiot/pallokissat-kuopio-ry/"
    with translation.override("en"):
        assert organisation.get_url() == "/en/organisations/pallokissat-kuopio-ry/"
    clash = Organisation(name="Pallokissat Kuopio ry", locale=fi_locale)
    with pytest.raises(Exception) as error:
        clash.full_clean()
    assert "slug" in str(error.value)


def test_page_lists_exactly_the_organisations_projects_with_their_roles(client, organisation, showcase_index):
    own = ShowcasePageFactory(parent=showcase_index, title="Jalkapallosta elämäniloa")
    partnered = ShowcasePageFactory(parent=showcase_index, title="Perhefutis")
    other = ShowcasePageFactory(parent=showcase_index, title="Muu hanke")
    draft = ShowcasePageFactory(parent=showcase_index, title="Luonnoshanke", live=False)
    link(own, organisation)
    link(partnered, organisation, role="partner")
    link(draft, organisation)
    link(other, Organisation.objects.create(name="Toinen ry"))
    response = client.get("/fi/organisaatiot/pallokissat-kuopio-ry/")
    assert response.status_code == 200
    html = page_text(response)
    assert "Jalkapallosta elämäniloa" in html and "Perhefutis" in html and "Kumppani" in html
    assert "Muu hanke" not in html and "Luonnoshanke" not in html
    assert "Jalkapalloseura." in html


def test_english_page_shows_the_english_translation_and_english_projects(client, home, organisation, showcase_index, en_locale):
    finnish = ShowcasePageFactory(parent=showcase_index, title="Hanke suomeksi")
    link(finnish, organisation)
    english_home = home.copy_for_translation(en_locale)
    english_home.save_revision().publish()
    english_org = organisation.copy_for_translation(en_locale)
    english_org.description = "A football club."
    english_org.save()
    english_index = showcase_index.copy_for_translation(en_locale)
    english_index.save_revision().publish()
    english = finnish.copy_for_translation(en_locale)
    english.title = "Project in English"
    english.save_revision().publish()
    ShowcaseOrganisation.objects.filter(page=english).update(organisation=english_org)

    html = page_text(client.get("/en/organisations/pallokissat-kuopio-ry/"))
    assert "A football club." in html and "Project in English" in html
    assert "Hanke suomeksi" not in html
    assert english_org.slug == organisation.slug  # the address is the same in every language


def test_unknown_or_unpublished_organisation_is_404(client, home, organisation):
    assert client.get("/fi/organisaatiot/ei-ole/").status_code == 404
    organisation.live = False
    organisation.save()
    assert client.get("/fi/organisaatiot/pallokissat-kuopio-ry/").status_code == 404


def test_query_count_does_not_grow_with_projects(client, organisation, showcase_index, django_assert_max_num_queries):
    for n in range(3):
        link(ShowcasePageFactory(parent=showcase_index, title=f"Hanke {n}"), organisation)
    url = "/fi/organisaatiot/pallokissat-kuopio-ry/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    small = len(queries)  # counted now: the next request empties the connection's query log
    for n in range(3, 12):
        link(ShowcasePageFactory(parent=showcase_index, title=f"Hanke {n}"), organisation)
    client.get(url)  # new content dropped the cached menu and footer: warm them again
    with django_assert_max_num_queries(small):
        client.get(url)


def test_showcase_and_event_pages_link_to_the_organisation_page(client, organisation, showcase_index, event_index):
    showcase = ShowcasePageFactory(parent=showcase_index, title="Hanke")
    link(showcase, organisation)
    event = EventPageFactory(parent=event_index, organiser=organisation)
    for page in (showcase, event):
        assert 'href="/fi/organisaatiot/pallokissat-kuopio-ry/"' in page_text(client.get(page.url))
