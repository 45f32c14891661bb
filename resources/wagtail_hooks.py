"""How the resources section plugs into the portal core."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.sections import Section


@hooks.register("register_portal_section")
def register_section():
    return Section(
        name="resources",
        label=_("Guides, partners and project bank"),
        order=20,
        facets=("sector", "region", "target_group"),
    )
