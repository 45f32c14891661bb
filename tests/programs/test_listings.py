"""Listings: filters in the query string, notes for bad values, pagination, order, bounded SQL queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import Region, Sector, TargetGroup
from tests.programs.conftest import make_call, make_event, make_news, make_program


def _titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


@pytest.fixture
def calls(call_index, program_index):
    delio = make_program(program_index, title="DELIO", slug="delio")
    oriental, souss = Region.objects.get(code="oriental"), Region.objects.get(code="souss-massa")
    handicraft, fishing = Sector.objects.get(code="handicraft"), Sector.objects.get(code="fishing")
    women = TargetGroup.objects.filter(code="women")
    return {
        "soon": make_call(
            delio,
            "closing soon in the Oriental",
            deadline=3,
            relations={"regions": [oriental], "sectors": [handicraft]},
        ),
        "later": make_call(
            call_index,
            "open in Souss",
            deadline=40,
            relations={"regions": [souss], "sectors": [fishing], "target_groups": women},
        ),
        "sooner": make_call(call_index, "open soon deadline", deadline=10, relations={"regions": [oriental]}),
        "forthcoming": make_call(call_index, "forthcoming", opening=5, deadline=50),
        "closed": make_call(call_index, "closed", opening=-60, deadline=-2),
    }


def test_calls_are_sorted_by_status_then_nearest_deadline(client, calls, call_index):
    assert _titles(client.get(call_index.url)) == [
        "closing soon in the Oriental", "open soon deadline", "open in Souss", "forthcoming", "closed",
    ]  # fmt: skip


def test_the_home_figure_of_open_calls_links_to_the_listing_it_counts(client, calls, call_index, home):
    page = client.get("/ar/").content.decode()
    figure = re.search(r'<a href="([^"]+)"><strong>(\d+)</strong>', page)
    assert figure is not None, "the open calls figure is a link"
    url, count = figure.group(1).replace("&amp;", "&"), int(figure.group(2))
    assert url == f"{call_index.url}?status=open"
    listed = _titles(client.get(url))
    assert count == len(listed) == 3
    assert "closing soon in the Oriental" in listed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "closing-soon"}, ["closing soon in the Oriental"]),
        # "Open" means taking applications: the calls closing soon, the most urgent, are open too.
        ({"status": "open"}, ["closing soon in the Oriental", "open soon deadline", "open in Souss"]),
        (
            {"status": ["open", "forthcoming"]},
            ["closing soon in the Oriental", "open soon deadline", "open in Souss", "forthcoming"],
        ),
        ({"region": "oriental"}, ["closing soon in the Oriental", "open soon deadline"]),
        ({"sector": "fishing"}, ["open in Souss"]),
        ({"target_group": "women"}, ["open in Souss"]),
        ({"program": "delio"}, ["closing soon in the Oriental"]),
        ({"region": "oriental", "status": "open"}, ["closing soon in the Oriental", "open soon deadline"]),
        ({"region": ["oriental", "souss-massa"], "sector": "fishing"}, ["open in Souss"]),
    ],
)
def test_call_filters_come_from_the_query_string(client, calls, call_index, query, expected):
    response = client.get(call_index.url, query)
    assert response.status_code == 200
    assert _titles(response) == expected
    # The selected values stay selected in the form, so the filtered URL can be shared and edited.
    for values in query.values():
        for value in [values] if isinstance(values, str) else values:
            assert re.search(rf'<option value="{re.escape(value)}" selected>', response.content.decode())


@pytest.mark.parametrize(
    "query",
    [
        {"region": "atlantis"},
        {"status": "<script>alert(1)</script>"},
        {"sector": "x" * 5000},
        {"page": "abc"},
        {"page": "99999"},
        {"program": "'; DROP TABLE wagtailcore_page; --"},
    ],
)
def test_invalid_filter_values_are_ignored_with_a_note(client, calls, call_index, query):
    response = client.get(call_index.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "page" not in query:
        assert 'class="notice"' in html
        assert len(_titles(response)) == 5  # nothing filtered out by a value that means nothing


def test_pagination_keeps_the_filters(client, call_index):
    oriental = Region.objects.get(code="oriental")
    for number in range(15):
        make_call(call_index, f"call {number:02d}", deadline=10 + number, relations={"regions": [oriental]})
    first = client.get(call_index.url, {"region": "oriental"})
    assert len(_titles(first)) == 12
    assert 'href="?region=oriental&amp;page=2"' in first.content.decode()
    second = client.get(call_index.url, {"region": "oriental", "page": 2})
    assert len(_titles(second)) == 3


def test_upcoming_events_come_first(client, event_index):
    make_event(event_index, "past recent", start=-3)
    make_event(event_index, "upcoming far", start=30)
    make_event(event_index, "past old", start=-300)
    make_event(event_index, "upcoming soon", start=2)
    assert _titles(client.get(event_index.url)) == ["upcoming soon", "upcoming far", "past recent", "past old"]
    assert _titles(client.get(event_index.url, {"when": "past"})) == ["past recent", "past old"]


def test_news_newest_first_and_filtered(client, news_index):
    oriental = Region.objects.filter(code="oriental")
    make_news(news_index, "older", days_ago=10, relations={"regions": oriental})
    make_news(news_index, "newer", days_ago=1)
    assert _titles(client.get(news_index.url)) == ["newer", "older"]
    assert _titles(client.get(news_index.url, {"region": "oriental"})) == ["older"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _fill(kind, index, count):
    oriental, handicraft = Region.objects.filter(code="oriental"), Sector.objects.filter(code="handicraft")
    for number in range(count):
        if kind == "call":
            make_call(index, f"c{number}", deadline=5 + number, relations={"regions": oriental, "sectors": handicraft})
        elif kind == "event":
            make_event(index, f"e{number}", start=number - 5)
        elif kind == "news":
            make_news(index, f"n{number}", days_ago=number, relations={"regions": oriental, "sectors": handicraft})
        else:
            make_program(index, f"p{number}", relations={"regions": oriental, "sectors": handicraft})


# The index fixture comes through getfixturevalue: marked here, or pytest-django would not know the test uses the
# database and would run it after the transactional tests, on a flushed database.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "index_fixture"),
    [("call", "call_index"), ("event", "event_index"), ("news", "news_index"), ("program", "program_index")],
)
def test_listing_queries_do_not_grow_with_items(client, request, kind, index_fixture):
    index = request.getfixturevalue(index_fixture)
    _fill(kind, index, 10)
    with_ten = _queries(client, index.url)
    _fill(kind, index, 40)
    with_fifty = _queries(client, index.url)
    assert with_ten == with_fifty, (with_ten, with_fifty)
    print(f"{kind} listing: {with_fifty} queries")
