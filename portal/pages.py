"""Page querysets for listings and blocks, in a fixed number of queries per request; and ``RoutedEntry``, the contract
of content shown at an address of a routable page rather than as a page of its own.

``public(queryset, request)`` is Wagtail's ``.public()`` with the view restrictions read once per content
generation instead of once per queryset. ``page_links(request, locale_id, models)`` gives the first live page of each
given type in a locale (index pages, directories) as {model label: (title, url)}, cached per content generation.
"""

from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from portal.sites import site_id
from serving import generation


def restricted_paths(request):
    """Tree paths of the pages under a view restriction (their descendants are restricted too)."""
    return generation.cached(
        request,
        "restricted-paths",
        (),
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def public_q(request, prefix=""):
    condition = Q()
    for path in restricted_paths(request):
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    return condition


def public(queryset, request):
    """``queryset.public()`` without its query for the restrictions."""
    return queryset.filter(public_q(request))


def page_links(request, locale_id, models):
    """{model label: SimpleNamespace(title, url)} of the first live page of each model in the locale."""
    labels = tuple(sorted(model._meta.label for model in models))
    return generation.cached(
        request,
        "page-links",
        (site_id(request), locale_id, labels),
        lambda: _page_links(request, locale_id, models),
    )


def _page_links(request, locale_id, models):

    types = ContentType.objects.get_for_models(*models)
    by_type = {types[model].pk: model._meta.label for model in models}
    links = {}
    pages = (
        Page.objects.live()
        .filter(locale_id=locale_id, content_type_id__in=by_type)
        .order_by("path")
        .only("title", "url_path", "path", "depth", "content_type_id", "locale_id")
    )
    for page in pages:
        label = by_type[page.content_type_id]
        if label not in links:
            links[label] = SimpleNamespace(
                title=page.title, url=page.get_url(request), pk=page.pk, path=page.path, depth=page.depth
            )
    return links


class RoutedEntry:
    """Mixin of content that is not a page but is shown at its own address under a routable listing page of its
    locale (a funding partner, a project model). The core asks it for that page (purges), for the addresses of its
    translations (the language switcher, hreflang) and for its own address."""

    route_name = "detail"  # the routable page's route that shows one entry

    def directory_page(self):
        """The live routable page of this entry's locale that shows it, or None."""
        raise NotImplementedError

    def translation_links(self, request=None):
        """[{"code", "name", "url"}] of the entry's live translations that have an address."""
        raise NotImplementedError

    def get_url(self, request=None):
        """The entry's own address (under ``directory_page()``), or None when it has none; as ``Page.get_url``."""
        raise NotImplementedError
