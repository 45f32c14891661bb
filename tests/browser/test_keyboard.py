"""Keyboard only, no mouse: the skip link comes first, every focused element shows it, and a visitor can search,
filter the calls and download a call's form with Tab, arrow keys and Enter."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from programs.demo import CALLS

from .helpers import listed_calls, path_of, query_of
from .pages import page_path

pytestmark = pytest.mark.browser

DELIO = next(spec for spec in CALLS if spec["slug"][1] == "ami-delio")
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) { return null; }
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.getAttribute("name"),
        href: element.getAttribute("href"),
        download: element.hasAttribute("download"),
        inRegionFilter: element.form ? Boolean(element.form.querySelector("select[name=region]")) : false,
        text: (element.innerText || element.value || "").trim().slice(0, 100),
        indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < document.documentElement.clientWidth,
    };
}"""


def press_and_follow(page, key):
    """Press ``key`` on the focused element and wait for the page it opens."""
    with page.expect_navigation():
        page.keyboard.press(key)


def tab_to(page, wanted, limit=120):
    """Press Tab until ``wanted(focused)``; every element met on the way must show that it has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused is not None, "Tab left the page"
        if not focused["onScreen"]:  # the stylesheet scrolls smoothly to the focused element: let it arrive
            try:
                page.wait_for_function(f"() => ({FOCUSED})().onScreen", timeout=2_000)
            except PlaywrightTimeoutError:
                pass
            focused = page.evaluate(FOCUSED)
        assert focused["onScreen"], f"the focused element is off screen: {focused}"
        assert focused["indicator"], f"no visible focus (outline or box-shadow) on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError(f"not reached in {limit} Tab presses")


@pytest.fixture
def keyboard_page(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    return page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_skip_link_comes_first_and_moves_to_the_content(keyboard_page, language):
    page = keyboard_page
    page.goto(page_path("home", language))
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused and focused["href"] == "#main", f"the first Tab reached {focused}"
    assert focused["onScreen"] and focused["indicator"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    assert page.evaluate("() => location.hash") == "#main"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_search_by_keyboard(keyboard_page, language):
    page = keyboard_page
    page.goto(page_path("home", language))
    tab_to(page, lambda f: f["tag"] == "input" and f["name"] == "q")
    page.keyboard.type("DELIO")
    press_and_follow(page, "Enter")
    assert path_of(page) == f"/{language}/search/"
    assert query_of(page)["q"] == ["DELIO"]
    assert DELIO["title"][language == "fr"] in listed_calls(page)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_filter_calls_by_keyboard(keyboard_page, language):
    """Choose a region with the arrow keys, send the filters with Enter."""
    page = keyboard_page
    page.goto(page_path("calls listing", language))
    tab_to(page, lambda f: f["tag"] == "select" and f["name"] == "region")
    values = page.locator("select[name=region] option").evaluate_all("(options) => options.map((o) => o.value)")
    loads = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and loads.append(frame.url))
    for _ in range(values.index("oriental")):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(500)  # time for a page load to start, if an arrow key sends the form
    # Each arrow press moves the choice; sending the form on each would reload the page mid-choice (WCAG 3.2.2).
    assert not loads, f"moving through the regions with the arrow keys loaded {loads}"
    assert page.locator("select[name=region]").input_value() == "oriental"
    tab_to(page, lambda f: f["tag"] == "button" and f["inRegionFilter"])
    press_and_follow(page, "Enter")
    assert query_of(page)["region"] == ["oriental"]
    assert listed_calls(page) == {spec["title"][language == "fr"] for spec in CALLS if "oriental" in spec["regions"]}


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_open_a_call_and_download_its_form_by_keyboard(keyboard_page, language):
    page = keyboard_page
    title = DELIO["title"][language == "fr"]
    page.goto(page_path("calls listing", language) + "?region=oriental")
    tab_to(page, lambda f: f["tag"] == "a" and f["text"] == title)
    press_and_follow(page, "Enter")
    assert path_of(page) == page_path("call", language)
    form_title = DELIO["documents"][0]["title"][language == "fr"]
    tab_to(page, lambda f: f["tag"] == "a" and f["download"] and form_title in f["text"])
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
