"""The public search page: Wagtail search over live pages of the active locale, paginated."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().specific()
        if locale is not None:
            pages = pages.filter(locale=locale)
        results = pages.search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_obj, "paginator": paginator},
    )
