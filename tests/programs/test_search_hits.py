"""A call found by search shows, under its title, its status and deadline as its card in the listing does."""

import re

from tests.programs.conftest import make_call


def _result(page, title):
    """The HTML of the search result whose title reads ``title`` (highlighting removed)."""
    for item in re.findall(r'<li class="result result--call">(.*?)</li>', page, flags=re.S):
        if re.sub(r"<[^>]+>", "", re.search(r"<h2>(.*?)</h2>", item, flags=re.S).group(1)).strip() == title:
            return item
    raise AssertionError(f"no search result “{title}”")


def test_a_call_in_search_results_shows_its_status_and_deadline(client, call_index):
    make_call(call_index, "طلب دعم تعاونيات الصيد", deadline=3)
    make_call(call_index, "طلب دعم تعاونيات الصيد المغلق", opening=-40, deadline=-2)
    page = client.get("/ar/search/", {"q": "الصيد"}).content.decode()

    closing = _result(page, "طلب دعم تعاونيات الصيد")
    assert 'class="badge badge--closing-soon"' in closing
    assert "آخر أجل" in closing and "<time datetime=" in closing and 'class="days-left"' in closing
    listing = client.get(call_index.url).content.decode()
    badge = re.search(r'<p class="call-status call-status--closing-soon">.*?</p>', listing, flags=re.S).group(0)
    assert badge in closing  # the same words as the listing's card

    closed = _result(page, "طلب دعم تعاونيات الصيد المغلق")
    assert 'class="badge badge--closed"' in closed and "<time datetime=" in closed
