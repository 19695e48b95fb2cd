"""Uploads through the admin as real staff: each refused file gets a clear message; documents
are served as attachments through Wagtail's view, and uploaded originals are never served as files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import make_user

pytestmark = pytest.mark.django_db

IMAGES_URL = "/admin/images/multiple/add/"
DOCUMENTS_URL = "/admin/documents/multiple/add/"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def png(width: int = 20, height: int = 20) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def staff_client(client, site):
    """An editor (Toimittajat), the least trusted group that may upload."""
    client.force_login(make_user("lataaja", "Toimittajat", language="en"))
    return client


def upload(client, url: str, name: str, content: bytes, content_type: str):
    data = {"files[]": SimpleUploadedFile(name, content, content_type), "collection": Collection.get_first_root_node().pk}
    response = client.post(url, data)
    assert response.status_code == 200
    return response.json()


def test_an_allowed_image_is_accepted(staff_client):
    result = upload(staff_client, IMAGES_URL, "kuva.png", png(), "image/png")

    assert result["success"] is True
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize("group", ["Viestintä", "Toimittajat"])
def test_svg_is_refused_with_a_message(client, site, group):
    client.force_login(make_user("lataaja", group, language="en"))

    result = upload(client, IMAGES_URL, "logo.svg", SVG, "image/svg+xml")

    assert result["success"] is False
    assert "Not a supported image format" in result["error_message"]
    assert "SVG" not in result["error_message"].split("Supported formats:")[1]
    assert get_image_model().objects.count() == 0


def test_an_html_file_named_png_is_refused(staff_client):
    result = upload(staff_client, IMAGES_URL, "kuva.png", b"<html><script>alert(1)</script></html>", "image/png")

    assert result["success"] is False
    assert result["error_message"]
    assert get_image_model().objects.count() == 0


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_a_too_large_image_file_is_refused_with_a_message(staff_client):
    result = upload(staff_client, IMAGES_URL, "iso.png", png(400, 400) + b"\0" * 2048, "image/png")

    assert result["success"] is False
    assert "This file is too big" in result["error_message"]


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000)
def test_an_image_with_too_many_pixels_is_refused_with_a_message(staff_client):
    result = upload(staff_client, IMAGES_URL, "leveä.png", png(200, 100), "image/png")

    assert result["success"] is False
    assert "too many pixels" in result["error_message"]


def test_the_configured_pixel_limit_is_40_megapixels(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_document_types_outside_the_allow_list_are_refused_with_a_message(staff_client):
    for name in ("ohjelma.exe", "sivu.html", "kuva.svg", "skripti.js"):
        result = upload(staff_client, DOCUMENTS_URL, name, b"MZ not really", "application/octet-stream")

        assert result["success"] is False, name
        assert "is not allowed" in result["error_message"], name
    assert get_document_model().objects.count() == 0


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_too_large_document_is_refused_with_a_message(staff_client):
    result = upload(staff_client, DOCUMENTS_URL, "iso.pdf", b"%PDF-1.4" + b"0" * 2048, "application/pdf")

    assert result["success"] is False
    assert "This file is too big" in result["error_message"]


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        ("liite.txt", "text/plain", "attachment"),
        ("liite.csv", "text/csv", "attachment"),
        ("liite.pdf", "application/pdf", "inline"),
    ],
)
def test_documents_are_served_through_the_view_with_a_safe_disposition(
    client, site, files_on_disk, name, content_type, disposition
):
    document = get_document_model().objects.create(
        title="Liite", file=SimpleUploadedFile(name, b"%PDF-1.4 <script>alert(1)</script>", content_type)
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@override_settings(KOONTO_SERVE_MEDIA=True, DEBUG=False)
def test_uploaded_originals_are_never_served_as_files(client, site, files_on_disk):
    image = get_image_model().objects.create(title="Kuva", file=SimpleUploadedFile("kuva.png", png(), "image/png"))
    document = get_document_model().objects.create(title="Liite", file=SimpleUploadedFile("liite.txt", b"x", "text/plain"))

    assert (files_on_disk / image.file.name).exists()
    for url in (image.file.url, document.file.url):
        assert url.startswith(("/media/original_images/", "/media/documents/"))
        assert client.get(url).status_code == 404
    # The same switch still serves renditions, which are what pages show.
    rendition = image.get_rendition("width-10")
    assert client.get(rendition.url).status_code == 200
