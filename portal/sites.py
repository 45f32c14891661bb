"""The request's Wagtail site, read once per content generation: importable while the apps load (models use it
through portal.pages), unlike portal.views."""

from django.http.request import split_domain_port
from wagtail.models import Site

from portal import generation


def find_site(request):
    """Wagtail's Site.find_for_request, cached under the content generation (sites are content); None without a
    request. Kept on the request, where Site.find_for_request then finds it too."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = generation.cached(
            request, "site", (hostname, request.get_port()), lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def site_id(request):
    """The pk of the request's site (``find_site``), as a cache key part; None without one."""
    site = find_site(request)
    return site.pk if site is not None else None
