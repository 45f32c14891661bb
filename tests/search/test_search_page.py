"""The search page: active locale only, paginated, and calm in front of odd input."""

import pytest

from tests.conftest import make_standard_page


@pytest.fixture
def pages(home, french_home):
    return (
        make_standard_page(home, "دليل التعاونيات الفلاحية", "guide-ar", intro="تكوين التعاونيات"),
        make_standard_page(french_home, "Guide des coopératives agricoles", "guide-fr", intro="Formation"),
    )


def test_search_finds_pages_of_the_active_locale_only(client, pages):
    arabic, french = pages
    html = client.get("/ar/search/", {"q": "التعاونيات"}).content.decode()
    assert arabic.title in html and french.title not in html
    html = client.get("/fr/search/", {"q": "coopératives"}).content.decode()
    assert french.title in html and arabic.title not in html


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 5000}, {"q": "'; DROP TABLE wagtailcore_page; --"}, {"q": "تعاونية", "page": "abc"}, {"page": "-1"}],
)
def test_odd_queries_never_fail(client, pages, params):
    response = client.get("/ar/search/", params)
    assert response.status_code == 200


def test_query_is_escaped(client, pages):
    html = client.get("/fr/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
