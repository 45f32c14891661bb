"""The JSON search API as DESIGN.md describes it, and title autocomplete."""

import pytest

from portal.models import Region
from tests.conftest import make_standard_page
from tests.programs.conftest import make_call


@pytest.fixture
def corpus(home, french_home):
    from programs.models import CallIndexPage

    index = CallIndexPage(title="طلبات", slug="calls")
    home.add_child(instance=index)
    index.save_revision().publish()
    oriental = Region.objects.filter(code="oriental")
    return {
        "call": make_call(index, "دعم التعاونيات الفلاحية بالشرق", deadline=10, relations={"regions": oriental}),
        "page": make_standard_page(home, "دليل تأسيس تعاونية", "guide", intro="خطوات تأسيس التعاونية"),
        "french": make_standard_page(french_home, "Créer une coopérative", "creer", intro="Les étapes"),
    }


def test_api_answers_in_the_documented_shape(client, corpus):
    data = client.get("/api/search/", {"q": "تعاونية", "locale": "ar"}).json()
    assert set(data) == {"count", "results", "facets"}
    assert data["count"] == 2
    assert {tuple(sorted(r)) for r in data["results"]} == {("locale", "snippet", "title", "type", "url")}
    assert {r["type"] for r in data["results"]} == {"call", "page"}
    assert all(r["locale"] == "ar" for r in data["results"])
    assert set(data["facets"]) == {"type", "sector", "region"}
    assert data["facets"]["type"] == {"call": 1, "page": 1}
    assert data["facets"]["region"] == {"oriental": 1}


def test_api_results_follow_the_page_order(client, corpus):
    api_titles = [r["title"] for r in client.get("/api/search/", {"q": "تعاونية", "locale": "ar"}).json()["results"]]
    html = client.get("/ar/search/", {"q": "تعاونية"}).content.decode()
    positions = [html.index(title.split()[0]) for title in api_titles]
    assert api_titles and positions == sorted(positions)


def test_api_facets_narrow_the_results(client, corpus):
    data = client.get("/api/search/", {"q": "تعاونية", "locale": "ar", "type": "call"}).json()
    assert [r["type"] for r in data["results"]] == ["call"]
    data = client.get("/api/search/", {"q": "تعاونية", "locale": "ar", "region": "oriental"}).json()
    assert [r["type"] for r in data["results"]] == ["call"]


def test_api_searches_one_locale(client, corpus):
    data = client.get("/api/search/", {"q": "cooperative", "locale": "fr"}).json()
    assert [r["title"] for r in data["results"]] == ["Créer une coopérative"]


@pytest.mark.parametrize(
    "params",
    [{"q": "x", "locale": "en"}, {"q": "x", "page": "0"}, {"q": "x", "page": "abc"}, {"q": "x", "region": "atlantis"}],
)
def test_api_bad_parameters_get_a_400_with_a_message(client, corpus, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_autocomplete_completes_titles_however_they_are_typed(client, corpus):
    for typed in ("دليل تأس", "دليل تاس"):
        data = client.get("/api/search/autocomplete/", {"q": typed, "locale": "ar"}).json()
        assert [r["title"] for r in data["results"]] == ["دليل تأسيس تعاونية"], typed
    assert client.get("/api/search/autocomplete/", {"q": "", "locale": "ar"}).json() == {"results": []}


def test_search_box_works_without_javascript_and_is_enhanced_by_it(client, corpus):
    html = client.get("/ar/").content.decode()
    assert '<form class="search-form" role="search" method="get" action="/ar/search/">' in html
    assert 'data-autocomplete="/api/search/autocomplete/"' in html
    assert '<script src="/static/search/autocomplete.js" defer></script>' in html
    from django.contrib.staticfiles import finders

    assert finders.find("search/autocomplete.js")


def test_api_snippets_are_plain_text(client, french_home):
    make_standard_page(
        french_home, "L'huile d'argan", "argan", intro="Une coopérative extrait l'huile d'argan & la vend."
    )
    data = client.get("/api/search/", {"q": "huile", "locale": "fr"}).json()
    assert data["results"][0]["snippet"] == "Une coopérative extrait l'huile d'argan & la vend."
    html = client.get("/fr/search/", {"q": "huile"}).content.decode()
    snippet = html[html.index('<li class="result') :]
    assert "d&#x27;argan &amp; la vend." in snippet[: snippet.index("</li>")], snippet[:600]
