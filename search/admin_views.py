"""Admin report: what visitors search for most, and what they searched for without finding anything."""

from datetime import timedelta

from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.models import SearchedQuery

REPORT_DAYS = 30
REPORT_SIZE = 50


def query_report(days=REPORT_DAYS, size=REPORT_SIZE):
    since = timezone.localdate() - timedelta(days=days)
    rows = (
        SearchedQuery.objects.filter(date__gte=since)
        .values("query", "locale")
        .annotate(total=Sum("searches"), found=Max("results"))
        .order_by("-total", "query")
    )
    return {
        "frequent": list(rows[:size]),
        "without_results": list(rows.filter(found=0)[:size]),
        "days": days,
    }


class SearchTermsReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/search_terms.html"
    page_title = _("Search terms")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **query_report()}
