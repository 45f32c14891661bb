"""Settings of the portal served to the browser tests and the page-weight benchmark (tests/browser/server.py).

Production settings (DEBUG off, WhiteNoise's fingerprinted and compressed static files, the
Content-Security-Policy) on plain HTTP over loopback: no HTTPS redirect, no secure-only cookies, and uploaded
media served by Django as the front proxy would in production.
"""

from portal.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
ROOT_URLCONF = "tests.browser.urls"
