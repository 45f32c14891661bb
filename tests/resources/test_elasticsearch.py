"""Elasticsearch: generated settings and mappings offline; a real server only when ELASTICSEARCH_URL is set (the
project bank's listing offline: test_project_index.py).

Elasticsearch receives the terms of search/analysis.py and only splits them on whitespace, so what matches on
the database backends matches there too. ``pre_analyzed_terms`` below is that analysis (whitespace, lower case),
which the integration tests check against the server's own ``_analyze``.
"""

import logging
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from modelsearch.backends import import_backend
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from portal.models import Region, Sector, TargetGroup
from resources import elasticsearch
from resources.elasticsearch import document_for, index_projects, project_index, project_index_name
from search.analysis import analyze, analyzed_text
from search.elasticsearch import wagtail_backend_settings
from search.engine import run_search, searchable_queryset
from search.indexing import AnalyzedField, indexed_text
from tests.conftest import make_standard_page
from tests.resources.test_project_index import QUERIES, listing_of

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
    assert body["settings"] == {"number_of_shards": 1}


def test_project_index_mapping():
    """What the listing filters and counts on (keywords), and its order: title, then id."""
    assert project_index("test_projects").to_dict()["mappings"] == {
        "properties": {
            "id": {"type": "long"},
            "locale": {"type": "keyword"},
            "title": {"type": "keyword"},
            "sector": {"type": "keyword"},
            "region": {"type": "keyword"},
            "target_group": {"type": "keyword"},
        }
    }


def test_project_index_name_is_prefixed(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "coop_"
    assert project_index_name() == "coop_projects"
    assert project_index().to_dict() == project_index("coop_projects").to_dict()
    assert project_index("elsewhere")._name == "elsewhere"


@needs_resources
def test_document_for_a_project(argan):
    arabic, french = (type(project).objects.get(pk=project.pk) for project in argan)  # as the database holds them
    assert document_for(arabic, "test_projects").to_dict(include_meta=True) == {
        "_index": "test_projects",
        "_id": arabic.pk,
        "_source": {
            "id": arabic.pk,
            "locale": "ar",
            "title": arabic.title,
            "sector": "handicraft",
            "region": ["souss-massa"],
            "target_group": ["women"],
        },
    }
    assert document_for(french, "test_projects").to_dict()["locale"] == "fr"


@needs_resources
def test_document_of_a_project_for_every_region(locales):
    project = make_project(locales["ar"], "وحدة لتجفيف السمك", sector="fishing")
    document = document_for(project, "test_projects").to_dict()
    assert "region" not in document and "target_group" not in document  # indexed as missing: every region


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


def project_document(project):
    """The site search's entry of ``project`` in Wagtail's Elasticsearch index (its title and search body)."""
    from resources.models import ProjectModel

    return wagtail_backend().mapping_class(ProjectModel).get_document(project)


def elasticsearch_would_match(query, document):
    """A match "or" of the analyzed query over title and body after whitespace + lowercase analysis: a shared term."""
    query_terms = set(pre_analyzed_terms(analyzed_text(query)))
    return bool(query_terms & set(pre_analyzed_terms(document["title"]) + pre_analyzed_terms(document["search_body"])))


@needs_resources
@pytest.mark.parametrize(("locale", "query", "text"), MATCHING)
def test_a_database_match_shares_terms_with_the_elasticsearch_document(page_parents, locales, locale, query, text):
    assert database_finds(page_parents, locale, query, text)
    project = make_project(locales[locale], "Projet" if locale == "fr" else "مشروع", description=text)
    document = project_document(project)
    assert elasticsearch_would_match(query, document)
    assert set(analyze(query)) <= set(pre_analyzed_terms(document["search_body"]))


@needs_resources
@pytest.mark.parametrize(("locale", "query", "text"), NOT_MATCHING)
def test_no_database_match_no_shared_terms(page_parents, locales, locale, query, text):
    assert not database_finds(page_parents, locale, query, text)
    project = make_project(locales[locale], "Projet" if locale == "fr" else "مشروع", description=text)
    assert not elasticsearch_would_match(query, project_document(project))


@needs_resources
def test_the_project_models_indexed_text_is_the_models_own(argan):
    """One source of a project model's indexed text (ProjectModel.search_body_parts), whatever the backend."""
    arabic = type(argan[0]).objects.get(pk=argan[0].pk)
    document = project_document(arabic)
    assert document["title"] == AnalyzedField("title").get_value(arabic) == indexed_text(arabic.title)
    assert document["search_body"] == AnalyzedField("search_body").get_value(arabic)
    body_terms = set(pre_analyzed_terms(document["search_body"]))
    # The taxonomy names of its own language, analyzed: الصناعة التقليدية, سوس ماسة, النساء.
    for term in (Sector.objects.get(code="handicraft"), Region.objects.get(code="souss-massa")):
        assert set(analyze(term.name_ar)) <= body_terms
        assert not set(analyze(term.name_fr)) & body_terms
    assert set(analyze(TargetGroup.objects.get(code="women").name_ar)) <= body_terms


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
    everywhere = make_project(locales["ar"], "تدوير البلاستيك", sector="environment", groups=["youth"])
    twin = make_project(locales["ar"], "تدوير البلاستيك", sector="agriculture", regions=["oriental"])
    hidden = make_project(locales["ar"], "تعاونية غير منشورة", live=False)
    return {
        "argan": arabic,
        "argan_fr": french,
        "bees": other,
        "fish": unrelated,
        "everywhere": everywhere,
        "twin": twin,
        "hidden": hidden,
    }


@pytest.fixture
def server_index(es, settings, monkeypatch):
    """The project index under a prefix of its own, the listing's settings pointing at it; deleted afterwards."""
    prefix = f"test_{uuid.uuid4().hex[:12]}_"
    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    monkeypatch.setattr(elasticsearch, "outage", elasticsearch.Outage())
    name = prefix + "projects"
    project_index(name).create(using=es)
    yield name
    es.options(ignore_status=404).indices.delete(index=name)


@needs_server
@needs_resources
@pytest.mark.parametrize("query", QUERIES)
def test_server_lists_what_the_database_lists(
    es, server_index, bank, project_bank, rf, settings, monkeypatch, caplog, query
):
    from resources.models import ProjectBankPage, ProjectModel

    indexed = index_projects(es, server_index, ProjectModel.objects.live())
    assert str(bank["hidden"].pk) not in indexed
    es.indices.refresh(index=server_index)
    monkeypatch.setattr(ProjectBankPage, "per_page", 2)
    with caplog.at_level(logging.WARNING, logger="resources.elasticsearch"):
        from_index = listing_of(project_bank, query, rf)
    assert "failed" not in caplog.text  # the index answered
    settings.ELASTICSEARCH_URL = ""
    assert listing_of(project_bank, query, rf) == from_index


@needs_server
@needs_resources
def test_server_is_kept_up_to_date_by_saves(es, server_index, bank, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bank["bees"].save()
        bank["fish"].live = False
        bank["fish"].save()
    es.indices.refresh(index=server_index)
    assert es.exists(index=server_index, id=bank["bees"].pk)
    assert not es.exists(index=server_index, id=bank["fish"].pk)


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
    from resources.models import ProjectModel

    prefix = f"test_{uuid.uuid4().hex[:12]}_"
    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    name = prefix + "projects"
    try:
        call_command("update_project_index", "--recreate", verbosity=0)
        assert es.count(index=name)["count"] == 6  # every live project model, both locales
        ProjectModel.objects.filter(pk=bank["bees"].pk).update(live=False)  # behind the index's back
        call_command("update_project_index", verbosity=0)
        assert es.count(index=name)["count"] == 5  # unpublished: removed from the index
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
