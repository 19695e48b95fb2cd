"""The registrations view in the admin: who sees what, export, attendance, mail to everyone."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from editorial.rules import COMMUNICATIONS, EDITORS, EXPERTS, MODEL_PERMISSIONS, TRANSLATORS
from personal_data.models import OutboxMessage
from registrations.models import Registration
from tests.registrations.conftest import sign_up

pytestmark = pytest.mark.django_db

PASSWORD = "salasana-123456"


@pytest.fixture
def registered(client, event):
    sign_up(client, event, name="Maija Meikäläinen", seats="2", needs="Gluteeniton")
    sign_up(client.__class__(), event, name="=HYPERLINK(1)", email="b@example.org", seats="2")
    return event


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def admin_url(event, suffix=""):
    return f"/admin/registrations/{event.pk}/{suffix}"


def test_the_matrix_gives_the_registrations_to_communications_alone():
    holders = {
        group for group, permissions in MODEL_PERMISSIONS.items() if "registrations.view_event_registrations" in permissions
    }
    assert holders == {COMMUNICATIONS}


def test_communications_sees_the_registrations_and_marks_attendance(client, registered, communications):
    client.force_login(communications)
    response = client.get(admin_url(registered))
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Maija Meikäläinen" in html and "maija@example.org" in html and "Gluteeniton" in html
    assert "Lataa CSV" in html and 'id="count-confirmed">2<' in html and 'id="count-waiting">2<' in html

    confirmed = Registration.objects.get(email="maija@example.org")
    assert client.post(admin_url(registered), {"attended": [str(confirmed.pk)]}).status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.attended is True
    assert "Osallistuminen tallennettu." in client.get(admin_url(registered) + "?saved=1").content.decode()


def test_exports_as_csv_and_xlsx_with_formulas_defused(client, registered, communications):
    client.force_login(communications)
    response = client.get(admin_url(registered, "export.csv"))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nimi", "Sähköpostiosoite", "Organisaatio"]
    assert rows[1][0] == "Maija Meikäläinen" and rows[1][6] == "vahvistettu"
    assert rows[2][0] == "'=HYPERLINK(1)"

    response = client.get(admin_url(registered, "export.xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Maija Meikäläinen" and sheet["B2"].value == "maija@example.org"


def test_mail_to_all_registrants_goes_through_the_outbox(client, registered, communications):
    client.force_login(communications)
    before = OutboxMessage.objects.count()
    response = client.post(admin_url(registered, "mail/"), {"subject": "Paikka muuttui", "message": "Olemme salissa B."})
    assert response.status_code == 302 and response["Location"].endswith("?mailed=2")
    messages = OutboxMessage.objects.order_by("pk")[before:]
    assert {m.to for m in messages} == {"maija@example.org", "b@example.org"}
    assert all("Olemme salissa B." in m.body and "/fi/omat-tiedot/avaa/?token=" in m.body for m in messages)
    assert client.post(admin_url(registered, "mail/"), {"subject": "", "message": ""}).status_code == 200


def test_a_named_owner_sees_their_event(client, registered, editor):
    registered.registration_owners.add(editor)
    registered.save_revision().publish()
    client.force_login(editor)
    html = client.get(admin_url(registered)).content.decode()
    assert "Maija Meikäläinen" in html
    assert client.get(admin_url(registered, "export.csv")).status_code == 200


def test_an_editor_sees_counts_only(client, registered, editor):
    client.force_login(editor)
    response = client.get(admin_url(registered))
    html = response.content.decode()
    assert response.status_code == 200 and 'id="count-confirmed">2<' in html
    assert "Maija" not in html and "maija@example.org" not in html
    for suffix in ("export.csv", "export.xlsx", "mail/"):
        assert refused(client.get(admin_url(registered, suffix)))
    assert refused(client.post(admin_url(registered), {"attended": ["1"]}))
    assert not Registration.objects.filter(attended=True).exists()


@pytest.mark.parametrize("fixture", ["translator", "expert"])
def test_other_groups_see_nothing(client, registered, fixture, request):
    client.force_login(request.getfixturevalue(fixture))
    for suffix in ("", "export.csv", "mail/"):
        assert refused(client.get(admin_url(registered, suffix)))
    assert refused(client.get("/admin/registrations/"))


def test_the_index_lists_the_events_with_counts(client, registered, communications):
    client.force_login(communications)
    html = client.get("/admin/registrations/").content.decode()
    assert "Rahoitusinfo" in html and admin_url(registered) in html
    assert Group.objects.filter(name__in=[EDITORS, EXPERTS, TRANSLATORS]).count() == 3
