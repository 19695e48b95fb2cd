"""Two-step verification: setup with a QR code, verify after the password, recovery codes, enforcement."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from editorial.rules import EDITORS

pytestmark = pytest.mark.django_db

SETUP_URL = "/admin/two-factor/setup/"
VERIFY_URL = "/admin/two-factor/verify/"
# Wagtail's public sign-in page, where view restrictions send anonymous visitors.
SIGN_IN_URL = "/fi/_util/login/"

# Admin URLs of every kind a password-only session must not reach when a code is due.
ADMIN_URLS = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/images/", "/admin/api/main/pages/", "/django-admin/"]


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Koonto", confirmed=True)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_setup_shows_a_qr_code_and_confirming_gives_recovery_codes(client, site, superuser):
    client.force_login(superuser)

    page = client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    wrong = client.post(SETUP_URL, {"code": "abcdef"})
    done = client.post(SETUP_URL, {"code": current_code(device)})

    assert page.status_code == 200
    assert "<svg" in page.text
    assert "otpauth://" not in page.text  # the key travels in the QR code and as base32 only
    assert wrong.status_code == 200
    assert "Koodi ei ole oikein" in wrong.text  # the superuser's admin is in Finnish
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.text)
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert StaticDevice.objects.get(user=superuser).token_set.count() == 10
    assert client.get("/admin/").status_code == 200  # this session is verified


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_user_with_a_device_must_verify_after_the_password(client, site, communications):
    device = confirmed_device(communications)
    client.force_login(communications)

    blocked = client.get("/admin/pages/")
    form = client.get(VERIFY_URL)
    wrong = client.post(VERIFY_URL, {"code": "12345", "next": "/admin/pages/"})
    right = client.post(VERIFY_URL, {"code": current_code(device), "next": "/admin/pages/"})

    assert blocked.status_code == 302
    assert blocked.url == f"{VERIFY_URL}?next=%2Fadmin%2Fpages%2F"
    assert form.status_code == 200
    assert "Koodi ei kelpaa" in wrong.text  # the admin is in Finnish
    assert right.status_code == 302
    assert right.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@override_settings(OTP_TOTP_THROTTLE_FACTOR=60)
def test_after_a_wrong_code_even_the_right_one_waits_and_says_why(client, site, communications):
    """django-otp's throttling: the wait after a wrong code is a minute here, far longer than the test."""
    device = confirmed_device(communications)
    client.force_login(communications)

    client.post(VERIFY_URL, {"code": "12345"})
    right_too_soon = client.post(VERIFY_URL, {"code": current_code(device)})

    assert right_too_soon.status_code == 200
    assert "Liian monta väärää koodia" in right_too_soon.text
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, site, communications):
    confirmed_device(communications)
    recovery = StaticDevice.objects.create(user=communications, name="recovery", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    client.force_login(communications)

    used = client.post(VERIFY_URL, {"code": "ABCD 2345"})
    client.logout()
    client.force_login(communications)
    reused = client.post(VERIFY_URL, {"code": "abcd2345"})

    assert used.status_code == 302
    assert reused.status_code == 200
    assert "Koodi ei kelpaa" in reused.text


def test_setup_cannot_replace_a_device_without_its_code(client, site, communications):
    """A stolen password alone must not enrol the thief's phone."""
    confirmed_device(communications)
    client.force_login(communications)

    response = client.get(SETUP_URL)

    assert response.status_code == 302
    assert response.url.startswith(VERIFY_URL)
    assert not TOTPDevice.objects.filter(user=communications, confirmed=False).exists()


@override_settings(KOONTO_REQUIRE_2FA=True)
def test_required_2fa_keeps_a_password_only_superuser_out_of_every_admin_url(client, site, superuser):
    client.force_login(superuser)

    for url in ADMIN_URLS:
        response = client.get(url)

        assert response.status_code == 302, url
        assert response.url.startswith(SETUP_URL), url
    assert client.get(SETUP_URL).status_code == 200


@override_settings(KOONTO_REQUIRE_2FA=True)
def test_required_2fa_also_refuses_admin_posts_and_leaves_logout_open(client, site, superuser, event):
    client.force_login(superuser)

    post = client.post(f"/admin/pages/{event.pk}/unpublish/")
    logout = client.post("/admin/logout/")

    assert post.status_code == 302
    assert post.url == SETUP_URL
    event.refresh_from_db()
    assert event.live
    assert logout.status_code == 302
    assert "_auth_user_id" not in client.session


@override_settings(KOONTO_REQUIRE_2FA=True)
def test_required_2fa_is_for_superusers_unless_staff_is_included(client, site, editor):
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    with override_settings(KOONTO_REQUIRE_2FA_STAFF=True):
        assert client.get("/admin/").url.startswith(SETUP_URL)


def test_without_a_device_or_the_requirement_the_admin_is_open(client, site, superuser):
    client.force_login(superuser)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200
    assert SETUP_URL in client.get("/admin/account/").text


# --- Restricted public pages and documents: a session that owes a second factor counts as anonymous ---


def login_restricted(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_password_only_session_sees_a_login_restricted_page_only_after_the_code(client, site, event, communications):
    login_restricted(event)
    device = confirmed_device(communications)
    client.force_login(communications)

    page = client.get(event.url)
    sign_in = client.get(page.url)
    verified = client.post(VERIFY_URL, {"code": current_code(device), "next": event.url})
    after = client.get(event.url)

    # Wagtail sends an anonymous visitor to sign in ...
    assert page.status_code == 302
    assert page.url.startswith(SIGN_IN_URL)
    # ... and the sign-in page sends a session that owes a code to the code, not round in a loop.
    assert sign_in.status_code == 302
    assert sign_in.url == f"{VERIFY_URL}?{urlencode({'next': event.url})}"
    assert verified.url == event.url
    assert after.status_code == 200
    assert "Avoin työpaja" in after.text


@override_settings(KOONTO_REQUIRE_2FA=True, KOONTO_REQUIRE_2FA_STAFF=True)
def test_when_2fa_is_compulsory_a_session_without_an_app_does_not_see_group_restricted_pages(client, site, event, editor):
    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)

    page = client.get(event.url)
    sign_in = client.get(page.url)

    assert page.status_code == 302
    assert page.url.startswith(SIGN_IN_URL)
    assert sign_in.url == f"{SETUP_URL}?{urlencode({'next': event.url})}"


def test_a_password_only_session_does_not_get_documents_of_a_login_restricted_collection(
    client, site, communications, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    collection = Collection.get_first_root_node().add_child(name="Sisäiset")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Sisäinen muistio", file=SimpleUploadedFile("muistio.txt", b"salainen"), collection=collection
    )
    confirmed_device(communications)
    client.force_login(communications)

    response = client.get(document.url)

    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN_URL)


def test_without_a_device_or_the_requirement_a_signed_in_user_sees_restricted_pages(client, site, event, communications):
    login_restricted(event)
    client.force_login(communications)

    response = client.get(event.url)

    assert response.status_code == 200
    assert "Avoin työpaja" in response.text
