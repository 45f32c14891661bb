"""Every public URL of the demo site, asked with hostile query strings and form values: never a 500, never a payload
echoed unescaped.

The URLs come from the site itself — every location in the sitemap (pages and project bank and partner entries, in
Arabic and French), the search pages, feeds and JSON endpoints — so a new page type or listing is walked without
touching this test. Each filter parameter the listings read gets several payloads (spread over the URLs rather than
the full cartesian product, to keep the walk well under a minute).
"""

import io
import re
from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

# Every query-string parameter a public view reads (portal/listing.py filters, search, API, pagination).
PARAMETERS = (
    "q", "page", "status", "program", "when", "sector", "region", "target_group", "level", "kind", "support",
    "type", "locale",
)  # fmt: skip
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
PAYLOADS = (
    "x" * 10_000,
    "' OR 1=1--",
    "'; DROP TABLE wagtailcore_page;--",
    SCRIPT,
    IMAGE,
    "{{7*7}}",
    "{% debug %}",
    "${7*7}",
    "\x00",
    "-1",
    "0",
    "99999999999999999999999",
    "1.5",
    "1e308",
    "NaN",
    "no-such-code",
    "../../etc/passwd",
    "تعاونية" * 500,
    "\u202e\u200f",
)
# Raw query strings the client sends as they are: undecodable percent-escapes, a NUL, repeated parameters.
RAW_QUERIES = (
    "q=%ff%fe%fd&sector=%c3%28&page=%80",
    "q=%00&page=%00&region=%00",
    "&".join(f"sector=s{i}" for i in range(300)) + "&" + "&".join(f"region=r{i}" for i in range(300)),
    "page=1&page=2&page=-3&page=x&status=open&status=open&status=%3Cscript%3E",
    "q[]=x&page[]=1&sector[0]=a&region.code=b",
    "=&&&==&q",
)
UNESCAPED = ("<script>alert(1)</script>", "<img src=x onerror")


def query(values):
    return "&".join(f"{quote(name)}={quote(value, safe='')}" for name, value in values)


def public_urls(client):
    """Every location of the sitemap as a path, plus the endpoints the sitemap does not list."""
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    paths = {urlsplit(location).path for location in re.findall(r"<loc>([^<]+)</loc>", sitemap.content.decode())}
    for language in ("ar", "fr"):
        paths |= {
            f"/{language}/",
            f"/{language}/search/",
            f"/{language}/feeds/calls/",
            f"/{language}/feeds/news/",
            f"/{language}/feeds/events.ics",
            f"/{language}/_util/login/",
        }
    paths |= {"/api/search/", "/api/search/autocomplete/", "/healthz", "/sitemap.xml", "/"}
    return sorted(paths)


def check(response, url, problems):
    if response.status_code >= 500:
        problems.append(f"{response.status_code} {url[:200]}")
        return
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    for raw in UNESCAPED:
        if raw in text:
            problems.append(f"unescaped {raw!r} in {url[:200]}")


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded once for this module (it takes a while) and rolled back after its last test."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_content, db):
    return demo_content


def reads_filters(url):
    """Index and listing pages, search, feeds and the API: the URLs whose views read query parameters."""
    segments = [part for part in url.split("/") if part]
    return len(segments) <= 2 or "search" in segments or "feeds" in segments


def test_every_public_url_survives_hostile_query_strings(client, demo_site):
    urls = public_urls(client)
    assert len(urls) > 60, urls  # the demo's pages and entries in both languages
    assert any("/fr/" in url for url in urls) and any(url.count("/") > 4 for url in urls)
    problems, requests, n = [], 0, len(PAYLOADS)
    for number, url in enumerate(urls):
        targets = [
            # Every parameter at once with one payload, and one raw query string, rotating from URL to URL.
            f"{url}?{query([(name, PAYLOADS[number % n]) for name in PARAMETERS])}",
            f"{url}?{RAW_QUERIES[number % len(RAW_QUERIES)]}",
        ]
        if reads_filters(url):
            # Each parameter alone, each with its own payload, rotating too; and the other raw query strings.
            targets += [
                f"{url}?{query([(name, PAYLOADS[(number + position) % n])])}"
                for position, name in enumerate(PARAMETERS)
            ]
            targets += [f"{url}?{raw}" for raw in RAW_QUERIES if raw != RAW_QUERIES[number % len(RAW_QUERIES)]]
        for target in targets:
            check(client.get(target), target, problems)
            requests += 1
    assert requests > 500
    assert problems == [], f"{len(problems)} problems in {requests} requests:\n" + "\n".join(problems[:40])


def test_hostile_path_segments_are_not_found_never_an_error(client, demo_site):
    listing_roots = {url.rsplit("/", 2)[0] + "/" for url in public_urls(client) if url.count("/") > 4}
    problems = []
    for root in sorted(listing_roots) + ["/ar/", "/fr/", "/documents/1/"]:
        for payload in (SCRIPT, IMAGE, "x" * 2000, "' OR 1=1--", "%ff%fe", "..%2f..%2fetc%2fpasswd", "%00"):
            target = root + quote(payload, safe="%") + "/"
            response = client.get(target)
            check(response, target, problems)
            if response.status_code not in (301, 302, 400, 404):
                problems.append(f"{response.status_code} for {target[:120]}")
    assert problems == []


def test_every_public_form_survives_hostile_values(client, demo_site):
    page = Page.objects.live().filter(depth__gt=2, locale__language_code="ar").first().specific
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret-code-1")
    forms = [
        (f"/ar/_util/authenticate_with_password/{restriction.id}/{page.id}/", ("password", "return_url")),
        ("/ar/_util/login/", ("username", "password", "next")),
        ("/fr/_util/login/", ("username", "password", "next")),
        ("/admin/login/", ("username", "password", "next")),
    ]
    problems = []
    for url, fields in forms:
        for number in range(len(PAYLOADS)):
            values = {field: PAYLOADS[(number + position) % len(PAYLOADS)] for position, field in enumerate(fields)}
            check(client.post(url, values), f"POST {url} {values!r:.80}", problems)
        check(client.post(url, {field: ["a", "b", SCRIPT] for field in fields}), f"POST {url} lists", problems)
        check(client.post(url, "garbage=%ff%fe", content_type="application/x-www-form-urlencoded"), url, problems)
    # And a POST of hostile values to every public page, which only reads GET parameters.
    for url in public_urls(client):
        check(client.post(url, {name: SCRIPT for name in PARAMETERS}), f"POST {url}", problems)
    assert problems == []
