"""API v3's event and call details carry the body, typed block by block (api/blocks.py), and the
event's accessibility note: a detail screen needs nothing from v2."""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.api.queries import queries_for

pytestmark = pytest.mark.django_db


def raw(*blocks) -> str:
    """Blocks in their stored (JSON) form, as the editor saves them."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def detail(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_event_body_blocks_are_complete(client, event, call, image, translate):
    document = Document.objects.create(title="Ohjelma", file=ContentFile(b"%PDF-1.4 ohjelma", name="ohjelma.pdf"))
    event.accessibility_note = "Esteetön sisäänkäynti."
    link = f'<a linktype="page" id="{call.pk}">haku</a>'
    event.body = raw(
        ("heading", {"text": "Mitä tapahtuu?", "level": "h2"}),
        ("paragraph", f"<p>Katso {link}.</p>"),
        ("image", {"image": {"image": image.pk, "alt_text": "Talkoolaiset"}, "caption": "Kuva", "credit": ""}),
        ("document", {"document": document.pk, "title": ""}),
        ("quote", {"text": "Hyvä!", "attribution": "Osallistuja"}),
        ("callout", {"variant": "warning", "title": "Huom", "text": f"<p>Ilmoittaudu: {link}.</p>"}),
    )
    event.save_revision().publish()
    data = detail(client, f"/api/v3/koonto/events/{event.pk}/")
    assert data["accessibility_note"] == "Esteetön sisäänkäynti."
    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert list(blocks) == ["heading", "paragraph", "image", "document", "quote", "callout"]
    html = client.get(event.url).content.decode()
    assert blocks["heading"] == {"text": "Mitä tapahtuu?", "level": "h2", "anchor": "mitä-tapahtuu"}
    assert f'id="{blocks["heading"]["anchor"]}"' in html
    assert f'href="{call.url}"' in blocks["paragraph"]["html"] and f'href="{call.url}"' in blocks["callout"]["html"]
    picture = blocks["image"]["image"]
    assert picture["alt"] == "Talkoolaiset" and picture["width"] == 1600 and picture["height"] == 900
    assert picture["medium"]["url"].endswith(".webp") and picture["medium"]["width"] > 0
    assert blocks["document"]["document"] == {
        "title": "Ohjelma",
        "url": f"http://testserver{document.url}",
        "file_type": "pdf",
        "content_type": "application/pdf",
        "file_size": 16,
    }
    # The English translation's links go to English pages.
    english_call = translate(call)
    english = translate(event)
    english_blocks = {b["type"]: b["value"] for b in detail(client, f"/api/v3/koonto/events/{english.pk}/")["body"]}
    assert f'href="{english_call.url}"' in english_blocks["paragraph"]["html"]


def test_a_document_in_a_restricted_collection_is_null(client, call):
    private = Collection.get_first_root_node().add_child(name="Sisäiset")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document.objects.create(title="Sisäinen", collection=private, file=ContentFile(b"x", name="sisainen.pdf"))
    call.body = raw(("document", {"document": document.pk, "title": "Liite"}))
    call.save_revision().publish()
    data = detail(client, f"/api/v3/koonto/calls/{call.pk}/")
    assert data["body"] == [{"type": "document", "id": data["body"][0]["id"], "value": {"document": None}}]


def test_the_body_is_a_discriminated_union_in_the_openapi_document(client, site):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    items = schemas["EventDetail"]["properties"]["body"]["items"]
    assert items["discriminator"]["propertyName"] == "type"
    assert set(items["discriminator"]["mapping"]) == {"heading", "paragraph", "image", "document", "quote", "callout"}
    assert "accessibility_note" in schemas["EventOut"]["properties"]


def test_a_body_costs_the_same_queries_for_one_image_block_or_five(client, event):
    import wagtail_factories

    def with_images(count):
        images = [wagtail_factories.ImageFactory(title=f"Kuva {n}") for n in range(count)]
        blocks = [("image", {"image": {"image": i.pk, "alt_text": "Kuva"}, "caption": "", "credit": ""}) for i in images]
        event.body = raw(*blocks)
        event.save_revision().publish()
        url = f"/api/v3/koonto/events/{event.pk}/"
        client.get(url)  # renditions made, caches warm
        return url

    one = queries_for(client, with_images(1))
    url = with_images(5)
    assert queries_for(client, url) <= one
    assert len(client.get(url).json()["body"]) == 5
