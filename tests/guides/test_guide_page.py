"""A guide page shows its contents, FAQ microdata, click-to-load video and related pages."""

import re

import pytest
from wagtail_localize.segments.extract import extract_segments

from tests.factories import FundingCallPageFactory, GuidePageFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", {"text": "Ennen hakua", "level": "h2"}),
    ("checklist", {"title": "Tarkista", "items": ["Budjetti on laskettu"]}),
    ("heading", {"text": "Kuka voi hakea?", "level": "h3"}),
    ("paragraph", "<p>Yhdistykset.</p>"),
    ("heading", {"text": "Hakeminen", "level": "h2"}),
    ("steps", [{"title": "Täytä hakemus", "text": "<p>EURA 2021 -palvelussa.</p>"}]),
    ("heading", {"text": "Kuka voi hakea?", "level": "h3"}),
    ("faq", [{"question": "Paljonko tukea saa?", "answer": "<p>Enintään 80 %.</p>"}]),
    ("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Näin haet"}),
    (
        "table",
        {"caption": "Tuet", "columns": ["Hanke", "Tuki"], "rows": [["Kehittämishanke", "80 %"]], "first_column_is_header": True},
    ),
]


def get_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return page_text(response)


def test_guide_page_shows_a_nested_table_of_contents_with_working_anchors(client, guide_index):
    guide = GuidePageFactory(parent=guide_index, body=BODY)
    html = get_html(client, guide)
    nav = re.search(r'<nav class="toc" aria-label="[^"]+">.*?</nav>', html, re.S)
    assert nav, "the guide has no table of contents"
    toc = nav.group(0)
    links = re.findall(r'href="#([^"]+)"', toc)
    assert links == ["ennen-hakua", "kuka-voi-hakea", "hakeminen", "kuka-voi-hakea-2"]
    # Every link points at exactly one heading on the page.
    for anchor in links:
        assert len(re.findall(rf'<h[23] id="{anchor}">', html)) == 1
    # The level-3 headings are nested under their level-2 heading.
    assert re.search(r'href="#ennen-hakua">Ennen hakua</a>\s*<ol><li><a href="#kuka-voi-hakea">', toc)
    assert html.index('<nav class="toc"') < html.index('<h2 id="ennen-hakua">')


def test_guide_page_marks_up_the_faq_and_renders_the_other_guide_blocks(client, guide_index):
    html = get_html(client, GuidePageFactory(parent=guide_index, body=BODY))
    assert 'itemscope itemtype="https://schema.org/FAQPage"' in html
    assert 'itemprop="mainEntity" itemtype="https://schema.org/Question"' in html
    assert '<span itemprop="name">Paljonko tukea saa?</span>' in html
    assert "FAQPage" not in "".join(re.findall(r'<script type="application/ld\+json">.*?</script>', html, re.S))
    assert '<ol class="steps"' in html and "Täytä hakemus" in html
    assert '<span class="checklist__mark" aria-hidden="true"></span>Budjetti on laskettu' in html
    assert "<caption>Tuet</caption>" in html and '<th scope="row">Kehittämishanke</th>' in html


def test_guide_page_video_is_a_placeholder_until_clicked(client, guide_index):
    html = get_html(client, GuidePageFactory(parent=guide_index, body=BODY))
    assert "<iframe" not in html
    assert "youtube-nocookie" not in html and "googleapis" not in html and "ytimg" not in html
    assert 'data-video-provider="youtube" data-video-id="dQw4w9WgXcQ"' in html
    assert '<a href="https://youtu.be/dQw4w9WgXcQ">' in html
    assert re.search(r'<script src="[^"]*koonto/js/embed\.js" defer></script>', html)


def test_guide_without_video_loads_no_script_and_short_guide_has_no_contents(client, guide_index):
    guide = GuidePageFactory(parent=guide_index, body=[("heading", {"text": "Ainoa otsikko", "level": "h2"})])
    html = get_html(client, guide)
    assert "embed.js" not in html
    assert '<nav class="toc"' not in html
    assert '<h2 id="ainoa-otsikko">Ainoa otsikko</h2>' in html


def test_guide_page_shows_review_date_and_only_live_related_pages_in_the_readers_language(client, guide_index, en_home):
    call = FundingCallPageFactory(parent=guide_index, title="Kevään haku")
    draft = GuidePageFactory(parent=guide_index, title="Keskeneräinen opas", live=False)
    guide = GuidePageFactory(parent=guide_index, title="Hakuopas", reviewed_on="2025-03-04")
    guide.related_pages.create(related_page=call)
    guide.related_pages.create(related_page=draft)
    guide.save()

    html = get_html(client, guide)
    assert "Kevään haku" in html and "Keskeneräinen opas" not in html
    assert '<time datetime="2025-03-04">4.3.2025</time>' in html

    en_index = guide_index.copy_for_translation(en_home.locale)
    en_index.save_revision().publish()
    en_call = call.copy_for_translation(en_home.locale)
    en_call.title = "Spring call"
    en_call.save_revision().publish()
    en_guide = guide.copy_for_translation(en_home.locale, copy_parents=True)
    en_guide.save_revision().publish()
    en_html = get_html(client, en_guide)
    assert "Spring call" in en_html and "Kevään haku" not in en_html and "Keskeneräinen opas" not in en_html


def test_guide_blocks_reach_translators(guide_index):
    guide = GuidePageFactory(parent=guide_index, body=BODY)
    strings = {segment.string.data for segment in extract_segments(guide) if hasattr(segment, "string")}
    for text in ("Budjetti on laskettu", "Täytä hakemus", "Paljonko tukea saa?", "Näin haet", "Tuet", "Kehittämishanke"):
        assert text in strings


def test_guide_body_api_representation_is_usable_by_a_headless_client(guide_index):
    """What the API's StreamField serializer returns for the body (the API routes are wired elsewhere)."""
    guide = GuidePageFactory(parent=guide_index, body=BODY)
    guide.refresh_from_db()
    data = guide.body.stream_block.get_api_representation(guide.body)
    blocks = {block["type"]: block["value"] for block in data}
    assert blocks["faq"] == [{"question": "Paljonko tukea saa?", "answer_html": "<p>Enintään 80 %.</p>"}]
    assert blocks["video"]["provider"] == "youtube"
    assert blocks["video"]["embed_url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert blocks["table"]["rows"] == [["Kehittämishanke", "80 %"]]
    assert blocks["steps"] == [{"title": "Täytä hakemus", "text_html": "<p>EURA 2021 -palvelussa.</p>", "link": None}]
    assert blocks["checklist"] == {"title": "Tarkista", "items": ["Budjetti on laskettu"]}


def test_translated_guide_blocks_come_back_into_the_translation(guide_index, en_home, en_locale):
    """Round trip through wagtail-localize: every new block's text is replaced by its translation."""
    from wagtail_localize.models import Translation, TranslationSource

    guide = GuidePageFactory(parent=guide_index, body=BODY)
    source, _created = TranslationSource.get_or_create_from_instance(guide)
    translation = Translation.objects.create(source=source, target_locale=en_locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    translation.import_po(po)
    en_guide, _created = source.create_or_update_translation(en_locale, copy_parent_pages=True)

    blocks = {block.block_type: block.value for block in en_guide.body}
    assert blocks["table"]["caption"] == "EN Tuet"
    assert [list(row) for row in blocks["table"]["rows"]] == [["EN Kehittämishanke", "EN 80 %"]]
    assert blocks["steps"][0]["title"] == "EN Täytä hakemus"
    assert blocks["faq"][0]["question"] == "EN Paljonko tukea saa?"
    assert list(blocks["checklist"]["items"]) == ["EN Budjetti on laskettu"]
    assert blocks["video"]["title"] == "EN Näin haet"
    assert blocks["video"]["url"] == "https://youtu.be/dQw4w9WgXcQ"


def test_guide_with_the_new_blocks_opens_in_the_admin_editor(admin_client, guide_index):
    guide = GuidePageFactory(parent=guide_index, body=BODY)
    assert admin_client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200


def test_guide_index_query_count_is_the_same_for_5_and_50_items(client, site, guide_index, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import FundingCallPageFactory, GuidePageFactory

    def make(count):
        for _n in range(count):
            GuidePageFactory(parent=guide_index).save_revision().publish()
            FundingCallPageFactory(parent=guide_index).save_revision().publish()

    make(5)
    client.get(guide_index.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(guide_index.url).status_code == 200
    small = len(queries)  # counted now: the next request empties the connection's query log
    make(45)
    client.get(guide_index.url)  # new content dropped the cached menu and footer: warm them again
    with django_assert_max_num_queries(small):
        client.get(guide_index.url)
