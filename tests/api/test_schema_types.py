"""Every schema in the OpenAPI document has a type, so a generated client never falls back to
"any": no `{}` property or array item (Wagtail's v3 leaves a field with a custom serializer, a
model property and a StreamField untyped, koonto/api_fields.py and api/blocks.py type them), no
object without its properties, and every status an operation sends is declared with the problem
shape."""

import pytest

from api.errors import PROBLEM_REF

TYPED = ("type", "$ref", "anyOf", "oneOf", "allOf", "const", "enum")
# Keys whose value is one schema, and those whose value is a list or map of schemas.
ONE_SCHEMA = ("schema", "items", "additionalProperties", "not")
SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")


def untyped(schema, where: str) -> list[str]:
    """The places in `schema` (and the schemas in it) with no type, or an object with no shape."""
    if not isinstance(schema, dict):
        return []
    if not any(key in schema for key in TYPED):
        return [where]
    found = []
    if schema.get("type") == "array" and "items" not in schema:
        found.append(f"{where} (array without items)")
    if schema.get("type") == "object" and "properties" not in schema and not isinstance(schema.get("additionalProperties"), dict):
        found.append(f"{where} (object without properties)")
    for key in ONE_SCHEMA:
        if isinstance(schema.get(key), dict):
            found += untyped(schema[key], f"{where}/{key}")
    for key in SCHEMA_LISTS:
        for index, member in enumerate(schema.get(key, [])):
            found += untyped(member, f"{where}/{key}/{index}")
    for name, member in schema.get("properties", {}).items():
        found += untyped(member, f"{where}/properties/{name}")
    return found


def schemas_in(node, where: str = "#"):
    """Every `schema` of a parameter, request body or response, wherever it is in the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "schema" and isinstance(value, dict):
                yield f"{where}/schema", value
            else:
                yield from schemas_in(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schemas_in(value, f"{where}/{index}")


@pytest.fixture
def document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_every_schema_and_property_in_the_document_has_a_type(document):
    found = []
    for name, schema in document["components"]["schemas"].items():
        found += untyped(schema, f"#/components/schemas/{name}")
    for where, schema in schemas_in(document["paths"], "#/paths"):
        found += untyped(schema, where)
    assert found == []


def test_the_walk_finds_what_wagtail_leaves_untyped():
    # What Wagtail's v3 gave before: a field with a custom serializer, `{}` in an anyOf; a
    # StreamField's items; a model property; a bare object.
    assert untyped({"anyOf": [{}, {"type": "null"}]}, "#") == ["#/anyOf/0"]
    assert untyped({"type": "array", "items": {}}, "#") == ["#/items"]
    assert untyped({"type": "object", "properties": {"summary": {"title": "Summary"}}}, "#") == ["#/properties/summary"]
    assert untyped({"type": "object"}, "#") == ["# (object without properties)"]
    assert untyped({"type": "object", "properties": {"a": {"type": "string"}}}, "#") == []


@pytest.mark.django_db
def test_the_page_schemas_type_koonto_fields(document):
    schemas = document["components"]["schemas"]
    event = schemas["EventPageSchema"]["properties"]
    choice = event["event_type"]["anyOf"][0]
    assert choice == {"$ref": "#/components/schemas/ChoiceInfo"}
    assert schemas["ChoiceInfo"]["required"] == ["value", "label"]
    assert event["tags"]["anyOf"][0]["items"] == {"$ref": "#/components/schemas/TagInfo"}
    assert event["listing_image"]["anyOf"][0] == {"$ref": "#/components/schemas/ImageInfo"}
    assert event["organiser"]["anyOf"][0] == {"$ref": "#/components/schemas/OrganisationInfo"}
    assert event["related_call"]["anyOf"][0] == {"$ref": "#/components/schemas/PageLinkInfo"}
    assert event["body"]["items"]["discriminator"]["propertyName"] == "type"
    figures = schemas["ShowcasePageSchema"]["properties"]["key_figures"]["items"]
    assert figures == {"$ref": "#/components/schemas/KeyFigureBlockOut"}
    assert schemas["HomePageHighlightSchema"]["properties"]["summary"]["anyOf"][0] == {"type": "string"}


@pytest.mark.django_db
def test_every_get_operation_declares_its_statuses_with_the_problem_shape(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            wrong_type = "400" if path.startswith("/api/v3/koonto/") else "422"
            expected = {"200", "304", "400", "404", wrong_type}
            assert set(responses) == expected, (method, path)
            for status in expected - {"200", "304"}:
                assert responses[status]["content"] == {"application/problem+json": {"schema": PROBLEM_REF}}, (path, status)


@pytest.mark.django_db
def test_the_document_has_no_schema_that_no_operation_uses(document):
    text = str(document["paths"]) + str(document["components"]["schemas"])
    for name in document["components"]["schemas"]:
        assert f"#/components/schemas/{name}'" in text, name
