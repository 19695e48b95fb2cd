"""Numbers the Finnish way on Finnish pages ("600 000 €") and the English way on English pages ("€600,000")."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template, TemplateSyntaxError
from django.utils import timezone, translation
from wagtail.documents.models import Document

from guides.models import FundingCallAttachment
from koonto.numbers import format_number
from tests.factories import EventPageFactory, FundingCallPageFactory, ShowcasePageFactory
from tests.text import page_text

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "unit", "finnish", "english"),
    [
        (Decimal("600000.00"), "€", f"600{NBSP}000{NBSP}€", "€600,000"),
        (Decimal("1234.5"), "€", f"1{NBSP}234,50{NBSP}€", "€1,234.50"),
        (Decimal("15.00"), "€", f"15{NBSP}€", "€15"),
        (Decimal("80.00"), "%", f"80{NBSP}%", "80%"),
        (Decimal("12.50"), "%", f"12,5{NBSP}%", "12.5%"),
        (1234567, "", f"1{NBSP}234{NBSP}567", "1,234,567"),
        (7, "", "7", "7"),
        (999, "", "999", "999"),  # the short way for counts below a thousand...
        (1000, "", f"1{NBSP}000", "1,000"),  # ...and grouping from a thousand on
        (Decimal("-2500"), "€", f"-2{NBSP}500{NBSP}€", "€-2,500"),
        (1536 * 1024, "bytes", f"1,5{NBSP}MB", f"1.5{NBSP}MB"),
        (None, "€", "", ""),
        ("ei luku", "", "ei luku", "ei luku"),
    ],
)
def test_a_number_is_written_each_languages_way(value, unit, finnish, english):
    with translation.override("fi"):
        assert format_number(value, unit) == finnish
    with translation.override("en"):
        assert format_number(value, unit) == english


def test_decimals_asked_for_are_shown_on_small_integers_too():
    with translation.override("fi"):
        assert format_number(5, decimals=2) == "5,00"


def test_the_template_filter_refuses_an_unknown_unit():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load numbers %}{{ 5|number:"$" }}').render(Context())


@pytest.fixture
def english(en_locale, en_home):
    def translate(page):
        parent = page.get_parent()
        if parent.get_translation_or_none(en_locale) is None:
            parent.copy_for_translation(en_locale).save_revision().publish()
        copy = page.copy_for_translation(en_locale)
        copy.save_revision().publish()
        copy.refresh_from_db()
        return copy

    return translate


@pytest.mark.django_db
def test_funding_call_amounts_rate_and_file_size_in_finnish_and_english(client, guide_index, english):
    call = FundingCallPageFactory(parent=guide_index, total_budget=Decimal("600000.00"), support_rate=Decimal("80.00"))
    size = 1536 * 1024
    document = Document.objects.create(title="Hakuohje", file=ContentFile(b"x" * size, name="hakuohje.pdf"), file_size=size)
    FundingCallAttachment.objects.create(page=call, document=document)
    call.save_revision().publish()
    english_call = english(call)

    finnish = page_text(client.get(call.url))
    assert f"600{NBSP}000{NBSP}€" in finnish and f"80{NBSP}%" in finnish and f"(PDF, 1,5{NBSP}MB)" in finnish
    english_html = page_text(client.get(english_call.url))
    assert "€600,000" in english_html and "80%" in english_html and f"(PDF, 1.5{NBSP}MB)" in english_html
    assert "600000" not in finnish + english_html


@pytest.mark.django_db
def test_showcase_budget_and_event_price_in_finnish_and_english(client, showcase_index, event_index, english):
    showcase = ShowcasePageFactory(parent=showcase_index, budget=Decimal("250000"), public_funding=Decimal("187500.50"))
    event = EventPageFactory(parent=event_index, price=Decimal("1250.00"))

    finnish = page_text(client.get(showcase.url)) + page_text(client.get(event.url))
    assert f"250{NBSP}000{NBSP}€" in finnish and f"187{NBSP}500,50{NBSP}€" in finnish and f"1{NBSP}250{NBSP}€" in finnish
    english_html = page_text(client.get(english(showcase).url)) + page_text(client.get(english(event).url))
    assert "€250,000" in english_html and "€187,500.50" in english_html and "€1,250" in english_html


@pytest.mark.django_db
def test_counts_are_grouped_each_languages_way(client, event_index, english, settings):
    settings.KOONTO_PAGE_SIZE = 2
    soon = timezone.now() + timedelta(days=3)
    EventPageFactory.create_batch(3, parent=event_index, starts_at=soon)

    assert "3 tapahtumaa" in page_text(client.get(event_index.url))
    with translation.override("fi"):
        html = Template(
            "{% load i18n numbers %}{% blocktranslate count counter=n with total=n|number %}{{ total }} event"
            "{% plural %}{{ total }} events{% endblocktranslate %}"
        ).render(Context({"n": 1500}))
    assert html == f"1{NBSP}500 tapahtumaa"
