"""The public search page, its JSON API and title autocomplete: all three read the same engine."""

import logging
from html import unescape

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from portal import sections
from portal.listing import (
    PAGE_NUMBER,
    Filter,
    read_filters,
    region_filter,
    sector_filter,
    target_group_filter,
    taxonomy_choices,
)
from portal.models import Region, Sector, TargetGroup
from portal.sites import site_id
from search.admin_views import query_report
from search.engine import MAX_QUERY_LENGTH, PER_PAGE, run_search
from search.indexing import autocomplete_text
from search.models import SearchedQuery
from search.presentation import address, present_page
from search.visible import searchable_queryset
from serving import generation

logger = logging.getLogger(__name__)
AUTOCOMPLETE_SIZE = 8
LOCALES = ("ar", "fr")


def type_labels():
    return {code: str(model._meta.verbose_name) for code, model in sections.search_types().items()}


def search_filters():
    labels = type_labels()
    return [
        Filter(name="type", label=_("Type"), choices=lambda: list(labels.items()), apply=None),
        sector_filter(),
        region_filter(),
        target_group_filter(),
    ]


def _clean_query(raw):
    # Control characters and invalid surrogates never reach the analyzer or the database.
    return "".join(ch for ch in (raw or "") if ch.isprintable() or ch.isspace())[:MAX_QUERY_LENGTH].strip()


def _run(request, locale):
    query = _clean_query(request.GET.get("q"))
    filters = read_filters(request.GET, search_filters())
    if query:
        filters.kept["q"] = query  # the pages of results stay those of this search
    results = run_search(
        query,
        locale,
        types=filters.selected["type"],
        sector=filters.selected["sector"],
        region=filters.selected["region"],
        target_group=filters.selected["target_group"],
        request=request,
    )
    return query, filters, results


def search(request):
    locale = get_language()
    query, filters, results = _run(request, locale)
    promotions = _promotions(request, query, locale) if query else []
    page = results.page(request.GET.get("page"), PER_PAGE, load=False)
    labels = type_labels()
    # The hits are the engine's, at each request; how they read, and the links to the other pages of results, are
    # a fragment of HTML named by what it shows (portal_tags ``{% fragment %}``), presented only when not cached.
    hits = SimpleLazyObject(lambda: present_page(request, results, page, labels, details=True))
    hits_key = (
        tuple(results.tokens),
        tuple((hit.type, hit.pk) for hit in page.object_list),
        page.number,
        page.paginator.num_pages,
        filters.query_string(),
    )
    facet_names = _facet_names()
    facets = [
        (
            name,
            title,
            [
                (
                    value,
                    labels.get(value) if name == "type" else facet_names[name].get(value, value),
                    count,
                    value in filters.selected.get(name, []),
                )
                for value, count in results.facets.get(name, {}).items()
            ],
        )
        for name, title in (("type", _("Type")), ("sector", _("Sector")), ("region", _("Region")))
    ]
    content = render_to_string(
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "page_obj": page,
            "hits": hits,
            "hits_key": hits_key,
            "filters": filters,
            "facets": facets,
            "promotions": promotions,
            "popular": [] if results.count else popular_searches(locale),
        },
        request,
    )
    counted = (query, locale, results.count) if query and not request.GET.get("page") else None
    return CountedSearchResponse(content, search=counted)


class CountedSearchResponse(HttpResponse):
    """The search page, whose search (query, locale, number of results) is counted in SearchedQuery once the page
    has been sent: the WSGI server closes the response after its last byte, and the visitor does not wait for the
    write (nor for another process holding SQLite's write lock)."""

    def __init__(self, content, search=None, **kwargs):
        super().__init__(content, **kwargs)
        self.search = search

    def close(self):
        if self.search is not None:
            try:
                SearchedQuery.record(*self.search)
            except DatabaseError:
                logger.exception("The search %r could not be counted", self.search[0])
            self.search = None  # counted once, however often the server closes
        super().close()  # then request_finished, which may close the database connection


def presented(request, results, page, labels):
    """``present_page``, cached per content generation (the API; the search page caches its HTML instead): what a
    hit shows depends only on its object (content), the analyzed query words it highlights, the language and the
    site. The hits and their order are the engine's, computed at each request."""
    key = (
        site_id(request),
        get_language(),
        tuple(results.tokens),
        tuple((hit.type, hit.pk) for hit in page.object_list),
    )

    return generation.cached(request, "search-hits", key, lambda: present_page(request, results, page, labels))


def _promotions(request, query, locale):
    """Pages editors promoted for this query (Wagtail's search promotions), in the visitor's language; cached per
    content generation (a promotion is content), and without making a promotion query row for every search."""
    normalised = normalise_query_string(query)

    def compute():
        picks = (
            SearchPromotion.objects.filter(query__query_string=normalised)
            .select_related("page", "page__locale")
            .order_by("sort_order")
        )
        return [pick for pick in picks if pick.page_id is None or pick.page.locale.language_code == locale]

    return generation.cached(request, "search-promotions", (normalised, locale), compute)


def popular_searches(locale, size=6):
    """Frequent searches of the last month that found something, to offer on a page without results."""
    return [row["query"] for row in query_report(size=50)["frequent"] if row["locale"] == locale and row["found"]][
        :size
    ]


def _facet_names():
    return {
        "sector": dict(taxonomy_choices(Sector)()),
        "region": dict(taxonomy_choices(Region)()),
        "target_group": dict(taxonomy_choices(TargetGroup)()),
    }


def api_search(request):
    """GET /api/search/?q=&locale=ar|fr&type=&sector=&region=&target_group=&page= (see DESIGN.md)."""
    locale = request.GET.get("locale", "ar")
    if locale not in LOCALES:
        return JsonResponse({"error": "locale must be ar or fr"}, status=400)
    page_number = request.GET.get("page", "1")
    if not PAGE_NUMBER.fullmatch(page_number) or int(page_number) < 1:
        return JsonResponse({"error": "page must be a positive whole number"}, status=400)
    query, filters, results = _run(request, locale)
    invalid = [
        name for name in ("type", "sector", "region", "target_group") if _has_unknown_value(request, filters, name)
    ]
    if invalid:
        # The message names the parameters, never echoes their values.
        return JsonResponse({"error": "unknown value for: " + ", ".join(invalid)}, status=400)
    page = results.page(page_number, PER_PAGE, load=False)
    if results.count and int(page_number) > page.paginator.num_pages:
        return JsonResponse({"error": "page is out of range"}, status=400)
    labels = type_labels()
    return JsonResponse(
        {
            "count": results.count,
            "results": [
                {
                    key: unescape(strip_tags(value)) if key == "snippet" else value
                    for key, value in hit.items()
                    if key in {"type", "title", "url", "snippet", "locale"}
                }
                for hit in presented(request, results, page, labels)
            ],
            "facets": {name: results.facets.get(name, {}) for name in ("type", "sector", "region")},
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _has_unknown_value(request, filters, name):
    given = {value.strip() for value in request.GET.getlist(name) if value.strip()}
    return bool(given - set(filters.selected.get(name, [])))


def api_autocomplete(request):
    """Titles completing what has been typed so far, in one locale: [{title, url, type}]."""
    locale_code = request.GET.get("locale", get_language() or "ar")
    if locale_code not in LOCALES:
        return JsonResponse({"error": "locale must be ar or fr"}, status=400)
    locale = Locale.objects.filter(language_code=locale_code).first()
    text = autocomplete_text(_clean_query(request.GET.get("q")))
    if locale is None or not text:
        return JsonResponse({"results": []})
    backend = get_search_backend()
    suggestions = []
    for code, model in sections.search_types().items():
        queryset = searchable_queryset(model, locale)
        for obj in backend.autocomplete(text, queryset)[:AUTOCOMPLETE_SIZE]:
            url = address(obj, request)
            if url:
                suggestions.append({"title": str(obj), "url": url, "type": code})
    return JsonResponse({"results": suggestions[:AUTOCOMPLETE_SIZE]}, json_dumps_params={"ensure_ascii": False})
