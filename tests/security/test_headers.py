"""Security headers on public pages and in the admin, and no inline script on the public site."""

import re

import pytest
from django.conf import settings

from tests.factories import GuidePageFactory
from tests.security.conftest import header_directives

pytestmark = pytest.mark.django_db

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_public_page_has_strict_csp_and_security_headers(client, event):
    response = client.get(event.url)

    assert response.status_code == 200
    csp = header_directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert set(csp["frame-src"]) == {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/healthz", "/api/v2/pages/", "/sitemap.xml", "/fi/ei-ole-olemassa/"])
def test_other_public_responses_have_the_strict_policy(client, site, path):
    response = client.get(path)

    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_login_has_the_relaxed_policy(client, site, path):
    response = client.get(path)

    assert response.status_code == 200
    csp = header_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


def test_admin_page_editor_has_the_relaxed_policy(client, communications, event):
    client.force_login(communications)

    response = client.get(f"/admin/pages/{event.pk}/edit/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in header_directives(response["Content-Security-Policy"])["script-src"]
    # No avatars from Gravatar: they would tell a third party who works in the admin.
    assert "gravatar.com" not in response.text


def scripts_and_handlers(html: str) -> tuple[list[str], list[str]]:
    """Every <script ...> start tag, and every on...= event handler attribute, in the HTML."""
    scripts = re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)
    handlers = re.findall(r"<[^>]+\son[a-z]+\s*=", html, flags=re.IGNORECASE)
    return scripts, handlers


def test_public_guide_with_video_and_json_ld_runs_no_inline_script(client, site, guide_index):
    """Every script is a file from this site or JSON-LD data (which CSP does not run as script)."""
    guide = GuidePageFactory(parent=guide_index, title="Videopas", body=[("video", {"url": YOUTUBE_URL, "title": "Video"})])

    response = client.get(guide.url)

    assert response.status_code == 200
    scripts, handlers = scripts_and_handlers(response.text)
    assert any("embed.js" in tag for tag in scripts)
    assert any('type="application/ld+json"' in tag for tag in scripts)
    for tag in scripts:
        assert re.search(r'\ssrc="/static/', tag) or 'type="application/ld+json"' in tag, tag
    assert handlers == []
    assert ' style="' not in response.text


def test_public_templates_have_no_inline_script_or_handlers():
    """The same rule for every public template, including those no test renders yet."""
    templates = settings.TEMPLATES[0]["DIRS"][0]
    offenders = []
    for path in templates.rglob("*.html"):
        if "wagtailadmin" in path.parts or "wagtail_localize" in path.parts or "twofactor" in path.parts:
            continue
        scripts, handlers = scripts_and_handlers(path.read_text())
        inline = [tag for tag in scripts if "src=" not in tag]
        if inline or handlers or ' style="' in path.read_text():
            offenders.append(path.name)
    assert offenders == []
