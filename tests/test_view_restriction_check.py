"""Wagtail's view-restriction check of a served page, answered from the rule's paths
(koonto.visibility.ViewRestrictionsMixin, view_restricted_paths) without its two queries
when no restriction can apply, and by Wagtail otherwise: never a private page served."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from koonto.models import KoontoSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings, site):
    settings.KOONTO_PAGE_CACHE = False
    KoontoSettings.for_site(site.get_site())


def restriction_queries(client, url: str) -> tuple[int, list[str]]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    return status, [q["sql"] for q in captured.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]]


def test_a_page_under_no_restriction_is_served_without_checking_each_time(client, home):
    page = StandardPageFactory(parent=home, slug="tietoa", title="Tietoa")
    assert restriction_queries(client, page.url) == (200, [])


def test_a_restriction_on_an_ancestor_protects_at_once_and_lifting_it_opens_at_once(client, home):
    section = StandardPageFactory(parent=home, slug="jasenille", title="Jäsenille")
    page = StandardPageFactory(parent=section, slug="ohje", title="Ohje")
    assert client.get(page.url).status_code == 200

    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    # A restriction elsewhere does not make unrelated pages pay for Wagtail's check.
    other = StandardPageFactory(parent=home, slug="muuta", title="Muuta")
    assert restriction_queries(client, other.url) == (200, [])

    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_an_alias_of_a_restricted_page_is_protected(client, home):
    """Wagtail judges an alias by its source page's own restrictions: the alias lies under no
    restricted page, so the rule's paths must list it too."""
    section = StandardPageFactory(parent=home, slug="jasenille", title="Jäsenille")
    source = StandardPageFactory(parent=section, slug="ohje", title="Ohje")
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    alias = source.create_alias(parent=home, update_slug="ohje-alias")
    response = client.get(alias.url)
    assert response.status_code == 302 and "login" in response["Location"]
