"""The admin can create each page type where it is allowed, and bad dates are form errors."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from guides.models import FundingCallPage, GuidePage
from home.models import StandardPage
from showcase.models import ShowcasePage


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "x" * 16)
    client.force_login(user)
    return client


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def post_page(client, model, parent, data):
    return client.post(add_url(model, parent), nested_form_data(data))


def inline_empty(*names):
    return {name: inline_formset([]) for name in names}


@pytest.mark.django_db
def test_standard_page_created_under_home(admin_client, home):
    data = {
        "title": "Tietoa",
        "slug": "tietoa",
        "summary": "",
        "body": streamfield([("heading", {"text": "Otsikko", "level": "h2"})]),
    }
    response = post_page(admin_client, StandardPage, home, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert StandardPage.objects.get(slug="tietoa").get_parent().pk == home.pk


@pytest.mark.django_db
def test_guide_created_in_the_guide_section(admin_client, guide_index):
    data = {
        "title": "Opas",
        "slug": "opas",
        "summary": "",
        "audience": "",
        "project_phase": "idea",
        "body": streamfield([("paragraph", rich_text("<p>Teksti</p>"))]),
        "tags": "kake",
        **inline_empty("related_pages"),
    }
    response = post_page(admin_client, GuidePage, guide_index, data)
    assert response.status_code == 302, response.context["form"].errors
    assert GuidePage.objects.get(slug="opas").tags.filter(name="kake").exists()


CALL_DATA = {
    "title": "Haku",
    "slug": "haku",
    "summary": "",
    "opens_at": "2024-01-01 09:00",
    "closes_at": "2024-01-15 16:15",
    "application_system": "EURA 2021",
    "eligible_applicants": rich_text(""),
    "content_priorities": rich_text(""),
    "prerequisites": rich_text(""),
    "body": streamfield([]),
    **inline_empty("contacts", "attachments"),
}


@pytest.mark.django_db
def test_funding_call_created_with_helsinki_times(admin_client, guide_index):
    response = post_page(admin_client, FundingCallPage, guide_index, CALL_DATA)
    assert response.status_code == 302, response.context["form"].errors
    call = FundingCallPage.objects.get(slug="haku")
    assert call.closes_at.isoformat() == "2024-01-15T14:15:00+00:00"  # 16.15 in Helsinki (UTC+2)


@pytest.mark.django_db
def test_call_closing_before_it_opens_is_a_form_error_and_saves_nothing(admin_client, guide_index):
    response = post_page(admin_client, FundingCallPage, guide_index, {**CALL_DATA, "closes_at": "2023-12-01 16:15"})
    assert response.status_code == 200
    assert "closes_at" in response.context["form"].errors
    assert not FundingCallPage.objects.exists()


@pytest.mark.django_db
def test_showcase_created_with_municipality(admin_client, showcase_index):
    from koonto.models import Municipality

    kuopio = Municipality.objects.get(code="297")
    data = {
        "title": "Hanke",
        "slug": "hanke",
        "summary": "",
        "programme_period": "2021-2027",
        "status": "ongoing",
        "objectives": rich_text(""),
        "activities": rich_text(""),
        "results": rich_text(""),
        "continuation": rich_text(""),
        "key_figures": streamfield([]),
        "body": streamfield([]),
        **inline_empty("organisations", "target_groups", "themes", "operating_models", "gallery_images", "links"),
        "municipalities": inline_formset([{"municipality": kuopio.pk}]),
    }
    response = post_page(admin_client, ShowcasePage, showcase_index, data)
    assert response.status_code == 302, response.context["form"].errors
    assert ShowcasePage.objects.get(slug="hanke").municipalities.get().municipality == kuopio


EVENT_DATA = {
    "title": "Koulutus",
    "slug": "koulutus",
    "summary": "",
    "event_type": "training",
    "status": "scheduled",
    "starts_at": "2030-02-01 13:00",
    "ends_at": "2030-02-01 15:00",
    "mode": "online",
    "event_language": "fi",
    "price": "0",
    # Koonto's registration form is off; these two always have a value (registrations/).
    "registration_max_group_size": "1",
    "registration_retention_days": "90",
    "body": streamfield([]),
}


@pytest.mark.django_db
def test_event_created_in_the_event_section(admin_client, event_index):
    response = post_page(admin_client, EventPage, event_index, EVENT_DATA)
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(slug="koulutus").get_parent().pk == event_index.pk


@pytest.mark.django_db
def test_event_ending_before_it_starts_is_a_form_error(admin_client, event_index):
    response = post_page(admin_client, EventPage, event_index, {**EVENT_DATA, "ends_at": "2030-02-01 12:00"})
    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_event_cannot_be_created_under_the_home_page(admin_client, home):
    response = post_page(admin_client, EventPage, home, EVENT_DATA)
    # Wagtail refuses with a redirect and a message rather than showing the form.
    assert response.status_code in (302, 403)
    assert Page.objects.type(EventPage).count() == 0
