"""Test run: fast hashing, in-memory e-mail and cache; DATABASE_URL picks PostgreSQL, SQLite otherwise."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'test.sqlite3'}")}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The suite indexes into the database backend and lists the project bank from the database even when
# ELASTICSEARCH_URL is set; the Elasticsearch integration tests talk to that server themselves.
ELASTICSEARCH_URL = ""
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
# A purge repeated seconds later would land in a later test; the test of the repeat turns it on itself.
FRONTEND_CACHE_REPURGE_SECONDS = 0
