"""Site search: one function that the search page, the JSON API and the tests all call.

``run_search`` reads top to bottom. The query goes through the same analyzer as the indexed text
(search/analysis.py), each word with its synonyms (search/models.py). The index lookup (search/dbindex.py) gives,
for each word, the index rows whose body holds it: one query. The public objects of the content generation, in
the active locale (search/visible.py), keep the rows that are public and under the selected facets, and match
the titles. The ranking here orders the hits: objects matching more of the query's words first and, among those,
the ones whose title holds more of them, then by relevance. Its tiers are made from the best down as pages reach
them; a ``Hit`` is made only for the hits read. A tied tier of at most ``SCORED_TIER`` hits that a page shows is
ordered by BM25 over the rows' analyzed text; a larger one by title length, shorter first, then newest first.
Objects are loaded for the page shown. The facets are counted over the same public objects (search/visible.py).

With a backend that does not write the project's index (Elasticsearch), the backend finds and scores every hit
through its public API, type by type, and the facets are counted in SQL.
"""

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, count, groupby

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.db.models.expressions import RawSQL
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from portal import sections
from search import dbindex, visible
from search.analysis import analyze
from search.models import expand_with_synonyms
from search.visible import searchable_queryset, taxonomy_lookup
from serving import generation

PER_PAGE = 10
MAX_HITS_PER_TYPE = 500  # only where the backend scores every hit itself (Elasticsearch)
MAX_QUERY_LENGTH = 200
SCORED_TIER = 200


@dataclass(slots=True)
class Hit:
    type: str
    model: type
    pk: int
    coverage: int = 1  # how many of the query's words (or their synonyms) the object matches
    title_coverage: int = 0  # how many of them its title holds
    score: float | None = None  # None until the page showing it needs it
    entry: int | None = None  # the object's row in the project's index (search/dbindex.py)
    words: int = 0  # which of the query's words it holds (bit i: word i), from the project's index
    title_length: int = 0  # of the analyzed title, from the database index: shorter ranks first among ties
    loaded: object = None

    @property
    def object(self):
        if self.loaded is None:
            self.loaded = self.model.objects.get(pk=self.pk)
        return self.loaded

    @property
    def title_match(self):
        return self.title_coverage > 0

    @property
    def title(self):
        return str(self.object)  # a page's title, a routed entry's title or name (portal.pages.RoutedEntry)

    @property
    def locale(self):
        return self.object.locale.language_code

    @property
    def tier(self):
        return (self.coverage, self.title_coverage)


def _tie_order(hit):
    return (-(hit.score or 0.0), hit.title_length, -hit.pk)


@dataclass
class SearchResults:
    query: str
    tokens: list
    locale: str
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    selected: dict = field(default_factory=dict)
    concepts: list = field(default_factory=list)  # each query word with its synonyms, analyzed
    index: object = None  # the project's index (search/dbindex.py), read again for the scores a page needs

    @property
    def count(self):
        return len(self.hits)

    def page(self, number, per_page=PER_PAGE, load=True):
        """The page of hits asked for, in its final order; their objects loaded unless ``load`` is false."""
        paginator = Paginator(self.hits, per_page)
        page = paginator.get_page(number)
        if self.hits:
            self.rank(page.start_index() - 1, page.end_index())
            page = paginator.page(page.number)  # sliced again, after the ranking
            if load:
                load_objects(page.object_list)
        return page

    def rank(self, start, stop):
        """Put hits ``start``..``stop`` in their final order: score the tied tiers that overlap them (hits from
        another backend come scored)."""
        if isinstance(self.hits, TieredHits):
            self.hits.rank(start, stop, self.index, self.concepts)


def load_objects(hits):
    """Load the objects of these hits with their locale, one query per type."""
    missing = [hit for hit in hits if hit.loaded is None]
    for model, group in groupby(sorted(missing, key=lambda hit: hit.type), key=lambda hit: hit.model):
        group = list(group)
        objects = model.objects.select_related("locale").in_bulk([hit.pk for hit in group])
        for hit in group:
            hit.loaded = objects.get(hit.pk)


def ids_in(pks):
    """An SQL set of these ids, one parameter whatever their number (no limit on bound variables)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(pks)])
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(pks))])
    return list(pks)


def run_search(query, locale, types=None, sector=None, region=None, target_group=None, request=None):
    """Search every type (or only ``types``) in ``locale`` ("ar"/"fr"); facet values narrow the hits.

    Top to bottom: the analyzer, the index lookup, the public objects of the content generation, the ranking, the
    facets. The generation is read once for the whole request (or, without one, the search)."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    selected = {"type": types or [], "sector": sector or [], "region": region or [], "target_group": target_group or []}
    results = SearchResults(query=query, tokens=analyze(query), locale=locale, selected=selected)
    if not results.tokens:
        return results
    results.concepts = [expand_with_synonyms([token]) for token in dict.fromkeys(results.tokens)]
    results.index = dbindex.reader()
    with generation.read_once():
        if results.index is None:  # Elasticsearch: the backend finds and scores
            _search_backend(results, request)
            return results
        bodies, last_row = results.index.body_rows(results.concepts)
        public = visible.catalogue(generation.token_for(request), locale, last_row)
    found = public.match(bodies, results.concepts, selected)
    results.hits = TieredHits(_tiers(found.anywhere, found.in_title, found.shown), found, public)
    results.rank(0, len(results.hits) if len(results.hits) <= SCORED_TIER else PER_PAGE)
    results.facets = public.facet_counts(found)
    return results


LEVELS_BY_SETS = 6  # up to this many query words, tiers come from set operations; beyond, from a count per row


def _tiers(anywhere, in_title, shown):
    """((coverage, title coverage), rows) of the hits ``shown``, best first, each tier made when it is reached:
    the first page of a common word costs a few set operations, not a step per hit."""
    if len(anywhere) > LEVELS_BY_SETS:
        coverage = Counter(chain.from_iterable(anywhere))
        title_coverage = Counter(chain.from_iterable(in_title)).get
        tiers = {}
        for row, held in coverage.items():
            tiers.setdefault((held, title_coverage(row, 0)), set()).add(row)
        yield from sorted(tiers.items(), key=lambda item: item[0], reverse=True)
        return
    every_word = set.intersection(*anywhere)  # the first tiers, often enough for the first page
    by_coverage = {len(anywhere): every_word}
    for words in range(len(anywhere), 0, -1):
        if words == len(anywhere) - 1:  # the others, only when a page reaches them
            rest = shown - every_word
            by_coverage = _levels([rows - every_word for rows in anywhere], rest)
        level = by_coverage[words]
        if not level:
            continue
        by_title = _levels([title & level for title in in_title], level)
        for in_titles in range(words, -1, -1):
            if by_title[in_titles]:
                yield (words, in_titles), by_title[in_titles]


def _levels(sets, universe):
    """[the members of ``universe`` in exactly j of ``sets``, for j = 0…len(sets)]; the sets are in ``universe``."""
    at_least = [universe] + [set() for _set in sets]
    for seen, members in enumerate(sets, 1):
        for j in range(seen, 0, -1):
            at_least[j] = at_least[j] | (at_least[j - 1] & members)
    return [at_least[j] - at_least[j + 1] for j in range(len(sets))] + [at_least[-1]]


UNORDERED, ORDERED, SCORED = 0, 1, 2


class TieredHits(Sequence):
    """The hits of a search over the catalogue, best first, made into ``Hit`` objects only where they are read.

    ``tiers`` holds [(coverage, title coverage), index rows, state] from the best tier down, taken from
    ``pending`` as positions are read. A tier's rows are put in the order of ties (``Catalogue.order``) when first
    read; ``rank`` re-orders a small tied tier by its BM25 scores."""

    def __init__(self, tiers, found, catalogue):
        self.pending = tiers  # an iterator of ((coverage, title coverage), rows), best first
        self.tiers = []
        self.length = len(found.shown)
        self.catalogue = catalogue
        self.anywhere = found.anywhere  # for each query word, the rows shown that hold it
        self.made = {}

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.length)
            if step != 1:
                return [self[position] for position in range(start, stop, step)]
            return [self._hit(row, key) for row, key in self._rows(start, stop)]
        position = index + self.length if index < 0 else index
        if not 0 <= position < self.length:
            raise IndexError(index)
        return self[position : position + 1][0]

    def __iter__(self):
        return iter(self[:])

    def _overlapping(self, start, stop):
        """(first position, tier) of the tiers that overlap positions ``start``..``stop``, made as needed."""
        position, found = 0, []
        for place in count():
            if place == len(self.tiers):
                key, rows = next(self.pending, (None, None))
                if rows is None:
                    break
                self.tiers.append([key, list(rows), UNORDERED])
            tier = self.tiers[place]
            first, position = position, position + len(tier[1])
            if first >= stop:
                break
            if position > start:
                found.append((first, tier))
        return found

    def _rows(self, start, stop):
        for first, tier in self._overlapping(start, stop):
            key, rows, state = tier
            if state == UNORDERED:
                rows.sort(key=self.catalogue.order.__getitem__)
                tier[2] = ORDERED
            for row in rows[max(start - first, 0) : stop - first]:
                yield row, key

    def _hit(self, row, key):
        hit = self.made.get(row)
        if hit is None:
            code, pk, title_length = self.catalogue.entries[row]
            words = sum(1 << bit for bit, rows in enumerate(self.anywhere) if row in rows)
            hit = Hit(code, self.catalogue.models[code], pk, key[0], key[1], None, row, words, title_length)
            self.made[row] = hit
        return hit

    def rank(self, start, stop, index, concepts):
        """Score the tied tiers of at most ``SCORED_TIER`` hits that overlap ``start``..``stop`` and order them."""
        waiting = [
            tier
            for _first, tier in self._overlapping(start, stop)
            if 1 < len(tier[1]) <= SCORED_TIER and tier[2] != SCORED
        ]
        if not waiting:
            return
        frequencies = [len(rows) for rows in self.anywhere]
        texts = index.texts([row for tier in waiting for row in tier[1]])
        scores = dbindex.score(texts, concepts, frequencies, self.length)
        for tier in waiting:
            key, rows, _state = tier
            hits = [self._hit(row, key) for row in sorted(rows, key=self.catalogue.order.__getitem__)]
            for hit in hits:
                hit.score = scores.get(hit.entry, 0.0)
            hits.sort(key=_tie_order)
            tier[1], tier[2] = [hit.entry for hit in hits], SCORED


def _search_backend(results, request):
    """Hits and facets through the search backend's public API (Elasticsearch), type by type."""
    locale = generation.cached(
        request, "locale", [results.locale], lambda: Locale.objects.filter(language_code=results.locale).first()
    )
    if locale is None:
        return
    selected, type_counts, matched, hits = results.selected, {}, {}, []
    for code, model in sections.search_types().items():
        queryset = searchable_queryset(model, locale)
        lookups = {facet: taxonomy_lookup(model, facet) for facet in visible.FACETS if selected[facet]}
        if None in lookups.values():
            continue  # a type without a selected facet has nothing under it
        for facet, lookup in lookups.items():
            # Filter through the ids: search backends filter on indexed columns, not on relations.
            queryset = queryset.filter(pk__in=model.objects.filter(**{f"{lookup}__in": selected[facet]}).values("pk"))
        type_hits = _search_type(code, model, queryset, results.concepts)
        if not type_hits:
            continue
        type_counts[code] = len(type_hits)
        matched[code] = (model, type_hits)
        if not selected["type"] or code in selected["type"]:
            hits.extend(type_hits)
    hits.sort(key=lambda hit: (-hit.coverage, -hit.title_coverage, *_tie_order(hit)))
    results.hits = hits
    results.facets = {"type": type_counts, **_taxonomy_facets(matched, selected["type"])}


def _search_type(code, model, queryset, concepts):
    """Through the backend's public API (Elasticsearch): it scores every hit; coverage by one search per word."""
    backend = get_search_backend()
    terms = dict.fromkeys(term for concept in concepts for term in concept)
    found = list(
        backend.search(" ".join(terms), queryset, operator="or").annotate_score("search_score")[:MAX_HITS_PER_TYPE]
    )
    if not found:
        return []
    coverage = dict.fromkeys((obj.pk for obj in found), 1)
    if len(concepts) > 1:
        # One search per word (with its synonyms) among the hits: how many of the words each hit matches.
        coverage = dict.fromkeys(coverage, 0)
        within = queryset.filter(pk__in=list(coverage))
        for concept in concepts:
            for obj in backend.search(" ".join(concept), within, operator="or"):
                coverage[obj.pk] += 1
    hits = []
    for obj in found:
        hit = Hit(code, model, obj.pk, coverage[obj.pk], score=abs(obj.search_score or 0.0), loaded=obj)
        title_terms = set(analyze(hit.title))
        hit.title_coverage = sum(1 for concept in concepts if title_terms.intersection(concept))
        hits.append(hit)
    return hits


def _taxonomy_facets(matched, selected_types):
    """Counts of hits per sector, region and target group code, over the types shown."""
    facets = {}
    for facet in ("sector", "region", "target_group"):
        counts = {}
        for code, (model, type_hits) in matched.items():
            if selected_types and code not in selected_types:
                continue
            lookup = taxonomy_lookup(model, facet)
            if lookup is None or not type_hits:
                continue
            for value, number in facet_counts(model, lookup, [hit.pk for hit in type_hits]):
                if value:
                    counts[value] = counts.get(value, 0) + number
        facets[facet] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return facets


def facet_counts(model, lookup, pks):
    """(code, number of these objects) pairs for a ``<relation>__code`` lookup.

    A direct relation is counted on its own column or link table (no join to the objects, no DISTINCT), the
    codes read afterwards from the small taxonomy table; any other lookup goes through the ORM."""
    name, _, rest = lookup.partition("__")
    relation = model._meta.get_field(name)
    if rest != "code" or not (relation.many_to_many or relation.many_to_one):
        rows = model.objects.filter(pk__in=ids_in(pks)).values(lookup).annotate(n=Count("pk", distinct=True))
        return list(rows.values_list(lookup, "n"))
    if relation.many_to_many:
        through = relation.remote_field.through
        source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
        rows = through.objects.filter(**{f"{source}__in": ids_in(pks)}).values(target).annotate(n=Count("pk"))
        numbers = dict(rows.values_list(target, "n"))
    else:
        rows = model.objects.filter(pk__in=ids_in(pks)).values(relation.attname).annotate(n=Count("pk"))
        numbers = dict(rows.values_list(relation.attname, "n"))
    codes = dict(relation.related_model.objects.filter(pk__in=[k for k in numbers if k]).values_list("pk", "code"))
    return [(codes[key], number) for key, number in numbers.items() if key in codes]
