"""Shared fixtures: a small bilingual site built through the same wagtail-localize path editors use."""

import pytest
from wagtail.models import Site

from home.models import StandardPage
from portal.translating import ensure_locales, translate


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back rows must not live on in cached values."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def locales(db):
    return ensure_locales()


@pytest.fixture
def home(locales):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def french_home(home, locales):
    """The French home page, a wagtail-localize translation of the Arabic one."""
    return translate(home, locales["fr"], {home.title: "Portail des coopératives", home.slug: home.slug})


def make_standard_page(parent, title, slug, intro="", body=()):
    page = StandardPage(title=title, slug=slug, intro=intro, body=list(body))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def about_pages(home, french_home, locales):
    """An Arabic standard page and its French translation."""
    arabic = make_standard_page(home, "عن البوابة", "عن-البوابة", intro="بوابة التعاونيات المغربية")
    french = translate(
        arabic,
        locales["fr"],
        {
            "عن البوابة": "À propos",
            "عن-البوابة": "a-propos",
            "بوابة التعاونيات المغربية": "Le portail des coopératives",
        },
    )
    return arabic, french
