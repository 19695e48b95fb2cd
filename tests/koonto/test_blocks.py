"""Shared body blocks render accessible HTML and reject bad values, without the database."""

import re

import pytest
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from koonto.blocks import CalloutBlock, HeadingBlock, QuoteBlock


@pytest.fixture(autouse=True)
def english():
    """Block texts are asserted in English, the language of the msgids (Finnish is the default)."""
    with translation.override("en"):
        yield


def test_heading_renders_at_its_level_with_an_anchor():
    block = HeadingBlock()
    html = block.render(block.to_python({"text": "Kuka voi hakea?", "level": "h3"}))
    assert html.strip() == '<h3 id="kuka-voi-hakea">Kuka voi hakea?</h3>'


def test_heading_rejects_an_unknown_level():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Otsikko", "level": "h1"}))


def test_callout_without_text_is_rejected():
    block = CalloutBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"variant": "info", "title": "Huomio", "text": ""}))


def test_callout_renders_its_variant():
    block = CalloutBlock()
    value = block.clean(block.to_python({"variant": "warning", "title": "Huomio", "text": "<p>Tarkista.</p>"}))
    html = block.render(value)
    assert "callout--warning" in html and "Tarkista." in html


def test_quote_renders_text_and_source():
    block = QuoteBlock()
    html = block.render(block.to_python({"text": "SEURAAVA HAKU 15.1.2024", "attribution": "Koonto"}))
    assert "<blockquote><p>SEURAAVA HAKU 15.1.2024</p></blockquote>" in html and "— Koonto" in html


def test_image_block_renders_responsive_webp_renditions_without_layout_shift(db):

    import wagtail_factories

    from koonto.blocks import CaptionedImageBlock

    image = wagtail_factories.ImageFactory(description="Yhdistyksen talkoot", file__width=1600, file__height=900)
    block = CaptionedImageBlock()
    value = block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": "Talkoot"}, "caption": ""})
    html = block.render(value)
    img = re.search(r"<img [^>]*>", html).group(0)
    assert re.search(r'srcset="[^"]*480w[^"]*800w[^"]*1200w"', img)
    assert all(".webp" in part for part in re.search(r'srcset="([^"]*)"', img).group(1).split(","))
    assert 'sizes="' in img and 'loading="lazy"' in img and 'decoding="async"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'alt="Talkoot"' in img
