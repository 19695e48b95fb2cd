"""The guides' own blocks render accessible HTML and reject bad values, without the database."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from guides.blocks import (
    ChecklistBlock,
    FAQBlock,
    GuideBodyBlock,
    StepBlock,
    StepsBlock,
    TableBlock,
    VideoEmbedBlock,
    parse_video_url,
)

STEPS = [
    {"title": "Tee hankeidea", "text": "<p>Kirjaa tavoite.</p>"},
    {
        "title": "Hae EURA 2021 -järjestelmässä",
        "text": "<p>Täytä hakemus.</p>",
        "link_url": "https://www.eura2021.fi/",
        "link_text": "Avaa EURA 2021",
    },
]
FAQ = [
    {"question": "Kuka voi hakea?", "answer": "<p>Yhdistykset ja kunnat.</p>"},
    {"question": "Paljonko tukea saa?", "answer": "<p>Enintään 80 %.</p>"},
]
YT_EMBED = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
TABLE = {
    "caption": "Tuki hanketyypeittäin",
    "columns": ["Hanketyyppi", "Tuki"],
    "rows": [["Kehittämishanke", "80 %"], ["Investointihanke", "50 %"]],
    "first_column_is_header": True,
}


@pytest.fixture(autouse=True)
def english():
    """Block texts are asserted in English, the language of the msgids (Finnish is the default)."""
    with translation.override("en"):
        yield


def test_step_link_text_without_address_is_rejected():
    block = StepBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Hae", "text": "<p>Täytä hakemus.</p>", "link_text": "Avaa EURA"}))
    assert "link_url" in error.value.block_errors


def test_step_address_without_link_text_is_rejected():
    block = StepBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Hae", "text": "<p>Täytä.</p>", "link_url": "https://www.eura2021.fi/"}))
    assert "link_text" in error.value.block_errors


def test_step_without_text_is_rejected():
    block = StepBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Hae", "text": "<p></p>"}))


def test_steps_need_at_least_one_step():
    block = StepsBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python([]))


def test_steps_render_as_an_ordered_list_with_links():
    block = StepsBlock()
    value = block.clean(block.to_python(STEPS))
    html = block.render(value)
    assert html.count("<li") == 2 and '<ol class="steps"' in html
    assert html.index("Tee hankeidea") < html.index("Hae EURA 2021 -järjestelmässä")
    assert '<a href="https://www.eura2021.fi/">Avaa EURA 2021</a>' in html


def test_steps_api_representation():
    block = StepsBlock()
    assert block.get_api_representation(block.clean(block.to_python(STEPS))) == [
        {"title": "Tee hankeidea", "text_html": "<p>Kirjaa tavoite.</p>", "link": None},
        {
            "title": "Hae EURA 2021 -järjestelmässä",
            "text_html": "<p>Täytä hakemus.</p>",
            "link": {"url": "https://www.eura2021.fi/", "text": "Avaa EURA 2021"},
        },
    ]


@pytest.mark.parametrize("items", [[], [""], ["   "]])
def test_checklist_needs_a_non_empty_item(items):
    block = ChecklistBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Ennen hakua", "items": items}))


def test_checklist_marks_are_hidden_from_screen_readers():
    block = ChecklistBlock()
    value = block.clean(block.to_python({"title": "Ennen hakua", "items": ["Budjetti on laskettu", "Kumppanit mukana"]}))
    html = block.render(value)
    assert "Ennen hakua" in html and 'role="list"' in html
    assert html.count('<span class="checklist__mark" aria-hidden="true"></span>') == 2
    assert "✓" not in html and "✔" not in html
    assert block.get_api_representation(value) == {"title": "Ennen hakua", "items": ["Budjetti on laskettu", "Kumppanit mukana"]}


@pytest.mark.parametrize(
    "items",
    [[], [{"question": "", "answer": "<p>Vastaus.</p>"}], [{"question": "Kysymys?", "answer": "<p> </p>"}]],
)
def test_faq_rejects_missing_questions_and_answers(items):
    block = FAQBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(items))


def test_faq_renders_details_with_faqpage_microdata_and_no_script():
    block = FAQBlock()
    html = block.render(block.clean(block.to_python(FAQ)))
    assert 'itemscope itemtype="https://schema.org/FAQPage"' in html
    assert html.count('itemprop="mainEntity" itemtype="https://schema.org/Question"') == 2
    assert html.count('itemprop="acceptedAnswer" itemtype="https://schema.org/Answer"') == 2
    assert '<summary class="faq__question"><span itemprop="name">Kuka voi hakea?</span></summary>' in html
    assert html.count("<details") == 2 and "<script" not in html


def test_faq_api_representation():
    block = FAQBlock()
    assert block.get_api_representation(block.clean(block.to_python(FAQ))) == [
        {"question": "Kuka voi hakea?", "answer_html": "<p>Yhdistykset ja kunnat.</p>"},
        {"question": "Paljonko tukea saa?", "answer_html": "<p>Enintään 80 %.</p>"},
    ]


@pytest.mark.parametrize(
    ("url", "provider", "video_id", "embed_url"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "youtube", "dQw4w9WgXcQ", YT_EMBED),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", YT_EMBED),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", YT_EMBED),
        ("https://vimeo.com/76979871", "vimeo", "76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://vimeo.com/76979871/ab12cd34ef",
            "vimeo",
            "76979871",
            "https://player.vimeo.com/video/76979871?dnt=1&h=ab12cd34ef",
        ),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
    ],
)
def test_video_addresses_are_recognised(url, provider, video_id, embed_url):
    assert parse_video_url(url)[:3] == (provider, video_id, embed_url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x7xyz",
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/about",
        "ftp://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_video_from_another_host_is_rejected_with_a_clear_message(url):
    block = VideoEmbedBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": url, "title": "Hakuohjeet"}))
    assert "YouTube or Vimeo" in str(error.value.block_errors["url"])


def test_video_needs_a_title():
    block = VideoEmbedBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://youtu.be/dQw4w9WgXcQ", "title": ""}))
    assert "title" in error.value.block_errors


def test_video_renders_a_placeholder_without_any_request_to_the_provider():
    block = VideoEmbedBlock()
    value = block.clean(
        block.to_python({"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Hakuohjeet", "transcript": "Puhe."})
    )
    html = block.render(value)
    assert "<iframe" not in html and "<script" not in html and "<img" not in html
    assert "Load video (loads content from YouTube)" in html and 'type="button"' in html
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in html
    assert 'data-video-provider="youtube" data-video-id="dQw4w9WgXcQ"' in html
    # The plain link is the only third-party address in the HTML.
    assert re.findall(r"https?://[^\s\"'<>]+", html) == ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]
    assert "Puhe." in html


def test_video_api_representation():
    block = VideoEmbedBlock()
    value = block.clean(block.to_python({"url": "https://vimeo.com/76979871", "title": "Raportointi"}))
    assert block.get_api_representation(value) == {
        "provider": "vimeo",
        "video_id": "76979871",
        "url": "https://vimeo.com/76979871",
        "embed_url": "https://player.vimeo.com/video/76979871?dnt=1",
        "title": "Raportointi",
        "transcript": "",
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"caption": ""},
        {"columns": []},
        {"rows": []},
        {"rows": [["Kehittämishanke", "80 %", "ylimääräinen"]]},
        {"rows": [["Kehittämishanke"]]},
    ],
)
def test_table_rejects_bad_values(changes):
    block = TableBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**TABLE, **changes}))


def test_table_renders_caption_and_scoped_headers():
    block = TableBlock()
    html = block.render(block.clean(block.to_python(TABLE)))
    assert "<caption>Tuki hanketyypeittäin</caption>" in html
    assert '<th scope="col">Hanketyyppi</th><th scope="col">Tuki</th>' in html
    assert '<tr><th scope="row">Kehittämishanke</th><td>80 %</td></tr>' in html


def test_table_without_row_headers_renders_data_cells():
    block = TableBlock()
    html = block.render(block.clean(block.to_python({**TABLE, "first_column_is_header": False})))
    assert 'scope="row"' not in html and "<td>Kehittämishanke</td><td>80 %</td>" in html


def test_table_api_representation():
    block = TableBlock()
    assert block.get_api_representation(block.clean(block.to_python(TABLE))) == {
        "caption": "Tuki hanketyypeittäin",
        "columns": ["Hanketyyppi", "Tuki"],
        "rows": [["Kehittämishanke", "80 %"], ["Investointihanke", "50 %"]],
        "first_column_is_header": True,
    }


@pytest.mark.parametrize("name", ["steps", "checklist", "faq", "video", "table"])
def test_guide_blocks_have_a_preview_that_renders(name):
    block = GuideBodyBlock().child_blocks[name]
    assert block.meta.icon and block.meta.template.startswith("blocks/")
    assert block.render(block.get_preview_value()).strip()


def test_guide_body_keeps_the_shared_block_names():
    names = set(GuideBodyBlock().child_blocks)
    assert {"heading", "paragraph", "image", "document", "quote", "callout"} <= names
