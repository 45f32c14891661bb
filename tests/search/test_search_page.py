"""The search page: active locale only, paginated, and calm in front of odd input."""

import re

import pytest
from django.http import QueryDict

from tests.conftest import make_standard_page


@pytest.fixture
def pages(home, french_home):
    return (
        make_standard_page(home, "دليل التعاونيات الفلاحية", "guide-ar", intro="تكوين التعاونيات"),
        make_standard_page(french_home, "Guide des coopératives agricoles", "guide-fr", intro="Formation"),
    )


def _text(response):
    return re.sub(r"<[^>]+>", "", response.content.decode())


def test_search_finds_pages_of_the_active_locale_only(client, pages):
    arabic, french = pages
    text = _text(client.get("/ar/search/", {"q": "التعاونيات"}))
    assert arabic.title in text and french.title not in text
    text = _text(client.get("/fr/search/", {"q": "coopératives"}))
    assert french.title in text and arabic.title not in text


def test_matched_words_are_highlighted_whatever_their_form(client, pages):
    html = client.get("/ar/search/", {"q": "تعاونيه"}).content.decode()
    assert "<mark>التعاونيات</mark>" in html


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 5000}, {"q": "'; DROP TABLE wagtailcore_page; --"}, {"q": "تعاونية", "page": "abc"}, {"page": "-1"}],
)
def test_odd_queries_never_fail(client, pages, params):
    response = client.get("/ar/search/", params)
    assert response.status_code == 200


def test_the_pages_of_results_keep_the_search_and_its_filters(client, home):
    for number in range(12):
        make_standard_page(home, f"تعاونية رقم {number}", f"cooperative-{number}", intro="تعاونية فلاحية")
    first = client.get("/ar/search/", {"q": "تعاونية", "type": "page"}).content.decode()
    next_link = re.search(r'<a rel="next" href="\?([^"]+)"', first).group(1).replace("&amp;", "&")
    assert QueryDict(next_link) == QueryDict("q=تعاونية&type=page&page=2", mutable=False)
    second = client.get("/ar/search/?" + next_link).content.decode()
    assert second.count('class="result result--page"') == 2
    previous_link = re.search(r'<a rel="prev" href="\?([^"]+)"', second).group(1).replace("&amp;", "&")
    assert QueryDict(previous_link) == QueryDict("q=تعاونية&type=page&page=1", mutable=False)


def test_query_is_escaped(client, pages):
    html = client.get("/fr/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
