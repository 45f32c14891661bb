"""Light and self-contained pages: every request goes to the portal, listings stay under 200 KB transferred
with their images, images are sized lazy renditions in a modern format, static files fingerprinted and
compressed."""

import re
from urllib.parse import urlsplit

import pytest

from .pages import LISTINGS, all_pages
from .weight import IMAGES_LOADED, measure

pytestmark = pytest.mark.browser

LISTING_BUDGET = 200_000
FINGERPRINTED = re.compile(r"^/static/.+\.[0-9a-f]{12}\.(css|js|woff2?|svg|png|webp)$")
RENDITION = re.compile(r"^/media/images/[^/]+\.(?:[a-z]+-[0-9x]+\.)+(?:webp|avif|jpg|jpeg|png)$")


@pytest.fixture(scope="module")
def weights(browser, portal):
    """Each page measured once (module scope), for the tests below."""
    context = browser.new_context()
    measured = {}

    def weight_of(path):
        if path not in measured:
            measured[path] = measure(context, portal.url + path)
        return measured[path]

    yield weight_of
    context.close()


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_every_request_goes_to_the_portal(weights, portal, page_type, language, path):
    weight = weights(path)
    assert weight.requested, f"{path}: no request recorded"
    other_hosts = sorted(weight.hosts() - {portal.host})
    assert not other_hosts, f"{page_type} ({language}) requested other hosts: {other_hosts}"
    assert not weight.console_errors, f"{page_type} ({language}): {weight.console_errors}"
    broken = [(r.url, r.status or r.failed) for r in weight.resources if r.failed or r.status >= 400]
    assert not broken, f"{page_type} ({language}): failed requests {broken}"
    if page_type in LISTINGS:
        assert weight.total < LISTING_BUDGET, (
            f"{page_type} ({language}) transferred {weight.total:,} bytes: {weight.by_kind()}"
        )


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_static_files_are_fingerprinted_compressed_and_cached(weights, page_type, language, path):
    weight = weights(path)
    static = [r for r in weight.resources if urlsplit(r.url).path.startswith("/static/")]
    assert any(r.kind == "css" for r in static), f"{path}: no stylesheet"
    for resource in static:
        static_path = urlsplit(resource.url).path
        assert FINGERPRINTED.match(static_path), f"{static_path} is not fingerprinted"
        assert "max-age=315360000" in resource.cache_control or "immutable" in resource.cache_control, (
            f"{static_path}: Cache-Control {resource.cache_control!r}"
        )
        if resource.kind in ("css", "js"):
            assert resource.content_encoding in ("gzip", "br"), f"{static_path} sent uncompressed"


IMAGES = """() => Array.from(document.images).map((image) => ({
    src: new URL(image.currentSrc || image.src).pathname,
    width: image.getAttribute("width"),
    height: image.getAttribute("height"),
    loading: image.getAttribute("loading"),
    inPicture: image.parentElement.tagName === "PICTURE",
    sources: Array.from(image.parentElement.tagName === "PICTURE"
        ? image.parentElement.querySelectorAll("source") : []).map((source) => source.type),
    alt: image.getAttribute("alt"),
}))"""


@pytest.mark.parametrize(("page_type", "language", "path"), all_pages())
def test_images_are_sized_lazy_renditions_in_a_modern_format(page, page_type, language, path):
    page.goto(path)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function(IMAGES_LOADED)
    problems = []
    for image in page.evaluate(IMAGES):
        where = f"{image['src']}"
        if image["src"].startswith("/static/") and image["src"].endswith(".svg"):
            # The interface's own vector drawings (the logo): fingerprinted static files, sized, no rendition.
            if not FINGERPRINTED.match(image["src"]):
                problems.append(f"{where}: not fingerprinted")
            if not (image["width"] and image["height"]):
                problems.append(f"{where}: no width/height attributes")
            continue
        if not RENDITION.match(image["src"]):
            problems.append(f"{where}: not a Wagtail rendition")
        if not (image["width"] and image["height"]):
            problems.append(f"{where}: no width/height attributes")
        if image["loading"] != "lazy":
            problems.append(f'{where}: no loading="lazy"')
        if image["alt"] is None:
            problems.append(f"{where}: no alt attribute")
        modern = image["src"].endswith((".webp", ".avif")) or any(
            kind in ("image/webp", "image/avif") for kind in image["sources"]
        )
        if not modern:
            problems.append(f"{where}: served in neither WebP nor AVIF")
    assert not problems, f"{page_type} ({language}):\n" + "\n".join(problems)
