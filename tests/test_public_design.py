"""The public face (issue 19): pictures on cards and pages, the EU emblem on arrival, a call's action,
soft hyphens where they belong and nowhere else, the brand's own files."""

import re
from datetime import timedelta

import pytest
import wagtail_factories
from django.contrib.staticfiles import finders
from django.utils import timezone

from tests.factories import FundingCallPageFactory, GuidePageFactory, ShowcasePageFactory
from tests.text import SOFT_HYPHEN, page_text

pytestmark = pytest.mark.django_db


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def img_tags(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<img class="picture picture--{css_class}"[^>]*>', html)


@pytest.fixture
def picture():
    return wagtail_factories.ImageFactory(title="Työpaja", description="Ihmisiä työpajassa", file__width=1600, file__height=900)


def test_a_card_shows_the_listing_image_as_webp_renditions_with_size_and_alt_text(client, site, showcase_index, picture):
    ShowcasePageFactory(parent=showcase_index, title="Hanaa!", listing_image=picture, listing_image_alt="Nuoria työpajassa")

    [card_image] = img_tags(html_of(client, showcase_index.url), "card")

    assert 'alt="Nuoria työpajassa"' in card_image
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w"', card_image)
    assert 'width="480" height="270"' in card_image  # no layout shift: the box is known before the file
    assert 'loading="lazy"' in card_image


def test_a_card_without_an_image_shows_its_kinds_designed_fallback(client, site, showcase_index, guide_index):
    ShowcasePageFactory(parent=showcase_index, title="Kuvaton hanke")
    GuidePageFactory(parent=guide_index, title="Kuvaton opas")

    showcases = html_of(client, showcase_index.url)
    guides = html_of(client, guide_index.url)

    assert '<span class="fallback fallback--showcase picture--card"><img src="/static/koonto/img/icons/showcase.svg"' in showcases
    assert '<span class="fallback fallback--guide picture--card"><img src="/static/koonto/img/icons/guide.svg"' in guides
    assert not img_tags(showcases, "card")


def test_the_page_shows_its_listing_image_without_lazy_loading_and_with_the_image_description_by_default(
    client, site, guide_index, picture
):
    guide = GuidePageFactory(parent=guide_index, title="Opas", listing_image=picture)

    [header_image] = img_tags(html_of(client, guide.url), "header")

    assert 'alt="Ihmisiä työpajassa"' in header_image  # no alt text of its own: the image's description
    assert "loading" not in header_image
    assert 'width="800" height="450"' in header_image


def test_a_listing_of_pictured_cards_costs_the_same_queries_for_few_or_many(client, site, showcase_index):
    """The renditions come with the pages (select_related + prefetch), not one query per card."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count: int) -> None:
        for _ in range(count):
            ShowcasePageFactory(parent=showcase_index, listing_image=wagtail_factories.ImageFactory())

    def queries() -> int:
        client.get(showcase_index.url)  # makes the renditions
        for cache in caches.all():  # Wagtail's rendition cache would hide a query per card
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert "picture--card" in client.get(showcase_index.url).content.decode()
        return len(captured)

    add(2)
    few = queries()
    add(8)
    assert queries() == few


def test_the_home_page_shows_the_eu_emblem_with_the_statement_in_its_language_before_the_content(client, site, en_home):
    finnish = html_of(client, site.url)
    english = html_of(client, en_home.url)

    for html, statement in ((finnish, "Euroopan unionin rahoittama"), (english, "Funded by the European Union")):
        hero = html[html.index('<section class="hero"') : html.index("</section>", html.index('<section class="hero"'))]
        assert "koonto/img/eu-emblem.svg" in hero and statement in hero
        footer = html[html.index('<footer class="site-footer">') :]
        # On the footer's navy the emblem has its white border (1/25 of the flag's height).
        assert "koonto/img/eu-emblem-bordered.svg" in footer and statement in footer


def test_the_bordered_emblem_has_a_white_border_of_one_25th_of_the_flags_height():
    with open(finders.find("koonto/img/eu-emblem-bordered.svg")) as file:
        svg = file.read()
    flag_height = 200
    assert 'viewBox="-8 -8 316 216"' in svg and flag_height / 25 == 8
    assert '<rect x="-8" y="-8" width="316" height="216" fill="#fff"/>' in svg
    assert '<rect width="300" height="200" fill="#039"/>' in svg


def test_an_open_call_has_an_apply_button_to_its_application_system_and_days_left(client, site, guide_index):
    call = FundingCallPageFactory(
        parent=guide_index,
        title="Hankehaku",
        closes_at=timezone.now() + timedelta(days=12, hours=1),
        application_system="EURA 2021",
        application_url="https://www.eura2021.fi/",
    )

    html = page_text(client.get(call.url))

    assert re.search(r'<a class="button button--large" href="https://www.eura2021.fi/">Hae rahoitusta</a>', html)
    assert "Hakemus jätetään järjestelmässä EURA 2021." in html
    assert re.search(r'<span class="deadline__left">1[23] päivää jäljellä</span>', html)


def test_a_closed_call_offers_no_apply_button(client, site, guide_index):
    call = FundingCallPageFactory(
        parent=guide_index,
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
        application_system="EURA 2021",
        application_url="https://www.eura2021.fi/",
    )

    html = html_of(client, call.url)

    assert "button--large" not in html and "deadline__left" not in html
    assert '<time class="deadline__date"' in html


def test_soft_hyphens_go_into_headings_and_card_titles_but_never_into_attributes_urls_or_json_ld(client, site, showcase_index):
    title = "Kokemusasiantuntijatoimintaa Lapissa"
    showcase = ShowcasePageFactory(parent=showcase_index, title=title, slug="kokemusasiantuntijatoimintaa")

    page = html_of(client, showcase.url)
    listing = html_of(client, showcase_index.url)

    assert f"<h1>Ko{SOFT_HYPHEN}ke{SOFT_HYPHEN}mus{SOFT_HYPHEN}asian" in page
    assert f">Ko{SOFT_HYPHEN}ke{SOFT_HYPHEN}mus" in listing
    head = page[: page.index("</head>")]
    assert SOFT_HYPHEN not in head  # <title>, Open Graph, JSON-LD
    for attribute in re.findall(r'(?:href|content|alt|title)="([^"]*)"', page + listing):
        assert SOFT_HYPHEN not in attribute


def test_the_api_gives_titles_without_soft_hyphens(client, site, showcase_index):
    showcase = ShowcasePageFactory(parent=showcase_index, title="Kokemusasiantuntijatoimintaa Lapissa")

    assert client.get(f"/api/v2/pages/{showcase.pk}/").json()["title"] == "Kokemusasiantuntijatoimintaa Lapissa"


def test_the_brand_is_the_sites_own_files(client, site):
    html = html_of(client, site.url)

    assert '<img class="brand__mark" src="/static/koonto/img/logo-mark.svg"' in html
    assert '<link rel="icon" href="/static/koonto/img/favicon.svg" type="image/svg+xml">' in html
    for name in ("logo-mark.svg", "favicon.svg", "touch-icon.png", "share.png", "hero.jpg", "eu-emblem.svg"):
        assert finders.find(f"koonto/img/{name}"), name
    # Nothing from another origin: every script, stylesheet, icon and image is the site's own.
    assert not re.findall(
        r'<(?:script|img|link[^>]*rel="(?:stylesheet|icon|apple-touch-icon)")[^>]*(?:src|href)="https?://', html
    )


def test_the_menu_button_starts_hidden_so_that_the_menu_works_without_javascript(client, site):
    html = html_of(client, site.url)

    button = re.search(r'<button class="menu-toggle"[^>]*>', html).group(0)
    assert " hidden" in button and 'aria-controls="site-menu"' in button
    assert '<div class="site-menu" id="site-menu">' in html
    assert '<script src="/static/koonto/js/menu.js" defer></script>' in html
