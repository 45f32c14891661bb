"""Page choosers stay in the language of the page being edited.

Wagtail's page chooser knows nothing of the page it chooses for: it opens at Root and browses and searches
every locale, so an Arabic call could link a French programme. The chooser is a modal loaded from the edit
page, so its requests carry that page's address as their referrer (same-origin policy, SECURE_REFERRER_POLICY):
from it, the chooser opens at the edited page's own home and lists and finds only pages of its locale. The
models refuse a cross-locale choice anyway (portal.translating.refuse_other_locale), whatever sent it.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page


def edited_page_home(request):
    """The home (depth 2) of the page whose editor opened the chooser, or None when opened from elsewhere."""
    try:
        match = resolve(urlsplit(request.headers.get("Referer", "")).path)
    except Resolver404:
        return None
    if match.namespace != "wagtailadmin_pages":
        return None
    page_id = match.kwargs.get("page_id") if match.url_name == "edit" else match.kwargs.get("parent_page_id")
    page = Page.objects.filter(pk=page_id, depth__gte=2).first() if page_id else None
    if page is None:
        return None
    return page if page.depth == 2 else page.get_ancestors().get(depth=2)


def in_edited_page_locale(pages, request):
    """construct_page_chooser_queryset: browse and search only the edited page's locale."""
    home = edited_page_home(request)
    return pages if home is None else pages.filter(locale_id=home.locale_id)


class LocaleHomeBrowseView(BrowseView):
    """Wagtail's chooser, opening at the edited page's home instead of at Root."""

    def get(self, request, parent_page_id=None):
        home = edited_page_home(request) if parent_page_id is None else None
        return super().get(request, parent_page_id=home.pk if home else parent_page_id)


# Answers at Wagtail's own address (portal.urls puts it first), under Wagtail's own decorators.
choose_page_view = never_cache(require_admin_access(LocaleHomeBrowseView.as_view()))
