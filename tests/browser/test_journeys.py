"""What a visitor does: switch language, filter calls, open one and download its form, search in Arabic as
people type it, get title suggestions as they type."""

from urllib.parse import unquote, urlsplit

import pytest

from programs.demo import CALLS

from .helpers import fact, listed_calls, path_of, query_of, switch_language
from .pages import page_path

pytestmark = pytest.mark.browser

DELIO = next(spec for spec in CALLS if spec["slug"][1] == "ami-delio")


def calls_where(field, code, language):
    return {spec["title"][language == "fr"] for spec in CALLS if code in spec[field]}


def test_language_switch_on_a_call_goes_to_its_translation_and_back(page):
    page.goto(page_path("call", "ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text().strip() == DELIO["title"][0]

    switch_language(page, "fr")
    assert path_of(page) == page_path("call", "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text().strip() == DELIO["title"][1]

    switch_language(page, "ar")
    assert path_of(page) == page_path("call", "ar")
    assert page.locator("h1").inner_text().strip() == DELIO["title"][0]


@pytest.mark.parametrize(
    ("listing", "query", "kept"),
    [("project bank", "?page=2", {"page": ["2"]}), ("calls listing", "?region=oriental", {"region": ["oriental"]})],
)
def test_language_switch_on_a_listing_keeps_the_page(page, listing, query, kept):
    page.goto(page_path(listing, "fr") + query)
    switch_language(page, "ar")
    assert path_of(page) == page_path(listing, "ar")
    assert query_of(page) == kept, f"the switch to Arabic went to {page.url}"
    switch_language(page, "fr")
    assert path_of(page) == page_path(listing, "fr")
    assert query_of(page) == kept


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize(
    ("field", "name", "code"), [("regions", "region", "oriental"), ("sectors", "sector", "handicraft")]
)
def test_filter_calls(page, language, field, name, code):
    page.goto(page_path("calls listing", language))
    everything = listed_calls(page)
    assert len(everything) == len(CALLS)
    page.locator(f"select[name={name}]").select_option(code)
    page.locator(f"form:has(select[name={name}]) [type=submit]").click()
    page.wait_for_load_state()
    assert query_of(page)[name] == [code]
    expected = calls_where(field, code, language)
    assert 0 < len(expected) < len(CALLS)
    assert listed_calls(page) == expected

    # Each result says so on its own page.
    label = page.locator(f"select[name={name}] option[value='{code}']").inner_text().strip()
    heading = {("regions", "ar"): "الجهات", ("regions", "fr"): "Régions"}
    heading |= {("sectors", "ar"): "القطاعات", ("sectors", "fr"): "Secteurs"}
    links = {title: page.locator("main a", has_text=title).first.get_attribute("href") for title in expected}
    for title, href in links.items():
        page.goto(href)
        assert page.locator("h1").inner_text().strip() == title
        assert label in fact(page, heading[field, language]), f"{title} does not list {label}"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_open_a_call_and_download_its_form(page, language):
    page.goto(page_path("calls listing", language))
    page.locator("main a", has_text=DELIO["title"][language == "fr"]).first.click()
    page.wait_for_load_state()
    assert path_of(page) == page_path("call", language)
    downloads = page.locator("main a[download]")
    titles = [text.strip() for text in downloads.all_inner_texts()]
    assert len(titles) == len(DELIO["documents"])
    form_title = DELIO["documents"][0]["title"][language == "fr"]
    link = downloads.filter(has_text=form_title).first
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")


# Queries typed the way people type: ه for ة, ي for ى, no hamza, a Moroccan ڭ for ك.
VARIANT_QUERIES = [
    ("علامه الحاجب", "علامة «الحاجب تيروار» لمنتوجات التعاونيات"),
    ("دراسات الجدوي", "دراسات الجدوى لحاملي المشاريع التعاونية"),
    ("مسابقه الافكار", "مسابقة أفكار المشاريع التعاونية المبتكرة"),
    ("الڭسكس", "وحدة لإنتاج الكسكس والعجائن التقليدية"),
]


@pytest.mark.parametrize(("query", "expected"), VARIANT_QUERIES)
def test_search_in_arabic_with_a_variant_spelling(page, query, expected):
    page.goto(page_path("home", "ar"))
    box = page.locator("input[name=q]").first
    box.fill(query)
    box.press("Enter")
    page.wait_for_load_state()
    assert path_of(page) == "/ar/search/"
    assert query_of(page)["q"] == [query]
    first = page.locator("main ol").first.locator("a").first
    assert first.inner_text().strip().startswith(expected)
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip().startswith(expected)


@pytest.mark.parametrize(
    ("language", "typed", "expected"), [("ar", "تربيه النحل", "تربية النحل"), ("fr", "apicul", "Apiculture")]
)
def test_autocomplete_suggests_titles_as_one_types(page, language, typed, expected):
    page.goto(page_path("home", language))
    box = page.locator("input[name=q][data-autocomplete]").first
    box.press_sequentially(typed, delay=40)
    suggestions = page.locator("#" + box.get_attribute("aria-controls"))
    suggestion = suggestions.locator("a", has_text=expected).first
    suggestion.wait_for(state="visible")
    href = suggestion.get_attribute("href")
    suggestion.click()
    page.wait_for_load_state()
    assert path_of(page) == unquote(urlsplit(href).path)
    assert path_of(page).startswith(f"/{language}/")
    assert expected in page.locator("h1").inner_text()
