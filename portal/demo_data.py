"""What the demo loaders of every section share: reading their data files, and pages made once then translated.

Each app keeps its demo content as data in a ``demo/`` folder beside its ``demo.py``: JSON, and for the catalogue of
the resources section CSV in the editors' import format. A text is an ``[Arabic, French]`` pair: the Arabic goes
into the page, the pair into its wagtail-localize translation (``portal.translating.translate``), so editors find
every French text in the translation editor. A loader leaves what exists as it is: loading again changes nothing.
"""

import json
from pathlib import Path

from portal.translating import needs_translation, translate


def demo_folder(module_file):
    """The ``demo/`` folder beside a loader module (given its ``__file__``)."""
    return Path(module_file).parent / "demo"


def read_json(module_file, name):
    return json.loads((demo_folder(module_file) / name).read_text(encoding="utf-8"))


def arabic(spec, *names):
    """{name: the Arabic of ``spec[name]``} for the named pairs, to pass to a model."""
    return {name: spec[name][0] for name in names}


def paragraphs(pairs):
    """Rich text: the Arabic of each pair, a paragraph each."""
    return "".join(f"<p>{text}</p>" for text, _translation in pairs)


def publish_under(parent, page):
    """``page`` added under ``parent`` and published."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def page_once(parent, model, spec, make):
    """The ``model`` page of ``spec`` in the locale of ``parent`` (found by its Arabic slug), else the page ``make()``
    builds, published under ``parent``."""
    page = model.objects.filter(locale=parent.locale, slug=spec["slug"][0]).first()
    return page if page is not None else publish_under(parent, make())


def translate_once(page, locale, spec, pairs):
    """Translate ``page`` into ``locale`` unless it is translated already: its title and ``pairs`` from the Arabic to
    the French, its slug the second of ``spec["slug"]``."""
    if needs_translation(page, locale):
        translate(page, locale, dict([spec["title"], *pairs]), slug=spec["slug"][1])
