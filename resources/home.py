"""The resources block of the home page: the project bank, the partner directory and the guides of the language.

Counts and addresses change only when content does; the home page keeps the block's HTML under the content
generation (``{% fragment %}``, portal_tags).
"""

from types import SimpleNamespace

from wagtail.models import Locale

from portal.pages import page_links, public

from .models import FundingPartner, GuideIndexPage, GuidePage, PartnerDirectoryPage, ProjectBankPage, ProjectModel


def project_bank_context(request, page):
    """Counts and links for the home page; None (block hidden) when the project bank is absent or empty."""
    locale_id = getattr(page, "locale_id", None) or Locale.get_active().pk
    links = page_links(request, locale_id, (ProjectBankPage, PartnerDirectoryPage, GuideIndexPage))
    bank = links.get(ProjectBankPage._meta.label)
    if bank is None:
        return None
    project_count = ProjectModel.objects.live().filter(locale_id=locale_id).count()
    if not project_count:
        return None
    directory = links.get(PartnerDirectoryPage._meta.label)
    guides = links.get(GuideIndexPage._meta.label)
    guide_count = None
    if guides:
        guide_count = (
            public(GuidePage.objects.live(), request)
            .filter(path__startswith=guides.path, depth=guides.depth + 1)
            .count()
        )
    return SimpleNamespace(
        bank=bank,
        project_count=project_count,
        directory=directory,
        partner_count=directory and FundingPartner.objects.live().filter(locale_id=locale_id).count(),
        guides=guides,
        guide_count=guide_count,
    )
