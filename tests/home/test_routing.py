"""The home page routes a path as Wagtail's Page.route does, in one look-up whatever the depth."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(home):
    """Three nested pages under the home page: أ / ب / ج."""
    first = make_standard_page(home, "أ", "a")
    second = make_standard_page(first, "ب", "b")
    return first, second, make_standard_page(second, "ج", "c")


def routing_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    lookups = [q["sql"] for q in captured if re.search(r'WHERE .*"url_path" IN', q["sql"])]
    return response.status_code, lookups


def test_each_page_is_found_in_one_look_up(client, trail):
    first, _second, third = trail
    for page in (first, third):
        status, lookups = routing_queries(client, page.url)
        assert status == 200 and len(lookups) == 1, lookups
    assert "<h1>ج</h1>" in client.get(third.url).content.decode()


def test_missing_and_unpublished_pages_are_not_found_and_drafts_on_the_way_are_crossed(client, trail):
    first, second, third = trail
    assert client.get(first.url + "nothing-here/").status_code == 404
    assert client.get(third.url + "deeper/").status_code == 404
    url = third.url
    second.unpublish()
    assert client.get(url).status_code == 200  # as Page.route: only the page asked for must be live
    third.unpublish()
    assert client.get(url).status_code == 404
