"""How the resources section plugs into the portal core, and its admin menu (the project bank snippets)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.sections import HomeBlock, Section

from .cross_links import guides_for, partners_for, project_models_for
from .demo import load_demo
from .home import project_bank_context
from .viewsets import ProjectBankViewSetGroup

register_snippet(ProjectBankViewSetGroup)


@hooks.register("register_portal_section")
def register_section():
    return Section(
        name="resources",
        label=_("Guides, partners and project bank"),
        order=20,
        search_types={
            "guide": "resources.GuidePage",
            "partner": "resources.FundingPartner",
            "project": "resources.ProjectModel",
        },
        facets=("sector", "region", "target_group"),
        home_blocks=[HomeBlock("resources/home/project_bank.html", project_bank_context, order=30)],
        cross_links=[project_models_for, partners_for, guides_for],
        demo_loader=load_demo,
        translatable_snippets=("resources.fundingpartner", "resources.projectmodel"),
    )
