"""Cards: every page type's kind is declared on the page type and has its icon."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page, get_page_models

from design.templatetags.cards import page_kind
from events.models import EventPage
from guides.models import FundingCallPage
from tests.factories import EventPageFactory

ICONS = Path(settings.BASE_DIR) / "design" / "static" / "koonto" / "img" / "icons"


def test_every_declared_kind_has_an_icon():
    kinds = {getattr(model, "card_kind", "page") for model in get_page_models()}
    assert {"guide", "call", "showcase", "event", "page"} <= kinds
    assert not [kind for kind in kinds if not (ICONS / f"{kind}.svg").exists()]


def test_a_page_type_names_its_own_kind():
    assert EventPage.card_kind == "event"
    assert FundingCallPage.card_kind == "call"
    assert getattr(Page, "card_kind", "page") == "page"


@pytest.mark.django_db
def test_page_kind_reads_the_specific_type_behind_a_generic_page(home, event_index):
    event = EventPageFactory(parent=event_index)
    assert page_kind(event) == "event"
    assert page_kind(Page.objects.get(pk=event.pk)) == "event"
    assert page_kind(home) == "page"
