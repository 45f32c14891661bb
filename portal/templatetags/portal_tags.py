"""Template tags of the base layout: language alternates, breadcrumbs, the footer's links and contact, the blocks
sections add to the home page, and how numbers, amounts and file sizes read."""

from types import SimpleNamespace

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from home.models import PortalSettings
from portal import formatting, sections
from portal.i18n import entry_translation_links, language_alternates
from portal.sites import site_id
from serving import generation

register = template.Library()


@register.simple_tag(takes_context=True)
def alternates(context):
    request = context["request"]
    return language_alternates(request, context.get("page"), get_language(), entry=context.get("entry"))


@register.simple_tag(takes_context=True)
def entry_translations(context, entry):
    """An entry's versions in the other languages: [{code, name, url}] (cached per content generation)."""
    return entry_translation_links(context.get("request"), entry)


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
    """Pages shown in the main navigation: live children of the home page of the active language.

    Items have ``title``, ``url`` and ``path``; the navigation's HTML is cached (``{% contentcache %}`` in base.html).
    """
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    pages = home.get_children().live().in_menu().only("id", "title", "url_path", "locale_id", "depth", "path")
    return [SimpleNamespace(title=page.title, url=page.get_url(request), path=page.path) for page in pages]


@register.filter
def menu_section(page):
    """The path of the main navigation's item that ``page`` is or is under (a child of a home page), "" for none:
    the one item marked as current, and the main navigation's cache key."""
    path, depth = getattr(page, "path", None), getattr(page, "depth", 0)
    return path[: Page.steplen * 3] if path and depth >= 3 else ""


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


@register.filter
def file_size(size):
    """245 ك.ب / 245 ko: the figure in a left-to-right <bdi>, the unit in the page's language."""
    if size in (None, ""):
        return ""
    figure, unit = formatting.file_size_parts(size)
    return format_html('<bdi dir="ltr">{}</bdi>{}{}', figure, formatting.NBSP, unit)


@register.inclusion_tag("portal/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title=None):
    """The trail from the home page to the current page (or to the entry a routable page shows, or to a view
    named ``current_title``); nothing on the home page itself. The last crumb is the current page, not a link."""
    request = context["request"]
    page, entry = context.get("page"), context.get("entry")
    crumbs = []
    if isinstance(page, Page) and page.pk:
        trail = generation.cached(request, "trail", (site_id(request), page.pk), lambda: _trail(request, page))
        crumbs.extend(SimpleNamespace(title=title, url=url) for title, url in trail)
        if entry is not None:
            crumbs.append(SimpleNamespace(title=str(entry), url=request.path))
    else:
        crumbs.append(SimpleNamespace(title="", url=_home_url(request)))
        if current_title:
            crumbs.append(SimpleNamespace(title=current_title, url=request.path))
    if crumbs:
        crumbs[0].title = _("Home")
    return {"crumbs": crumbs if len(crumbs) > 1 else []}


def _trail(request, page):
    return [
        (ancestor.title, ancestor.get_url(request))
        for ancestor in page.get_ancestors(inclusive=True).filter(depth__gte=2).only("title", "url_path", "path")
    ]


def _home_url(request):
    return generation.cached(request, "home", (site_id(request), get_language()), lambda: _home_url_uncached(request))


def _home_url_uncached(request):
    site = Site.find_for_request(request)
    if site is not None:
        home = site.root_page.localized
        url = home.get_url(request)
        if url:
            return url
    return f"/{(get_language() or 'ar')[:2]}/"


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's contact and standing links, in the visitor's language, from the site's PortalSettings.

    Its HTML is cached (``{% contentcache %}`` in base.html).
    """
    request = context["request"]
    site = Site.find_for_request(request)
    # Read, never created on a visit (for_site would insert the row on the first page view).
    settings = (
        PortalSettings.objects.filter(site=site).select_related("partners_page", "accessibility_page").first()
        if site is not None
        else None
    ) or PortalSettings()
    links = [
        SimpleNamespace(title=label, url=chosen.localized.get_url(request))
        for chosen, label in (
            (settings.partners_page, _("Funding partners")),
            (settings.accessibility_page, _("Accessibility statement")),
        )
        if chosen is not None and chosen.live
    ]
    links.append(SimpleNamespace(title=_("Sitemap"), url=reverse("sitemap")))
    return SimpleNamespace(settings=settings, links=[link for link in links if link.url])


@register.simple_tag
def time_span(start, end):
    """When an event happens: one date with its two times on a single day, else both dates and times."""
    same_day = formatting.datetime_range(start, end)
    if same_day is None:
        return format_html(
            '<time datetime="{}">{}</time> – <time datetime="{}">{}</time>',
            formatting.local(start).isoformat(),
            formatting.long_datetime(start),
            formatting.local(end).isoformat(),
            formatting.long_datetime(end),
        )
    day, separator, times, zone = same_day
    return format_html(
        '<time datetime="{}">{}</time>{} <bdi dir="ltr">{}</bdi> {}',
        formatting.local(start).isoformat(),
        day,
        separator,
        times,
        zone,
    )
