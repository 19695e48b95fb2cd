from koonto.origin import absolute_url, public_origin


def test_paths_are_placed_on_the_configured_origin(settings):
    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi/"
    assert public_origin() == "https://koonto.example.fi"
    assert absolute_url("/fi/tapahtumat/") == "https://koonto.example.fi/fi/tapahtumat/"
    assert absolute_url("fi/") == "https://koonto.example.fi/fi/"


def test_an_absolute_url_is_kept(settings):
    settings.KOONTO_PUBLIC_URL = "https://koonto.example.fi"
    assert absolute_url("https://www.eura2021.fi/") == "https://www.eura2021.fi/"
