"""Hostile input to search: the page, the JSON API and autocomplete never answer 500 and never echo a raw payload.

DESIGN.md, "Bad input": no 500 for any query string. The page answers 200 (with a visible note for filter values
it does not know); the API answers 200, or 400 with a JSON "error" message; autocomplete answers 200 with JSON.
"""

import json
from urllib.parse import quote_from_bytes

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from portal.translating import ensure_locales, translate
from tests.conftest import make_standard_page

PAGES = ("/ar/search/", "/fr/search/")
API = "/api/search/"
AUTOCOMPLETE = "/api/search/autocomplete/"
PAYLOAD = "<script>alert(1)</script>"  # sent in requests: must never come back raw
STORED = "<script>alert('stored')</script>"  # in page titles: escaped on the page, plain text in JSON

# What full-text engines read as syntax: FTS5 and tsquery operators, Lucene and Elasticsearch query strings.
FTS_SYNTAX = (
    '"', '""', '"تعاونية', "*", "تعاون*", "OR", "a OR b", "NEAR(", "NEAR(a b, 3)", ":", "title:تعاونية",
    "{title body}: x", "-", "-تعاونية", "(", ")", "((((تعاونية", "AND NOT", "تعاونية AND NOT زيت", "^", "زيت^4",
    "~", "زيت~2", "'", "''", "\\", "!", "&", "|", "<->", "a:*", "*:*", "%", "%s", "%(q)s", "NOT", "AND", "+",
    "[a TO b]", "/regex/", "?", "@@", ";",
)  # fmt: skip

HOSTILE_QUERIES = (
    "",
    " ",
    "x" * 10_000,
    "تعاونية " * 1_500,
    "\x00",
    "تعاونية\x00زيت",
    "\x1b[31mتعاونية",
    "\u202eتعاونية",
    "\u200f\u200e\ufeff",
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652",  # only diacritics
    "ـــــ",  # only tatweel
    "في من على الى",  # only Arabic stop words
    "le la les des de",  # only French stop words
    "تعاونيةcoopérative DELIOبـ ڭرسيف2025",
    "中文 русский עברית 🐪🌵",
    "١٢٣٤٥٦٧٨٩٠ ۱۲۳",
    PAYLOAD,
    "'; DROP TABLE wagtailcore_page; --",
    *FTS_SYNTAX,
)


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker):
    """Pages the hostile queries may find, one with markup in its title and intro; built once for the module
    inside a transaction rolled back after its last test."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            locales = ensure_locales()
            home = Site.objects.get(is_default_site=True).root_page.specific
            french_home = translate(home, locales["fr"], {home.title: "Portail des coopératives", home.slug: home.slug})
            yield (
                make_standard_page(home, "تعاونية زيت أرگان", "argan", intro="زيت الأركان بأگادير"),
                make_standard_page(home, f"تعاونية {STORED}", "markup", intro=f"مقدمة {STORED}"),
                make_standard_page(french_home, "Coopérative d'argan", "argan-fr", intro=f"Huile d'argan {STORED}"),
            )
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def pages(site_pages, db):
    return site_pages


def label(value):
    """A short ASCII test id for a hostile value (a string, or a dict of parameters)."""
    if isinstance(value, dict):
        value = " ".join(f"{name}={given}" for name, given in value.items())
    return ascii(value)[1:-1][:40]


def assert_calm_page(response):
    assert response.status_code == 200, response.status_code
    assert PAYLOAD.encode() not in response.content and STORED.encode() not in response.content


def assert_calm_api(response):
    assert response.status_code in (200, 400), response.status_code
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    if response.status_code == 400:
        assert isinstance(data.get("error"), str) and data["error"]
    assert PAYLOAD.encode() not in response.content
    return data


# Queries ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=label)
def test_hostile_query_on_the_page(client, pages, query):
    for path in PAGES:
        assert_calm_page(client.get(path, {"q": query}))


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=label)
def test_hostile_query_on_the_api(client, pages, query):
    for locale in ("ar", "fr"):
        assert_calm_api(client.get(API, {"q": query, "locale": locale}))
        assert_calm_api(client.get(AUTOCOMPLETE, {"q": query, "locale": locale}))


def test_markup_in_a_query_and_in_a_title_is_escaped_on_the_page(client, pages):
    html = client.get("/ar/search/", {"q": f"تعاونية {PAYLOAD}"}).content.decode()
    assert "&lt;script&gt;alert(1)" in html  # the query, shown back
    assert 'href="/ar/markup/"' in html  # the page with markup in its title is found, its title escaped:
    assert "<script>alert" not in html


def test_markup_in_a_title_is_plain_text_in_the_api(client, pages):
    data = client.get(API, {"q": "تعاونية", "locale": "ar"}).json()
    assert f"تعاونية {STORED}" in [result["title"] for result in data["results"]]


def test_a_long_query_still_finds_its_first_words(client, pages):
    data = client.get(API, {"q": "أرگان " + "x" * 10_000, "locale": "ar"}).json()
    assert data["count"] >= 1


# The raw query string: invalid UTF-8, odd encodings, repeated and odd parameters ----------------------------------

RAW_QUERY_STRINGS = (
    "q=%ff%fe",
    "q=%ed%a0%80",  # an encoded surrogate
    "q=%c0%af",  # an overlong encoding
    "q=%e2%80",  # a truncated sequence
    "q=%",
    "q=%zz%",
    "q=%00",
    "q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9%ff",
    "q=a&q=b&q=%ff",
    "q[]=x&q[0]=y",
    "=&&&=&q",
    "q=+++",
    "q=%2B%2B",
    "type=%ff&sector=%fe&region=%00&target_group=%1b",
    "page=%ff",
    "page=%00",
    "locale=%ff",
    "locale=%00",
    "locale=ar%00",
    "q=" + "%d8%aa" * 5_000,
    "x" * 5_000 + "=1",
)


@pytest.mark.parametrize("query_string", RAW_QUERY_STRINGS, ids=label)
def test_raw_query_string_on_the_page(client, pages, query_string):
    for path in PAGES:
        assert_calm_page(client.generic("GET", path, QUERY_STRING=query_string))


@pytest.mark.parametrize("query_string", RAW_QUERY_STRINGS, ids=label)
def test_raw_query_string_on_the_api(client, pages, query_string):
    assert_calm_api(client.generic("GET", API, QUERY_STRING=query_string))
    assert_calm_api(client.generic("GET", AUTOCOMPLETE, QUERY_STRING=query_string))


# Page numbers -----------------------------------------------------------------------------------------------------

PAGE_NUMBERS = (
    "0", "-1", "1.5", "1e3", "abc", "", " ", "999999", "99999999999999999999999", "9" * 5_000, "²", "١", "٢",
    "Ⅻ", "0x10", "+1", "1 ", "NaN", "inf", "last", "\x00", PAYLOAD,
)  # fmt: skip


@pytest.mark.parametrize("page", PAGE_NUMBERS, ids=label)
def test_page_numbers_on_the_page(client, pages, page):
    for path in PAGES:
        assert_calm_page(client.get(path, {"q": "تعاونية", "page": page}))


@pytest.mark.parametrize("page", PAGE_NUMBERS, ids=label)
def test_page_numbers_on_the_api(client, pages, page):
    assert_calm_api(client.get(API, {"q": "تعاونية", "locale": "ar", "page": page}))


def test_a_page_number_out_of_range_is_a_400_on_the_api(client, pages):
    response = client.get(API, {"q": "تعاونية", "locale": "ar", "page": "99"})
    assert response.status_code == 400 and response.json()["error"]


# Filter values ----------------------------------------------------------------------------------------------------

UNKNOWN_FILTERS = (
    ({"type": "spaceship"}, "spaceship"),
    ({"sector": "mining-on-mars"}, "mining-on-mars"),
    ({"region": "atlantis"}, "atlantis"),
    ({"target_group": "robots"}, "robots"),
    ({"region": ["oriental", "atlantis"]}, "atlantis"),
    ({"type": PAYLOAD}, "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ({"region": "oriental\x00"}, "oriental"),
    ({"sector": "x" * 10_000}, "x" * 80),
)


@pytest.mark.parametrize(
    ("params", "shown"), UNKNOWN_FILTERS, ids=[label(params) for params, _shown in UNKNOWN_FILTERS]
)
def test_unknown_filter_values_are_noted_on_the_page(client, pages, params, shown):
    for path in PAGES:
        response = client.get(path, {"q": "تعاونية", **params})
        assert_calm_page(response)
        html = response.content.decode()
        assert 'class="notice"' in html
        notice = html[html.index('class="notice"') :]
        assert shown in notice[: notice.index("</div>")]


@pytest.mark.parametrize(
    ("params", "shown"), UNKNOWN_FILTERS, ids=[label(params) for params, _shown in UNKNOWN_FILTERS]
)
def test_unknown_filter_values_are_a_400_on_the_api(client, pages, params, shown):
    response = client.get(API, {"q": "تعاونية", "locale": "ar", **params})
    assert_calm_api(response)
    assert response.status_code == 400


def test_many_filter_values_are_calm(client, pages):
    params = {"q": "تعاونية", "region": ["oriental"] * 50 + ["atlantis"] * 50, "type": ["page"] * 100}
    assert_calm_page(client.get("/ar/search/", params))
    assert_calm_api(client.get(API, {**params, "locale": "ar"}))


def test_a_known_filter_value_is_not_noted(client, pages):
    html = client.get("/ar/search/", {"q": "تعاونية", "region": "oriental", "type": "page"}).content.decode()
    assert 'class="notice"' not in html


# Random input -----------------------------------------------------------------------------------------------------

query_text = st.one_of(
    st.text(),  # any Unicode (Hypothesis leaves out lone surrogates, which a URL cannot carry anyway)
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(st.one_of(st.sampled_from(FTS_SYNTAX), st.text(max_size=12)), max_size=8).map(" ".join),
)
parameter_text = st.one_of(st.none(), st.text(max_size=20), st.sampled_from(("1", "2", "0", "-1", "ar", "fr")))


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_text, page=parameter_text, type_=parameter_text, locale=st.sampled_from(("ar", "fr")))
def test_random_input_never_fails(client, pages, query, page, type_, locale):
    params = {"q": query}
    if page is not None:
        params["page"] = page
    if type_ is not None:
        params["type"] = type_
    assert client.get(f"/{locale}/search/", params).status_code == 200
    assert_calm_api(client.get(API, {**params, "locale": locale}))
    assert_calm_api(client.get(AUTOCOMPLETE, {"q": query, "locale": locale}))


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.binary(max_size=60), page=st.binary(max_size=8), locale=st.sampled_from(("ar", "fr")))
def test_random_bytes_in_the_query_string_never_fail(client, pages, query, page, locale):
    query_string = f"q={quote_from_bytes(query)}&page={quote_from_bytes(page)}"
    assert client.generic("GET", f"/{locale}/search/", QUERY_STRING=query_string).status_code == 200
    assert_calm_api(client.generic("GET", API, QUERY_STRING=f"{query_string}&locale={locale}"))
    assert_calm_api(client.generic("GET", AUTOCOMPLETE, QUERY_STRING=f"{query_string}&locale={locale}"))
