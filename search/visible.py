"""The public objects of the searchable types, by their row in the project's search index (search/dbindex.py),
kept in memory per content generation: visibility, types, facets and titles for the engine.

The index lookup finds index rows. Which of them are public objects in the active locale, which type each one
is, under which sector, region and target group it is counted, and where it stands among equals (shorter title
first, then newer) does not depend on the query. Asking the database for all of that for every hit of a common
word means thousands of rows per search at 10,000 project models; a ``Catalogue`` answers it with set operations
in memory (``match``, ``facet_counts``), as a search engine's filters and facets come from its doc values.

A catalogue is built on first use after a content change and kept under ``serving.generation``'s token, which
every save, deletion, publication and move of public content renews in the same transaction (view restrictions
and taxonomy included); the search index is written in that transaction too. A worker process therefore
rebuilds its catalogue after any change, whichever process made it. Index rows added after the catalogue was
built (a task queue indexing after the commit) are read by the next search, which learns the index's last row
with its lookup (``admit``); a row rewritten in place after the build keeps its old title here until the next
change. Writes that bypass the ORM's signals (``bulk_create``, ``QuerySet.update``) must call
``serving.generation.bump()`` themselves, as the search index must then be updated by hand too. With no
generation row (a database where nothing was saved yet) a catalogue is built for each search.
"""

import threading
from typing import NamedTuple

from wagtail.models import Locale, Page

from portal import sections
from portal.classified import Classified
from portal.pages import public
from search import dbindex

FACETS = ("sector", "region", "target_group")


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


class Found(NamedTuple):
    """What a query matches among the public objects: ``matched``, the rows under the selected sectors, regions
    and target groups; ``shown``, those of the selected types too; for each query word, the rows shown that hold
    it (``anywhere``) and hold it in their title (``in_title``)."""

    matched: set
    shown: set
    anywhere: list
    in_title: list


_tables = {}
_lock = threading.Lock()


class Catalogue:
    """Every public object of the searchable types in one locale, keyed by its index row.

    - ``entries[row]``: (type code, pk, title length); ``rows``: the set of them;
    - ``order[row]``: its place among objects that a query leaves tied: shorter title first, then larger pk, then the types' registry order — the engine's order of ties;
    - ``types[code]`` and ``facets[facet][value]``: the rows of a type, of a sector, region or target group;
    - ``titles[term]``: the rows whose analyzed title holds that term (a title is a few words: matched here,
      not in the database, whose full-text test per row costs as much for a title as for a body);
    - ``public[code][pk]``: the facet codes of each public object, for rows admitted later.

    Index rows up to ``last_row`` that are not entries are not public here (other locales, drafts, other
    models); later rows are read once, by ``admit``."""

    __slots__ = (
        "entries",
        "rows",
        "order",
        "types",
        "facets",
        "titles",
        "public",
        "content_types",
        "last_row",
        "locale",
        "models",
        "type_order",
    )

    def __init__(self, locale, models):
        self.locale, self.models = locale, models  # type code → model
        self.type_order = {code: place for place, code in enumerate(models)}
        self.public = {  # type code → {pk: (sector codes, region codes, target-group codes)}
            code: public_codes(
                model, searchable_queryset(model, locale), {f: taxonomy_lookup(model, f) for f in FACETS}
            )
            for code, model in models.items()
        }
        self.content_types = dbindex.content_type_keys(models)  # content type id → type code
        self.entries, self.order, self.rows = {}, {}, set()
        self.types = {code: set() for code in models}
        self.facets = {facet: {} for facet in FACETS}
        self.titles = {}
        self.last_row = 0
        self.add(dbindex.all_rows(locale))

    def add(self, rows):
        """Take in index rows (id, content type id, object id, title length, analyzed title), in any order."""
        admitted = []
        for row, content_type, object_id, title_length, title in rows:
            self.last_row = max(self.last_row, row)
            code = self.content_types.get(content_type)
            codes = self.public.get(code, {}).get(int(object_id)) if code else None
            if codes is None:
                continue
            self.entries[row] = (code, int(object_id), title_length)
            self.rows.add(row)
            self.types[code].add(row)
            for facet, values in zip(FACETS, codes, strict=True):
                for value in values:
                    self.facets[facet].setdefault(value, set()).add(row)
            for term in set((title or "").split()):
                self.titles.setdefault(term, set()).add(row)
            admitted.append(row)
        ordered = sorted(admitted, key=self._tie_key)
        start = len(self.order)
        self.order.update((row, start + place) for place, row in enumerate(ordered))

    def _tie_key(self, row):
        code, pk, title_length = self.entries[row]
        return (title_length, -pk, self.type_order[code])

    def admit(self, last):
        """Read the index rows written after this catalogue was built, up to row ``last``; they rank after the
        others until the next build."""
        if last > self.last_row:
            with _lock:
                if last > self.last_row:
                    self.add(dbindex.rows_after(self.last_row, self.locale))

    def match(self, bodies, concepts, selected):
        """``Found`` of a query: ``bodies[i]`` holds the index rows whose body holds word ``i`` (any of the terms
        ``concepts[i]``); titles are matched here."""
        titles = [set().union(*(self.titles.get(term, ()) for term in terms)) for terms in concepts]
        anywhere = set().union(*bodies, *titles)
        matched = anywhere & self.rows
        allowed = self.allowed(selected)
        if allowed is not None:
            matched &= allowed
        shown = matched
        if selected["type"]:
            shown = matched & set().union(*(self.types.get(code, ()) for code in selected["type"]))
        return Found(
            matched,
            shown,
            [(body | title) & shown for body, title in zip(bodies, titles, strict=True)],
            [title & shown for title in titles],
        )

    def facet_counts(self, found):
        """{facet: {value: hits}}: types over the hits of every type, sectors, regions and target groups over the
        hits shown; most first, zeros left out."""
        counts = {"type": _counted(self.types, found.matched)}
        for facet in FACETS:
            counts[facet] = _counted(self.facets[facet], found.shown)
        return counts

    def allowed(self, selected):
        """The rows under every selected sector, region and target group (any value of a facet, every facet),
        or None when nothing is selected. A type without a selected facet has no rows in it: it is left out."""
        allowed = None
        for facet in FACETS:
            values = selected.get(facet)
            if not values:
                continue
            rows = set().union(*(self.facets[facet].get(value, ()) for value in values))
            allowed = rows if allowed is None else allowed & rows
        return allowed


def catalogue(token, language_code, last_row):
    """The ``Catalogue`` of a locale for generation ``token``, made when missing, with the index rows up to
    ``last_row``. Catalogues of older generations are dropped; with no generation (``token`` None) it is made for
    one search."""
    key = (token, language_code)
    found = _tables.get(key) if token is not None else None
    if found is None:
        locale = Locale.objects.filter(language_code=language_code).first()
        found = Catalogue(locale, sections.search_types() if locale else {})  # no such locale: nothing to find
        if token is not None:
            with _lock:
                if any(existing[0] != token for existing in _tables):
                    _tables.clear()
                _tables[key] = found
    found.admit(last_row)
    return found


def _counted(groups, rows):
    """{value: how many of ``rows`` it holds} of ``groups`` ({value: rows}), most first, zeros left out."""
    counts = ((value, len(members & rows)) for value, members in groups.items())
    return dict(sorted(((value, number) for value, number in counts if number), key=lambda item: (-item[1], item[0])))


def public_codes(model, queryset, lookups):
    """{pk: (sector codes, region codes, target-group codes)} of the objects of ``queryset`` (the public ones in
    a locale); ``lookups[facet]`` is each facet's ORM path to a code. One query for the ids, one per facet."""
    collected = {pk: ([], [], []) for pk in queryset.order_by().values_list("pk", flat=True)}
    public = queryset.order_by().values("pk")
    for index, facet in enumerate(FACETS):
        lookup = lookups[facet]
        if lookup is None:
            continue
        for pk, value in model.objects.filter(pk__in=public).order_by().values_list("pk", lookup):
            if value and pk in collected:
                collected[pk][index].append(value)
    return {pk: tuple(tuple(dict.fromkeys(values)) for values in entry) for pk, entry in collected.items()}
