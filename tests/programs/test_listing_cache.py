"""Listings come from the fragment cache ({% contentcache %}, serving) yet never read stale: their HTML is keyed on the
content generation, the filters, the page number and the next time-driven change (programs.horizon)."""

import re
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from programs.models import CallPage
from serving import generation
from tests.programs.conftest import add, make_call, make_program

pytestmark = pytest.mark.django_db


def _titles(html):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def _get(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def test_a_cached_listing_asks_nothing_of_its_items(client, call_index):
    make_call(call_index, "طلب أول")
    first = _get(client, call_index.url)
    with CaptureQueriesContext(connection) as captured:
        again = _get(client, call_index.url)
    assert again == first
    tables = {table for query in captured for table in re.findall(r'FROM "(\w+)"', query["sql"])}
    assert not tables & {"programs_callpage", "portal_region", "portal_sector"}, tables
    # Nor of what builds their queryset: the programme filter's choices.
    assert "programs_programpage" not in tables, tables


def test_the_programme_filter_offers_a_new_programme_at_once(client, call_index, program_index):
    make_call(call_index, "طلب أول")
    assert 'value="delio"' not in _get(client, call_index.url)
    make_program(program_index, "برنامج ديليو", slug="delio")
    assert 'value="delio"' in _get(client, call_index.url)


def test_a_published_call_shows_in_the_listing_at_once(client, call_index):
    make_call(call_index, "طلب أول")
    assert _titles(_get(client, call_index.url)) == ["طلب أول"]
    make_call(call_index, "طلب ثان", deadline=5)
    assert _titles(_get(client, call_index.url)) == ["طلب ثان", "طلب أول"]


@pytest.mark.parametrize("shown_on", ["listing", "call page"])
def test_a_status_turns_as_the_clock_moves(client, call_index, shown_on):
    """In the cached listing and in the call page's cached article alike."""
    now = timezone.now()
    call = add(call_index, CallPage(title="يغلق الآن", slug="closing", intro="…", deadline=now + timedelta(seconds=2)))
    url = call_index.url if shown_on == "listing" else call.url
    token = generation.current()
    assert "badge--closing-soon" in _get(client, url)
    time.sleep(2.5)
    assert generation.current() == token  # nothing was saved
    html = _get(client, url)
    assert "badge--closed" in html and "badge--closing-soon" not in html


def test_a_restricted_call_leaves_the_listing_feed_and_autocomplete_at_once(client, call_index):
    """The view restrictions are read once per content generation (portal.pages.public), and a new one is content."""
    call = make_call(call_index, "طلب للأعضاء")
    feed, complete = "/ar/feeds/calls/", "/api/search/autocomplete/?q=طلب&locale=ar"
    assert "طلب للأعضاء" in _get(client, call_index.url) and "طلب للأعضاء" in _get(client, feed)
    assert "طلب للأعضاء" in _get(client, complete)
    PageViewRestriction.objects.create(page=call, restriction_type="password", password="secret-code-1")
    for url in (call_index.url, feed, complete):
        assert "طلب للأعضاء" not in _get(client, url), url


def test_filters_and_pages_have_their_own_fragments(client, call_index):
    make_call(call_index, "مفتوح", deadline=10)
    make_call(call_index, "مغلق", opening=-60, deadline=-2)
    for _ in range(2):  # the second time from the cache
        assert _titles(_get(client, call_index.url)) == ["مفتوح", "مغلق"]
        assert _titles(_get(client, call_index.url, status="open")) == ["مفتوح"]
        assert _titles(_get(client, call_index.url, status="closed")) == ["مغلق"]


def test_a_dropped_filter_value_is_noted_only_where_it_was_given(client, call_index):
    make_call(call_index, "طلب")
    assert "no-such-sector" in _get(client, call_index.url, sector="no-such-sector")
    assert "no-such-sector" not in _get(client, call_index.url)
    assert "no-such-sector" in _get(client, call_index.url, sector="no-such-sector")


def _item_tables(client, url, **query):
    with CaptureQueriesContext(connection) as captured:
        html = _get(client, url, **query)
    return html, {table for q in captured for table in re.findall(r'FROM "(\w+)"', q["sql"])} & {"programs_callpage"}


@pytest.mark.parametrize("query", [{"page": "abc"}, {"page": "9" * 40}, {"page": "٢"}, {"sector": "no-such-sector"}])
def test_bad_input_is_rendered_every_time_and_never_stored(client, call_index, query):
    make_call(call_index, "طلب")
    for _ in range(2):
        html, tables = _item_tables(client, call_index.url, **query)
        assert _titles(html) == ["طلب"]
        assert tables == {"programs_callpage"}  # rendered again: no fragment kept for it
    _item_tables(client, call_index.url, page="1")
    assert _item_tables(client, call_index.url, page="1")[1] == set()  # a plain page number is kept
