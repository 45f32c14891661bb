"""The content generation: a token renewed by every change of public content, and values cached under it.

Every save or deletion of public content (pages, snippets, settings, taxonomy, sites, locales, images,
documents, view restrictions) and every page move gives the ``ContentGeneration`` row a new random token,
in the same transaction as the change. Values shared by many pages — the main navigation, the footer,
page addresses and ancestries, translations — are cached under the token read once per request: after a
change, the next request reads the new token and computes them again, in every worker process, whatever the
cache backend. Nothing that depends on the time (a call's status) is cached here.

With no row (a flushed database) nothing is cached; the first change creates the row.
"""

import contextlib
import contextvars
import hashlib
import secrets

from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import IntegrityError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import sections

TIMEOUT = 24 * 3600
_MISSING = object()
# Per-request memo for code that has no request at hand (listing filters, taxonomy names): set when a request
# starts, dropped when it ends; outside requests (commands, shells) every call reads the row.
_request_memo = contextvars.ContextVar("portal_generation_request_memo", default=None)

# Apps whose models are public content, with the installed sections' own (content_apps()). Renditions are made
# while pages are viewed and change nothing shown; revisions, log entries and workflow states change nothing until a
# page is published (which saves the page).
CORE_CONTENT_APPS = {
    "portal",
    "home",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
    "wagtailsearchpromotions",
}
IGNORED_MODELS = {
    ("wagtailimages", "rendition"),
    ("wagtailcore", "revision"),
    ("wagtailcore", "pagelogentry"),
    ("wagtailcore", "modellogentry"),
    ("wagtailcore", "workflowstate"),
    ("wagtailcore", "taskstate"),
    ("wagtailcore", "pagesubscription"),
    ("wagtailcore", "comment"),
    ("wagtailcore", "commentreply"),
    ("wagtailcore", "referenceindex"),
    ("wagtailcore", "uploadedfile"),
    ("portal", "contentgeneration"),
    # A query row is made for a searched phrase; only the promotions attached to it are content.
    ("wagtailsearchpromotions", "query"),
    ("wagtailsearchpromotions", "querydailyhits"),
}


def _model():
    return apps.get_model("portal", "ContentGeneration")


def content_apps():
    return CORE_CONTENT_APPS | {section.name for section in sections.installed_sections()}


def is_content(model):
    if model is None:
        return False
    meta = model._meta
    if meta.apps is not apps:
        return False  # a migration's historical model: the generation row may not exist yet
    return meta.app_label in content_apps() and (meta.app_label, meta.model_name) not in IGNORED_MODELS


def bump():
    """Give the generation a new token (inside the current transaction, if any)."""
    model = _model()
    token = secrets.token_hex(8)
    if model.objects.filter(pk=1).update(token=token):
        return
    try:
        with transaction.atomic():
            model.objects.create(pk=1, token=token)
    except IntegrityError:
        model.objects.filter(pk=1).update(token=token)


def current():
    """The token now, or None when there is no row (caching off). Every request asks this once."""
    return _model().objects.filter(pk=1).values_list("token", flat=True).first()


def _memo(request):
    """The dict memoising the token and cached values for this request, or None outside requests."""
    if request is not None:
        try:
            return request._portal_generation_memo
        except AttributeError:
            memo = _request_memo.get()
            request._portal_generation_memo = memo = {} if memo is None else memo
            return memo
    return _request_memo.get()


def token_for(request):
    """The token, read at most once per request."""
    memo = _memo(request)
    if memo is None:
        return current()
    if "token" not in memo:
        memo["token"] = current()
    return memo["token"]


def key(token, name, parts):
    """The cache key of a value named ``name`` for ``parts`` under the generation ``token``: the one key format."""
    digest = hashlib.sha1(repr(tuple(parts)).encode()).hexdigest()
    return f"portal:gen:{token}:{name}:{digest}"


def cached(request, name, parts, compute, timeout=TIMEOUT):
    """``compute()``, cached under the request's content generation, ``name`` and ``parts``.

    Also memoised for the request, so a value asked for twice in one page costs one cache read. ``request`` may
    be None inside a request (the memo of the request being served is used).
    """
    memo = _memo(request)
    memo_key = (name, repr(tuple(parts)))
    if memo is not None and memo_key in memo:
        return memo[memo_key]
    token = token_for(request)
    if token is None:
        value = compute()
    else:
        cache_key = key(token, name, parts)
        value = cache.get(cache_key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(cache_key, value, timeout)
    if memo is not None:
        memo[memo_key] = value
    return value


@contextlib.contextmanager
def read_once():
    """Outside a request (a command, a benchmark), read the token at most once inside the block, as a request
    does; inside a request, the request's own memo serves."""
    if _request_memo.get() is not None:
        yield
        return
    previous = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(previous)


def _request_started(**kwargs):
    _request_memo.set({})


def _request_finished(**kwargs):
    _request_memo.set(None)


def _on_change(sender, **kwargs):
    if kwargs.get("raw"):
        return  # loaddata: the whole fixture is new content anyway, bumped by the next ordinary save
    if is_content(sender):
        bump()


def _on_m2m_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        model = kwargs.get("model")
        instance = kwargs.get("instance")
        if is_content(sender) or (instance is not None and is_content(type(instance))) or is_content(model):
            bump()


def _on_page_event(sender, **kwargs):
    bump()


def connect():
    request_started.connect(_request_started, dispatch_uid="portal_generation_request_started")
    request_finished.connect(_request_finished, dispatch_uid="portal_generation_request_finished")
    post_save.connect(_on_change, dispatch_uid="portal_generation_save")
    post_delete.connect(_on_change, dispatch_uid="portal_generation_delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="portal_generation_m2m")
    page_published.connect(_on_page_event, dispatch_uid="portal_generation_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="portal_generation_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="portal_generation_moved")
