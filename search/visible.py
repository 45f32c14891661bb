"""The public objects of the searchable types, by their row in the search index, kept in memory per content
generation.

A search over the database index finds index rows. Which of them are public objects in the active locale,
which type each one is, under which sector, region and target group it is counted, and where it stands among
equals (shorter title first, then newer) does not depend on the query. Asking the database for all of that
for every hit of a common word means thousands of rows per search at 10,000 project models; a ``Catalogue``
answers it with set operations in memory, as a search engine's filters and facets come from its doc values.

A catalogue is built on first use after a content change and kept under ``portal.generation``'s token, which
every save, deletion, publication and move of public content renews in the same transaction (view restrictions
and taxonomy included); the search index is written in that transaction too. A worker process therefore
rebuilds its catalogue after any change, whichever process made it. Index rows added after the catalogue was
built (a task queue indexing after the commit) are read by the next search, which learns the index's last row
with its query (``admit``); a row rewritten in place after the build keeps its old title here until the next
change.
Writes that bypass the ORM's signals (``bulk_create``, ``QuerySet.update``) must call
``portal.generation.bump()`` themselves, as the search index must then be updated by hand too. With no
generation row (a database where nothing was saved yet) the engine asks the database on every search instead.
"""

import threading

FACETS = ("sector", "region", "target_group")

_tables = {}
_lock = threading.Lock()


class Catalogue:
    """Every public object of the searchable types in one locale, keyed by its index row.

    - ``entries[row]``: (type code, pk, title length factor); ``rows``: the set of them;
    - ``order[row]``: its place among objects that a query leaves tied: larger title factor (shorter title)
      first, then larger pk, then the types' registry order — the engine's order of ties;
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
    )

    def __init__(self, public, content_types):
        self.public = public  # type code → {pk: (sector codes, region codes, target-group codes)}
        self.content_types = content_types  # content type id → type code
        self.entries, self.order, self.rows = {}, {}, set()
        self.types = {code: set() for code in public}
        self.facets = {facet: {} for facet in FACETS}
        self.titles = {}
        self.last_row = 0

    def add(self, rows, type_order):
        """Take in index rows (id, content type id, object id, title factor, analyzed title), in any order."""
        admitted = []
        for row, content_type, object_id, title_norm, title in rows:
            self.last_row = max(self.last_row, row)
            code = self.content_types.get(content_type)
            codes = self.public.get(code, {}).get(int(object_id)) if code else None
            if codes is None:
                continue
            self.entries[row] = (code, int(object_id), title_norm)
            self.rows.add(row)
            self.types[code].add(row)
            for facet, values in zip(FACETS, codes, strict=True):
                for value in values:
                    self.facets[facet].setdefault(value, set()).add(row)
            for term in set((title or "").split()):
                self.titles.setdefault(term, set()).add(row)
            admitted.append(row)
        ordered = sorted(admitted, key=lambda row: self._tie_key(row, type_order))
        start = len(self.order)
        self.order.update((row, start + place) for place, row in enumerate(ordered))

    def _tie_key(self, row, type_order):
        code, pk, title_norm = self.entries[row]
        return (-title_norm, -pk, type_order[code])

    def admit(self, last, rows_after, type_order):
        """Read the index rows written after this catalogue was built, up to row ``last`` (``rows_after(row)``
        gives them as ``dbindex.all_rows`` does); they rank after the others until the next build."""
        if last > self.last_row:
            with _lock:
                if last > self.last_row:
                    self.add(rows_after(self.last_row), type_order)

    def in_titles(self, terms):
        """The rows whose title holds any of ``terms``."""
        return set().union(*(self.titles.get(term, ()) for term in terms))

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


def catalogue(token, locale, build):
    """The ``Catalogue`` of ``locale`` for generation ``token``; ``build(locale)`` makes it when missing.
    Catalogues of older generations are dropped."""
    key = (token, locale.pk)
    found = _tables.get(key)
    if found is not None:
        return found
    built = build(locale)
    with _lock:
        if any(existing[0] != token for existing in _tables):
            _tables.clear()
        _tables[key] = built
    return built


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
