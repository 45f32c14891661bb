"""A call page's HTML comes from the fragment cache ({% contentcache "page" %}, serving) yet never reads stale: a revision
published shows at once (here), and its status turns when the clock passes a date, with nothing saved
(test_listing_cache.test_a_status_turns_as_the_clock_moves)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.programs.conftest import make_call

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_cached_call_page_renders_its_article_once(client, call_index):
    call = make_call(call_index, "طلب إبداء الاهتمام")
    badge = "programs/includes/status_badge.html"  # rendered inside the article only
    first = client.get(call.url)
    assert badge in [template.name for template in first.templates]
    with CaptureQueriesContext(connection) as captured:
        again = client.get(call.url)
    assert again.content == first.content
    assert badge not in [template.name for template in again.templates]
    # Wagtail routes to the page; nothing of what the article shows is asked for.
    tables = {table for query in captured for table in re.findall(r'FROM "(\w+)"', query["sql"])}
    assert not tables & {"programs_calldocument", "wagtaildocs_document", "portal_sector", "portal_region"}, tables


def test_a_published_revision_shows_at_once(client, call_index):
    call = make_call(call_index, "طلب إبداء الاهتمام", min_members=7)
    assert '<bdi dir="ltr">7</bdi>' in _get(client, call.url)
    call.min_members = 12
    call.save_revision().publish()
    html = _get(client, call.url)
    assert '<bdi dir="ltr">12</bdi>' in html and '<bdi dir="ltr">7</bdi>' not in html


def test_each_call_has_its_own_fragment(client, call_index):
    first, second = make_call(call_index, "الطلب الأول"), make_call(call_index, "الطلب الثاني")
    for _ in range(2):
        assert "<h1>الطلب الأول</h1>" in _get(client, first.url)
        assert "<h1>الطلب الثاني</h1>" in _get(client, second.url)
