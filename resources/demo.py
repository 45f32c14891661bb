"""Demo content of the resources section, in Arabic with French translations made through wagtail-localize.

Under the Arabic home page: a guide index with four guides (modules and downloadable PDFs), the funding partner
directory with twelve partners (generated logos) and the project bank with forty project models. The texts are data
in resources/demo/, written for this portal from the facts of the seed articles (entries marked "demo example" are
invented): the pages in JSON, the partners and project models in the CSV format editors import (an Arabic and a
French row per key; ``manage.py import_partners resources/demo/partners.csv`` reads the file as it is).

The Arabic rows go through the editors' import (resources/imports.py: the same reading, checks and writing), which
gives each new partner its logo (partner_logos.csv) and each new project model its economic sheet
(project_sheets.csv); each entry is then translated with its French row through wagtail-localize, as pages are, so
translators find it in the translation editor. Idempotent: what exists is left as it is, so a second run creates no
page, entry or revision.
"""

import csv
from functools import partial

from anyascii import anyascii
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Site

from home.models import PortalSettings, StandardPage
from portal.demo_data import arabic, demo_folder, page_once, paragraphs, read_json, translate_once
from portal.demo_files import demo_document, demo_image
from portal.models import Sector, TargetGroup
from portal.slugs import slug_for
from portal.translating import ensure_locales, translate

from . import imports
from .models import (
    GuideDownload,
    GuideIndexPage,
    GuidePage,
    GuideRelatedPage,
    PartnerDirectoryPage,
    ProjectBankPage,
    ProjectModelDocument,
)

PAGES = read_json(__file__, "pages.json")
GUIDES = read_json(__file__, "guides.json")


@transaction.atomic
def load_demo():
    locales = ensure_locales()
    home = Site.objects.get(is_default_site=True).root_page.specific

    guide_index = _listing_page(home, GuideIndexPage)
    guides = [(page_once(guide_index, GuidePage, spec, partial(_guide, guide_index, spec)), spec) for spec in GUIDES]
    directory = _listing_page(home, PartnerDirectoryPage)
    _link_directory_from_footer(home, directory)
    bank = _listing_page(home, ProjectBankPage)
    partners = _import(imports.PARTNERS, "partners.csv", _logos)
    projects = _import(imports.PROJECTS, "projects.csv", _sheets)

    # Parents before children, so each French page is created under its French parent.
    french = locales["fr"]
    for page in (guide_index, directory, bank):
        spec = PAGES[type(page).__name__]
        translate_once(page, french, spec, [spec["intro"]])
    for guide, spec in guides:
        translate_once(guide, french, spec, _guide_texts(spec))
    for entry, source_row, row in partners + projects:
        if entry.get_translation_or_none(locales[row.locale]) is None:
            _translate_entry(entry, locales[row.locale], source_row, row)


def _listing_page(home, model):
    spec = PAGES[model.__name__]
    return page_once(home, model, spec, lambda: model(**arabic(spec, "title", "slug", "intro"), show_in_menus=True))


def _link_directory_from_footer(home, directory):
    """The footer's "Funding partners" link goes to the directory unless an editor chose another page."""
    portal_settings = PortalSettings.for_site(Site.objects.get(root_page=home))
    if portal_settings.partners_page_id is None:
        portal_settings.partners_page = directory
        portal_settings.save()


# --- Guides ---------------------------------------------------------------------------------------------------


def _paragraph_html(paragraph):
    """A paragraph is an [Arabic, French] pair; {"list": [pairs]} is a bulleted list."""
    if isinstance(paragraph, dict):
        return "<ul>" + "".join(f"<li>{text}</li>" for text, _translation in paragraph["list"]) + "</ul>"
    return paragraphs([paragraph])


def _guide(index, spec):
    related = StandardPage.objects.filter(locale=index.locale, slug=spec.get("related", "")).first()
    return GuidePage(
        **arabic(spec, "title", "slug", "intro"),
        level=spec["level"],
        duration_hours=spec["duration_hours"],
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
        sectors=list(Sector.objects.filter(code__in=spec["sectors"])),
        audience=list(TargetGroup.objects.filter(code__in=spec["audience"])),
        downloads=[
            GuideDownload(
                document=demo_document(
                    download["title"], f"{slugify(download['text'])}.pdf", download["text"], download["title_fr"]
                ),
                language=download["language"],
            )
            for download in spec["downloads"]
        ],
        related_pages=[GuideRelatedPage(linked_page=related)] if related is not None else [],
    )


def _guide_texts(spec):
    texts = [spec["intro"]]
    for module in spec["modules"]:
        texts.append(module["title"])
        for paragraph in module["paragraphs"]:
            texts += paragraph["list"] if isinstance(paragraph, dict) else [paragraph]
    return texts


# --- Funding partners and project models: the editors' import ------------------------------------------------------


def _import(spec, name, attachments):
    """Import the source-language rows of the demo file ``name`` whose key is not in the database yet, each entry
    given ``attachments(keys)``'s files; return (source entry, its row, a row of another language) for every
    translation row."""
    rows = imports.read_rows(spec, (demo_folder(__file__) / name).read_bytes(), imports.Lookups.load())
    source_rows = {row.key: row for row in rows if row.locale == settings.LANGUAGE_CODE}
    sources = spec.model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, key__in=source_rows)
    existing = set(sources.values_list("key", flat=True))
    new_rows = [row for key, row in source_rows.items() if key not in existing]
    # The files are made before the import, which leaves the reference index alone until it is done.
    prepare = attachments([row.key for row in new_rows])
    imports.write(spec, imports.plan(spec, new_rows), progress=False, prepare=prepare)
    entries = {entry.key: entry for entry in sources.all()}
    return [(entries[row.key], source_rows[row.key], row) for row in rows if row.locale != settings.LANGUAGE_CODE]


def _translate_entry(entry, locale, source_row, row):
    """The translation of ``entry`` into ``locale``, with the texts of its ``row`` in place of its source row's."""
    strings = {text: row.values[name] for name, text in source_row.values.items() if isinstance(text, str) and text}
    translate(entry, locale, strings, slug=slug_for(row.values[entry.label_field]))


def _csv_rows(name):
    """The rows of a demo CSV file by key."""
    with (demo_folder(__file__) / name).open(encoding="utf-8", newline="") as file:
        return {row["key"]: row for row in csv.DictReader(file)}


def _logos(keys):
    """Each partner's generated logo (its initials on its colour), so the demo needs no network."""
    specs = _csv_rows("partner_logos.csv")
    logos = {key: _logo(key, specs[key]) for key in keys}

    def prepare(partner):
        partner.logo = logos[partner.key]

    return prepare


def _logo(key, spec):
    def draw():
        picture = Image.new("RGB", (320, 160), spec["colour"])
        try:
            font = ImageFont.load_default(size=56)
        except TypeError:  # Pillow without FreeType: the small bitmap font
            font = ImageFont.load_default()
        ImageDraw.Draw(picture).text((160, 80), spec["text"], fill="#ffffff", font=font, anchor="mm")
        return picture

    return demo_image(f"demo-partner-logo-{key}", f"{key}.png", draw)


def _sheets(keys):
    """Each project model's economic sheet, a PDF shared by the models of one product."""
    specs = _csv_rows("project_sheets.csv")
    sheets = {key: _sheet(specs[key]) for key in keys if key in specs}

    def prepare(project):
        if project.key in sheets:
            project.documents = [sheets[project.key]]

    return prepare


def _sheet(spec):
    document = demo_document(spec["title"], spec["file"], anyascii(spec["title_fr"]), spec["title_fr"])
    return ProjectModelDocument(document=document, language=spec["language"])
