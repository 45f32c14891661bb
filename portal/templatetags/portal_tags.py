"""Template tags of the base layout: language alternates and the blocks sections add to the home page."""

from types import SimpleNamespace

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Site

from portal import formatting, sections
from portal.i18n import language_alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def alternates(context):
    request = context["request"]
    return language_alternates(request, context.get("page"), get_language(), entry=context.get("entry"))


@register.simple_tag(takes_context=True)
def section_home_blocks(context):
    return sections.home_blocks(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def section_cross_links(context, obj):
    return sections.cross_links(obj, context["request"])


@register.filter
def absolute(url, request):
    return request.build_absolute_uri(url)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def filter_query(filters, **changes):
    """The listing's current query string with ``changes`` (e.g. page=2); empty filters give a bare page link."""
    if filters is None:
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        query.update({k: v for k, v in changes.items() if v not in (None, "")})
        return query.urlencode()
    return filters.query_string(**changes)


@register.filter
def long_date(value):
    return formatting.long_date(value)


@register.filter
def long_datetime(value):
    return formatting.long_datetime(value)


@register.filter
def mad(amount):
    """450 000 درهم / 450 000 DH: the figure isolated left to right, so Arabic never reorders its digit groups."""
    if amount in (None, ""):
        return ""
    return format_html("{}{}{}", grouped(amount), formatting.NBSP, formatting.currency())


@register.filter
def grouped(number):
    """450000 → "450 000" in a left-to-right <bdi>."""
    if number in (None, ""):
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', formatting.group_thousands(number))


@register.filter
def join_names(items):
    """Names joined with the comma of the active language (، in Arabic)."""
    separator = "، " if (get_language() or "ar").startswith("ar") else ", "
    return separator.join(str(item) for item in items)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Pages shown in the main navigation: live children of the home page of the active language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    return list(home.get_children().live().in_menu().only("id", "title", "url_path", "locale_id", "depth", "path"))


@register.filter
def is_within(page, ancestor):
    """True when ``page`` is ``ancestor`` or one of its descendants (for aria-current in the navigation)."""
    path = getattr(page, "path", None)
    return bool(path) and path.startswith(ancestor.path)


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
