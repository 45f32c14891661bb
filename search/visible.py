"""The public objects of each searchable type, with their facet codes, kept in memory per content generation.

A search over the database index finds index rows; which of them are public objects in the active locale, and
under which sector, region and target group each one is counted, does not depend on the query. Asking the
database both for every hit of a common word costs a probe per hit (thousands at 10,000 project models); a
``Visible`` table answers both in Python, as the facet counts of a search engine come from its doc values.

A table is built on first use after a content change and kept under ``portal.generation``'s token, which every
save, deletion, publication and move of public content renews in the same transaction (view restrictions and
taxonomy included). A worker process therefore rebuilds its tables after any change, whichever process made
it. Writes that bypass the ORM's signals (``bulk_create``, ``QuerySet.update``) must call
``portal.generation.bump()`` themselves, as the search index must then be updated by hand too. With no generation
row (a database where nothing was saved yet) the engine asks the database on every search instead.
"""

import threading

FACETS = ("sector", "region", "target_group")

_tables = {}
_lock = threading.Lock()


class Visible:
    """``codes[pk]``: the public object's (sector codes, region codes, target-group codes), each a tuple."""

    __slots__ = ("codes", "lookups")

    def __init__(self, codes, lookups):
        self.codes = codes
        self.lookups = lookups  # facet → ORM lookup, or None where the type has no such facet

    def narrowed(self, selected):
        """The same table keeping the objects under every selected facet value, or None when this type cannot
        be narrowed by a selected facet (it has no such relation)."""
        wanted = [(index, set(selected[facet])) for index, facet in enumerate(FACETS) if selected.get(facet)]
        if not wanted:
            return self
        if any(self.lookups[FACETS[index]] is None for index, _values in wanted):
            return None
        codes = {
            pk: entry for pk, entry in self.codes.items() if all(values.intersection(entry[i]) for i, values in wanted)
        }
        return Visible(codes, self.lookups)


def table(token, code, model, locale, build):
    """The ``Visible`` table of type ``code`` in ``locale`` for generation ``token``; ``build(model, locale)``
    makes it when missing. Tables of older generations are dropped."""
    key = (token, code, locale.pk)
    found = _tables.get(key)
    if found is not None:
        return found
    built = build(model, locale)
    with _lock:
        if any(existing[0] != token for existing in _tables):
            _tables.clear()
        _tables[key] = built
    return built


def build(model, locale, queryset, lookup_of):
    """A table of the objects of ``queryset`` (the public ones in ``locale``); ``lookup_of(model, facet)``
    gives each facet's ORM path to a code. One query for the ids, one per facet the type has."""
    lookups = {facet: lookup_of(model, facet) for facet in FACETS}
    collected = {pk: ([], [], []) for pk in queryset.order_by().values_list("pk", flat=True)}
    public = queryset.order_by().values("pk")
    for index, facet in enumerate(FACETS):
        lookup = lookups[facet]
        if lookup is None:
            continue
        for pk, value in model.objects.filter(pk__in=public).order_by().values_list("pk", lookup):
            if value and pk in collected:
                collected[pk][index].append(value)
    codes = {pk: tuple(tuple(dict.fromkeys(values)) for values in entry) for pk, entry in collected.items()}
    return Visible(codes, lookups)
