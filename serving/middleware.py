"""Cache-Control and Vary for every response, so that the caching proxy keeps what it may and nothing else.

Anonymous GET/HEAD 200 responses of public pages, feeds, the sitemap and the search API are shared:
``public, max-age=0, must-revalidate, s-maxage=N`` — browsers revalidate each time with the ETag (cheap 304s),
the proxy keeps the response until a purge (purge.py) or N seconds, N never beyond the next change of a call's
status or an event's (freshness.py). Everything else is private: a logged-in editor (or any session cookie),
the admin and previews (``no-store``), responses that set a cookie or used a CSRF token, errors, redirects, POSTs
(``private, no-cache``).

Public pages carry their language in the URL: they do not vary on Accept-Language nor on Cookie (the proxy drops
anonymous cookies and passes session ones), only on Accept-Encoding where compressed.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

from .freshness import seconds_until_next_change

DEFAULT_LIFETIMES = {"page": 3600, "feed": 3600, "sitemap": 3600, "api": 600}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "text/calendar")


def lifetimes():
    return {**DEFAULT_LIFETIMES, **getattr(settings, "SERVING_CACHE_LIFETIMES", {})}


def response_kind(request, response):
    """``page``, ``feed``, ``sitemap``, ``api`` — the kinds of response the proxy may share — or None."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if request.path == "/sitemap.xml":
        return "sitemap"
    if request.path.startswith("/api/") and content_type == "application/json":
        return "api"
    if content_type in FEED_TYPES:
        return "feed"
    if content_type == "text/html":
        return "page"
    return None


def language_of(path):
    """The language code a URL starts with (``/ar/…``), or None."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in {code for code, _name in settings.LANGUAGES} else None


def is_editor_request(request):
    """A request from someone with a session (logged in, or through a private page's password), the admin, a
    preview. The session is read only when its cookie is there, so anonymous responses never vary on Cookie."""
    if request.path.startswith(tuple(getattr(settings, "ADMIN_PATH_PREFIXES", ("/admin/",)))):
        return True
    if getattr(request, "is_preview", False):
        return True
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _has_private_cache_control(response):
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-store", "no-cache"))


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "streaming", False) and response.status_code == 200 and not is_editor_request(request):
            return response  # documents and media: their views say how long they keep
        if is_editor_request(request):
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, private=True, no_store=True, max_age=0)
            return response
        kind = response_kind(request, response)
        shareable = (
            kind is not None
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not _has_private_cache_control(response)
        )
        if not shareable:
            if request.path == "/":  # the language redirect follows Accept-Language and the language cookie
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
            if response.status_code != 200 or kind is not None or request.method not in ("GET", "HEAD"):
                if not _has_private_cache_control(response):
                    response.headers.pop("Cache-Control", None)
                    patch_cache_control(response, private=True, no_cache=True)
            return response
        language = language_of(request.path)
        lifetime = lifetimes()[kind]
        cap = seconds_until_next_change(language, request=request)
        if cap is not None:
            lifetime = min(lifetime, cap)
        response.headers.pop("Cache-Control", None)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=lifetime)
        self._trim_vary(response, language)
        return response

    @staticmethod
    def _trim_vary(response, language):
        """Keep only what varies: never Cookie (no cookie reaches a shared response); Accept-Language only where
        the URL does not carry the language."""
        if not response.has_header("Vary"):
            return
        dropped = {"cookie"} | ({"accept-language"} if language else set())
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip() and v.strip().lower() not in dropped]
        del response["Vary"]
        if kept:
            patch_vary_headers(response, kept)
