"""Elasticsearch for large sites: the settings of Wagtail's Elasticsearch backend, and connection helpers.

Text reaches Elasticsearch already analyzed by search/analysis.py (the terms joined by spaces), exactly as the
database backends receive it. Elasticsearch must therefore only split on whitespace and lower-case: stemming
again would turn our terms into other words and break the agreement between backends on what matches.
``wagtail_backend_settings(url, index_prefix)`` is ``WAGTAILSEARCH_BACKENDS["default"]``: it replaces the
analyzers Wagtail's Elasticsearch backend relies on with whitespace + lowercase ones. Sections add indexes of
their own on the same principle (resources/elasticsearch.py: the project bank).
"""

import os
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

# Settings modules import this one (wagtail_backend_settings): whatever needs Wagtail is imported where it is used.

# Settings modules import this one (wagtail_backend_settings): whatever needs Wagtail is imported where it is used.

WAGTAIL_BACKEND = "wagtail.search.backends.elasticsearch8"
DEFAULT_INDEX_PREFIX = "portal_"

# Splits on whitespace and lower-cases, nothing else: the terms are already those of search/analysis.py.
PRE_ANALYZED = {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}


def wagtail_index_settings():
    """INDEX_SETTINGS for Wagtail's Elasticsearch backend, deep-merged over its own ``settings``.

    Wagtail maps SearchField values (our ``AnalyzedField`` title and search body, and its ``_all_text`` copies)
    as ``text`` with no analyzer, so the index's ``default`` analyzer applies at index and query time.
    Autocomplete fields are indexed with ``edgengram_analyzer`` and searched with ``standard``: both are
    redefined here (an index-level analyzer takes precedence over the built-in one of the same name). The
    ``filter`` lists replace Wagtail's (lists are not merged), which drops its ``asciifolding``: accents are
    folded by our analyzer, and the query side has none either.
    """
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": dict(PRE_ANALYZED),
                    "standard": dict(PRE_ANALYZED),
                    "edgengram_analyzer": {**PRE_ANALYZED, "filter": ["lowercase", "edgengram"]},
                    "ngram_analyzer": {**PRE_ANALYZED, "filter": ["lowercase", "ngram"]},
                }
            }
        }
    }


def wagtail_backend_settings(url, index_prefix=DEFAULT_INDEX_PREFIX, timeout=10):
    """``WAGTAILSEARCH_BACKENDS["default"]`` for Elasticsearch 8 at ``url``, its indexes named ``index_prefix…``."""
    return {
        "BACKEND": WAGTAIL_BACKEND,
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": wagtail_index_settings(),
    }


def connection_settings():
    """(URL, index prefix): ``settings.ELASTICSEARCH_URL`` / ``ELASTICSEARCH_INDEX_PREFIX``, else the environment."""
    url = getattr(settings, "ELASTICSEARCH_URL", None)
    if url is None:
        url = os.environ.get("ELASTICSEARCH_URL", "")
    prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", None)
    if prefix is None:
        prefix = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", DEFAULT_INDEX_PREFIX)
    return url, prefix


def redacted_url(url):
    """``url`` without its user name and password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
