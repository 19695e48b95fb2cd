"""PO files for a whole section: export as a ZIP, import a ZIP back, refuse anything foreign."""

import io
import zipfile

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.factories import EventPageFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(site, event_index, communications, en_locale, client, django_capture_on_commit_callbacks):
    """The Finnish events section with two events, submitted with its subtree for English translation."""
    for title in ("Infotilaisuus", "Koulutus"):
        EventPageFactory(parent=event_index, title=title).save_revision().publish()
    client.force_login(communications)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=(event_index.pk,)),
            {"locales": [en_locale.pk], "include_subtree": "on"},
        )
    return event_index


def download(client, section) -> dict[str, polib.POFile]:
    response = client.get(reverse("koonto_section_po", args=(section.pk,)), {"locale": "en"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: polib.pofile(archive.read(name).decode()) for name in archive.namelist()}


def zip_of(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(client, section, content: bytes, name="section.zip"):
    url = reverse("koonto_section_po", args=(section.pk,))
    return client.post(url, {"locale": "en", "file": SimpleUploadedFile(name, content)})


def messages_of(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_section_exports_one_po_per_page_and_imports_them_back(client, section, translator, en_locale):
    client.force_login(translator)
    files = download(client, section)
    assert len(files) == 3  # the index and its two events
    for po in files.values():
        for entry in po:
            entry.msgstr = f"EN {entry.msgid}"
    response = upload(client, section, zip_of({name: str(po) for name, po in files.items()}))
    assert "Käännökset tuotiin 3 sivulle" in messages_of(response)
    assert StringTranslation.objects.filter(locale=en_locale, data="EN Koulutus").exists()


def test_a_single_po_file_can_be_uploaded_too(client, section, translator, en_locale):
    client.force_login(translator)
    name, po = next(iter(download(client, section).items()))
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    response = upload(client, section, str(po).encode(), name="one.po")
    assert "Käännökset tuotiin 1 sivulle" in messages_of(response)


def test_a_zip_with_a_foreign_or_broken_file_imports_nothing(client, section, site, guide_index, translator, en_locale):
    client.force_login(translator)
    files = download(client, section)
    for po in files.values():
        for entry in po:
            entry.msgstr = "EN"
    broken = {**{name: str(po) for name, po in files.items()}, "broken.po": "\x00 not a po"}
    response = upload(client, section, zip_of(broken))
    assert "Mitään ei tuotu" in messages_of(response) and "broken.po" in messages_of(response)
    assert not StringTranslation.objects.filter(locale=en_locale).exists()

    # A PO file of another page, section or language is refused too.
    foreign = polib.POFile()
    foreign.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    response = upload(client, section, zip_of({"foreign.po": str(foreign)}))
    assert "kuuluu toiselle sivulle" in messages_of(response)
    assert not StringTranslation.objects.filter(locale=en_locale).exists()


def test_export_before_submitting_for_translation_says_what_to_do(client, site, guide_index, communications):
    client.force_login(communications)
    response = client.get(reverse("koonto_section_po", args=(guide_index.pk,)), {"locale": "en"})
    assert response.status_code == 302
    assert "lähetä osio ensin käännettäväksi" in messages_of(response)


def test_users_outside_the_editorial_groups_are_refused(client, section):
    client.force_login(make_user("ulkopuolinen", None))
    response = client.get(reverse("koonto_section_po", args=(section.pk,)))
    assert response.status_code in (302, 403)


def test_the_section_page_header_offers_the_translation_files(client, section, communications):
    client.force_login(communications)
    html = client.get(reverse("wagtailadmin_explore", args=(section.pk,))).content.decode()
    assert reverse("koonto_section_po", args=(section.pk,)) in html
