"""The filters of the public listings (guides, funding partners, project bank), read from the query string, and
the project bank's listing, counted and paged by Elasticsearch when ELASTICSEARCH_URL is set.

Built on portal.listing, so invalid values are dropped with a visible note. A partner with no sector or no
region supports every sector or covers the whole country; a project model with no region suits every region:
filtering by a sector or region keeps them.
"""

from dataclasses import replace

from django.db.models import Count, F
from django.utils.translation import gettext as _

from portal.formatting import group_thousands
from portal.listing import Filter, FilterState, region_filter, sector_filter, target_group_filter

from . import elasticsearch
from .choices import Level, PartnerKind, SupportType

# The project bank's filters, and whether a project model naming no term of one applies to all its terms
# (portal.classified): a model naming no region suits every region; a target group must be named to match; every
# model names its sector (the field is required).
PROJECT_FACETS = {"sector": False, "region": True, "target_group": False}
# Unicode isolates around a count in a filter's option, so "(1 200)" keeps its order in an Arabic line.
ISOLATE = ("\u2066", "\u2069")


def _including_unrestricted(flt, key):
    """``flt`` also keeps entries that list no term of its kind (``key`` of portal.classified: they apply to all)."""
    return replace(flt, apply=lambda queryset, values: queryset.model.applying_to(queryset, {key: values}))


def _choice_filter(name, label, choices, lookup):
    return Filter(
        name=name,
        label=label,
        choices=lambda: [(value, str(text)) for value, text in choices],
        apply=lambda queryset, values: queryset.filter(**{f"{lookup}__in": values}),
    )


def level_filter():
    return _choice_filter("level", _("Level"), Level.choices, "level")


def kind_filter():
    return _choice_filter("kind", _("Kind of institution"), PartnerKind.choices, "kind")


def support_type_filter():
    return Filter(
        name="support",
        label=_("Support offered"),
        choices=lambda: [(value, str(text)) for value, text in SupportType.choices],
        apply=lambda queryset, values: queryset.offering(values),
    )


def guide_filters():
    return [sector_filter("sectors__code"), target_group_filter("audience__code"), level_filter()]


def partner_filters():
    return [
        _including_unrestricted(sector_filter(), "sector"),
        _including_unrestricted(region_filter(), "region"),
        kind_filter(),
        support_type_filter(),
    ]


def _naming_one_of(flt):
    """``flt`` keeping the entries that name one of the values (once each, whatever the relation)."""

    def apply(queryset, values):
        field = queryset.model.taxonomy_fields[flt.name]
        matching = queryset.filter(**{f"{field}__code__in": values})
        if not queryset.model._meta.get_field(field).many_to_many:
            return matching
        return queryset.filter(pk__in=matching.values("pk"))

    return replace(flt, apply=apply)


def project_filters():
    return [
        _including_unrestricted(flt, flt.name) if PROJECT_FACETS[flt.name] else _naming_one_of(flt)
        for flt in (sector_filter(), region_filter(), target_group_filter())
    ]


def project_facet_counts(items, filters):
    """{facet: {code: count}} from the database: for each choice of each filter, how many of ``items`` the listing
    would show with that choice selected instead of the filter's own selection, the other filters kept."""
    counts = {}
    for flt in filters.filters:
        others = FilterState(filters=filters.filters, selected={**filters.selected, flt.name: []})
        field = items.model.taxonomy_fields[flt.name]
        rows = others.apply(items).order_by().values(code=F(f"{field}__code")).annotate(n=Count("pk", distinct=True))
        found = {row["code"]: row["n"] for row in rows}
        everywhere = found.get(None, 0) if PROJECT_FACETS[flt.name] else 0
        counts[flt.name] = {
            choice.value: found.get(choice.value, 0) + everywhere for choice in filters.options[flt.name]
        }
    return counts


def show_counts(filters, counts):
    """Each choice of ``filters`` says how many project models it gives, e.g. "Agriculture (12)"."""
    for name, choices in filters.options.items():
        for choice in choices:
            number = counts.get(name, {}).get(choice.value)
            if number is not None:
                choice.label = f"{choice.label} ({ISOLATE[0]}{group_thousands(number)}{ISOLATE[1]})"
    return filters


class ProjectListing:
    """The project models a filtered listing of the project bank shows, as Django's Paginator pages them, and its
    facet counts: from the project bank's Elasticsearch index when ELASTICSEARCH_URL is set, from the database
    otherwise, with the same results (same filters, same order: title then id, same counts).

    With Elasticsearch, ``count()`` and the slice of the page asked for cost one request, and the cards of that page
    are read from the database by id (``load``). Elasticsearch failing, or a page beyond its result window, the
    database answers (``database``: the filtered, ordered queryset; ``items``: the unfiltered one, for the counts).
    """

    def __init__(self, locale, filters, items, database, load, per_page, page_number):
        self.filters = filters
        self.items = items
        self.database = database
        self.load = load
        self.per_page = per_page
        self.locale = locale
        self.first = (_page_number(page_number) - 1) * per_page
        self.facets = [
            elasticsearch.Facet(
                name=flt.name,
                codes=tuple(choice.value for choice in filters.options[flt.name]),
                selected=tuple(filters.selected.get(flt.name, ())),
                empty_applies_to_all=PROJECT_FACETS[flt.name],
            )
            for flt in filters.filters
        ]
        self.results = {}

    def indexed(self, start, size):
        """The index's answer for ``size`` entries from ``start``, or None (no index, failing, beyond its window)."""
        if start + size > elasticsearch.MAX_RESULT_WINDOW:
            return None
        if (start, size) not in self.results:
            response = elasticsearch.run_listing(self.locale, self.facets, start, size)
            self.results[start, size] = response and elasticsearch.read_listing(response, self.facets)
        return self.results[start, size]

    def count(self):
        # The page asked for, counted in the same request; a page beyond the window only needs the count.
        result = self.indexed(self.first, self.per_page) or self.indexed(0, 0)
        return self.database.count() if result is None else result.total

    def __getitem__(self, window):
        result = self.indexed(window.start, self.per_page)
        if result is None:
            return list(self.database[window])
        by_id = {entry.pk: entry for entry in self.load(result.ids)}
        return [by_id[pk] for pk in result.ids if pk in by_id][: window.stop - window.start]

    def facet_counts(self):
        for result in self.results.values():
            if result is not None:
                return result.counts
        return project_facet_counts(self.items, self.filters)


def _page_number(value):
    """The page a query string asks for, as Django's Paginator reads it; 1 when it asks for none it can read."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)
