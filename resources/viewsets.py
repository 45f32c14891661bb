"""Admin for the partner directory and the project bank: Wagtail snippet viewsets with filters, search and exports.

Exports use the columns of the spreadsheet imports, so an editor can export, fix and import again.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import Region, Sector, TargetGroup

from .choices import PartnerKind, ProjectSource, SupportType
from .models import FundingPartner, ProjectModel


class FundingPartnerFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("Kind of institution"), choices=PartnerKind.choices)
    support = django_filters.MultipleChoiceFilter(
        label=_("Support offered"), choices=SupportType.choices, method="filter_support"
    )
    sectors = django_filters.ModelMultipleChoiceFilter(label=_("Sectors"), queryset=Sector.objects.all())
    regions = django_filters.ModelMultipleChoiceFilter(label=_("Regions covered"), queryset=Region.objects.all())

    class Meta:
        model = FundingPartner
        fields = ["kind", "support", "sectors", "regions"]

    def filter_support(self, queryset, name, values):
        return queryset.offering(values) if values else queryset


class ProjectModelFilterSet(WagtailFilterSet):
    sector = django_filters.ModelMultipleChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    regions = django_filters.ModelMultipleChoiceFilter(label=_("Regions"), queryset=Region.objects.all())
    target_groups = django_filters.ModelMultipleChoiceFilter(
        label=_("Target groups"), queryset=TargetGroup.objects.all()
    )
    source = django_filters.MultipleChoiceFilter(label=_("Source"), choices=ProjectSource.choices)

    class Meta:
        model = ProjectModel
        fields = ["sector", "regions", "target_groups", "source"]


class FundingPartnerViewSet(SnippetViewSet):
    model = FundingPartner
    icon = "group"
    menu_label = _("Funding partners")
    list_display = ["name", "kind", LocaleColumn(), LiveStatusTagColumn(), UpdatedAtColumn()]
    list_per_page = 50
    filterset_class = FundingPartnerFilterSet
    ordering = ["name"]
    list_export = [
        "key",
        "export_locale",
        "name",
        "kind",
        "export_support_types",
        "export_sectors",
        "export_regions",
        "website",
        "email",
        "phone",
        "description",
        "address",
    ]
    export_headings = {
        "key": "key",
        "export_locale": "locale",
        "name": "name",
        "kind": "kind",
        "export_support_types": "support_types",
        "export_sectors": "sectors",
        "export_regions": "regions",
        "website": "website",
        "email": "email",
        "phone": "phone",
        "description": "description",
        "address": "address",
    }
    export_filename = "funding-partners"

    def get_queryset(self, request):
        return FundingPartner.objects.select_related("locale", "latest_revision").prefetch_related("sectors", "regions")


class ProjectModelViewSet(SnippetViewSet):
    model = ProjectModel
    icon = "tasks"
    menu_label = _("Project models")
    list_display = [
        "title",
        Column("sector", label=_("sector"), accessor="sector"),
        Column("investment_mad", label=_("estimated investment (MAD)"), sort_key="investment_mad"),
        Column("jobs_expected", label=_("expected jobs"), sort_key="jobs_expected"),
        LocaleColumn(),
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_per_page = 50
    filterset_class = ProjectModelFilterSet
    ordering = ["title"]
    list_export = [
        "key",
        "export_locale",
        "title",
        "summary",
        "description",
        "sector.code",
        "export_regions",
        "export_target_groups",
        "investment_mad",
        "jobs_expected",
        "minimum_members",
        "source",
        "activities",
        "market",
        "resources",
        "revenue",
        "risks",
    ]
    export_headings = {
        "key": "key",
        "export_locale": "locale",
        "title": "title",
        "summary": "summary",
        "description": "description",
        "sector.code": "sector",
        "export_regions": "regions",
        "export_target_groups": "target_groups",
        "investment_mad": "investment_mad",
        "jobs_expected": "jobs_expected",
        "minimum_members": "minimum_members",
        "source": "source",
        "activities": "activities",
        "market": "market",
        "resources": "resources",
        "revenue": "revenue",
        "risks": "risks",
    }
    export_filename = "project-models"

    def get_queryset(self, request):
        return ProjectModel.objects.select_related("locale", "sector", "latest_revision").prefetch_related(
            "regions", "target_groups"
        )


class ProjectBankViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Project bank")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (ProjectModelViewSet, FundingPartnerViewSet)
