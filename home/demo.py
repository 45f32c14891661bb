"""Demo content of the core: the home page, a few standard pages and the footer, in Arabic with their French
translations made through wagtail-localize.

The texts are data (home/demo/pages.json), written for this portal from the facts of the seed articles (ODCo's
"Cooperative Projects Bank" initiative, law 112-12 on cooperatives). Idempotent: a page that exists is left as it
is, and so is a footer value an editor changed.
"""

from functools import partial

from django.db import transaction
from PIL import Image, ImageDraw
from wagtail.models import Site

from home.models import PortalSettings, StandardPage
from portal.demo_data import arabic, page_once, paragraphs, read_json, translate_once
from portal.demo_files import demo_document, demo_image
from portal.translating import ensure_locales, needs_translation, translate

DATA = read_json(__file__, "pages.json")


@transaction.atomic
def load_demo_pages():
    french = ensure_locales()["fr"]
    home = Site.objects.get(is_default_site=True).root_page.specific
    pages = {
        spec["slug"][0]: page_once(home, StandardPage, spec, partial(_standard_page, spec))
        for spec in DATA["standard_pages"]
    }
    content = DATA["home"]
    if not home.body:
        home.title = home.draft_title = content["title"][0]
        home.intro = content["intro"][0]
        home.body = [_home_block(block, pages) for block in content["body"]]
        home.save_revision().publish()

    # Children first, so the home page's links to them point at their French versions.
    for spec in DATA["standard_pages"]:
        translate_once(pages[spec["slug"][0]], french, spec, [spec["intro"], *spec["paragraphs"]])
    if needs_translation(home, french):
        texts = [content["title"], content["intro"]]
        for block in content["body"]:
            texts += [value for name, value in block.items() if name in ("text", "title", "button_label")]
        translate(home, french, dict(texts), slug=home.slug)
    _footer_settings(home, DATA["footer"], pages)


def _standard_page(spec):
    return StandardPage(
        **arabic(spec, "title", "slug", "intro"),
        body=[("paragraph", paragraphs([pair])) for pair in spec["paragraphs"]],
    )


def _home_block(block, pages):
    kind = block["type"]
    if kind == "heading":
        return kind, {"text": block["text"][0], "level": block["level"]}
    if kind == "paragraph":
        return kind, paragraphs([block["text"]])
    if kind == "image":
        alt_text = block["text"][0]
        return kind, {"image": {"image": _demo_image(), "alt_text": alt_text, "decorative": False}, "caption": alt_text}
    if kind == "document":
        return kind, {"document": _demo_document(), "title": block["title"][0]}
    if kind == "call_to_action":
        return kind, {
            "title": block["title"][0],
            "text": block["text"][0],
            "button_label": block["button_label"][0],
            "page": pages[block["page"]],
            "url": "",
        }
    raise ValueError(f"Unknown block type in home/demo/pages.json: {kind}")


def _footer_settings(home, footer, pages):
    """The footer's contact and accessibility link, filled once; values an editor changed stay as they are."""
    portal_settings = PortalSettings.for_site(Site.objects.get(root_page=home))
    changed = False
    for field, value in footer["contact"].items():
        if not getattr(portal_settings, field):
            setattr(portal_settings, field, value)
            changed = True
    if portal_settings.accessibility_page_id is None:
        portal_settings.accessibility_page = pages[footer["accessibility_page"]]
        changed = True
    if changed:
        portal_settings.save()


def _demo_image():
    """A small generated picture (fields and a cooperative's crates), so the demo needs no network."""

    def draw():
        picture = Image.new("RGB", (960, 480), "#e8dcb5")
        pencil = ImageDraw.Draw(picture)
        pencil.rectangle((0, 300, 960, 480), fill="#7a9a3a")
        for x in range(60, 900, 160):
            pencil.rectangle((x, 330, x + 110, 420), fill="#b5651d", outline="#5c3310", width=4)
        pencil.ellipse((760, 40, 880, 160), fill="#f2a900")
        return picture

    return demo_image("demo-home-cooperative", "cooperative.png", draw)


def _demo_document():
    spec = DATA["document"]
    return demo_document(spec["title"], spec["file"], spec["text"], spec["title_fr"])
