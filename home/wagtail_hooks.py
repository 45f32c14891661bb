"""The core's own contributions to the section registry: standard pages in search, and the demo site."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.demo import load_demo_pages
from portal.sections import Section


@hooks.register("register_portal_section")
def register_section():
    return Section(
        name="pages", label=_("Pages"), order=0, search_types={"page": "home.StandardPage"}, demo_loader=load_demo_pages
    )
