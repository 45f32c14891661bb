"""What a search hit shows (title, address, snippet) is cached per content generation: never stale after an edit,
and the same on the search page and in the API."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_standard_page

pytestmark = pytest.mark.django_db


def _page_titles(client, query):
    html = client.get("/ar/search/", {"q": query}).content.decode()
    return [re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h2><a [^>]*>(.*?)</a></h2>", html)]


def _api_titles(client, query):
    return [hit["title"] for hit in client.get("/api/search/", {"q": query, "locale": "ar"}).json()["results"]]


def test_an_edited_title_reads_new_at_once(client, home):
    page = make_standard_page(home, "تعاونية الصبار", "cactus", intro="منتوجات الصبار")
    assert _page_titles(client, "الصبار") == _api_titles(client, "الصبار") == ["تعاونية الصبار"]
    page.title = "تعاونية الصبار الجديدة"
    page.save_revision().publish()
    assert _page_titles(client, "الصبار") == _api_titles(client, "الصبار") == ["تعاونية الصبار الجديدة"]


def test_a_repeated_search_loads_no_page_object(client, home):
    make_standard_page(home, "تعاونية الصبار", "cactus", intro="منتوجات الصبار")
    client.get("/ar/search/", {"q": "الصبار"})
    with CaptureQueriesContext(connection) as captured:
        assert _page_titles(client, "الصبار") == ["تعاونية الصبار"]
    tables = [table for query in captured for table in re.findall(r'FROM "(\w+)"', query["sql"])]
    assert not set(tables) & {"home_standardpage", "wagtailcore_page"}, tables
    assert tables.count("wagtailcore_site") == 1  # Wagtail's own lookup of the request's site, once


def test_each_query_highlights_its_own_words(client, home):
    make_standard_page(home, "زيت أركان", "argan", intro="تعاونية نسائية لزيت أركان")
    first = client.get("/ar/search/", {"q": "زيت"}).content.decode()
    second = client.get("/ar/search/", {"q": "أركان"}).content.decode()
    assert "<mark>زيت</mark>" in first and "<mark>أركان</mark>" not in first
    assert "<mark>أركان</mark>" in second


def test_a_repeated_search_presents_its_hits_once(client, home, monkeypatch):
    """The list of results is an HTML fragment named by the hits it shows: the engine runs at every request, the
    hits are presented (and their HTML rendered) only when the fragment is not cached."""
    import search.views

    make_standard_page(home, "تعاونية الصبار", "cactus", intro="منتوجات الصبار")
    calls = []
    present_page = search.views.present_page
    monkeypatch.setattr(
        search.views, "present_page", lambda *args, **kwargs: calls.append(args) or present_page(*args, **kwargs)
    )
    assert _page_titles(client, "الصبار") == ["تعاونية الصبار"] and len(calls) == 1
    assert _page_titles(client, "الصبار") == ["تعاونية الصبار"] and len(calls) == 1
    make_standard_page(home, "صبار سوس", "cactus-souss", intro="تعاونية الصبار في سوس")
    assert sorted(_page_titles(client, "الصبار")) == ["تعاونية الصبار", "صبار سوس"] and len(calls) == 2
