"""Page querysets for listings and blocks, in a fixed number of queries per request.

``public(queryset, request)`` is what a visitor of the page's language may be shown: Wagtail's ``.public()`` (with
the view restrictions read once per content generation instead of once per queryset), without aliases. An alias is
a copy of another page: above all the untranslated copy that wagtail-localize's synced tree makes in every other
language as soon as a page is created, and that Wagtail publishes with the original — Arabic text under /fr/. Until
a translator's version is published, no listing, feed, search, sitemap, menu or home block shows it
(``not_alias_q``), and its own address leads to the original (``untranslated_copy_redirect``).

``page_links(request, locale_id, models)`` gives the first live page of each given type in a locale (index pages,
directories) as {model label: (title, url)}, cached per content generation.
"""

from urllib.parse import unquote

from django.db.models import Q
from django.http import HttpResponseRedirect
from wagtail.models import Page, PageViewRestriction

from portal import generation
from portal.sites import site_id


def restricted_paths(request):
    """Tree paths of the pages under a view restriction (their descendants are restricted too)."""
    return generation.cached(
        request,
        "restricted-paths",
        (),
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def not_alias_q(prefix=""):
    """Pages that are not aliases: the original of every copy is listed once, in its own language."""
    return Q(**{f"{prefix}alias_of__isnull": True})


def public_q(request, prefix=""):
    condition = not_alias_q(prefix)
    for path in restricted_paths(request):
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    return condition


def public(queryset, request):
    """``queryset.public()`` without its query for the restrictions, and without aliases (``not_alias_q``)."""
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
    from types import SimpleNamespace

    from django.contrib.contenttypes.models import ContentType

    types = ContentType.objects.get_for_models(*models)
    by_type = {types[model].pk: model._meta.label for model in models}
    links = {}
    pages = (
        Page.objects.live()
        .filter(not_alias_q(), locale_id=locale_id, content_type_id__in=by_type)
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


def untranslated_copy_redirect(page, request):
    """For the address of an untranslated copy (an alias of a page in another language), a redirect to the original
    at the same sub-path (a routable page's entry); None for any other page."""
    if page.alias_of_id is None:
        return None
    original = page.alias_of
    if original.locale_id == page.locale_id or not original.live:
        return None
    own_url, original_url = page.get_url(request), original.get_url(request)
    if not own_url or not original_url:
        return None
    own_path = unquote(own_url)  # get_url percent-encodes; request.path is decoded
    rest = request.path[len(own_path) :] if request.path.startswith(own_path) else ""
    return HttpResponseRedirect(original_url + rest)  # the response encodes what remains of the path
