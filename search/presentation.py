"""How a search hit reads on the page and in the API: its type label, address and highlighted snippet."""

from django.utils.html import strip_tags
from wagtail.models import Page

from portal import sections
from portal.pages import RoutedEntry
from search.engine import load_objects
from search.highlight import highlight

SNIPPET_SOURCES = ("search_description", "intro", "summary", "description")


def snippet_source(obj):
    for name in SNIPPET_SOURCES:
        value = getattr(obj, name, "")
        if value:
            return strip_tags(str(value))
    return ""


def address(obj, request):
    """The address of a page or of an entry shown by a routable page; other content has none."""
    return obj.get_url(request) if isinstance(obj, Page | RoutedEntry) else ""


def present(hit, tokens, request, type_labels):
    obj = hit.object
    return {
        "type": hit.type,
        "type_label": type_labels.get(hit.type, hit.type),
        "title": hit.title,
        "title_html": highlight(hit.title, tokens, words=60),
        "url": address(obj, request),
        "snippet": highlight(snippet_source(obj), tokens),
        "locale": hit.locale,
    }


def present_page(request, results, page, labels, details=False):
    """The page's hits as they read (``present``), their objects loaded in one query per type. With ``details`` (the
    search page), each hit also has its ``object`` and the ``detail_template`` its section shows under its title."""
    load_objects(page.object_list)
    hits = [present(hit, results.tokens, request, labels) for hit in page.object_list]
    if details:
        templates = sections.search_hit_templates()
        for hit, shown in zip(page.object_list, hits, strict=True):
            shown.update(object=hit.object, detail_template=templates.get(hit.type))
    return hits
