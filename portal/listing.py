"""Listings: the one base of every listing page (``ListingPage``), and the filters read from the query string that
every listing shares (pages, feeds, JSON API).

A filter's values live in the URL (``?sector=handicraft&region=oriental``) so a filtered list can be
bookmarked and shared. Unknown values are dropped, and the visitor is told which ones, in their language;
nothing in a query string can raise an error.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import models
from django.http import QueryDict
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.forms import PortalPageForm
from portal.models import Region, Sector, TargetGroup
from portal.pages import public
from search.indexing import AnalyzedSearchMixin, analyzed_search_fields
from serving import generation

MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 80
# A page number as a query string may give it (ASCII digits, at most six).
PAGE_NUMBER = re.compile(r"[0-9]{1,6}")


@dataclass
class Choice:
    value: str
    label: str
    selected: bool = False


@dataclass
class Filter:
    """One filter of a listing: its query-string name, its label, its valid choices and how it narrows a queryset."""

    name: str
    label: str
    choices: Callable[[], list[tuple[str, str]]]
    apply: Callable  # (queryset, list of valid values) -> queryset
    multiple: bool = True


@dataclass
class FilterState:
    filters: list[Filter]
    selected: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    options: dict[str, list[Choice]] = field(default_factory=dict)
    # Query-string parameters that are not filters but that the listing's own links keep (the search words).
    kept: dict[str, str] = field(default_factory=dict)

    def apply(self, queryset):
        for flt in self.filters:
            values = self.selected.get(flt.name)
            if values:
                queryset = flt.apply(queryset, values)
        return queryset

    @property
    def active(self):
        return any(self.selected.values())

    @property
    def selected_labels(self):
        """The labels of the values applied, in the filters' order (what a folded filter form says it applies)."""
        return [choice.label for flt in self.filters for choice in self.options.get(flt.name, ()) if choice.selected]

    @property
    def fragment_key(self):
        """The selection as a ``{% contentcache %}`` key part (serving); None when values were dropped (bad input,
        whose notes are rendered every time, never stored)."""
        return None if self.notes else self.query_string()

    def query_string(self, **changes):
        """The query string of the current selection, with ``changes`` applied (e.g. page=2)."""

        query = QueryDict(mutable=True)
        for name, value in self.kept.items():
            query[name] = value
        for name, values in self.selected.items():
            query.setlist(name, values)
        for name, value in changes.items():
            if value in (None, ""):
                query.pop(name, None)
            else:
                query[name] = str(value)
        return query.urlencode()


def read_filters(query, filters):
    """Keep the valid values of each filter in ``query`` (a QueryDict); note every value that was dropped."""
    state = FilterState(filters=filters)
    for flt in filters:
        choices = flt.choices()
        valid = {value for value, _label in choices}
        raw = [v.strip() for v in query.getlist(flt.name)[:MAX_VALUES_PER_FILTER] if v.strip()]
        if not flt.multiple:
            raw = raw[:1]
        kept = []
        for value in raw:
            if value in valid and value not in kept:
                kept.append(value)
            else:
                state.notes.append(
                    _("“%(value)s” is not a valid choice for %(filter)s; it was ignored.")
                    % {"value": value[:MAX_VALUE_LENGTH], "filter": flt.label}
                )
        state.selected[flt.name] = kept
        state.options[flt.name] = [Choice(value, label, value in kept) for value, label in choices]
    return state


def paginate(query, items, per_page, prepare=None):
    """The requested page of ``items``; a page number that is not a number or out of range gives the nearest page.

    Lazy: nothing is counted or fetched until the page is used, so a listing whose HTML comes from the fragment
    cache (``{% contentcache %}``) asks the database nothing. ``items`` may be a function giving the
    queryset, so that not even the queryset is built then. ``prepare(page)``, if given, runs once the page is
    fetched (e.g. to give each entry its address).
    """

    def fetch():
        page = Paginator(items() if callable(items) else items, per_page).get_page(query.get("page"))
        if prepare is not None:
            prepare(page)
        return page

    return SimpleLazyObject(fetch)


def page_key(query):
    """The page number ``query`` asks for, as a ``{% contentcache %}`` key part: "" for none, the number, or None
    (not stored) for anything else, which the paginator turns into the first or last page."""
    value = query.get("page", "")
    return value if value == "" or PAGE_NUMBER.fullmatch(value) else None


def taxonomy_choices(model):
    """(code, name in the active language) of every term; cached per content generation (taxonomy is content)."""

    def choices():

        return generation.cached(
            None,
            "taxonomy-choices",
            (model._meta.label, get_language()),
            lambda: [(term.code, term.name) for term in model.objects.all()],
        )

    return choices


def taxonomy_filter(name, label, model, lookup):
    """A filter on a taxonomy relation, e.g. taxonomy_filter("sector", _("Sector"), Sector, "sectors__code")."""

    def apply(queryset, values):
        return queryset.filter(**{f"{lookup}__in": values}).distinct()

    return Filter(name=name, label=label, choices=taxonomy_choices(model), apply=apply)


def sector_filter(lookup="sectors__code"):
    return taxonomy_filter("sector", _("Sector"), Sector, lookup)


def region_filter(lookup="regions__code"):
    return taxonomy_filter("region", _("Region"), Region, lookup)


def target_group_filter(lookup="target_groups__code"):
    return taxonomy_filter("target_group", _("Target group"), TargetGroup, lookup)


class ListingPage(AnalyzedSearchMixin, Page):
    """The one base of every listing page (a section's index, directory or bank): an introduction, filters read from
    the query string, pagination, and the template portal/listing.html that its own template fills.

    A section says what it lists: ``listing_items`` (by default the live, public pages of ``item_model`` in this
    page's locale), ``listing_filters``, ``order_items``, ``prefetch`` (what a card shows, for the HTML page only)
    and ``per_page``. The HTML page, the feeds and the JSON API all select through ``filtered_items``.
    """

    base_form_class = PortalPageForm

    intro = models.TextField(gettext_lazy("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + analyzed_search_fields()

    item_model = None
    per_page = 12

    class Meta:
        abstract = True

    def search_body_parts(self):
        return [self.intro]

    def listing_items(self):
        return public(self.item_model.objects.live(), None).filter(locale=self.locale)

    def listing_filters(self):
        return []

    def order_items(self, items):
        return items

    def prefetch(self, items):
        return items

    def prepare_page(self, page, request):
        """Runs once the requested page of items is fetched (e.g. to give each entry its address)."""

    def listed(self, filters):
        """The items ``filters`` select, in the listing's order: the one place that knows this listing's filtering."""
        return self.order_items(filters.apply(self.listing_items()))

    def filtered_items(self, query):
        """(items, filter state) for a query string (feeds, API)."""
        filters = read_filters(query, self.listing_filters())
        return self.listed(filters), filters

    def listing_context(self, request):
        """``filters`` and the requested page of ``items``, built only when the template uses them: a listing whose
        HTML comes from the fragment cache asks the database nothing."""
        filters = SimpleLazyObject(lambda: read_filters(request.GET, self.listing_filters()))
        items = paginate(
            request.GET,
            lambda: self.prefetch(self.listed(filters)),
            self.per_page,
            prepare=lambda page: self.prepare_page(page, request),
        )

        def listing_key():
            """The filters and page number asked for, as the listing's ``{% contentcache %}`` key part (None for
            bad input); read without building the page, which a section may compute otherwise (its own context)."""
            page = page_key(request.GET)
            return None if filters.fragment_key is None or page is None else f"{filters.fragment_key}#{page}"

        return {"filters": filters, "items": items, "listing_key": listing_key}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context
