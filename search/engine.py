"""Site search: one function that the search page, the JSON API and the tests all call.

Every searchable type comes from the section registry (``portal.sections.search_types``). The query goes
through the same analyzer as the indexed text (search/analysis.py), each type is searched in the active
locale only, and the hits are merged: objects matching more of the query's words first and, among those, the
ones whose title holds more of them (title matches first), then by relevance.

On Wagtail's database backend (SQLite, PostgreSQL) the database is asked one thing per search: the ids of the
index rows whose body holds each query word (search/dbindex.py). Everything else comes from the generation's
catalogue (search/visible.py), with set operations: which rows are public objects of the locale, of which
type, sector, region and target group, which titles hold each word, and the order of ties. The tiers (words
held, words in the title) are made from the best down as pages reach them; a ``Hit`` is made only for the hits
read. A tied tier of at most ``SCORED_TIER`` hits that a page shows is ordered by BM25 over the rows' analyzed
text; a larger one by the backend's title-length factor, shorter titles first, then newest first. Objects are
loaded for the page shown. With no generation row yet, one SQL query per search reads words and visibility
from the index instead (``dbindex.*Index.match``); the tests hold both ways to the same results. Other
backends (Elasticsearch) score every hit themselves.
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
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal import generation, sections
from portal.classified import Classified
from portal.pages import public
from search import dbindex, visible
from search.analysis import analyze
from search.models import expand_with_synonyms

PER_PAGE = 10
MAX_HITS_PER_TYPE = 500  # only where the backend scores every hit itself (Elasticsearch)
MAX_QUERY_LENGTH = 200
SCORED_TIER = 200
FACETS = ("type", "sector", "region", "target_group")


@dataclass(slots=True)
class Hit:
    type: str
    model: type
    pk: int
    coverage: int = 1  # how many of the query's words (or their synonyms) the object matches
    title_coverage: int = 0  # how many of them its title holds
    score: float | None = None  # None until the page showing it needs it
    entry: int | None = None  # the object's row in the database backend's index
    words: int = 0  # which of the query's words it holds (bit i: word i), from the database index
    title_norm: float = 1.0
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
        obj = self.object
        return getattr(obj, "title", None) or getattr(obj, "name", "") or str(obj)

    @property
    def locale(self):
        return self.object.locale.language_code

    @property
    def tier(self):
        return (self.coverage, self.title_coverage)


def _tie_order(hit):
    return (-(hit.score or 0.0), -hit.title_norm, -hit.pk)


@dataclass
class SearchResults:
    query: str
    tokens: list
    locale: str
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    selected: dict = field(default_factory=dict)
    concepts: list = field(default_factory=list)  # each query word with its synonyms, analyzed
    index: object = None  # the database index reader, when scores are computed on demand

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
        """Put hits ``start``..``stop`` in their final order: score the tied tiers that overlap them."""
        if self.index is None:
            return
        if isinstance(self.hits, TieredHits):
            self.hits.rank(start, stop, self.index, self.concepts)
            return
        tiers, position = [], 0
        for _tier, members in groupby(list(self.hits), key=lambda hit: hit.tier):
            members = list(members)
            first, position = position, position + len(members)
            if first >= stop:
                break
            if position > start and 1 < len(members) <= SCORED_TIER and members[0].score is None:
                tiers.append((first, position, members))
        if not tiers:
            return
        frequencies = [sum(1 for hit in self.hits if hit.words >> bit & 1) for bit in range(len(self.concepts))]
        texts = self.index.texts([hit.entry for *_, members in tiers for hit in members])
        scores = dbindex.score(texts, self.concepts, frequencies, len(self.hits))
        for first, position, members in tiers:
            for hit in members:
                hit.score = scores.get(hit.entry, 0.0)
            self.hits[first:position] = sorted(members, key=_tie_order)


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


def searchable_queryset(model, locale):
    """What the public may find of a model, in one locale: live pages, or a snippet model's live entries."""
    if issubclass(model, Page):
        return public(model.objects.live(), None).filter(locale=locale)
    queryset = model.objects.filter(locale=locale)
    return queryset.filter(live=True) if any(f.name == "live" for f in model._meta.fields) else queryset


def taxonomy_lookup(model, facet):
    """The ORM path from ``model`` to a facet's code (``sectors__code``, ``sector__code``…) as the model declares it
    (portal.classified), or None when the model is not classified by that facet."""
    if issubclass(model, Classified) and facet in model.taxonomy_fields:
        return f"{model.taxonomy_fields[facet]}__code"
    return None


def run_search(query, locale, types=None, sector=None, region=None, target_group=None, request=None):
    """Search every type (or only ``types``) in ``locale`` ("ar"/"fr"); facet values narrow the hits.

    The content generation and the locale are read once for the whole request (or, without one, the search)."""
    with generation.read_once():
        return _run_search(query, locale, types, sector, region, target_group, request)


def _run_search(query, locale, types, sector, region, target_group, request):
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    tokens = analyze(query)
    results = SearchResults(query=query, tokens=tokens, locale=locale)
    selected = {"type": types or [], "sector": sector or [], "region": region or [], "target_group": target_group or []}
    results.selected = selected
    if not tokens:
        return results
    locale_object = generation.cached(
        request, "locale", [locale], lambda: Locale.objects.filter(language_code=locale).first()
    )
    if locale_object is None:
        return results

    concepts = [expand_with_synonyms([token]) for token in dict.fromkeys(tokens)]
    results.concepts = concepts
    results.index = dbindex.reader()
    generation_token = generation.token_for(request) if results.index is not None else None
    if generation_token is not None:
        _search_catalogue(results, locale_object, selected, generation_token)
        return results

    scopes = []
    for code, model in sections.search_types().items():
        queryset = searchable_queryset(model, locale_object)
        excluded = False
        for facet in ("sector", "region", "target_group"):
            values = selected[facet]
            if values:
                lookup = taxonomy_lookup(model, facet)
                if lookup is None:
                    excluded = True
                    break
                # Filter through the ids: search backends filter on indexed columns, not on relations.
                queryset = queryset.filter(pk__in=model.objects.filter(**{f"{lookup}__in": values}).values("pk"))
        if not excluded:
            scopes.append((code, model, queryset))

    if results.index is not None:
        found = results.index.match(scopes, concepts)
        hits_by_type = {code: (model, _hits(code, model, found.get(code, []))) for code, model, _queryset in scopes}
    else:
        hits_by_type = {
            code: (model, _search_type(code, model, queryset, concepts)) for code, model, queryset in scopes
        }

    _merge(results, hits_by_type, selected, lambda matched: _taxonomy_facets(matched, selected["type"]))
    return results


def _merge(results, hits_by_type, selected, taxonomy_facets):
    """Every type's hits in one order, the first page's tiers ranked, and the facets counted."""
    type_counts, hits, matched = {}, [], {}
    for code, (model, type_hits) in hits_by_type.items():
        if not type_hits:
            continue
        type_counts[code] = len(type_hits)
        matched[code] = (model, type_hits)
        if not selected["type"] or code in selected["type"]:
            hits.extend(type_hits)

    if results.index is not None:
        hits.sort(key=lambda hit: (-hit.coverage, -hit.title_coverage, -hit.title_norm, -hit.pk))
    else:
        hits.sort(key=lambda hit: (-hit.coverage, -hit.title_coverage, *_tie_order(hit)))
    results.hits = hits
    results.rank(0, len(hits) if len(hits) <= SCORED_TIER else PER_PAGE)
    results.facets = {"type": type_counts, **taxonomy_facets(matched)}


def _hits(code, model, matches):
    return [
        Hit(code, model, m.pk, m.words.bit_count(), m.title_words.bit_count(), None, m.entry, m.words, m.title_norm)
        for m in matches
    ]


def _search_catalogue(results, locale, selected, token):
    """Hits, facets and order from the database index's row ids and the generation's catalogue
    (search/visible.py): set operations in memory, a ``Hit`` made only for the hits that are read."""
    types = sections.search_types()
    type_order = {code: place for place, code in enumerate(types)}
    catalogue = visible.catalogue(token, locale, lambda locale: _build_catalogue(types, locale, type_order))
    bodies, last_row = results.index.body_rows(results.concepts)
    catalogue.admit(last_row, dbindex.rows_after, type_order)
    titles = [catalogue.in_titles(terms) for terms in results.concepts]
    found = [(body | title, title) for body, title in zip(bodies, titles, strict=True)]
    anywhere = set().union(*(rows for rows, _title in found))
    matched = anywhere & catalogue.rows
    allowed = catalogue.allowed(selected)
    if allowed is not None:
        matched &= allowed
    shown = matched
    if selected["type"]:
        shown = matched & set().union(*(catalogue.types.get(code, ()) for code in selected["type"]))
    results.facets = {"type": _counted(catalogue.types, matched)}
    for facet in visible.FACETS:
        results.facets[facet] = _counted(catalogue.facets[facet], shown)

    anywhere_shown = [rows & shown for rows, _title in found]
    in_title = [title & shown for _rows, title in found]
    results.hits = TieredHits(_tiers(anywhere_shown, in_title, shown), len(shown), catalogue, types, anywhere_shown)
    results.rank(0, len(results.hits) if len(results.hits) <= SCORED_TIER else PER_PAGE)


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


def _counted(groups, rows):
    """{value: how many of ``rows`` it holds} of ``groups`` ({value: rows}), most first, zeros left out."""
    counts = ((value, len(members & rows)) for value, members in groups.items())
    return dict(sorted(((value, number) for value, number in counts if number), key=lambda item: (-item[1], item[0])))


def _build_catalogue(types, locale, type_order):
    public = {
        code: visible.public_codes(
            model,
            searchable_queryset(model, locale),
            {facet: taxonomy_lookup(model, facet) for facet in visible.FACETS},
        )
        for code, model in types.items()
    }
    catalogue = visible.Catalogue(public, dbindex.content_type_keys(types))
    catalogue.add(dbindex.all_rows(), type_order)
    return catalogue


UNORDERED, ORDERED, SCORED = 0, 1, 2


class TieredHits(Sequence):
    """The hits of a search over the catalogue, best first, made into ``Hit`` objects only where they are read.

    ``tiers`` holds [(coverage, title coverage), index rows, state] from the best tier down, taken from
    ``pending`` as positions are read. A tier's rows are put in the order of ties (``Catalogue.order``) when first read; ``rank`` re-orders a small tied tier by its
    BM25 scores, as ``SearchResults.rank`` does for a list of hits."""

    def __init__(self, tiers, length, catalogue, models, anywhere):
        self.pending = tiers  # an iterator of ((coverage, title coverage), rows), best first
        self.tiers = []
        self.length = length
        self.catalogue = catalogue
        self.models = models  # type code → model
        self.anywhere = anywhere  # for each query word, the rows shown that hold it
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
            code, pk, title_norm = self.catalogue.entries[row]
            words = sum(1 << bit for bit, rows in enumerate(self.anywhere) if row in rows)
            hit = Hit(code, self.models[code], pk, key[0], key[1], None, row, words, title_norm)
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


def _search_type(code, model, queryset, concepts):
    """Through the backend's public API (Elasticsearch): it scores every hit; coverage by one search per word."""
    backend = get_search_backend()
    terms = dict.fromkeys(term for concept in concepts for term in concept)
    found = list(backend.search(" ".join(terms), queryset, operator="or").annotate_score("_score")[:MAX_HITS_PER_TYPE])
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
        hit = Hit(code, model, obj.pk, coverage[obj.pk], score=abs(obj._score or 0.0), loaded=obj)
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
