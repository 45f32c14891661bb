"""The project bank's own Elasticsearch index (elasticsearch-dsl), which the project bank page lists from when
ELASTICSEARCH_URL is set: at hundreds of thousands of project models, counting, faceting and paging a filtered
listing is what the database does slowly and Elasticsearch does from its doc values.

``ProjectDocument`` is one index for the project models of every locale, holding what the listing filters, counts
and sorts on (its locale, title, sector, region and target-group codes); the cards themselves are read from the
database by id, a page at a time. ``listing_search`` is the request of one page of the listing, ``read_listing``
what the listing takes from the answer. ``write_documents`` keeps the index up to date (resources.models, on
every save and delete of a project model; ``manage.py update_project_index`` rebuilds it).

Elasticsearch failing is never an error page: ``outage`` notes the failure once, and the listing is read from the
database until ``RETRY_AFTER`` has passed.
"""

import functools
import logging
import time
from dataclasses import dataclass, field

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.helpers import bulk, scan, streaming_bulk
from elasticsearch_dsl import Document, Index, Keyword, Long, Q, Search

from search.elasticsearch import connection_settings, redacted_url

logger = logging.getLogger(__name__)

PROJECT_INDEX = "projects"
# Elasticsearch refuses from + size beyond index.max_result_window (10,000 by default).
MAX_RESULT_WINDOW = 10_000
# A listing waits at most this long for Elasticsearch before it reads the database instead.
REQUEST_TIMEOUT = 3
# After a failure, Elasticsearch is left alone this long: no page waits on a server that is down.
RETRY_AFTER = 30


class IndexWriteFailed(Exception):
    """Elasticsearch refused some of the entries of a bulk request."""


# What a request to Elasticsearch raises when the server is down, refuses or answers with an error.
FAILURES = (ApiError, TransportError, IndexWriteFailed, OSError)


# --- The index ------------------------------------------------------------------------------------------------


class ProjectDocument(Document):
    """A project model as the listing filters, counts and sorts it; one index for every locale (``locale``).

    The facet fields are named as the listing's filters (``sector``, ``region``, ``target_group``); ``title`` and
    ``id`` are the listing's order (title, then id), as on the database.
    """

    id = Long()
    locale = Keyword()
    title = Keyword()
    sector = Keyword()
    region = Keyword(multi=True)
    target_group = Keyword(multi=True)

    class Index:
        name = PROJECT_INDEX  # a placeholder, so that no Index claims the document: project_index() names the real one


def project_index_name(prefix=None):
    return (connection_settings()[1] if prefix is None else prefix) + PROJECT_INDEX


def project_index(name=None):
    """The elasticsearch-dsl ``Index`` of the project bank (settings and mapping), named ``name``."""
    index = Index(name or project_index_name())
    index.settings(number_of_shards=1)
    index.document(ProjectDocument)
    return index


def document_for(project, index_name):
    """The entry of ``project`` in ``index_name`` (its sector, regions and target groups read by ``taxonomy_codes``)."""
    codes = project.taxonomy_codes()
    return ProjectDocument(
        meta={"id": project.pk, "index": index_name},
        id=project.pk,
        locale=project.locale.language_code,
        title=project.title,
        sector=codes["sector"][0] if codes["sector"] else None,
        region=sorted(codes["region"]),
        target_group=sorted(codes["target_group"]),
    )


@functools.cache
def connect(url):
    """The client of ``url``, made once per process (it keeps its connections)."""
    return Elasticsearch(url, request_timeout=REQUEST_TIMEOUT, max_retries=0)


def client():
    """The client of ELASTICSEARCH_URL, or None when it is not set (the database serves alone)."""
    url, _prefix = connection_settings()
    return connect(url) if url else None


class Outage:
    """Whether Elasticsearch failed in the last ``RETRY_AFTER`` seconds; the first failure of each outage is logged,
    once, and so is the recovery."""

    def __init__(self):
        self.until = None

    def active(self):
        return self.until is not None and time.monotonic() < self.until

    def failed(self, error, doing):
        if self.until is None:
            url, _prefix = connection_settings()
            logger.warning(
                "Elasticsearch at %s failed while %s (%s); the project bank reads the database for %s seconds.",
                redacted_url(url),
                doing,
                error,
                RETRY_AFTER,
            )
        self.until = time.monotonic() + RETRY_AFTER

    def succeeded(self):
        if self.until is not None:
            logger.warning("Elasticsearch answers again; the project bank reads its index.")
        self.until = None


outage = Outage()


# --- The listing ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    """One filter of the listing as the index sees it: its name (the document field), its codes, the codes selected,
    and whether a project model listing none of its terms applies to all of them."""

    name: str
    codes: tuple
    selected: tuple = ()
    empty_applies_to_all: bool = False

    def query(self):
        """The filter of the selected codes, or None when none is selected."""
        if not self.selected:
            return None
        match = Q("terms", **{self.name: sorted(self.selected)})
        if self.empty_applies_to_all:
            return Q("bool", should=[match, Q("bool", must_not=[Q("exists", field=self.name)])])
        return match


@dataclass
class ListingResult:
    """What the listing takes from one answer: the ids of the page, the total, and the facet counts."""

    ids: list
    total: int
    counts: dict = field(default_factory=dict)


def listing_search(locale, facets, start, size):
    """The request of one page of the listing: the project models of ``locale`` that every facet's selection admits,
    from ``start``, ``size`` of them, in the database's order, with the facet counts.

    Each facet is counted over what the other facets admit (its own selection left out), so each code's count is
    the number of project models the listing would show with that code selected instead: the selections go in a
    ``post_filter``, and each facet's aggregation is filtered by the other facets.
    """
    queries = {facet.name: facet.query() for facet in facets}
    search = Search().filter("term", locale=locale)
    selected = [query for query in queries.values() if query is not None]
    if selected:
        search = search.post_filter(Q("bool", filter=selected))
    for facet in facets:
        others = [query for name, query in queries.items() if name != facet.name and query is not None]
        bucket = search.aggs.bucket(facet.name, "filter", filter=Q("bool", filter=others) if others else Q("match_all"))
        bucket.bucket("codes", "terms", field=facet.name, size=max(len(facet.codes), 1))
        if facet.empty_applies_to_all:
            bucket.bucket("everywhere", "missing", field=facet.name)
    search = search.sort({"title": "asc"}, {"id": "asc"}).source(False)
    return search.extra(from_=start, size=size, track_total_hits=True)


def read_listing(response, facets):
    """The ids, total and facet counts ({facet: {code: count}}, every code) of an answer to ``listing_search``."""
    counts = {}
    for facet in facets:
        aggregation = response["aggregations"][facet.name]
        everywhere = aggregation["everywhere"]["doc_count"] if facet.empty_applies_to_all else 0
        found = {bucket["key"]: bucket["doc_count"] for bucket in aggregation["codes"]["buckets"]}
        counts[facet.name] = {code: found.get(code, 0) + everywhere for code in facet.codes}
    hits = response["hits"]
    return ListingResult(ids=[int(hit["_id"]) for hit in hits["hits"]], total=hits["total"]["value"], counts=counts)


def run_listing(locale, facets, start, size):
    """The index's answer to ``listing_search``, or None when Elasticsearch is not set, failing or down."""
    es = client()
    if es is None or outage.active():
        return None
    try:
        response = es.search(index=project_index_name(), body=listing_search(locale, facets, start, size).to_dict())
    except FAILURES as error:
        outage.failed(error, "listing the project bank")
        return None
    outage.succeeded()
    return response.body


# --- Keeping the index up to date ---------------------------------------------------------------------------------


def write_documents(es, index_name, documents, removed_ids):
    """Index ``documents`` and delete the entries ``removed_ids`` of ``index_name`` in one bulk request; an id
    already gone is fine."""
    actions = [document.to_dict(include_meta=True) for document in documents]
    actions += [{"_op_type": "delete", "_index": index_name, "_id": pk} for pk in removed_ids]
    if not actions:
        return
    _done, errors = bulk(es, actions, raise_on_error=False, raise_on_exception=True)
    failed = [error for error in errors if error.get("delete", {}).get("status") != 404]
    if failed:
        raise IndexWriteFailed(f"{len(failed)} project bank entries could not be written, first: {failed[0]}")


@functools.cache
def ensure_index(es, index_name):
    """Create the index with its mapping if it is missing (once per process), so that no entry is written into an
    index Elasticsearch would make with mappings of its own guessing."""
    project_index(index_name).save(using=es)
    return True


def update_entries(projects, removed_ids):
    """Write ``projects`` (live project models, with their terms) and delete ``removed_ids`` from the index, when
    ELASTICSEARCH_URL is set; a failure is logged (``manage.py update_project_index`` repairs the index)."""
    es = client()
    if es is None or outage.active():
        return
    name = project_index_name()
    try:
        ensure_index(es, name)
        write_documents(es, name, [document_for(project, name) for project in projects], removed_ids)
    except FAILURES as error:
        ensure_index.cache_clear()
        outage.failed(error, "updating the project bank's index")
        return
    outage.succeeded()


def index_projects(es, index_name, projects, chunk_size=500, progress=None):
    """Index ``projects`` into ``index_name``; ``progress(n)`` is told of each entry written. Returns the ids."""

    def actions():
        for project in projects:
            yield document_for(project, index_name).to_dict(include_meta=True)

    indexed = set()
    for _ok, item in streaming_bulk(es, actions(), chunk_size=chunk_size):
        indexed.add(str(item["index"]["_id"]))
        if progress is not None:
            progress(1)
    return indexed


def remove_stale_documents(es, index_name, keep_ids):
    """Delete the entries of ``index_name`` whose id is not in ``keep_ids`` (unpublished or deleted projects)."""
    stale = [
        hit["_id"]
        for hit in scan(es, index=index_name, query={"query": {"match_all": {}}, "_source": False})
        if hit["_id"] not in keep_ids
    ]
    if stale:
        bulk(es, ({"_op_type": "delete", "_index": index_name, "_id": pk} for pk in stale))
    return len(stale)
