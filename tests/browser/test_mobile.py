"""On a 360 px phone screen no page scrolls sideways, right to left (Arabic) or left to right (French)."""

import pytest

from .pages import all_pages

pytestmark = pytest.mark.browser

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


@pytest.fixture(scope="module")
def phone(browser, portal):
    context = browser.new_context(
        base_url=portal.url,
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield context
    context.close()


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_no_horizontal_scrolling_at_360px(phone, page_type, language, path):
    page = phone.new_page()
    try:
        assert page.goto(path).status == 200
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        result = page.evaluate(OVERFLOW)
        assert result["clientWidth"] == 360
        assert result["scrollWidth"] <= result["clientWidth"], f"{page_type} ({language}) scrolls sideways: {result}"
        assert result["bodyScrollWidth"] <= result["clientWidth"], f"{page_type} ({language}): {result}"
    finally:
        page.close()
