"""Search in the admin: synonym groups editors maintain, and the report of what visitors search for."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import SearchTermsReportView
from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return AdminOnlyMenuItem(_("Search terms"), reverse("search_terms_report"), icon_name="search", order=900)
