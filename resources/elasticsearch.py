"""The project bank's own Elasticsearch index (elasticsearch-dsl), used when ELASTICSEARCH_URL is set.

``ProjectDocument`` is one index for the project models of every locale, with the sector, region and
target-group codes as keywords for filters and facets; ``document_for(project)`` builds one entry from the same
analyzed text the database backends index; ``project_search_body(query, locale, …)`` is the request body of a
project search, built without a server. ``manage.py update_project_index`` fills the index.
"""

from django.utils.translation import override
from elasticsearch_dsl import Document, Integer, Keyword, Long, Q, Search, Text, analyzer

from search.analysis import analyze
from search.elasticsearch import DEFAULT_INDEX_PREFIX, PRE_ANALYZED, connection_settings, redacted_url  # noqa: F401
from search.indexing import indexed_text

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


def project_index_name(prefix=None):
    return (connection_settings()[1] if prefix is None else prefix) + PROJECT_INDEX


def project_index(name=None):
    """The elasticsearch-dsl ``Index`` of the project bank (settings, analysis and mapping), named ``name``."""
    return ProjectDocument._index.clone(name or project_index_name())


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
        title=indexed_text(plain_text(project.title)),
        body=indexed_text(project_body_text(project)),
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
