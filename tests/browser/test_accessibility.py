"""axe-core (npm, pinned in package-lock.json) finds no WCAG 2.1 A/AA violation on the main pages in both
languages; headings go down one level at a time under a single h1."""

import json

import pytest

from .pages import LANGUAGES, page_path
from .server import AXE_SCRIPT

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_PAGES = {
    "home": lambda language: page_path("home", language),
    "calls listing, region filter": lambda language: page_path("calls listing", language) + "?region=oriental",
    "call": lambda language: page_path("call", language),
    "search results": lambda language: page_path("search results", language),
    "project bank": lambda language: page_path("project bank", language),
}
HEADINGS = """() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
    .filter((heading) => heading.offsetParent !== null || heading.closest("details"))
    .map((heading) => [Number(heading.tagName[1]), heading.textContent.trim()])"""


def run_axe(page):
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make browser-deps installs it)")
    # Injected through the DevTools protocol, so the page's Content-Security-Policy does not block it.
    page.evaluate(AXE_SCRIPT.read_text())
    return page.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return {violations: r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map((n) => n.target.join(' '))})), passes: r.passes.length}; }",
        WCAG_TAGS,
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", AXE_PAGES)
def test_no_axe_violation(page, name, language):
    response = page.goto(AXE_PAGES[name](language))
    assert response.status == 200
    result = run_axe(page)
    assert result["passes"] > 10, "axe ran no check"
    violations = result["violations"]
    assert not violations, f"{name} ({language}): {len(violations)} axe violations\n" + "\n".join(
        f"- {v['id']} [{v['impact']}] {v['help']}: {json.dumps(v['targets'][:8], ensure_ascii=False)}"
        for v in violations
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", AXE_PAGES)
def test_headings_in_order(page, name, language):
    page.goto(AXE_PAGES[name](language))
    headings = page.evaluate(HEADINGS)
    assert headings, "no heading"
    assert headings[0][0] == 1, f"the first heading is not an h1: {headings[0]}"
    assert [level for level, _ in headings].count(1) == 1, f"more than one h1: {headings}"
    for (previous, _), (level, text) in zip(headings, headings[1:], strict=False):
        assert level <= previous + 1, f"{name} ({language}): h{level} “{text}” follows an h{previous}"
