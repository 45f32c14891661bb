"""The resources block of the home page: the project bank, the partner directory and the guides of the language."""

from wagtail.models import Locale

from .models import FundingPartner, GuideIndexPage, GuidePage, PartnerDirectoryPage, ProjectBankPage, ProjectModel


def project_bank_context(request, page):
    """Counts and links for the home page; None (block hidden) when the project bank is absent or empty."""
    locale_id = getattr(page, "locale_id", None) or Locale.get_active().pk
    bank = ProjectBankPage.objects.live().filter(locale_id=locale_id).first()
    if bank is None:
        return None
    project_count = ProjectModel.objects.live().filter(locale_id=locale_id).count()
    if not project_count:
        return None
    directory = PartnerDirectoryPage.objects.live().filter(locale_id=locale_id).first()
    guides = GuideIndexPage.objects.live().filter(locale_id=locale_id).first()
    return {
        "bank": bank,
        "project_count": project_count,
        "directory": directory,
        "partner_count": directory and FundingPartner.objects.live().filter(locale_id=locale_id).count(),
        "guides": guides,
        "guide_count": guides and GuidePage.objects.child_of(guides).live().public().count(),
    }
