"""Wagtail's v3 listings refuse some combinations of valid values with a 422; the OpenAPI document
cannot say so, so Koonto's edge reads them (api.params.combine_wagtail_filters), and what the
document allows is accepted."""

import pytest

pytestmark = pytest.mark.django_db


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_child_of_with_descendant_of_gives_the_children_inside_the_subtree(client, site, home, event_index, event, guide):
    assert titles(client, f"/api/v3/pages/?child_of={event_index.pk}&descendant_of={home.pk}") == {"Hankeinfo"}
    assert titles(client, f"/api/v3/pages/?child_of={event_index.pk}&descendant_of={event_index.pk}") == {"Hankeinfo"}
    # The events section is not inside the guides section: none of its children are.
    guide_index = guide.get_parent()
    assert titles(client, f"/api/v3/pages/?child_of={event_index.pk}&descendant_of={guide_index.pk}") == set()


def test_a_tree_filter_naming_no_page_is_a_404_problem(client, site):
    response = client.get("/api/v3/pages/?child_of=999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["parameter"] == "child_of"


def test_random_order_ignores_the_offset_and_search_ignores_the_order(client, site, event):
    assert titles(client, "/api/v3/pages/?order=random&offset=1&type=events.EventPage") == {"Hankeinfo"}
    assert titles(client, "/api/v3/pages/?order=random&search=Hankeinfo") == {"Hankeinfo"}
    assert titles(client, "/api/v3/pages/?order=-title&search=Hankeinfo") == {"Hankeinfo"}
    assert client.get("/api/v3/images/?order=random&offset=1").status_code == 200


def test_the_document_lists_the_order_values_and_bounds_every_parameter(client, site):
    document = client.get("/api/v3/openapi.json").json()
    order = next(p for p in document["paths"]["/api/v3/pages/"]["get"]["parameters"] if p["name"] == "order")
    values = next(member for member in order["schema"]["anyOf"] if member.get("type") == "array")["items"]["enum"]
    assert {"title", "-title", "first_published_at", "id"} <= set(values)
    for path, operations in document["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            members = parameter["schema"].get("anyOf", [parameter["schema"]])
            for member in members:
                if member.get("type") == "string" and "enum" not in member and "const" not in member:
                    assert member["maxLength"] <= 1000, (path, parameter["name"])
                    assert "pattern" in member or "format" in member, (path, parameter["name"])
                if member.get("type") == "integer":
                    assert "maximum" in member, (path, parameter["name"])
