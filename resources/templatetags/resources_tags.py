"""Template filters of the resources section: figures isolated left-to-right, cross-links in either shape.

Grouping and currency words come from portal.formatting, shared by every section.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from portal import formatting

register = template.Library()


@register.filter
def whole_number(number):
    """450000 → "450 000" in a left-to-right <bdi>, so Arabic text never reorders the digit groups."""
    if number in (None, ""):
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', formatting.group_thousands(number))


@register.filter
def dirhams(amount):
    """450 000 درهم / 450 000 DH, the figure in a left-to-right <bdi>."""
    if amount in (None, ""):
        return ""
    language = (get_language() or "ar")[:2]
    currency = formatting.CURRENCY.get(language, formatting.CURRENCY["ar"])
    return format_html("{}{}{}", whole_number(amount), formatting.NBSP, currency)
