"""The filters of the public listings (guides, funding partners, project bank), read from the query string.

Built on portal.listing, so invalid values are dropped with a visible note. A partner with no sector or no
region supports every sector or covers the whole country; a project model with no region suits every region:
filtering by a sector or region keeps them.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from portal.listing import Filter, region_filter, sector_filter, target_group_filter

from .choices import Level, PartnerKind, SupportType


def _including_unrestricted(flt, key):
    """``flt`` also keeps entries that list no term of its kind (``key`` of portal.classified: they apply to all)."""
    return replace(flt, apply=lambda queryset, values: queryset.model.applying_to(queryset, {key: values}))


def _choice_filter(name, label, choices, lookup):
    return Filter(
        name=name,
        label=label,
        choices=lambda: [(value, str(text)) for value, text in choices],
        apply=lambda queryset, values: queryset.filter(**{f"{lookup}__in": values}),
    )


def level_filter():
    return _choice_filter("level", _("Level"), Level.choices, "level")


def kind_filter():
    return _choice_filter("kind", _("Kind of institution"), PartnerKind.choices, "kind")


def support_type_filter():
    return Filter(
        name="support",
        label=_("Support offered"),
        choices=lambda: [(value, str(text)) for value, text in SupportType.choices],
        apply=lambda queryset, values: queryset.offering(values),
    )


def guide_filters():
    return [sector_filter("sectors__code"), target_group_filter("audience__code"), level_filter()]


def partner_filters():
    return [
        _including_unrestricted(sector_filter(), "sector"),
        _including_unrestricted(region_filter(), "region"),
        kind_filter(),
        support_type_filter(),
    ]


def project_filters():
    def by_sector(queryset, values):
        return queryset.filter(sector__code__in=values)

    def by_target_group(queryset, values):
        matching = queryset.filter(target_groups__code__in=values)
        return queryset.filter(pk__in=matching.values("pk"))

    return [
        replace(sector_filter(), apply=by_sector),
        _including_unrestricted(region_filter(), "region"),
        replace(target_group_filter(), apply=by_target_group),
    ]
