"""Small page readers shared by the browser tests."""

from urllib.parse import parse_qs, unquote, urlsplit

from programs.demo import CALLS

CALL_TITLES = {title for spec in CALLS for title in spec["title"]}


def path_of(page):
    return unquote(urlsplit(page.url).path)


def query_of(page):
    return parse_qs(urlsplit(page.url).query)


def listed_calls(page):
    """Titles of the demo calls linked from the page's main content."""
    texts = page.locator("main a").all_inner_texts()
    return {text.strip() for text in texts} & CALL_TITLES


def fact(page, label):
    """The text after ``label`` in the page's main content ("Régions : Oriental" or a dt/dd pair)."""
    lines = [line.strip() for line in page.locator("main").inner_text().splitlines() if line.strip()]
    for number, line in enumerate(lines):
        if line.rstrip(" :：").strip() == label and number + 1 < len(lines):
            return lines[number + 1]
        if line.startswith(label) and line[len(label) :].lstrip().startswith(":"):
            return line[len(label) :].lstrip()[1:].strip()
    raise AssertionError(f"no “{label}” on {page.url}")


def switch_language(page, code):
    """Follow the language switcher's link to ``code`` (the nav link, not a download in that language)."""
    page.locator(f'nav a[hreflang="{code}"]').first.click()
    page.wait_for_load_state()
