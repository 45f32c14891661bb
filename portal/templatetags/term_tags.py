"""How a sector, a region or a target group reads on cards and pages: a link to the listing of its kind filtered
by it (``/ar/calls/?sector=handicraft``), kept whole on its line ("سوس-ماسة" never split at its hyphen), and the
listing pages those links lead to.

Without a listing to lead to, a term is plain text, never something that looks like a control.
"""

import re
from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from portal.pages import page_links

register = template.Library()

# A hyphenated compound ("Drâa-Tafilalet", "(سوس-ماسة)"): kept on one line in titles. Longer runs may wrap
# rather than overflow a phone screen.
COMPOUND = re.compile(r"[^\s-]+(?:-[^\s-]+)+")
LONGEST_UNBROKEN = 32


@register.simple_tag(takes_context=True)
def listing_page(context, model_label):
    """The live page of type ``model_label`` ("programs.CallIndexPage") in the language of the page shown, as
    ``title`` and ``url``, or None (cached per content generation by portal.pages.page_links)."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None:
        return None
    return page_links(request, page.locale_id, (apps.get_model(model_label),)).get(model_label)


def _listing_url(context, listing):
    if listing is None or listing == "":
        return ""
    if isinstance(listing, str):
        return listing
    if isinstance(listing, Page):
        return listing.get_url(context.get("request")) or ""
    return getattr(listing, "url", "") or ""


def _term(context, listing, name, value, label):
    url = _listing_url(context, listing)
    if not url or not value:
        return format_html('<span class="term">{}</span>', label)
    return format_html('<a class="term" href="{}?{}">{}</a>', url, urlencode({name: value}), label)


@register.simple_tag(takes_context=True)
def term_link(context, listing, name, value, label):
    """One term: ``<a class="term" href="<listing>?<name>=<value>">label</a>``, or plain text without a listing.

    ``listing`` is a page, anything with a ``url`` (portal.pages.page_links) or an address."""
    return _term(context, listing, name, value, label)


@register.simple_tag(takes_context=True)
def term_links(context, listing, name, terms, empty=""):
    """``terms`` (taxonomy terms, or (value, label) pairs) as term_link()s joined with the comma of the language;
    ``empty`` (e.g. "All regions", plain text) when there is none."""
    pairs = [term if isinstance(term, list | tuple) else (term.code, term.name) for term in terms or ()]
    if not pairs:
        return empty
    separator = "، " if (get_language() or "ar").startswith("ar") else ", "
    return format_html_join(separator, "{}", ((_term(context, listing, name, value, label),) for value, label in pairs))


@register.filter(is_safe=True)
def unbroken_compounds(text):
    """``text`` with each short hyphenated compound in a ``<span class="nowrap">``, so a line never ends at
    its hyphen ("Zafran (Drâa-" / "Tafilalet)")."""

    def keep(match):
        word = match.group(0)
        return f'<span class="nowrap">{word}</span>' if len(word) <= LONGEST_UNBROKEN else word

    # Escaped first: entities have no space or hyphen, so a compound never cuts one.
    return mark_safe(COMPOUND.sub(keep, str(conditional_escape(text))))
