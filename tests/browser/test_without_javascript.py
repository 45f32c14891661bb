"""With JavaScript off the portal still works: searching, filtering and paging are plain links and GET forms."""

from urllib.parse import unquote, urlsplit

import pytest

from programs.demo import CALLS

from .helpers import listed_calls, path_of, query_of
from .pages import page_path

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, portal):
    context = browser.new_context(base_url=portal.url, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_search_form(page, language):
    page.goto(page_path("home", language))
    box = page.locator("input[name=q]").first
    box.fill("DELIO")
    box.press("Enter")
    page.wait_for_load_state()
    assert path_of(page) == f"/{language}/search/"
    delio = next(spec for spec in CALLS if spec["slug"][1] == "ami-delio")
    assert delio["title"][language == "fr"] in listed_calls(page)
    assert page.locator("[aria-controls$=suggestions]").count() == 0, "the autocomplete script ran"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_filters(page, language):
    page.goto(page_path("calls listing", language))
    page.locator("select[name=sector]").select_option("agri-food")
    page.locator("select[name=region]").select_option("fes-meknes")
    page.locator("form:has(select[name=region]) [type=submit]").click()
    page.wait_for_load_state()
    assert query_of(page)["region"] == ["fes-meknes"]
    assert query_of(page)["sector"] == ["agri-food"]
    expected = {
        spec["title"][language == "fr"]
        for spec in CALLS
        if "fes-meknes" in spec["regions"] and "agri-food" in spec["sectors"]
    }
    assert len(expected) >= 2
    assert listed_calls(page) == expected


def project_links(page, bank_path):
    hrefs = page.locator("main a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    paths = [unquote(urlsplit(href).path) for href in hrefs if href]
    return {path for path in paths if path.startswith(bank_path) and path != bank_path}


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_pagination(page, language):
    bank = page_path("project bank", language)
    page.goto(bank)
    first = project_links(page, bank)
    assert len(first) >= 10
    page.locator("a[rel=next]").first.click()
    page.wait_for_load_state()
    assert query_of(page)["page"] == ["2"]
    second = project_links(page, bank)
    assert second and not (first & second)
    page.locator("a[rel=prev]").first.click()
    page.wait_for_load_state()
    assert project_links(page, bank) == first
