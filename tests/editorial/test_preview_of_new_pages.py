"""The editor's side-panel preview of a page not yet saved renders (it was a 500: the language
switcher linked the "not translated" page of a page without an id)."""

import pytest
from django.urls import reverse

from events.models import EventPage
from tests.editorial.test_workflow import event_form

pytestmark = pytest.mark.django_db


def test_an_event_never_saved_previews_with_its_title(client, site, event_index, editor):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("events", "eventpage", event_index.pk))
    form = event_form(EventPage(title="Selaimen työpaja", slug="selaimen-tyopaja"))
    assert client.post(url, form).json()["is_valid"]

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selaimen työpaja" in html
    assert 'class="language-switcher__missing"' in html  # English is named, not linked


def test_a_guide_never_saved_previews_with_its_title(client, site, guide_index, editor):
    from guides.models import GuidePage
    from tests.editorial.test_workflow import guide_form

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("guides", "guidepage", guide_index.pk))
    form = guide_form(GuidePage(title="Uusi opas", slug="uusi-opas", summary="Tiivistelmä."))
    assert client.post(url, form).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "Uusi opas" in response.content.decode()
