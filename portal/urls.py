"""URLs: admin and documents outside the language prefix; every public page under /ar/ or /fr/.

Section apps add their feeds and listings (under /<lang>/) and their API endpoints (under /api/)
through the section registry, so this module never imports them.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from editorial.account import account_view
from editorial.choosers import choose_page_view
from portal import sections
from portal.sitemap import PortalSitemap
from portal.views import healthz
from search import views as search_views


def build_urlpatterns():
    patterns = [
        # Before Wagtail's own: account settings that never require the profile to change the language.
        path("admin/account/", account_view, name="wagtailadmin_account"),
        # and a page chooser that opens at the edited page's own home, not at Root.
        path("admin/choose-page/", choose_page_view, name="wagtailadmin_choose_page"),
        path("admin/", include(wagtailadmin_urls)),
        path("documents/", include(wagtaildocs_urls)),
        path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
        path("healthz", healthz, name="healthz"),
        path("api/search/", search_views.api_search, name="api_search"),
        path("api/search/autocomplete/", search_views.api_autocomplete, name="api_autocomplete"),
        path("api/", include((sections.api_urlpatterns(), "api"))),
    ]
    if settings.DEBUG:
        patterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # "/" has no page of its own: LocaleMiddleware redirects it to /ar/ or /fr/ from Accept-Language.
    patterns += i18n_patterns(
        path("search/", search_views.search, name="search"),
        *sections.i18n_urlpatterns(),
        path("", include(wagtail_urls)),
        prefix_default_language=True,
    )
    return patterns


urlpatterns = build_urlpatterns()
