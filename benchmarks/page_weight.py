"""Bytes a visitor's browser transfers for each public page type, in Arabic and in French.

Serves the portal the way the browser tests do (tests/browser/server.py: its own SQLite database with the demo
content, production settings, WhiteNoise's compressed static files, DEBUG off), opens every page in Debian's
Chromium, scrolls to its end so lazy images load, and sums what Chromium received per kind of resource
(DevTools encodedDataLength: compressed body plus headers). Prints a Markdown table; never passes or fails.

    .venv/bin/python benchmarks/page_weight.py [--width 360]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.pages import LISTINGS, all_pages  # noqa: E402
from tests.browser.server import launch_chromium, served_portal  # noqa: E402
from tests.browser.weight import KIND_ORDER, measure  # noqa: E402

BUDGET = 200_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1280, help="viewport width in CSS pixels (default 1280)")
    options = parser.parse_args()
    print("preparing the portal (migrate, demo content, collectstatic)…", file=sys.stderr)
    with served_portal() as portal, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": options.width, "height": 900})
        kinds = [kind for kind in KIND_ORDER if kind != "other"] + ["other"]
        print(f"Viewport {options.width} px; bytes transferred (compressed body + headers), lazy images included.\n")
        print("| page | lang | requests | " + " | ".join(kinds) + " | total | HTML encoding | budget |")
        print("| --- | --- | ---: | " + " | ".join("---:" for _ in kinds) + " | ---: | --- | --- |")
        for page_type, language, path in all_pages():
            weight = measure(context, portal.url + path)
            sizes = weight.by_kind()
            html = next((r for r in weight.resources if r.kind == "html"), None)
            encoding = (html.content_encoding or "none") if html else "?"
            budget = ("under 200 KB" if weight.total < BUDGET else "**over 200 KB**") if page_type in LISTINGS else ""
            print(
                f"| {page_type} | {language} | {len(weight.requested)} | "
                + " | ".join(f"{sizes[kind]:,}" for kind in kinds)
                + f" | {weight.total:,} | {encoding} | {budget} |"
            )
        context.close()
        browser.close()


if __name__ == "__main__":
    main()
