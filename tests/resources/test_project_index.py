"""The project bank listed from its Elasticsearch index, without a server: the real client and transport talk to an
in-memory node (tests/resources/fake_elasticsearch.py). The listing sends the request written here, takes its page
and facet counts from the answer, lists what the database lists, falls back to the database when Elasticsearch
fails; saves, unpublications and deletions keep the index up to date.
"""

import logging

import pytest
from django.core.cache import cache
from django.http import QueryDict

from portal.models import Region, Sector, TargetGroup
from resources import elasticsearch
from resources.models import ProjectBankPage, ProjectModel, indexing_deferred
from tests.resources.conftest import make_project
from tests.resources.fake_elasticsearch import URL, FakeElasticsearch
from tests.resources.test_pages import card_titles, html

INDEX = "test_projects"


@pytest.fixture
def server(settings, monkeypatch):
    fake = FakeElasticsearch()
    es = fake.client()
    settings.ELASTICSEARCH_URL = URL
    settings.ELASTICSEARCH_INDEX_PREFIX = "test_"
    monkeypatch.setattr(elasticsearch, "connect", lambda url: es)
    monkeypatch.setattr(elasticsearch, "outage", elasticsearch.Outage())
    elasticsearch.ensure_index.cache_clear()
    yield fake
    elasticsearch.ensure_index.cache_clear()


@pytest.fixture
def projects(server, locales, django_capture_on_commit_callbacks):
    """Arabic project models written to the index by their own saves, a draft and a French one."""
    with django_capture_on_commit_callbacks(execute=True):
        made = {
            "argan": make_project(
                title="زيت الأركان", sector_code="agri-food", region_codes=["souss-massa"], group_codes=["women"]
            ),
            "carpets": make_project(
                title="الزرابي", sector_code="handicraft", region_codes=["oriental"], group_codes=["women"]
            ),
            "honey": make_project(
                title="العسل",
                sector_code="agriculture",
                region_codes=["oriental", "souss-massa"],
                group_codes=["youth"],
            ),
            "recycling": make_project(title="التدوير في كل الجهات", sector_code="environment", group_codes=["youth"]),
            "honey_2": make_project(title="العسل", sector_code="agri-food"),  # the same title: the id orders them
            "couscous": make_project(
                title="الكسكس", sector_code="agri-food", region_codes=["fes-meknes"], group_codes=["women", "youth"]
            ),
            "draft": make_project(title="مسودة", sector_code="agri-food", live=False),
            "french": make_project(locales["fr"], title="Huile d'argan", sector_code="agri-food"),
        }
    return made


def listing_of(page, query, rf):
    """What the listing shows for ``query``: the page's ids, its number, the total and every option's label."""
    request = rf.get("/", QueryDict(query))
    context = page.listing_context(request)
    items, filters = context["items"], context["filters"]
    labels = {name: [(choice.value, choice.label) for choice in choices] for name, choices in filters.options.items()}
    return [project.pk for project in items], items.number, items.paginator.count, labels


def label_of(labels, name, value):
    return dict(labels[name])[value]


QUERIES = [
    "",
    "sector=agri-food",
    "region=oriental",
    "region=souss-massa&target_group=youth",
    "sector=agri-food&sector=handicraft&page=2",
    "target_group=women&page=2",
    "page=3",
    "page=9999",
    "page=abc",
    "page=-1",
    "sector=fishing",
    "region=oriental&sector=nope",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_lists_what_the_database_lists(rf, project_bank, projects, server, settings, monkeypatch, query):
    monkeypatch.setattr(ProjectBankPage, "per_page", 2)
    indexed = listing_of(project_bank, query, rf)
    assert server.searches(), "the listing did not ask the index"
    asked = len(server.searches())
    settings.ELASTICSEARCH_URL = ""
    assert listing_of(project_bank, query, rf) == indexed
    assert len(server.searches()) == asked


def test_the_listing_and_its_counts(rf, project_bank, projects, server):
    """Both ways: the region with no region named counts everywhere; a facet is counted without its own selection."""
    ids, number, total, labels = listing_of(project_bank, "region=oriental", rf)
    # Title order, then id: التدوير، الزرابي، العسل (honey), العسل (honey_2, no region: every region).
    assert ids == [projects[key].pk for key in ("recycling", "carpets", "honey", "honey_2")]
    assert (number, total) == (1, 4)
    assert label_of(labels, "region", "oriental").endswith("(\u20664\u2069)")
    assert label_of(labels, "region", "souss-massa").endswith("(\u20664\u2069)")  # argan, honey and two everywhere
    assert label_of(labels, "region", "dakhla-oued-ed-dahab").endswith("(\u20662\u2069)")
    assert label_of(labels, "sector", "agri-food").endswith("(\u20661\u2069)")  # honey_2 among the four
    assert label_of(labels, "target_group", "women").endswith("(\u20661\u2069)")
    assert label_of(labels, "sector", "agri-food").startswith(Sector.objects.get(code="agri-food").name_ar)


def test_the_request_of_a_filtered_page(client, project_bank, projects, server, monkeypatch):
    monkeypatch.setattr(ProjectBankPage, "per_page", 1)  # two project models: honey and recycling
    html(client.get(f"{project_bank.url}?region=oriental&target_group=youth&page=2"))
    region = {
        "bool": {
            "should": [
                {"terms": {"region": ["oriental"]}},
                {"bool": {"must_not": [{"exists": {"field": "region"}}]}},
            ]
        }
    }
    youth = {"terms": {"target_group": ["youth"]}}
    assert server.searches()[0] == {
        "query": {"bool": {"filter": [{"term": {"locale": "ar"}}]}},
        "post_filter": {"bool": {"filter": [region, youth]}},
        "aggs": {
            "sector": {
                "filter": {"bool": {"filter": [region, youth]}},
                "aggs": {"codes": {"terms": {"field": "sector", "size": Sector.objects.count()}}},
            },
            "region": {
                "filter": {"bool": {"filter": [youth]}},
                "aggs": {
                    "codes": {"terms": {"field": "region", "size": Region.objects.count()}},
                    "everywhere": {"missing": {"field": "region"}},
                },
            },
            "target_group": {
                "filter": {"bool": {"filter": [region]}},
                "aggs": {"codes": {"terms": {"field": "target_group", "size": TargetGroup.objects.count()}}},
            },
        },
        "sort": [{"title": "asc"}, {"id": "asc"}],
        "_source": False,
        "from": 1,
        "size": 1,
        "track_total_hits": True,
    }
    assert [(body["from"], body["size"]) for body in server.searches()] == [(1, 1)]  # count, page, facets: one request


def recorded_answer(ids, total):
    """An answer as Elasticsearch gives it to the listing's request (hits without source, then aggregations)."""
    return {
        "took": 3,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "max_score": None,
            "hits": [{"_index": INDEX, "_id": str(pk), "_score": None, "sort": ["x", pk]} for pk in ids],
        },
        "aggregations": {
            "sector": {"doc_count": total, "codes": {"buckets": [{"key": "agri-food", "doc_count": 30}]}},
            "region": {
                "doc_count": total,
                "codes": {"buckets": [{"key": "oriental", "doc_count": 12}]},
                "everywhere": {"doc_count": 5},
            },
            "target_group": {"doc_count": total, "codes": {"buckets": []}},
        },
    }


def test_read_listing_maps_an_answer_to_a_page_and_counts():
    facets = [
        elasticsearch.Facet("sector", codes=("agri-food", "fishing")),
        elasticsearch.Facet("region", codes=("oriental", "souss-massa"), empty_applies_to_all=True),
        elasticsearch.Facet("target_group", codes=("women",)),
    ]
    result = elasticsearch.read_listing(recorded_answer([7, 3], 42), facets)
    assert result.ids == [7, 3]
    assert result.total == 42
    assert result.counts == {
        "sector": {"agri-food": 30, "fishing": 0},
        "region": {"oriental": 17, "souss-massa": 5},
        "target_group": {"women": 0},
    }


def test_the_page_shows_the_index_answer(client, project_bank, projects, server, monkeypatch):
    """The cards are the index's ids in its order, the count and the options' counts are the index's."""
    monkeypatch.setattr(ProjectBankPage, "per_page", 2)
    monkeypatch.setattr(
        server, "search", lambda name, body: recorded_answer([projects["honey"].pk, projects["argan"].pk], 42)
    )
    page_html = html(client.get(project_bank.url))
    assert card_titles(page_html) == ["العسل", "زيت الأركان"]
    assert "42" in page_html and "21" in page_html  # 42 found, page 1 of 21
    assert "(\u206617\u2069)" in page_html  # oriental: 12 + 5 everywhere


def test_elasticsearch_down_the_database_answers_and_it_is_logged_once(
    client, project_bank, projects, server, caplog, monkeypatch
):
    server.down = True
    with caplog.at_level(logging.WARNING, logger="resources.elasticsearch"):
        first = html(client.get(project_bank.url + "?sector=agri-food"))
        cache.clear()
        second = html(client.get(project_bank.url + "?sector=agri-food"))
    assert card_titles(first) == card_titles(second) == ["العسل", "الكسكس", "زيت الأركان"]
    warnings = [record for record in caplog.records if record.name == "resources.elasticsearch"]
    assert len(warnings) == 1
    assert "http://es.test:9200" in warnings[0].getMessage()
    # While it is down, no page waits on it; once RETRY_AFTER has passed, the index is asked again.
    asked = len(server.requests)
    assert elasticsearch.outage.active()
    monkeypatch.setattr(elasticsearch.outage, "until", 0)
    server.down = False
    cache.clear()
    with caplog.at_level(logging.WARNING, logger="resources.elasticsearch"):
        assert card_titles(html(client.get(project_bank.url + "?sector=agri-food"))) == card_titles(first)
    assert len(server.requests) > asked
    assert "answers again" in caplog.records[-1].getMessage()


def test_a_missing_index_the_database_answers(client, project_bank, server, caplog):
    make_project(title="زيت الأركان")  # not indexed: its commit never comes in this test
    assert INDEX not in server.indexes
    with caplog.at_level(logging.WARNING, logger="resources.elasticsearch"):
        assert card_titles(html(client.get(project_bank.url))) == ["زيت الأركان"]
    assert "index_not_found" in caplog.text


def test_pages_beyond_the_result_window_come_from_the_database(
    rf, project_bank, projects, server, settings, monkeypatch
):
    monkeypatch.setattr(ProjectBankPage, "per_page", 2)
    monkeypatch.setattr(elasticsearch, "MAX_RESULT_WINDOW", 4)
    indexed = listing_of(project_bank, "page=3", rf)
    # Only the count came from the index (a request of no hits): the page is past its window.
    assert [(body["from"], body["size"]) for body in server.searches()] == [(0, 0)]
    settings.ELASTICSEARCH_URL = ""
    assert listing_of(project_bank, "page=3", rf) == indexed
    assert indexed[1:3] == (3, 6)


# --- Keeping the index up to date -------------------------------------------------------------------------------


def indexed_sources(server):
    return server.indexes.get(INDEX, {})


def test_a_save_indexes_and_an_unpublication_or_deletion_removes(locales, server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project = make_project(
            title="العسل", sector_code="agriculture", region_codes=["oriental"], group_codes=["youth"]
        )
    assert indexed_sources(server) == {
        str(project.pk): {
            "id": project.pk,
            "locale": "ar",
            "title": "العسل",
            "sector": "agriculture",
            "region": ["oriental"],
            "target_group": ["youth"],
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        project.live = False
        project.save()
    assert indexed_sources(server) == {}
    with django_capture_on_commit_callbacks(execute=True):
        project.live = True
        project.save()
    assert list(indexed_sources(server)) == [str(project.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        ProjectModel.objects.get(pk=project.pk).delete()
    assert indexed_sources(server) == {}


def test_publishing_and_unpublishing_a_draft(locales, server, django_capture_on_commit_callbacks):
    draft = make_project(title="مسودة", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert list(indexed_sources(server)) == [str(draft.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        ProjectModel.objects.get(pk=draft.pk).unpublish()
    assert indexed_sources(server) == {}


def test_saves_deferred_together_go_in_one_bulk_request(locales, server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), indexing_deferred():
        made = [make_project(title=f"نموذج {number}") for number in range(3)]
        made[0].save()  # saved twice, written once
    bulks = [request for request in server.requests if request[1] == "/_bulk"]
    assert len(bulks) == 1
    assert sorted(indexed_sources(server)) == sorted(str(project.pk) for project in made)


def test_a_save_succeeds_when_elasticsearch_is_down(locales, server, django_capture_on_commit_callbacks, caplog):
    server.down = True
    with caplog.at_level(logging.WARNING, logger="resources.elasticsearch"):
        with django_capture_on_commit_callbacks(execute=True):
            project = make_project(title="العسل")
    assert ProjectModel.objects.filter(pk=project.pk, live=True).exists()
    assert "updating the project bank's index" in caplog.text


def test_without_elasticsearch_url_nothing_is_sent(
    client, project_bank, server, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        project = make_project(title="العسل")
    assert card_titles(html(client.get(project_bank.url))) == ["العسل"]
    project.delete()
    assert server.requests == []
