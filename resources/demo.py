"""Demo content of the resources section, in Arabic with French translations made through wagtail-localize.

Under the Arabic home page: a guide index with four guides (modules and downloadable PDFs), the funding partner
directory with twelve partners (generated logos) and the project bank with forty project models. Pages and
snippets are created in Arabic, then translated with ``portal.translating.translate`` — real synced
translations that editors find in the translation editor. Idempotent: what exists is left as it is, so a second
run creates no page, entry or revision.
"""

import io

from anyascii import anyascii
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import PortalSettings, StandardPage
from portal.demo_files import demo_document
from portal.models import Region, Sector, TargetGroup
from portal.slugs import slug_for
from portal.translating import ensure_locales, needs_translation, translate

from . import demo_content as content
from .models import (
    FundingPartner,
    GuideDownload,
    GuideIndexPage,
    GuidePage,
    GuideRelatedPage,
    PartnerDirectoryPage,
    ProjectBankPage,
    ProjectModel,
    ProjectModelDocument,
)

ECONOMIC_MODEL = ("activities", "market", "resources", "revenue", "risks")


@transaction.atomic
def load_demo():
    french = ensure_locales()["fr"]
    home = Site.objects.get(is_default_site=True).root_page.specific
    arabic = home.locale
    terms = _Terms()

    guide_index = _listing_page(home, GuideIndexPage, content.GUIDE_INDEX)
    guides = [(_guide(guide_index, spec, terms), spec) for spec in content.GUIDES]
    directory = _listing_page(home, PartnerDirectoryPage, content.PARTNER_DIRECTORY)
    _link_directory_from_footer(home, directory)
    bank = _listing_page(home, ProjectBankPage, content.PROJECT_BANK)
    partners = [(_partner(arabic, spec, terms), spec) for spec in content.PARTNERS]
    projects = [
        (_project(arabic, product, region_code, variant, terms), product, region_code)
        for product in content.PRODUCTS
        for variant, region_code in enumerate(product["regions"])
    ]

    # Parents before children, so each French page is created under its French parent.
    for page, spec in [
        (guide_index, content.GUIDE_INDEX),
        (directory, content.PARTNER_DIRECTORY),
        (bank, content.PROJECT_BANK),
    ]:
        if needs_translation(page, french):
            translate(page, french, _pairs(spec, "title", "intro"), slug=spec["slug"][1])
    for guide, spec in guides:
        if needs_translation(guide, french):
            translate(guide, french, _guide_strings(spec), slug=spec["slug"][1])
    for partner, spec in partners:
        if partner.get_translation_or_none(french) is None:
            translate(partner, french, _pairs(spec, "name", "description", "address"), slug=slug_for(spec["name"][1]))
    for project, product, region_code in projects:
        if project.get_translation_or_none(french) is None:
            arabic, french_texts = (
                _project_texts(product, terms.regions[region_code], language) for language in (0, 1)
            )
            strings = {arabic[name]: french_texts[name] for name in arabic if arabic[name]}
            translate(project, french, strings, slug=slug_for(french_texts["title"]))


class _Terms:
    """The taxonomy, loaded once."""

    def __init__(self):
        self.sectors = {term.code: term for term in Sector.objects.all()}
        self.regions = {term.code: term for term in Region.objects.all()}
        self.groups = {term.code: term for term in TargetGroup.objects.all()}


def _pairs(spec, *names):
    """{Arabic: French} for the named (Arabic, French) pairs of ``spec``."""
    return {spec[name][0]: spec[name][1] for name in names}


def _add_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _listing_page(home, model, spec):
    page = model.objects.filter(locale=home.locale, slug=spec["slug"][0]).first()
    if page is None:
        page = _add_page(
            home, model(title=spec["title"][0], slug=spec["slug"][0], intro=spec["intro"][0], show_in_menus=True)
        )
    return page


# --- Guides ---------------------------------------------------------------------------------------------------


def _paragraph_html(paragraph):
    if isinstance(paragraph, list):
        return "<ul>" + "".join(f"<li>{ar}</li>" for ar, _fr in paragraph) + "</ul>"
    return f"<p>{paragraph[0]}</p>"


def _guide(index, spec, terms):
    guide = GuidePage.objects.filter(locale=index.locale, slug=spec["slug"][0]).first()
    if guide is not None:
        return guide
    guide = GuidePage(
        title=spec["title"][0],
        slug=spec["slug"][0],
        intro=spec["intro"][0],
        level=spec["level"],
        duration_hours=spec["hours"],
        modules=[
            (
                "module",
                {
                    "title": module["title"][0],
                    "body": [("paragraph", _paragraph_html(paragraph)) for paragraph in module["paragraphs"]],
                },
            )
            for module in spec["modules"]
        ],
    )
    guide.sectors = [terms.sectors[code] for code in spec["sectors"]]
    guide.audience = [terms.groups[code] for code in spec["audience"]]
    guide.downloads = [
        GuideDownload(document=demo_document(title, f"{slugify(pdf_text)}.pdf", pdf_text, title_fr), language=language)
        for language, title, pdf_text, title_fr in spec["downloads"]
    ]
    related = StandardPage.objects.filter(locale=index.locale, slug=spec.get("related", "")).first()
    if related is not None:
        guide.related_pages = [GuideRelatedPage(linked_page=related)]
    return _add_page(index, guide)


def _guide_strings(spec):
    strings = _pairs(spec, "title", "intro")
    for module in spec["modules"]:
        strings[module["title"][0]] = module["title"][1]
        for paragraph in module["paragraphs"]:
            strings.update(paragraph if isinstance(paragraph, list) else [paragraph])
    return strings


# --- Funding partners -------------------------------------------------------------------------------------------


def _partner(locale, spec, terms):
    partner = FundingPartner.objects.filter(locale=locale, key=spec["key"]).first()
    if partner is not None:
        return partner
    partner = FundingPartner(
        locale=locale,
        key=spec["key"],
        name=spec["name"][0],
        acronym=spec["acronym"],
        kind=spec["kind"],
        support_types=spec["support"],
        description=spec["description"][0],
        address=spec["address"][0],
        website=spec["website"],
        logo=_logo(spec),
    )
    partner.sectors = [terms.sectors[code] for code in spec["sectors"]]
    partner.regions = [terms.regions[code] for code in spec["regions"]]
    partner.save()
    partner.save_revision().publish()
    return partner


def _logo(spec):
    """A small generated logo (the partner's initials on its colour), so the demo needs no network."""
    from PIL import Image, ImageDraw, ImageFont

    Image_ = get_image_model()
    title = f"demo-partner-logo-{spec['key']}"
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    picture = Image.new("RGB", (320, 160), spec["colour"])
    draw = ImageDraw.Draw(picture)
    try:
        font = ImageFont.load_default(size=56)
    except TypeError:  # Pillow without FreeType: the small bitmap font
        font = ImageFont.load_default()
    draw.text((160, 80), spec["logo_text"], fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image_(title=title, file=ImageFile(buffer, name=f"{spec['key']}.png"))
    image._set_image_file_metadata()
    image.save()
    return image


# --- Project models -----------------------------------------------------------------------------------------


def _project_texts(product, region, language):
    """Title, summary and the rest of a project model's text in one language (0: Arabic, 1: French)."""
    region_name = region.name_ar if language == 0 else region.name_fr
    return {
        "title": f"{product['name'][language]} ({region_name})",
        "summary": f"{product['summary'][language]} {content.REGION_NOTE[language] % region_name}",
        **{name: product[name][language] for name in ECONOMIC_MODEL},
        "source_detail": content.IDEATHON_DETAIL[language] if product["source"] == "ideathon" else "",
    }


def _project(locale, product, region_code, variant, terms):
    key = f"{product['key']}-{region_code}"
    project = ProjectModel.objects.filter(locale=locale, key=key).first()
    if project is not None:
        return project
    region = terms.regions[region_code]
    project = ProjectModel(
        locale=locale,
        key=key,
        sector=terms.sectors[product["sector"]],
        investment_mad=product["investment"] + variant * 30_000,
        jobs_expected=product["jobs"] + variant,
        minimum_members=product["members"],
        source=product["source"],
        **_project_texts(product, region, 0),
    )
    project.regions = [region]
    project.target_groups = [terms.groups[code] for code in product["groups"]]
    title, title_fr = (form % name for form, name in zip(content.DOCUMENT_TITLE, product["name"], strict=True))
    project.documents = [
        ProjectModelDocument(
            document=demo_document(title, f"fiche-{product['key']}.pdf", anyascii(title_fr), title_fr), language="fr"
        )
    ]
    project.save()
    project.save_revision().publish()
    return project


def _link_directory_from_footer(home, directory):
    """The footer's "Funding partners" link goes to the directory unless an editor chose another page."""
    portal_settings = PortalSettings.for_site(Site.objects.get(root_page=home))
    if portal_settings.partners_page_id is None:
        portal_settings.partners_page = directory
        portal_settings.save()
