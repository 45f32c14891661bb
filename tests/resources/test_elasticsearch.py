"""Elasticsearch: generated settings, mappings and request bodies; a real server only when ELASTICSEARCH_URL is set.

Elasticsearch receives the terms of search/analysis.py and only splits them on whitespace, so what matches on
the database backends matches there too. ``pre_analyzed_terms`` below is that analysis (whitespace, lower case),
which the integration tests check against the server's own ``_analyze``.
"""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from modelsearch.backends import import_backend
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from portal.models import Region, Sector, TargetGroup
from resources.elasticsearch import (
    ProjectDocument,
    document_for,
    facet_counts,
    index_projects,
    indexable_projects,
    project_body_text,
    project_index,
    project_index_name,
    project_search_body,
)
from search.analysis import analyze, analyzed_text
from search.elasticsearch import PRE_ANALYZED, wagtail_backend_settings
from search.engine import MAX_QUERY_LENGTH, run_search, searchable_queryset
from search.indexing import AnalyzedField, indexed_text
from tests.conftest import make_standard_page

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_server = pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set")
needs_resources = pytest.mark.skipif(
    not apps.is_installed("resources"), reason="the resources section is not installed"
)

WHITESPACE_LOWERCASE = {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}


def pre_analyzed_terms(text):
    """What Elasticsearch's whitespace tokenizer and lowercase filter make of ``text``."""
    return [word.lower() for word in (text or "").split()]


def match_of(body):
    return body["query"]["bool"]["must"][0]


def filters_of(body):
    return body["query"]["bool"]["filter"]


def make_project(locale, title, *, sector="agriculture", regions=(), groups=(), translation_of=None, **fields):
    from resources.models import ProjectModel

    project = ProjectModel(locale=locale, title=title, sector=Sector.objects.get(code=sector), **fields)
    if translation_of is not None:
        project.translation_key = translation_of.translation_key
        project.key = translation_of.key
    # Parental many-to-many fields are written by save().
    project.regions = list(Region.objects.filter(code__in=regions))
    project.target_groups = list(TargetGroup.objects.filter(code__in=groups))
    project.save()
    return project


@pytest.fixture(autouse=True)
def database_search_backend(settings):
    """Objects saved here are indexed by the database backend even when ELASTICSEARCH_URL is set: the tests that
    use Elasticsearch create (and delete) indexes of their own."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    }


@pytest.fixture
def argan(locales):
    """An Arabic project model and its French translation: handicraft, Souss-Massa, for women."""
    arabic = make_project(
        locales["ar"],
        "تعاونية نسائية لإنتاج زيت أركان",
        sector="handicraft",
        regions=["souss-massa"],
        groups=["women"],
        summary="تثمين زيت الأركان وتسويقه في إطار التعاونيات النسائية",
        description="وحدة عصر تقليدية وتعبئة وتسويق",
        investment_mad=450_000,
        jobs_expected=12,
    )
    french = make_project(
        locales["fr"],
        "Coopérative féminine d'huile d'argan",
        sector="handicraft",
        regions=["souss-massa"],
        groups=["women"],
        translation_of=arabic,
        summary="Valoriser et commercialiser l'huile d'argan au sein des coopératives féminines",
        investment_mad=450_000,
        jobs_expected=12,
    )
    return arabic, french


# --- Wagtail's backend for pages ------------------------------------------------------------------------------


def test_wagtail_backend_settings():
    backend = wagtail_backend_settings("http://es.example:9200", "portal_")
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["http://es.example:9200"]
    assert backend["INDEX_PREFIX"] == "portal_"
    analyzers = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]
    assert analyzers["default"] == WHITESPACE_LOWERCASE
    assert analyzers["standard"] == WHITESPACE_LOWERCASE
    assert analyzers["edgengram_analyzer"] == {**WHITESPACE_LOWERCASE, "filter": ["lowercase", "edgengram"]}
    assert analyzers["ngram_analyzer"] == {**WHITESPACE_LOWERCASE, "filter": ["lowercase", "ngram"]}


def test_settings_modules_can_import_it():
    """portal/settings/base.py calls wagtail_backend_settings() before Django is set up."""
    environment = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    code = "from search.elasticsearch import wagtail_backend_settings as s; print(s('http://es:9200', 'p_')['URLS'])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).parents[2], env=environment, capture_output=True, text=True
    )
    assert result.stdout.strip() == "['http://es:9200']", result.stderr


def wagtail_backend():
    """Wagtail's Elasticsearch 8 backend built from our settings (no request is made until it is used)."""
    params = wagtail_backend_settings("http://127.0.0.1:9200", "test_")
    return import_backend(params.pop("BACKEND"))(params)


def test_wagtail_backend_merges_our_analysis_over_its_own():
    analysis = wagtail_backend().settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == WHITESPACE_LOWERCASE
    assert analysis["analyzer"]["standard"] == WHITESPACE_LOWERCASE
    # Lists are replaced, not merged: Wagtail's standard tokenizer and asciifolding are gone.
    assert analysis["analyzer"]["edgengram_analyzer"]["tokenizer"] == "whitespace"
    assert "asciifolding" not in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    # Wagtail's own edge n-gram filter, which our analyzer uses, is still defined.
    assert analysis["filter"]["edgengram"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}


def text_field_analyzers(properties):
    """(field, index analyzer, search analyzer) of every text field of a Wagtail mapping, nested ones included."""
    for name, field in properties.items():
        if field.get("type") == "nested":
            yield from text_field_analyzers(field["properties"])
        elif field.get("type") == "text":
            analyzer = field.get("analyzer", "default")
            yield name, analyzer, field.get("search_analyzer", analyzer)


def test_every_analyzer_of_wagtails_page_mapping_splits_on_whitespace():
    backend = wagtail_backend()
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    mapping = backend.mapping_class(StandardPage).get_mapping()
    fields = list(text_field_analyzers(mapping["properties"]))
    assert {"title", "search_body", "_all_text", "_edgengrams"} <= {name for name, _, _ in fields}
    for _name, index_analyzer, search_analyzer in fields:
        assert analyzers[index_analyzer]["tokenizer"] == "whitespace"
        assert analyzers[search_analyzer]["tokenizer"] == "whitespace"
    # Our analyzed fields carry no analyzer of their own: the index default (whitespace + lowercase) applies.
    assert "analyzer" not in mapping["properties"]["title"]
    assert "analyzer" not in mapping["properties"]["search_body"]


def test_wagtails_page_document_holds_our_analyzed_text(home):
    page = make_standard_page(home, "التعاونيات الفلاحية", "cooperatives", intro="تكوين والتعاونيات")
    document = wagtail_backend().mapping_class(StandardPage).get_document(page)
    assert document["title"] == "تعاون فلاح" == indexed_text(page.title)
    assert pre_analyzed_terms(document["search_body"]) == analyze("تكوين والتعاونيات")


# --- The project bank's index ------------------------------------------------------------------------------------


def test_project_index_settings():
    body = project_index("test_projects").to_dict()
    assert body["settings"]["number_of_shards"] == 1
    assert body["settings"]["analysis"] == {"analyzer": {"portal_pre_analyzed": WHITESPACE_LOWERCASE}}
    assert PRE_ANALYZED == WHITESPACE_LOWERCASE


def test_project_index_mapping():
    properties = project_index("test_projects").to_dict()["mappings"]["properties"]
    assert properties["title"] == {"type": "text", "analyzer": "portal_pre_analyzed"}
    assert properties["body"] == {"type": "text", "analyzer": "portal_pre_analyzed"}
    assert {name: properties[name]["type"] for name in properties} == {
        "key": "keyword",
        "locale": "keyword",
        "title": "text",
        "body": "text",
        "title_display": "keyword",
        "summary_display": "text",
        "sector": "keyword",
        "regions": "keyword",
        "target_groups": "keyword",
        "investment_mad": "long",
        "jobs_expected": "integer",
        "url": "keyword",
    }
    assert properties["summary_display"]["index"] is False
    assert properties["url"]["index"] is False


def test_project_index_name_is_prefixed(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "coop_"
    assert project_index_name() == "coop_projects"
    assert project_index().to_dict() == project_index("coop_projects").to_dict()
    assert project_index("elsewhere")._name == "elsewhere"
    assert ProjectDocument._index._name == "projects"  # building an index leaves the document's own alone


@needs_resources
def test_document_for_an_arabic_project(argan):
    arabic = type(argan[0]).objects.get(pk=argan[0].pk)  # as the database holds it
    document = document_for(arabic)
    assert document.meta.id == arabic.pk
    assert document.locale == "ar"
    assert document.title == indexed_text(arabic.title)
    assert document.title_display == arabic.title
    assert document.body == indexed_text(project_body_text(arabic))
    body_terms = set(pre_analyzed_terms(document.body))
    # The taxonomy names of its own language, analyzed: الصناعة التقليدية, سوس ماسة, النساء.
    for term in (Sector.objects.get(code="handicraft"), Region.objects.get(code="souss-massa")):
        assert set(analyze(term.name_ar)) <= body_terms
        assert not set(analyze(term.name_fr)) & body_terms
    assert set(analyze(TargetGroup.objects.get(code="women").name_ar)) <= body_terms
    assert "تعاون" in body_terms  # "التعاونيات" in the summary
    assert (document.sector, document.regions, document.target_groups) == ("handicraft", ["souss-massa"], ["women"])
    assert (document.investment_mad, document.jobs_expected) == (450_000, 12)


@needs_resources
def test_document_for_a_french_project(argan):
    arabic, french = argan
    document = document_for(french).to_dict()
    assert document["locale"] == "fr"
    assert document["title"] == indexed_text(french.title) == "cooperativ feminin huil argan"
    body_terms = set(pre_analyzed_terms(document["body"]))
    assert {"artisanat", "femm"} <= body_terms  # Artisanat, Femmes
    assert set(analyze(Region.objects.get(code="souss-massa").name_fr)) <= body_terms
    assert not set(analyze(Sector.objects.get(code="handicraft").name_ar)) & body_terms
    assert document["key"] == arabic.key
    assert (document["regions"], document["target_groups"]) == (["souss-massa"], ["women"])
    assert document["sector"] == "handicraft"


@needs_resources
def test_document_holds_what_the_database_backends_index(argan):
    for project in argan:
        document = document_for(project)
        assert document.title == AnalyzedField("title").get_value(project)
        if hasattr(project, "search_body"):  # the model indexes its own search body: the very same text
            assert document.body == AnalyzedField("search_body").get_value(project)
        assert document.body == indexed_text(project_body_text(project))


@needs_resources
def test_document_url_is_the_project_bank_page(argan, home):
    from resources.models import ProjectBankPage

    arabic, _french = argan
    assert document_for(arabic).url is None  # no project bank page yet
    home.add_child(instance=ProjectBankPage(title="بنك المشاريع", slug="projects"))
    assert document_for(arabic).url == arabic.get_url()
    assert unquote(document_for(arabic).url) == f"/ar/projects/{arabic.slug}/"


# --- Request bodies ---------------------------------------------------------------------------------------------


def test_search_body_for_an_arabic_query():
    assert project_search_body("والتعاونيات", "ar") == {
        "query": {
            "bool": {
                "must": [{"multi_match": {"query": "تعاون", "fields": ["title^10", "body"], "operator": "or"}}],
                "filter": [{"term": {"locale": "ar"}}],
            }
        },
        "aggs": {
            "sector": {"terms": {"field": "sector", "size": 100}},
            "region": {"terms": {"field": "regions", "size": 100}},
            "target_group": {"terms": {"field": "target_groups", "size": 100}},
        },
        "highlight": {
            "fields": {"body": {"number_of_fragments": 1, "fragment_size": 200}},
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
        },
        "sort": ["_score", {"title_display": "asc"}],
        "from": 0,
        "size": 10,
    }


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("والتعاونيات", "تعاون"),
        ("التعاونية الفلاحية", "تعاون فلاح"),
        ("تَعَاوُنِيَّة  ڭ", "تعاون ك"),
        ("Coopératives agricoles", "cooperativ agricol"),
        ("l'économie sociale et solidaire", "economi social solidair"),
        ("أركان DELIO", "ارك delio"),
    ],
)
def test_query_terms_are_analyzed(query, terms):
    body = project_search_body(query, "ar")
    assert match_of(body)["multi_match"]["query"] == terms == analyzed_text(query)
    assert match_of(body)["multi_match"]["operator"] == "or"


def test_a_long_query_is_cut_as_the_site_search_cuts_it():
    query = " ".join(["تعاونية"] * 20 + ["فلاحة"] * 200)
    terms = match_of(project_search_body(query, "ar"))["multi_match"]["query"]
    assert terms == analyzed_text(query[:MAX_QUERY_LENGTH]) != analyzed_text(query)


def test_facet_counts_of_a_response():
    response = {
        "hits": {"hits": []},
        "aggregations": {
            "sector": {"buckets": [{"key": "agriculture", "doc_count": 3}]},
            "region": {"buckets": [{"key": "oriental", "doc_count": 2}, {"key": "souss-massa", "doc_count": 1}]},
            "target_group": {"buckets": []},
        },
    }
    assert facet_counts(response) == {
        "sector": {"agriculture": 3},
        "region": {"oriental": 2, "souss-massa": 1},
        "target_group": {},
    }


@pytest.mark.parametrize("query", ["", "   ", "في من على", "le la des", None])
def test_a_query_without_terms_matches_nothing(query):
    body = project_search_body(query, "fr")
    assert match_of(body) == {"match_none": {}}
    assert filters_of(body) == [{"term": {"locale": "fr"}}]


def test_facet_values_become_terms_filters():
    body = project_search_body(
        "تعاونية", "ar", sector=["agriculture"], region=["souss-massa", "oriental", "oriental"], target_group="women"
    )
    assert filters_of(body) == [
        {"term": {"locale": "ar"}},
        {"terms": {"sector": ["agriculture"]}},
        {"terms": {"regions": ["oriental", "souss-massa"]}},
        {"terms": {"target_groups": ["women"]}},
    ]
    # Facets are counted over the filtered hits, as search.engine.run_search counts them.
    assert set(body["aggs"]) == {"sector", "region", "target_group"}
    assert "post_filter" not in body


def test_empty_facet_values_add_no_filter():
    body = project_search_body("تعاونية", "fr", sector=[], region=["", None], target_group=None)
    assert filters_of(body) == [{"term": {"locale": "fr"}}]


@pytest.mark.parametrize(
    ("page", "per_page", "expected"),
    [
        (1, 10, (0, 10)),
        (3, 20, (40, 20)),
        ("2", "5", (5, 5)),
        ("abc", 10, (0, 10)),
        (-4, 10, (0, 10)),
        (0, 0, (0, 10)),
        (1, 10_000, (0, 100)),
        (10**9, 10, (9_990, 10)),
    ],
)
def test_pagination(page, per_page, expected):
    body = project_search_body("تعاونية", "ar", page=page, per_page=per_page)
    assert (body["from"], body["size"]) == expected
    assert body["from"] + body["size"] <= 10_000


# --- Same analyzer: what matches on the database backend matches in Elasticsearch ---------------------------------

MATCHING = [
    ("ar", "والتعاونيات", "دعم التعاونية الفلاحية بجهة سوس ماسة"),
    ("ar", "فلاحة", "مشاريع الفلاحة التضامنية"),
    ("ar", "أگادير", "معرض التعاونيات في اكادير"),
    ("fr", "coopérative", "Les coopératives agricoles de l'Oriental"),
    ("fr", "économie sociale", "Forum de l'économie sociale et solidaire"),
]
NOT_MATCHING = [
    ("ar", "الصيد", "دعم التعاونية الفلاحية بجهة سوس ماسة"),
    ("fr", "pêche", "Les coopératives agricoles de l'Oriental"),
]


@pytest.fixture
def page_parents(home, french_home):
    return {"ar": home, "fr": french_home}


def database_finds(page_parents, locale, query, text):
    """Whether the database backend finds a page holding ``text`` for ``query``, as the site search asks it."""
    page = make_standard_page(page_parents[locale], f"صفحة {uuid.uuid4().hex[:6]}", uuid.uuid4().hex[:8], intro=text)
    queryset = searchable_queryset(StandardPage, page.locale)
    found = get_search_backend().search(analyzed_text(query), queryset, operator="or")
    return page.pk in [hit.pk for hit in found]


def elasticsearch_would_match(body, document):
    """A multi_match "or" over title and body after whitespace + lowercase analysis: a shared term."""
    query_terms = set(pre_analyzed_terms(match_of(body).get("multi_match", {}).get("query")))
    return bool(query_terms & set(pre_analyzed_terms(document.title) + pre_analyzed_terms(document.body)))


@needs_resources
@pytest.mark.parametrize(("locale", "query", "text"), MATCHING)
def test_a_database_match_shares_terms_with_the_elasticsearch_document(page_parents, locales, locale, query, text):
    assert database_finds(page_parents, locale, query, text)
    project = make_project(locales[locale], "Projet" if locale == "fr" else "مشروع", description=text)
    document = document_for(project)
    body = project_search_body(query, locale)
    assert elasticsearch_would_match(body, document)
    assert set(analyze(query)) <= set(pre_analyzed_terms(document.body))


@needs_resources
@pytest.mark.parametrize(("locale", "query", "text"), NOT_MATCHING)
def test_no_database_match_no_shared_terms(page_parents, locales, locale, query, text):
    assert not database_finds(page_parents, locale, query, text)
    project = make_project(locales[locale], "Projet" if locale == "fr" else "مشروع", description=text)
    assert not elasticsearch_would_match(project_search_body(query, locale), document_for(project))


# --- The command ------------------------------------------------------------------------------------------------


def test_command_needs_elasticsearch_url(settings, monkeypatch):
    settings.ELASTICSEARCH_URL = ""
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("update_project_index")


def test_command_without_settings_reads_the_environment(settings, monkeypatch):
    del settings.ELASTICSEARCH_URL  # the setting is optional: the environment variable is enough
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("update_project_index")


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_command_reports_an_unreachable_server(settings):
    port = closed_port()
    settings.ELASTICSEARCH_URL = f"http://indexer:secret@127.0.0.1:{port}"
    with pytest.raises(CommandError, match=f"Cannot reach Elasticsearch at http://127.0.0.1:{port}") as raised:
        call_command("update_project_index", "--recreate")
    assert "secret" not in str(raised.value)


# --- Against a real server (ELASTICSEARCH_URL) ---------------------------------------------------------------------


@pytest.fixture
def es():
    from elasticsearch import Elasticsearch

    return Elasticsearch(ELASTICSEARCH_URL, request_timeout=30)


@pytest.fixture
def temporary_index(es):
    """A project index of its own, deleted afterwards."""
    name = f"test_{uuid.uuid4().hex[:12]}_projects"
    project_index(name).create(using=es)
    yield name
    es.options(ignore_status=404).indices.delete(index=name)


@pytest.fixture
def bank(locales, argan):
    arabic, french = argan
    other = make_project(
        locales["ar"],
        "تعاونية فلاحية لتربية النحل",
        sector="agriculture",
        regions=["oriental", "souss-massa"],
        groups=["youth"],
        summary="إنتاج العسل وتسويقه",
    )
    unrelated = make_project(locales["ar"], "وحدة لتجفيف السمك", sector="fishing", regions=["dakhla-oued-ed-dahab"])
    hidden = make_project(locales["ar"], "تعاونية غير منشورة", live=False)
    return {"argan": arabic, "argan_fr": french, "bees": other, "fish": unrelated, "hidden": hidden}


def search(es, index, *args, **kwargs):
    return es.search(index=index, **project_search_body(*args, **kwargs)).body


def hit_ids(response):
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


@needs_server
@needs_resources
def test_server_finds_and_counts_projects(es, temporary_index, bank):
    indexed = index_projects(es, temporary_index, indexable_projects())
    assert str(bank["hidden"].pk) not in indexed
    es.indices.refresh(index=temporary_index)

    response = search(es, temporary_index, "والتعاونيات", "ar")
    assert sorted(hit_ids(response)) == sorted([bank["argan"].pk, bank["bees"].pk])
    assert facet_counts(response) == {
        "sector": {"handicraft": 1, "agriculture": 1},
        "region": {"souss-massa": 2, "oriental": 1},
        "target_group": {"women": 1, "youth": 1},
    }
    assert "<mark>تعاون</mark>" in str(response["hits"]["hits"])

    narrowed = search(es, temporary_index, "والتعاونيات", "ar", region=["oriental"])
    assert hit_ids(narrowed) == [bank["bees"].pk]
    assert facet_counts(narrowed)["region"] == {"oriental": 1, "souss-massa": 1}

    french = search(es, temporary_index, "coopératives féminines", "fr")
    assert hit_ids(french) == [bank["argan_fr"].pk]
    assert search(es, temporary_index, "الصيد البحري", "fr")["hits"]["hits"] == []
    assert hit_ids(search(es, temporary_index, "السمك", "ar")) == [bank["fish"].pk]


@needs_server
@needs_resources
def test_server_ranks_title_matches_first(es, temporary_index, bank, locales):
    herbs = make_project(locales["ar"], "وحدة لتثمين الأعشاب", description="الأعشاب الطبية وتربية النحل")
    index_projects(es, temporary_index, indexable_projects())
    es.indices.refresh(index=temporary_index)
    # "النحل" is in the title of the bees project, in the description only of the herbs project.
    assert hit_ids(search(es, temporary_index, "النحل", "ar")) == [bank["bees"].pk, herbs.pk]


@needs_server
def test_server_analyzes_project_text_by_whitespace_only(es, temporary_index):
    text = analyzed_text("والتعاونيات الفلاحية Coopératives l'économie 5،000")
    tokens = es.indices.analyze(index=temporary_index, analyzer="portal_pre_analyzed", text=text)["tokens"]
    assert [token["token"] for token in tokens] == text.split()


@needs_server
def test_server_applies_our_analysis_to_wagtails_index(es):
    backend = wagtail_backend()
    name = f"test_{uuid.uuid4().hex[:12]}_wagtailcore_page"
    es.indices.create(index=name, **backend.settings)
    try:
        text = analyzed_text("التعاونيات الفلاحية بجهة سوس ماسة Coopératives")
        for analyzer in ("default", "standard"):
            tokens = es.indices.analyze(index=name, analyzer=analyzer, text=text)["tokens"]
            assert [token["token"] for token in tokens] == text.split()
        grams = es.indices.analyze(index=name, analyzer="edgengram_analyzer", text="تعاونيه agricole")["tokens"]
        assert {"ت", "تعا", "تعاونيه", "a", "agri"} <= {token["token"] for token in grams}
    finally:
        es.options(ignore_status=404).indices.delete(index=name)


@needs_server
@needs_resources
def test_command_builds_the_index(es, settings, bank):
    prefix = f"test_{uuid.uuid4().hex[:12]}_"
    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    name = prefix + "projects"
    try:
        call_command("update_project_index", "--recreate", verbosity=0)
        assert es.count(index=name)["count"] == 4  # every live project model, both locales
        bank["bees"].live = False
        bank["bees"].save()
        call_command("update_project_index", verbosity=0)
        assert es.count(index=name)["count"] == 3  # unpublished: removed from the index
    finally:
        es.options(ignore_status=404).indices.delete(index=name)


def delete_indexes(es, pattern):
    """Delete every index matching ``pattern`` by name (Elasticsearch 8 refuses wildcard deletes by default)."""
    for name in es.options(ignore_status=404).indices.get(index=pattern, allow_no_indices=True).body:
        es.options(ignore_status=404).indices.delete(index=name)


@needs_server
def test_site_search_on_wagtails_backend(es, settings, home, french_home):
    prefix = f"test_{uuid.uuid4().hex[:12]}_"
    settings.WAGTAILSEARCH_BACKENDS = {"default": wagtail_backend_settings(ELASTICSEARCH_URL, prefix)}
    try:
        arabic = make_standard_page(home, "دليل التعاونيات الفلاحية", "guide-ar", intro="تكوين والتعاونيات")
        french = make_standard_page(french_home, "Guide des coopératives agricoles", "guide-fr", intro="Formation")
        call_command("update_index", verbosity=0)
        assert [hit.object.pk for hit in run_search("التعاونية", "ar", types=["page"]).hits] == [arabic.pk]
        assert [hit.object.pk for hit in run_search("coopérative", "fr", types=["page"]).hits] == [french.pk]
        assert run_search("الصيد", "ar", types=["page"]).hits == []
    finally:
        delete_indexes(es, f"{prefix}*")
