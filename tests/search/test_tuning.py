"""Editors tune search: synonym groups applied at query time, promoted results, the report of searched terms."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.engine import run_search
from search.models import SearchedQuery, SynonymGroup
from tests.conftest import make_standard_page


@pytest.fixture
def pages(home, french_home):
    return {
        "cactus": make_standard_page(home, "تعاونية الصبار بسيدي إفني", "cactus", intro="منتوجات الصبار"),
        "argan": make_standard_page(home, "زيت أركان", "argan", intro="تعاونيات نسائية"),
        "rules": make_standard_page(home, "شروط الترشيح", "rules", intro="الوثائق المطلوبة"),
    }


def _titles(results):
    return [hit.title for hit in results.hits]


def test_synonyms_find_the_other_words_of_the_group(pages):
    assert _titles(run_search("الهندية", "ar")) == []
    SynonymGroup.objects.create(terms="الهندية، الصبار, cactus, figue de barbarie")
    assert _titles(run_search("الهندية", "ar")) == ["تعاونية الصبار بسيدي إفني"]
    assert _titles(run_search("cactus", "ar")) == ["تعاونية الصبار بسيدي إفني"]


def test_synonyms_mix_scripts(pages):
    SynonymGroup.objects.create(terms="أركان, argan")
    assert _titles(run_search("argan", "ar")) == ["زيت أركان"]


def test_deleting_a_group_stops_the_expansion(pages):
    group = SynonymGroup.objects.create(terms="الهندية، الصبار")
    group.delete()
    assert _titles(run_search("الهندية", "ar")) == []


def test_searches_are_counted_with_their_results(client, pages):
    client.get("/ar/search/", {"q": "الصبار"})
    client.get("/ar/search/", {"q": "  الصبار "})
    client.get("/ar/search/", {"q": "كلمة غير موجودة"})
    counts = {(q.query, q.searches, q.results) for q in SearchedQuery.objects.all()}
    assert counts == {("الصبار", 2, 1), ("كلمة غير موجودة", 1, 0)}


def test_a_search_is_counted_once_its_page_is_sent(pages, settings):
    """The WSGI server closes the response after its last byte: only then is the search counted."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test.client import RequestFactory

    settings.ALLOWED_HOSTS = ["testserver"]
    environ = RequestFactory().get("/ar/search/", {"q": "الصبار"}).environ
    # As Django's test client does: the test's own transaction must outlive the request's signals.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers: None)
        assert response.status_code == 200 and "الصبار" in response.content.decode()
        assert not SearchedQuery.objects.exists()
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert list(SearchedQuery.objects.values_list("query", "searches", "results")) == [("الصبار", 1, 1)]


def test_page_without_results_offers_frequent_searches(client, pages):
    client.get("/ar/search/", {"q": "زيت"})
    html = client.get("/ar/search/", {"q": "شيء لا يوجد"}).content.decode()
    assert 'href="?q=%D8%B2%D9%8A%D8%AA"' in html


def test_promoted_page_comes_first(client, pages):
    SearchPromotion.objects.create(query=Query.get("الوثائق"), page=pages["rules"], sort_order=0, description="")
    html = client.get("/ar/search/", {"q": "الوثائق"}).content.decode()
    promoted = html.index('class="promoted"')
    assert pages["rules"].url in html[promoted : promoted + 500]


def test_report_lists_frequent_and_fruitless_searches(client, pages):
    for query in ("الصبار", "الصبار", "لا شيء هنا"):
        client.get("/ar/search/", {"q": query})
    admin = get_user_model().objects.create_superuser("admin", password="a-long-password-1")
    client.force_login(admin)
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code == 200
    assert response.context["frequent"][0]["query"] == "الصبار"
    assert [row["query"] for row in response.context["without_results"]] == ["لا شيء هنا"]


def test_editors_manage_synonyms_in_the_admin(client, db):
    admin = get_user_model().objects.create_superuser("admin", password="a-long-password-1")
    client.force_login(admin)
    response = client.post("/admin/snippets/portal_search/synonymgroup/add/", {"terms": "الهندية، الصبار", "note": ""})
    assert response.status_code == 302
    assert SynonymGroup.objects.get().words() == ["الهندية", "الصبار"]


def test_a_promotion_added_after_a_search_shows_at_once(client, pages):
    assert 'class="promoted"' not in client.get("/ar/search/", {"q": "الوثائق"}).content.decode()
    SearchPromotion.objects.create(query=Query.get("الوثائق"), page=pages["rules"], sort_order=0, description="")
    assert 'class="promoted"' in client.get("/ar/search/", {"q": "الوثائق"}).content.decode()


def test_searching_makes_no_promotion_query_rows(client, pages):
    for query in ("الصبار", "شيء آخر", "x" * 300):
        client.get("/ar/search/", {"q": query})
        client.get("/api/search/", {"q": query, "locale": "ar"})
    assert Query.objects.count() == 0
