"""Home and standard pages: StreamField blocks rendered, validated, and the demo site in both languages."""

import re

import pytest
from django.core.management import call_command
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale, Page, Revision

from editorial.translation_report import report_rows
from home.blocks import CallToActionBlock
from home.demo import _demo_document, _demo_image
from home.models import HomePage, StandardPage
from tests.conftest import make_standard_page


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_standard_page_renders_every_block(client, home, media):
    image, document = _demo_image(), _demo_document()
    target = make_standard_page(home, "خطوات التأسيس", "steps")
    page = make_standard_page(
        home,
        "صفحة تجريبية",
        "sample",
        intro="مقدمة قصيرة",
        body=[
            ("heading", {"text": "عنوان فرعي", "level": "h3"}),
            ("paragraph", "<p>فقرة <b>مهمة</b></p>"),
            (
                "image",
                {"image": {"image": image, "alt_text": "صناديق تعاونية", "decorative": False}, "caption": "تعليق"},
            ),
            ("document", {"document": document, "title": ""}),
            ("call_to_action", {"title": "ابدأ", "text": "", "button_label": "اقرأ", "page": target, "url": ""}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<h1>صفحة تجريبية</h1>" in html
    assert "<h3>عنوان فرعي</h3>" in html
    assert "<p>فقرة <b>مهمة</b></p>" in html
    img = re.search(r"<img [^>]*>", html).group(0)
    assert 'alt="صناديق تعاونية"' in img and 'loading="lazy"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'type="image/webp"' in html
    assert f'href="{document.url}"' in html
    assert "PDF" in html and re.search(r"\d+(\.\d+)?(</bdi>)?\s*(bytes|بايت|octets)", html)
    assert f'class="button" href="{target.url}"' in html


@pytest.mark.parametrize(
    "value",
    [
        {"title": "t", "text": "", "button_label": "b", "page": None, "url": ""},
        {"title": "t", "text": "", "button_label": "b", "page": "PAGE", "url": "https://example.org"},
    ],
)
def test_call_to_action_needs_exactly_one_target(home, value):
    block = CallToActionBlock()
    value = dict(value, page=home if value["page"] == "PAGE" else None)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**value, "page": value["page"].pk if value["page"] else None}))
    assert set(error.value.block_errors) == {"page", "url"}


def test_home_page_is_unique_and_translatable(home, french_home):
    assert isinstance(home, HomePage) and home.locale.language_code == "ar"
    assert french_home.translation_key == home.translation_key
    assert french_home.locale.language_code == "fr"
    assert not HomePage.can_create_at(home)


def _snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "locale__language_code", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
    }


@pytest.fixture
def demo(db, media):
    """The core's own demo pages (the sections' demo content has tests of its own)."""
    from home.demo import load_demo_pages

    load_demo_pages()


def test_demo_content_of_every_section_loads_twice_without_change(db, media):
    call_command("load_demo", verbosity=0)
    before = _snapshot()
    call_command("load_demo", verbosity=0)
    assert _snapshot() == before
    # Loaded in sync: the translation report has nothing for a translator on a fresh install.
    french = Locale.objects.get(language_code="fr")
    assert [(row.status, row.title) for row in report_rows(french)] == []


def test_demo_pages_all_have_their_translation(client, demo):
    arabic = StandardPage.objects.filter(locale__language_code="ar")
    assert arabic.count() >= 3
    for page in [*arabic, HomePage.objects.get(locale__language_code="ar")]:
        french = page.get_translation(page.locale.__class__.objects.get(language_code="fr"))
        assert french.live and french.alias_of_id is None
        assert french.title != page.title
        assert client.get(page.url).status_code == 200
        assert client.get(french.url).status_code == 200


def test_demo_home_shows_real_content_in_both_languages(client, demo):
    arabic = client.get("/ar/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "بنك المشاريع" in arabic and "banque de projets" in french
    # The French call to action links the French page, not the Arabic one.
    cta = re.search(r'<a class="button" href="([^"]+)"', french).group(1)
    assert cta == "/fr/creer-une-cooperative/"


def test_demo_body_is_a_stream(demo):
    home = HomePage.objects.get(locale__language_code="ar")
    assert isinstance(home.body, StreamValue)
    assert [block.block_type for block in home.body] == [
        "heading", "paragraph", "image", "paragraph", "document", "call_to_action",
    ]  # fmt: skip
