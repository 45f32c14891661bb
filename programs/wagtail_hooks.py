"""How the programmes section plugs into the portal core."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.sections import Section


@hooks.register("register_portal_section")
def register_section():
    return Section(
        name="programs", label=_("Programmes and calls"), order=10, facets=("sector", "region", "target_group")
    )
