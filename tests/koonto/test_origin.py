from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from koonto.origin import absolute_url, page_url, public_origin, site_address


def test_paths_are_placed_on_the_configured_origin(settings):
    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi/"
    assert public_origin() == "https://koonto.example.fi"
    assert absolute_url("/fi/tapahtumat/") == "https://koonto.example.fi/fi/tapahtumat/"
    assert absolute_url("fi/") == "https://koonto.example.fi/fi/"


def test_an_absolute_url_is_kept(settings):
    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi"
    assert absolute_url("https://www.eura2021.fi/") == "https://www.eura2021.fi/"


def test_the_site_record_address_follows_the_origin(settings):
    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi"
    assert site_address() == ("koonto.example.fi", 443)
    assert site_address("http://127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert site_address("http://testserver") == ("testserver", 80)


@pytest.mark.django_db
def test_setup_editorial_points_the_site_record_at_the_origin(settings, home):
    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi"
    out = StringIO()

    call_command("setup_editorial", stdout=out)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("koonto.example.fi", 443, "https://koonto.example.fi")
    assert "koonto.example.fi" in out.getvalue()
    assert home.full_url == page_url(home) == "https://koonto.example.fi/fi/"


def test_admin_links_use_the_admins_own_address(settings):
    from koonto.origin import admin_url

    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi"
    settings.WAGTAILADMIN_BASE_URL = "https://hallinta.koonto.example.fi/"
    assert admin_url("/admin/pages/3/edit/") == "https://hallinta.koonto.example.fi/admin/pages/3/edit/"
