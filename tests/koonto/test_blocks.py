"""Shared body blocks render accessible HTML and reject bad values, without the database."""

import pytest
from wagtail.blocks import StructBlockValidationError

from koonto.blocks import CalloutBlock, HeadingBlock, QuoteBlock


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
