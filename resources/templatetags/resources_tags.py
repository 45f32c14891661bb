"""Template filters of the resources section: amounts in dirhams, cross-links in either shape."""

from types import SimpleNamespace

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

NBSP = "\u00a0"
# How Moroccan institutions write the currency after an amount, in each language of the portal.
CURRENCY = {"ar": "درهم", "fr": "DH"}


def group_thousands(number):
    """450000 → "450 000", with no-break spaces so the figure never wraps or splits in right-to-left text."""
    return f"{int(number):,}".replace(",", NBSP)


@register.filter
def grouped(number):
    if number in (None, ""):
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', group_thousands(number))


@register.filter
def dirhams(amount):
    """450 000 درهم / 450 000 DH — the figure isolated left-to-right so Arabic text never reorders it."""
    if amount in (None, ""):
        return ""
    language = (get_language() or "ar")[:2]
    return format_html('<bdi dir="ltr">{}</bdi>{}{}', group_thousands(amount), NBSP, CURRENCY.get(language, "MAD"))


@register.filter
def as_links(items):
    """Cross-links given as (title, url) pairs or as objects with ``title`` and ``url``, in one shape."""
    links = []
    for item in items or ():
        if isinstance(item, list | tuple):
            title, url = item[0], item[1]
        else:
            title, url = getattr(item, "title", str(item)), getattr(item, "url", None)
        if url:
            links.append(SimpleNamespace(title=title, url=url))
    return links


@register.filter
def names(terms):
    """Taxonomy terms (or any objects) joined with the comma of the active language (، in Arabic)."""
    separator = "، " if (get_language() or "ar").startswith("ar") else ", "
    return separator.join(str(term) for term in terms)
