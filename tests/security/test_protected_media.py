"""Uploaded originals under /media/ stay unserved whatever the path looks like (issue 15, item 6).

A document in a password-protected collection and an original image are asked for through every
path trick that once reached them (doubled slashes, `.` and `..` segments, percent-encoded and
double-encoded dots, backslashes) with KOONTO_SERVE_MEDIA on: Django refuses them all, while the
renditions that pages show are still served. The same table goes through nginx configured with
the snippet of docs/deploy.md (marker `nginx`), so the documented proxy rule is tested too.
"""

import http.client
import io
import re
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory, override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from ops.views import serve_media

pytestmark = pytest.mark.django_db

DEPLOY_DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"
DOCUMENTED_MEDIA_ROOT = "/var/lib/koonto/media/"
SECRET = b"%PDF-1.4 salainen sisalto"
PASSWORD = "oikea-salasana"

# Each trick names {folder} (documents or original_images) and {file} below it, as a client
# would send them: a server decodes percent-escapes once before Django or nginx sees the path.
# Only the first is how Wagtail would write the URL; every other spelling is a trick.
TRICKS = [
    "/media/{folder}/{file}",
    "/media//{folder}/{file}",
    "/media///{folder}//{file}",
    "//media/{folder}/{file}",
    "/media/./{folder}/{file}",
    "/media/%2e/{folder}/{file}",
    "/media/%2E/{folder}/{file}",
    "/media/%252e/{folder}/{file}",
    "/media/x/../{folder}/{file}",
    "/media/images/../{folder}/{file}",
    "/media/x/%2e%2e/{folder}/{file}",
    "/media/x/%252e%252e/{folder}/{file}",
    "/media/%2e%2e/media/{folder}/{file}",
    "/media/%2f{folder}/{file}",
    "/media/%252f{folder}/{file}",
    "/media\\{folder}\\{file}",
    "/media/.\\{folder}/{file}",
    "/media/x\\..\\{folder}/{file}",
    "/media/%5c{folder}/{file}",
    "/media/%255c{folder}/{file}",
    "/media/%25252525252e/{folder}/{file}",
    "/media/{folder}%00/{file}",
    "/media/%00/{folder}/{file}",
]


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def protected_files(site, files_on_disk):
    """A document in a password-protected collection and an original image, written to MEDIA_ROOT."""
    collection = Collection.get_first_root_node().add_child(name="Vain jäsenille")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Salainen", collection=collection, file=SimpleUploadedFile("salainen.pdf", SECRET, "application/pdf")
    )
    image = get_image_model().objects.create(
        title="Kuva", collection=collection, file=SimpleUploadedFile("kuva.png", png(), "image/png")
    )
    for stored in (document.file, image.file):
        assert (files_on_disk / stored.name).exists()
    return {"documents": document, "original_images": image}


def trick_urls(protected_files) -> list[str]:
    urls = []
    for folder, item in protected_files.items():
        stored_folder, file = item.file.name.split("/", 1)
        assert stored_folder == folder
        urls += [trick.format(folder=folder, file=quote(file)) for trick in TRICKS]
    return urls


def get(client, url: str):
    # The test client would read "//media/..." as a host name; a server passes it on as a path.
    if url.startswith("//"):
        return client.get("/", PATH_INFO=unquote(url))
    return client.get(url)


@override_settings(KOONTO_SERVE_MEDIA=True, DEBUG=False)
def test_no_path_trick_reaches_an_uploaded_original(client, protected_files):
    original = protected_files["original_images"].file.read()
    served = {}
    for url in trick_urls(protected_files):
        response = get(client, url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code != 404 or SECRET in body or original in body:
            served[url] = response.status_code

    assert served == {}


@override_settings(KOONTO_SERVE_MEDIA=True, DEBUG=False)
def test_serve_media_itself_refuses_the_same_paths(protected_files):
    """The view refuses them too, should a URL reach it without the middleware."""
    tried, served = 0, []
    for url in trick_urls(protected_files):
        # What koonto.urls hands the view: the decoded path after "/media/".
        match = re.fullmatch(r"/media/(?P<path>.*)", unquote(url))
        if match is None:
            continue
        tried += 1
        try:
            serve_media(RequestFactory().get("/"), match["path"])
        except Http404:
            continue
        served.append(url)

    assert served == []
    # All but "//media/..." and "/media\\...", which koonto.urls never routes to this view.
    assert tried == 2 * (len(TRICKS) - 2)


@override_settings(KOONTO_SERVE_MEDIA=True, DEBUG=False)
def test_renditions_are_served_only_at_their_own_address(client, protected_files):
    rendition = protected_files["original_images"].get_rendition("width-10")
    folder, file = rendition.file.name.split("/", 1)

    assert client.get(rendition.url).status_code == 200
    assert unquote(rendition.url) == f"/media/{folder}/{file}"
    assert client.get(f"/media//{folder}/{file}").status_code == 404
    assert client.get(f"/media/x/../{folder}/{file}").status_code == 404


def test_a_protected_document_is_served_only_through_wagtails_view_after_the_password(client, protected_files):
    document = protected_files["documents"]

    form = client.get(document.url)
    client.post(
        f"/documents/authenticate_with_password/{document.collection.get_view_restrictions().get().pk}/",
        {"password": PASSWORD, "return_url": document.url},
    )
    after = client.get(document.url)

    assert form.status_code == 200
    assert SECRET not in form.content
    assert after.status_code == 200
    assert b"".join(after.streaming_content) == SECRET


def documented_media_rules() -> str:
    """The media part of the nginx configuration in docs/deploy.md, between its two marker lines."""
    text = DEPLOY_DOC.read_text(encoding="utf-8")
    begin, end = "# koonto:media-rules begin", "# koonto:media-rules end"
    assert text.count(begin) == 1 and text.count(end) == 1
    rules = text.split(begin, 1)[1].split("\n", 1)[1].split(end, 1)[0]
    assert DOCUMENTED_MEDIA_ROOT in rules
    return rules


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(nginx_binary, files_on_disk, tmp_path_factory):
    """nginx on a free local port with the documented media rules, serving the test's MEDIA_ROOT.

    Around the rules, the server has what a real one may have: a regex location for long-lived
    images and PDFs (which would win over plain prefix locations, hence `^~` in the rules) and
    `location /` standing for the app, answering 404 (the app's own refusal is tested above).
    """
    workdir = tmp_path_factory.mktemp("nginx")
    port = free_port()
    media_root = f"{files_on_disk}/"
    temp_paths = "\n".join(
        f"    {name}_temp_path {workdir}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = f"""
daemon off;
master_process off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log error;
events {{ worker_connections 16; }}
http {{
    access_log off;
{temp_paths}
    types {{ image/png png; application/pdf pdf; }}
    server {{
        listen 127.0.0.1:{port};
{documented_media_rules().replace(DOCUMENTED_MEDIA_ROOT, media_root)}
        location ~* ^/media/(.+\\.(png|pdf))$ {{ alias {media_root}$1; expires 1y; }}
        location / {{ return 404; }}
    }}
}}
"""
    (workdir / "nginx.conf").write_text(config)
    command = [nginx_binary, "-p", str(workdir), "-e", str(workdir / "error.log"), "-c", str(workdir / "nginx.conf")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            assert process.poll() is None, (workdir / "error.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail(f"nginx did not start listening on port {port}: {(workdir / 'error.log').read_text()}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch_raw(port: int, path: str) -> tuple[int, bytes]:
    """GET a path exactly as written: no client-side normalisation or re-encoding."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.nginx
def test_the_documented_nginx_rules_refuse_every_path_trick(nginx, protected_files):
    original = protected_files["original_images"].file.read()
    rendition = protected_files["original_images"].get_rendition("width-10")

    served = {}
    for url in trick_urls(protected_files):
        status, body = fetch_raw(nginx, url)
        # nginx answers 400 to some tricks (an encoded NUL) before any location is chosen.
        if status not in (400, 404) or SECRET in body or original in body:
            served[url] = status
    status, body = fetch_raw(nginx, rendition.url)

    assert served == {}
    assert status == 200
    assert body == rendition.file.read()
