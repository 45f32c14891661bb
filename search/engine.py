"""Site search: one function that the search page, the JSON API and the tests all call.

Every searchable type comes from the section registry (``portal.sections.search_types``). The query goes
through the same analyzer as the indexed text (search/analysis.py), each type is searched in the active
locale only, and the hits are merged: objects matching more of the query's words first and, among those, the
ones whose title holds more of them (title matches first), then by the backend's relevance score.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal import sections
from search.analysis import analyze
from search.models import expand_with_synonyms

PER_PAGE = 10
MAX_HITS_PER_TYPE = 500
MAX_QUERY_LENGTH = 200
FACETS = ("type", "sector", "region", "target_group")


@dataclass
class Hit:
    type: str
    object: object
    score: float
    title_match: bool
    coverage: int = 1  # how many of the query's words (or their synonyms) the object matches
    title_coverage: int = 0  # how many of them its title holds

    @property
    def title(self):
        return getattr(self.object, "title", None) or getattr(self.object, "name", "") or str(self.object)

    @property
    def locale(self):
        return self.object.locale.language_code


@dataclass
class SearchResults:
    query: str
    tokens: list
    locale: str
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    selected: dict = field(default_factory=dict)

    @property
    def count(self):
        return len(self.hits)

    def page(self, number, per_page=PER_PAGE):
        return Paginator(self.hits, per_page).get_page(number)


def searchable_queryset(model, locale):
    """What the public may find of a model, in one locale: live pages, or a snippet model's own public queryset."""
    if issubclass(model, Page):
        return model.objects.live().public().filter(locale=locale)
    if hasattr(model, "public_queryset"):
        return model.public_queryset().filter(locale=locale)
    queryset = model.objects.filter(locale=locale)
    return queryset.filter(live=True) if any(f.name == "live" for f in model._meta.fields) else queryset


def taxonomy_lookup(model, facet):
    """The ORM path from ``model`` to a facet's code (``sectors__code``, ``sector__code``…), or None."""
    lookups = getattr(model, "search_facet_lookups", None)
    if lookups is not None:
        return lookups.get(facet)
    candidates = {"sector": ("sectors", "sector"), "region": ("regions", "region"), "target_group": ("target_groups",)}
    names = {f.name for f in model._meta.get_fields()}
    for name in candidates.get(facet, ()):
        if name in names:
            return f"{name}__code"
    return None


def run_search(query, locale, types=None, sector=None, region=None, target_group=None):
    """Search every type (or only ``types``) in ``locale`` ("ar"/"fr"); facet values narrow the hits."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    tokens = analyze(query)
    results = SearchResults(query=query, tokens=tokens, locale=locale)
    selected = {"type": types or [], "sector": sector or [], "region": region or [], "target_group": target_group or []}
    results.selected = selected
    locale_object = Locale.objects.filter(language_code=locale).first()
    if not tokens or locale_object is None:
        return results

    concepts = [expand_with_synonyms([token]) for token in dict.fromkeys(tokens)]
    analyzed_query = " ".join(dict.fromkeys(term for concept in concepts for term in concept))
    all_types = sections.search_types()
    type_counts, hits, matched = {}, [], {}
    for code, model in all_types.items():
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
                matching = model.objects.filter(**{f"{lookup}__in": values}).values_list("pk", flat=True)
                queryset = queryset.filter(pk__in=list(matching))
        if excluded:
            continue
        type_hits = _search_type(code, queryset, analyzed_query, concepts)
        if not type_hits:
            continue
        type_counts[code] = len(type_hits)
        matched[code] = (model, [hit.object.pk for hit in type_hits])
        if not selected["type"] or code in selected["type"]:
            hits.extend(type_hits)

    hits.sort(key=lambda hit: (-hit.coverage, -hit.title_coverage, -hit.score))
    results.hits = hits
    results.facets = {
        "type": type_counts,
        **_taxonomy_facets(matched, selected["type"]),
    }
    return results


def _search_type(code, queryset, analyzed_query, concepts):
    backend = get_search_backend()
    found = list(backend.search(analyzed_query, queryset, operator="or").annotate_score("_score")[:MAX_HITS_PER_TYPE])
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
        hit = Hit(code, obj, abs(obj._score or 0.0), False, coverage[obj.pk])
        title_terms = set(analyze(hit.title))
        hit.title_coverage = sum(1 for concept in concepts if title_terms.intersection(concept))
        hit.title_match = hit.title_coverage > 0
        hits.append(hit)
    return hits


def _taxonomy_facets(matched, selected_types):
    """Counts of hits per sector, region and target group code, over the types shown."""
    facets = {}
    for facet in ("sector", "region", "target_group"):
        counts = {}
        for code, (model, pks) in matched.items():
            if selected_types and code not in selected_types:
                continue
            lookup = taxonomy_lookup(model, facet)
            if lookup is None or not pks:
                continue
            rows = (
                model.objects.filter(pk__in=pks)
                .values(lookup)
                .annotate(n=Count("pk", distinct=True))
                .values_list(lookup, "n")
            )
            for value, number in rows:
                if value:
                    counts[value] = counts.get(value, 0) + number
        facets[facet] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return facets
