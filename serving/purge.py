"""Purging the caching proxy (Varnish, deploy/varnish/portal.vcl) when public content changes.

Wagtail's ``frontend_cache`` carries the URLs (``PurgeBatch`` → its purge task → the configured backend);
``VarnishBackend`` below sends a whole batch as one ``PURGE`` request whose ``X-Purge-Regex`` header the VCL turns
into one ban. Each URL's fragment says how much of the cache it covers:

- no fragment: that path with any query string (a listing with its filters and pages);
- ``#subtree``: that path and every path under it (a page, its routable sub-pages, pages below it);
- ``#all``: everything (the navigation or the footer changed: every page shows them).

Settings: ``WAGTAILFRONTENDCACHE`` (base.py builds it from ``FRONTEND_CACHE_URL``; no purging when unset).
"""

import logging
import threading
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site, get_page_models

from portal import sections
from portal.listing import ListingPage

logger = logging.getLogger("wagtail.frontendcache")

PATH, SUBTREE, ALL = "", "subtree", "all"
# Varnish refuses request headers longer than http_req_hdr_len (8 KiB by default): longer batches are split.
MAX_REGEX_LENGTH = 6000
SAFE_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789/%_~-")


def path_regex(path, scope):
    """A regular expression (no backslash, no space) matching the lower-cased request URLs ``path`` covers."""
    path = iri_to_uri(path).lower()
    escaped = "".join(char if char in SAFE_CHARACTERS else f"[{char}]" for char in path)
    if scope == ALL:
        return "/"
    if scope == SUBTREE:
        return escaped
    return f"{escaped}(?:[?]|$)"


def ban_regexes(urls):
    """The ``X-Purge-Regex`` values for ``urls`` (``url#scope``): as few as fit in a request header."""
    parts = sorted({path_regex(urlsplit(url).path or "/", urlsplit(url).fragment) for url in urls})
    if "/" in parts:  # one URL covers everything
        return ["^/"]
    chunks, current = [], []
    for part in parts:
        if current and sum(len(p) + 1 for p in current) + len(part) > MAX_REGEX_LENGTH:
            chunks.append(current)
            current = []
        current.append(part)
    if current:
        chunks.append(current)
    return ["^(?:" + "|".join(chunk) + ")" for chunk in chunks]


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend, sending one ``PURGE`` per batch to the proxy at ``LOCATION`` (see module doc)."""

    timeout = 5

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        for regex in ban_regexes(urls):
            request = PurgeRequest(
                url=f"{self.cache_scheme}://{self.cache_netloc}/",
                headers={"X-Purge-Regex": regex, "User-Agent": "Wagtail-frontendcache/" + wagtail_version},
            )
            try:
                with urlopen(request, timeout=self.timeout):  # noqa: S310 - LOCATION comes from the settings
                    pass
            except HTTPError as error:
                logger.error("Couldn't purge %s from the HTTP cache: HTTPError %d %s", regex, error.code, error.reason)
            except (URLError, OSError) as error:
                logger.error("Couldn't purge %s from the HTTP cache: %s", regex, error)


def enabled():
    return bool(get_backends())


# What a change affects, as URLs with their scope.


def _root_url():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else "http://localhost"


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


def portal_wide_urls(root_url=None):
    """What lists or counts content in every language: home pages, search, section feeds, the API, the sitemap."""

    root_url = root_url or _root_url()
    urls = {f"{root_url}/api/#{SUBTREE}", f"{root_url}/sitemap.xml"}
    for site in Site.objects.select_related("root_page"):
        for home in site.root_page.get_translations(inclusive=True).only("url_path", "locale_id"):
            url = home.get_full_url()
            if url:
                urls.add(url)
    names = ["search"] + [pattern.name for pattern in sections.i18n_urlpatterns() if getattr(pattern, "name", None)]
    for code in _language_codes():
        with translation.override(code):
            for name in names:
                try:
                    urls.add(root_url + reverse(name))
                except NoReverseMatch:  # a pattern that needs arguments lists nothing by itself
                    pass
    return urls


def _listing_pages(locale_ids):
    """Live listing pages (portal.listing.ListingPage) in these locales."""
    listing_models = [model for model in get_page_models() if issubclass(model, ListingPage)]
    return Page.objects.live().type(*listing_models).filter(locale_id__in=locale_ids) if listing_models else []


def page_urls(page):
    """A page in every language, its ancestors' listings, every filtered listing of those languages, and what
    lists content portal-wide. A page of the navigation (shown in menus, or a home page) is on every page: all."""
    page = page.specific_deferred
    if page.depth <= 2 or page.show_in_menus:
        return {f"{_root_url()}/#{ALL}"}
    translations = list(page.get_translations(inclusive=True).only("url_path", "depth", "path", "locale_id"))
    urls = set()
    for version in translations:
        url = version.get_full_url()
        if url:
            urls.add(f"{url}#{SUBTREE}")
        for ancestor in version.get_ancestors().filter(depth__gt=1).only("url_path"):
            url = ancestor.get_full_url()
            if url:
                urls.add(url)
    for listing in _listing_pages({version.locale_id for version in translations}):
        url = listing.get_full_url()
        if url:
            urls.add(url)
    return urls | portal_wide_urls()


def entry_urls(entry):
    """A public snippet (funding partner, project model) in every language, its directory, and portal-wide lists."""
    urls = set()
    for version in entry.get_translations(inclusive=True):
        directory = version.directory_page()
        if directory is None:
            continue
        base = directory.get_full_url()
        if base:
            urls.add(base)
            urls.add(base + directory.reverse_subpage(version.route_name, kwargs={"slug": version.slug}).lstrip("/"))
    return urls | portal_wide_urls()


def everything():
    return {f"{_root_url()}/#{ALL}"}


# Scheduling: URLs gathered during a transaction are purged once, after it commits (never before: the proxy
# would fetch the old content again).

_pending = threading.local()


def schedule(urls_or_callable):
    """Purge these URLs after the current transaction commits (at once outside a transaction)."""
    if not enabled():
        return
    urls = urls_or_callable() if callable(urls_or_callable) else urls_or_callable
    if not urls:
        return
    pending = getattr(_pending, "urls", None)
    if pending is None:
        pending = _pending.urls = set()
    pending.update(urls)
    transaction.on_commit(flush)


def flush():
    urls = getattr(_pending, "urls", None)
    _pending.urls = None
    if urls:
        PurgeBatch(urls).purge()
        _purge_again_later(urls)


def _purge_again_later(urls):
    """The same purge once more, ``FRONTEND_CACHE_REPURGE_SECONDS`` later, in a daemon thread.

    A request that read the old content before the change committed can finish rendering after the first purge,
    and the proxy would then keep that old page until its lifetime ends. Its render has ended by the time the second
    purge arrives (a render takes milliseconds; the proxy gives the backend at most ``first_byte_timeout``)."""
    delay = getattr(settings, "FRONTEND_CACHE_REPURGE_SECONDS", 0)
    if delay <= 0:
        return
    timer = threading.Timer(delay, _repurge, args=(sorted(urls),))
    timer.daemon = True
    timer.start()


def _repurge(urls):
    try:
        PurgeBatch(urls).purge()
    except Exception:  # a thread of its own: nothing to report to but the log
        logger.exception("The repeated purge of %d URLs failed", len(urls))
