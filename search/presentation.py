"""How a search hit reads on the page and in the API: its type label, address and highlighted snippet."""

from django.utils.html import strip_tags

from search.highlight import highlight

SNIPPET_SOURCES = ("search_description", "intro", "summary", "description")


def snippet_source(obj):
    for name in SNIPPET_SOURCES:
        value = getattr(obj, name, "")
        if value:
            return strip_tags(str(value))
    return ""


def present(hit, tokens, request, type_labels):
    obj = hit.object
    return {
        "type": hit.type,
        "type_label": type_labels.get(hit.type, hit.type),
        "title": hit.title,
        "title_html": highlight(hit.title, tokens, words=60),
        "url": obj.get_url(request) if hasattr(obj, "get_url") else "",
        "snippet": highlight(snippet_source(obj), tokens),
        "locale": hit.locale,
    }
