"""Where each language version of the current page lives: the switcher and hreflang links both read this."""

from dataclasses import dataclass, replace
from functools import lru_cache

from django.conf import settings
from django.urls import get_urlconf, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from portal.pages import RoutedEntry
from portal.sites import site_id
from serving import generation


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no translation in that language and the link falls back to that language's home.
    exists: bool


def language_alternates(request, page=None, current_language=None, entry=None):
    """One Alternate per configured language, for a Wagtail page or for any other view (search, listings).

    ``entry`` is an item a routable page shows at its own address (a project model, a partner): a
    portal.pages.RoutedEntry, whose ``translation_links(request)`` give [{"code", "url"}] for its translations.
    """
    if isinstance(entry, RoutedEntry):
        return _entry_alternates(request, entry, current_language)
    if isinstance(page, Page) and page.pk:
        return _page_alternates(request, page)
    # The query string as the request's own decoding reads it: a client that sent raw UTF-8 (not
    # percent-encoded) gets a percent-encoded link, not its bytes taken for Latin-1 and encoded again.
    query = request.GET.urlencode()
    path = escape_uri_path(request.path)
    return [
        Alternate(
            code,
            name,
            _translated_path(get_urlconf() or settings.ROOT_URLCONF, get_language(), path, code)
            + (f"?{query}" if query else ""),
            code == current_language,
            True,
        )
        for code, name in settings.LANGUAGES
    ]


@lru_cache(maxsize=256)
def _translated_path(urlconf, active_language, path, language_code):
    """``translate_url`` of a path (resolving and reversing it, which reads the URLconf and the active language),
    remembered by the process: a view's paths are few; odd paths (404s) only take turns in a bounded memory."""
    return translate_url(path, language_code)


def _page_alternates(request, page):
    """The translations' addresses, cached per content generation; a listing's query string is kept."""
    alternates = generation.cached(
        request, "page-alternates", (site_id(request), page.pk), lambda: _page_alternates_uncached(request, page)
    )
    # A listing's filters are language-independent codes and its page numbers match between translations.
    query = request.GET.urlencode()
    if not query:
        return alternates
    return [replace(a, url=f"{a.url}?{query}") if a.exists else a for a in alternates]


def _page_alternates_uncached(request, page):
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale").specific(defer=True)
    }
    own = next((code for code, p in translations.items() if p.pk == page.pk), None) or page.locale.language_code
    alternates = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None:
            url, exists = translation.get_url(request), True
        else:
            url, exists = _home_url(request, code), False
        alternates.append(Alternate(code, name, url, code == own, exists))
    return alternates


def entry_translation_links(request, entry):
    """``entry.translation_links(request)``, cached per content generation for saved model instances."""
    if entry.pk is None:  # not saved (a preview)
        return entry.translation_links(request)
    return generation.cached(
        request,
        "entry-translations",
        (site_id(request), entry._meta.label, entry.pk),
        lambda: entry.translation_links(request),
    )


def _entry_alternates(request, entry, current_language):
    links = {link["code"]: link["url"] for link in entry_translation_links(request, entry)}
    own = current_language  # an entry is shown under a page of its own language
    alternates = []
    for code, name in settings.LANGUAGES:
        if code == own:
            alternates.append(Alternate(code, name, request.path, True, True))
        elif code in links:
            alternates.append(Alternate(code, name, links[code], False, True))
        else:
            alternates.append(Alternate(code, name, _home_url(request, code), False, False))
    return alternates


def _home_url(request, language_code):
    """The home page of that language, or its bare prefix when the site has no such translation yet."""
    return generation.cached(
        request, "home-url", (site_id(request), language_code), lambda: _home_url_uncached(request, language_code)
    )


def _home_url_uncached(request, language_code):
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=language_code).first()
    if site is not None and locale is not None:
        home = site.root_page.get_translation_or_none(locale)
        if home is not None and home.live:
            return home.get_url(request)
    return f"/{language_code}/"
