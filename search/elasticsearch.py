"""Elasticsearch for large sites: Wagtail's backend settings for pages, and the project bank's own index.

Text reaches Elasticsearch already analyzed by search/analysis.py (the terms joined by spaces), exactly as the
database backends receive it. Elasticsearch must therefore only split on whitespace and lower-case: stemming
again would turn our terms into other words and break the agreement between backends on what matches.

- ``wagtail_backend_settings(url, index_prefix)`` is ``WAGTAILSEARCH_BACKENDS["default"]``: it replaces the
  analyzers Wagtail's Elasticsearch backend relies on (``default`` for its text fields, ``standard`` for the query
  side of autocomplete, ``edgengram_analyzer`` and ``ngram_analyzer``) with whitespace + lowercase ones.
- ``ProjectDocument`` (elasticsearch-dsl) is one index for the project models of every locale, with the sector,
  region and target-group codes as keywords for filters and facets; ``document_for(project)`` builds one entry.
- ``project_search_body(query, locale, …)`` is the request body of a project search: no server needed to build it.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.translation import override
from elasticsearch_dsl import Document, Integer, Keyword, Long, Q, Search, Text, analyzer

from search.analysis import analyze, analyzed_text

# Settings modules import this one (wagtail_backend_settings): whatever needs Wagtail is imported where it is used.

WAGTAIL_BACKEND = "wagtail.search.backends.elasticsearch8"
DEFAULT_INDEX_PREFIX = "portal_"
PROJECT_INDEX = "projects"
FACETS = ("sector", "region", "target_group")
# Facet → document field: a project has one sector but may have several regions and target groups.
FACET_FIELDS = {"sector": "sector", "region": "regions", "target_group": "target_groups"}
# Larger than any vocabulary (12 sectors, 12 regions, 6 target groups), so every value with hits gets a count.
FACET_SIZE = 100
MAX_PER_PAGE = 100
# Elasticsearch refuses from + size beyond index.max_result_window (10,000 by default).
MAX_RESULT_WINDOW = 10_000
HIGHLIGHT_TAG = ("<mark>", "</mark>")

# Splits on whitespace and lower-cases, nothing else: the terms are already those of search/analysis.py.
PRE_ANALYZED = {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}


def wagtail_index_settings():
    """INDEX_SETTINGS for Wagtail's Elasticsearch backend, deep-merged over its own ``settings``.

    Wagtail maps SearchField values (our ``AnalyzedField`` title and search body, and its ``_all_text`` copies)
    as ``text`` with no analyzer, so the index's ``default`` analyzer applies at index and query time.
    Autocomplete fields are indexed with ``edgengram_analyzer`` and searched with ``standard``: both are
    redefined here (an index-level analyzer takes precedence over the built-in one of the same name). The
    ``filter`` lists replace Wagtail's (lists are not merged), which drops its ``asciifolding``: accents are
    folded by our analyzer, and the query side has none either.
    """
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": dict(PRE_ANALYZED),
                    "standard": dict(PRE_ANALYZED),
                    "edgengram_analyzer": {**PRE_ANALYZED, "filter": ["lowercase", "edgengram"]},
                    "ngram_analyzer": {**PRE_ANALYZED, "filter": ["lowercase", "ngram"]},
                }
            }
        }
    }


def wagtail_backend_settings(url, index_prefix=DEFAULT_INDEX_PREFIX, timeout=10):
    """``WAGTAILSEARCH_BACKENDS["default"]`` for Elasticsearch 8 at ``url``, its indexes named ``index_prefix…``."""
    return {
        "BACKEND": WAGTAIL_BACKEND,
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": wagtail_index_settings(),
    }


# --- The project bank's index -----------------------------------------------------------------------------

pre_analyzed = analyzer("portal_pre_analyzed", tokenizer=PRE_ANALYZED["tokenizer"], filter=PRE_ANALYZED["filter"])


class ProjectDocument(Document):
    """A project model as the search index holds it; one index for every locale (``locale`` filters it).

    One index rather than one per language: the analysis is the same for both (the text is already analyzed),
    a project and its translation share every facet code, and the locale filter is cheap and cached.
    """

    key = Keyword()
    locale = Keyword()
    title = Text(analyzer=pre_analyzed)
    body = Text(analyzer=pre_analyzed)
    title_display = Keyword()
    summary_display = Text(index=False)
    sector = Keyword()
    regions = Keyword(multi=True)
    target_groups = Keyword(multi=True)
    investment_mad = Long()
    jobs_expected = Integer()
    url = Keyword(index=False)

    class Index:
        name = PROJECT_INDEX  # a placeholder: project_index() gives the real, prefixed name
        settings = {"number_of_shards": 1}


def connection_settings():
    """(URL, index prefix): ``settings.ELASTICSEARCH_URL`` / ``ELASTICSEARCH_INDEX_PREFIX``, else the environment."""
    url = getattr(settings, "ELASTICSEARCH_URL", None)
    if url is None:
        url = os.environ.get("ELASTICSEARCH_URL", "")
    prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", None)
    if prefix is None:
        prefix = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", DEFAULT_INDEX_PREFIX)
    return url, prefix


def project_index_name(prefix=None):
    return (connection_settings()[1] if prefix is None else prefix) + PROJECT_INDEX


def project_index(name=None):
    """The elasticsearch-dsl ``Index`` of the project bank (settings, analysis and mapping), named ``name``."""
    return ProjectDocument._index.clone(name or project_index_name())


def redacted_url(url):
    """``url`` without its user name and password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def project_body_text(project):
    """Everything a visitor may type to find ``project`` besides its title, in the project's own language.

    The model's own ``search_body`` when it has one (the text the database backends index), otherwise its text
    fields and the names of its sector, regions and target groups.
    """
    from search.indexing import names, object_language, plain_text

    with override(object_language(project)):
        if callable(getattr(project, "search_body", None)):
            return plain_text(project.search_body())
        parts = [
            project.summary,
            project.description,
            project.activities,
            project.market,
            project.resources,
            project.revenue,
            project.risks,
            project.source_detail,
            names([project.sector]),
            names(project.regions.all()),
            names(project.target_groups.all()),
        ]
        return " ".join(plain_text(part) for part in parts if part)


def document_for(project, request=None, directory=None):
    """The index entry of ``project``; ``directory`` (its locale's project bank page) saves a query per project."""
    from search.indexing import plain_text

    return ProjectDocument(
        meta={"id": project.pk},
        key=project.key,
        locale=project.locale.language_code,
        title=analyzed_text(plain_text(project.title)),
        body=analyzed_text(project_body_text(project)),
        title_display=project.title,
        summary_display=project.summary,
        sector=project.sector.code,
        regions=sorted(region.code for region in project.regions.all()),
        target_groups=sorted(group.code for group in project.target_groups.all()),
        investment_mad=project.investment_mad,
        jobs_expected=project.jobs_expected,
        url=project.get_url(request, directory=directory),
    )


def _codes(values):
    if values is None or isinstance(values, str):
        values = [values] if values else []
    return sorted({str(value) for value in values if value})


def _positive(value, default):
    try:
        value = int(value)
    except (TypeError, ValueError):
        return default
    return value if value > 0 else default


def project_search(query, locale, sector=(), region=(), target_group=(), page=1, per_page=10):
    """The elasticsearch-dsl ``Search`` of the project bank; ``project_search_body`` is its request body.

    The query goes through search/analysis.py, as on every backend; a query with no terms (empty, or only stop
    words) matches nothing, as on the database backends. Facets filter the hits (several values of one facet:
    any of them) and are counted over the filtered hits, like ``search.engine.run_search`` counts them.
    """
    from search.engine import MAX_QUERY_LENGTH  # not at import time: the engine may come to use this module
    from search.indexing import TITLE_BOOST

    per_page = min(_positive(per_page, 10), MAX_PER_PAGE)
    page = min(_positive(page, 1), MAX_RESULT_WINDOW // per_page)
    terms = analyze((query or "").strip()[:MAX_QUERY_LENGTH])
    filters = [Q("term", locale=locale)]
    for facet, values in zip(FACETS, (sector, region, target_group), strict=True):
        codes = _codes(values)
        if codes:
            filters.append(Q("terms", **{FACET_FIELDS[facet]: codes}))
    if terms:
        match = Q("multi_match", query=" ".join(terms), fields=[f"title^{TITLE_BOOST}", "body"], operator="or")
    else:
        match = Q("match_none")
    search = Search().query(Q("bool", must=[match], filter=filters))
    for facet in FACETS:
        search.aggs.bucket(facet, "terms", field=FACET_FIELDS[facet], size=FACET_SIZE)
    search = search.highlight("body", number_of_fragments=1, fragment_size=200)
    search = search.highlight_options(pre_tags=[HIGHLIGHT_TAG[0]], post_tags=[HIGHLIGHT_TAG[1]])
    search = search.sort("_score", {"title_display": "asc"})
    return search.extra(from_=(page - 1) * per_page, size=per_page)


def project_search_body(query, locale, sector=(), region=(), target_group=(), page=1, per_page=10):
    """The exact request body of a project search (a dict; needs no server)."""
    return project_search(query, locale, sector, region, target_group, page, per_page).to_dict()


def facet_counts(response):
    """{facet: {code: count}} from a search response (the client's, its body, or an elasticsearch-dsl one)."""
    aggregations = response["aggregations"]
    return {
        facet: {bucket["key"]: bucket["doc_count"] for bucket in aggregations[facet]["buckets"]} for facet in FACETS
    }


# --- Indexing ------------------------------------------------------------------------------------------------


def indexable_projects():
    """Every live project model of every locale, with what ``document_for`` reads."""
    from resources.models import ProjectModel

    return (
        ProjectModel.objects.live()
        .select_related("locale", "sector")
        .prefetch_related("regions", "target_groups")
        .order_by("pk")
    )


def index_actions(projects, index_name):
    """Bulk "index" actions for ``projects``, each entry's URL on its locale's project bank page."""
    from resources.models import ProjectBankPage

    directories = {}
    for project in projects:
        if project.locale_id not in directories:
            directories[project.locale_id] = ProjectBankPage.objects.live().filter(locale_id=project.locale_id).first()
        document = document_for(project, directory=directories[project.locale_id])
        document.meta.index = index_name
        yield document.to_dict(include_meta=True)


def index_projects(client, index_name, projects, chunk_size=500, progress=None):
    """Index ``projects`` into ``index_name``; ``progress(n)`` is told of each entry written. Returns the ids."""
    from elasticsearch.helpers import streaming_bulk

    indexed = set()
    actions = index_actions(projects, index_name)
    for _ok, item in streaming_bulk(client, actions, chunk_size=chunk_size):
        indexed.add(str(item["index"]["_id"]))
        if progress is not None:
            progress(1)
    return indexed


def remove_stale_documents(client, index_name, keep_ids):
    """Delete the entries of ``index_name`` whose id is not in ``keep_ids`` (unpublished or deleted projects)."""
    from elasticsearch.helpers import bulk, scan

    stale = [
        hit["_id"]
        for hit in scan(client, index=index_name, query={"query": {"match_all": {}}, "_source": False})
        if hit["_id"] not in keep_ids
    ]
    if stale:
        bulk(client, ({"_op_type": "delete", "_index": index_name, "_id": pk} for pk in stale))
    return len(stale)
