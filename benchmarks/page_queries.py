"""SQL queries and render time per public page type, on the demo database. Prints figures; never pass/fail.

.venv/bin/python benchmarks/page_queries.py            # after `make setup`
DATABASE_URL=postgres://… .venv/bin/python benchmarks/page_queries.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

RUNS = int(os.environ.get("RUNS", "20"))


def measure(client, url):
    client.get(url)  # warm caches and template loading
    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return response.status_code, len(queries), statistics.median(timings), max(timings), len(response.content)


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    urls = {}
    for page in Page.objects.live().specific().filter(depth__gte=2).order_by("path"):
        kind = f"{type(page).__name__} ({page.locale.language_code})"
        urls.setdefault(kind, page.url)
    urls["search (ar)"] = "/ar/search/?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9"
    urls["search (fr)"] = "/fr/search/?q=coop%C3%A9rative"
    print(f"{'page type':<26} {'status':>6} {'queries':>8} {'median ms':>10} {'max ms':>8} {'bytes':>8}")
    for kind, url in urls.items():
        status, queries, median, worst, size = measure(client, url)
        print(f"{kind:<26} {status:>6} {queries:>8} {median:>10.1f} {worst:>8.1f} {size:>8}")


if __name__ == "__main__":
    main()
