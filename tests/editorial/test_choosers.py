"""The municipality, organisation and contact-person choosers search, as the listings do.

Wagtail's choosers search only models in the search index: municipalities are not indexed, and
organisations and contacts only by name, so an editor paged through 23 municipalities.
"""

import pytest
from django.urls import reverse

from koonto.models import Municipality
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def chooser_results(client, user, model_name, query):
    """The titles the chooser modal lists for `query` (its results view, which the search box reloads)."""
    client.force_login(user)
    url = reverse(f"wagtailsnippetchoosers_koonto_{model_name}:choose_results")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return {str(obj) for obj in response.context["results"]}


def test_the_chooser_has_a_search_box(client, site, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippetchoosers_koonto_municipality:choose"))
    assert 'name="q"' in response.json()["html"]


def test_municipality_chooser_finds_by_part_of_the_name_and_by_code(client, site, editor):
    assert Municipality.objects.count() > 20  # the reference data: more than one chooser page
    assert chooser_results(client, editor, "municipality", "siilinj") == {"Siilinjärvi"}
    assert chooser_results(client, editor, "municipality", "297") == {"Kuopio"}
    assert "Kuopio" not in chooser_results(client, editor, "municipality", "iisalmi")


def test_organisation_chooser_finds_by_name_business_id_and_home_town(client, site, editor):
    kuopio = Municipality.objects.get(code="297")
    OrganisationFactory(name="Pohjois-Savon Liikunta ry", business_id="0828848-5", municipality=kuopio)
    OrganisationFactory(name="Varkauden Nuoret ry")
    assert chooser_results(client, editor, "organisation", "liikun") == {"Pohjois-Savon Liikunta ry"}
    assert chooser_results(client, editor, "organisation", "0828848") == {"Pohjois-Savon Liikunta ry"}
    assert chooser_results(client, editor, "organisation", "kuopio") == {"Pohjois-Savon Liikunta ry"}


def test_contact_chooser_finds_by_name_role_email_and_organisation(client, site, editor):
    organisation = OrganisationFactory(name="Kuopion Setlementti ry")
    ContactPersonFactory(name="Tiina Toimija", role="Viestintäpäällikkö", email="tiina@setlementti.fi", organisation=organisation)
    ContactPersonFactory(name="Matti Meikäläinen", role="Projektipäällikkö", email="matti@example.fi")
    expected = {"Tiina Toimija, Viestintäpäällikkö"}
    assert chooser_results(client, editor, "contactperson", "toimi") == expected
    assert chooser_results(client, editor, "contactperson", "viestintä") == expected
    assert chooser_results(client, editor, "contactperson", "@setlementti") == expected
    assert chooser_results(client, editor, "contactperson", "setlementti ry") == expected


def test_the_listing_searches_the_same_fields(client, site, communications):
    OrganisationFactory(name="Pohjois-Savon Liikunta ry", business_id="0828848-5")
    client.force_login(communications)
    response = client.get(reverse("wagtailsnippets_koonto_organisation:list"), {"q": "0828848"})
    assert response.status_code == 200
    assert [str(obj) for obj in response.context["object_list"]] == ["Pohjois-Savon Liikunta ry"]
