"""Views of the core: the page server in front of Wagtail's, and the health check."""

from django.db import connection
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks, wagtail_hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from portal import generation
from portal.sites import find_site


def healthz(request):
    """For load balancers and `make serve`: the process answers and the database responds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _resolve(site, path):
    """(specific page, remaining path components, restricted) for ``path`` under the localized home, or None.

    The same walk as Wagtail's Page.route — each component is the slug of a child — done as one lookup of every
    prefix's url_path: the deepest page found takes the rest of the path (a routable page's sub-path).
    """
    root = site.root_page.localized
    components = [component for component in path.split("/") if component]
    prefixes = [root.url_path]
    for component in components:
        prefixes.append(prefixes[-1] + component + "/")
    found = set(
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path).values_list("url_path", flat=True)
    )
    level = 0
    while level < len(components) and prefixes[level + 1] in found:
        level += 1
    base = root if level == 0 else Page.objects.filter(url_path=prefixes[level], path__startswith=root.path).first()
    page = _with_relations(base)
    return page, components[level:], page.get_view_restrictions().exists()


def _with_relations(page):
    """The specific page with its own foreign keys joined and its many-to-many fields prefetched, so that the
    cached copy answers ``page.sectors.all()`` or ``page.region`` without a query. A page model may name more
    (e.g. inline documents) in a static method ``serve_prefetch()``."""
    model = page.specific_class
    if model is None:
        return page.specific
    own = [f for f in model._meta.get_fields() if getattr(f, "model", None) is model and not f.auto_created]
    joined = [f.name for f in own if f.many_to_one and not f.remote_field.parent_link]
    prefetched = [f.name for f in own if f.many_to_many]
    return (
        model.objects.select_related("locale", *joined)
        .prefetch_related(*prefetched, *(model.serve_prefetch() if hasattr(model, "serve_prefetch") else ()))
        .get(pk=page.pk)
    )


def serve(request, path):
    """Wagtail's serve view, with the site, the route and the page read from the generation cache.

    A page under a view restriction goes through Wagtail's own view, which checks it on every request.
    """
    site = find_site(request)
    if site is None:
        raise Http404
    page, remaining, restricted = generation.cached(
        request, "route", (site.pk, get_language(), path), lambda: _resolve(site, path)
    )
    if restricted:
        return wagtail_views.serve(request, path)
    try:
        route_result = page.route(request, remaining)
    except Http404:
        request._wagtail_route_for_request = None
        raise
    request._wagtail_route_for_request = route_result
    page, args, kwargs = route_result

    on_serve_chain = wagtail_views.serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is not wagtail_hooks.check_view_restrictions:  # no restriction applies: checked above
            on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
