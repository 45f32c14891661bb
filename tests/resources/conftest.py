"""Helpers that build just what a resources test needs: the three public pages, partners, project models, guides."""

import itertools

import pytest
from wagtail.models import Locale

from portal.models import Region, Sector, TargetGroup
from portal.translating import translate
from resources.models import (
    FundingPartner,
    GuideIndexPage,
    GuidePage,
    PartnerDirectoryPage,
    ProjectBankPage,
    ProjectModel,
)

_numbers = itertools.count(1)


def publish_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def sector(code):
    return Sector.objects.get(code=code)


def regions(*codes):
    return list(Region.objects.filter(code__in=codes))


def target_groups(*codes):
    return list(TargetGroup.objects.filter(code__in=codes))


def make_project(
    locale=None, *, title=None, sector_code="agri-food", region_codes=(), group_codes=(), live=True, **fields
):
    number = next(_numbers)
    project = ProjectModel(
        locale=locale or Locale.get_default(),
        key=fields.pop("key", f"project-{number}"),
        title=title or f"مشروع رقم {number}",
        summary=fields.pop("summary", "ملخص المشروع"),
        sector=sector(sector_code),
        live=live,
        **fields,
    )
    project.regions = regions(*region_codes)
    project.target_groups = target_groups(*group_codes)
    project.save()
    return project


def make_partner(
    locale=None,
    *,
    name=None,
    kind="agency",
    support_types=("grant",),
    sector_codes=(),
    region_codes=(),
    live=True,
    **fields,
):
    number = next(_numbers)
    partner = FundingPartner(
        locale=locale or Locale.get_default(),
        key=fields.pop("key", f"partner-{number}"),
        name=name or f"مؤسسة رقم {number}",
        kind=kind,
        support_types=list(support_types),
        live=live,
        **fields,
    )
    partner.sectors = [sector(code) for code in sector_codes]
    partner.regions = regions(*region_codes)
    partner.save()
    return partner


def make_guide(index, *, title=None, level="beginner", sector_codes=(), group_codes=(), **fields):
    number = next(_numbers)
    guide = GuidePage(title=title or f"دليل رقم {number}", slug=f"guide-{number}", level=level, **fields)
    guide.sectors = [sector(code) for code in sector_codes]
    guide.audience = target_groups(*group_codes)
    return publish_page(index, guide)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def project_bank(home):
    return publish_page(home, ProjectBankPage(title="بنك المشاريع", slug="بنك-المشاريع", intro="نماذج مشاريع"))


@pytest.fixture
def partner_directory(home):
    return publish_page(home, PartnerDirectoryPage(title="دليل الشركاء", slug="دليل-الشركاء"))


@pytest.fixture
def guide_index(home):
    return publish_page(home, GuideIndexPage(title="أدلة التكوين", slug="أدلة-التكوين"))


@pytest.fixture
def french_project_bank(project_bank, french_home, locales):
    return translate(
        project_bank,
        locales["fr"],
        {
            project_bank.title: "Banque de projets",
            project_bank.slug: "banque-de-projets",
            project_bank.intro: "Des modèles",
        },
    )


@pytest.fixture
def french_partner_directory(partner_directory, french_home, locales):
    return translate(
        partner_directory,
        locales["fr"],
        {partner_directory.title: "Partenaires financiers"},
        slug="partenaires",
    )


@pytest.fixture
def french_guide_index(guide_index, french_home, locales):
    return translate(guide_index, locales["fr"], {guide_index.title: "Guides de formation"}, slug="guides")
