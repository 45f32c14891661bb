"""The search backend the portal configures: Wagtail's database backend, writing the project's own index too.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", ...}}``. ``SearchBackend(params)`` is the
backend ``wagtail.search.backends.database`` chooses for the database in use (SQLite with FTS5, PostgreSQL, or
its fallback), whose index class (the backend's documented ``index_class``) also writes search/dbindex.py's
tables: indexing on save, removal on delete and ``manage.py update_index`` keep them in step with Wagtail's own.
"""

from functools import cache

from wagtail.search.backends import database

from search.dbindex import WritesTerms


@cache
def writing_terms(index_class):
    """``index_class`` with ``WritesTerms`` in front: one class per Wagtail index class."""
    return type(index_class.__name__, (WritesTerms, index_class), {"__module__": __name__})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database.SearchBackend(params)
    backend.index_class = writing_terms(backend.index_class)
    return backend
