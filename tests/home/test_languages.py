"""Language prefixes, the English home page, alternates and the language switcher."""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def en_home(home, en_locale):
    en_home = home.copy_for_translation(en_locale)
    en_home.title = "Koonto"
    en_home.save_revision().publish()
    return en_home


def test_english_home_page_is_served_under_en_in_english(client, en_home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    assert "Funded by the European Union" in html


def test_finnish_home_page_is_in_finnish(client, home):
    html = client.get("/fi/").content.decode()
    assert '<html lang="fi">' in html
    assert "Siirry pääsisältöön" in html


def test_alternate_links_list_every_live_translation_and_x_default(client, home, en_home):
    html = client.get("/fi/").content.decode()
    assert '<link rel="alternate" hreflang="fi" href="http://testserver/fi/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/fi/">' in html


def test_switcher_leads_to_the_translation_or_says_there_is_none(client, home, en_home):
    page = StandardPageFactory(parent=home, title="Vain suomeksi", slug="vain-suomeksi")
    html = client.get(page.url).content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="/en/untranslated/{page.pk}/"' in switcher
    assert "This page has not been translated into this language yet." in switcher
    assert 'aria-current="true" lang="fi"' in switcher


def test_browser_preferring_english_is_sent_to_english(client, en_home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302
    assert response.url == "/en/"
