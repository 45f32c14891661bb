"""The request's Wagtail site, importable while the apps load (models use it through portal.pages), unlike
portal.views."""

from wagtail.models import Site


def find_site(request):
    """Wagtail's Site.find_for_request (which keeps it on the request); None without a request."""
    return Site.find_for_request(request) if request is not None else None


def site_id(request):
    """The pk of the request's site (``find_site``), as a cache key part; None without one."""
    site = find_site(request)
    return site.pk if site is not None else None
