"""The sitemap: every public page of every language of the site, each under its own address.

Wagtail's own sitemap lists the descendants of the site's root page, which is the Arabic home: the French tree
(a sibling, under its own home) would be missing. Untranslated copies are left out, as everywhere (portal.pages).
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.pages import public


class PortalSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_home = Q()
        for home in homes.only("path"):
            in_a_home |= Q(path__startswith=home.path)
        return (
            public(Page.objects.live(), self.request).filter(in_a_home).order_by("path").defer_streamfields().specific()
        )
