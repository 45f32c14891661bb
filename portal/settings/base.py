"""Settings shared by every environment; each value that differs between machines comes from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

from search.elasticsearch import wagtail_backend_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# Section apps plug into the core; PORTAL_SECTIONS lets a deployment (or a test) run without one.
DEFAULT_SECTIONS = ("programs", "resources")
PORTAL_SECTIONS = [
    name.strip() for name in env.str("PORTAL_SECTIONS", default=",".join(DEFAULT_SECTIONS)).split(",") if name.strip()
]

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin-style apps that read model fields.
    "modeltranslation",
    "portal",
    "home",
    "editorial",
    "search",
    "safety",
    "serving",
    *PORTAL_SECTIONS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "safety.middleware.AdminHostMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 on the final response; then Cache-Control and Vary per kind of response (serving/middleware.py).
    "django.middleware.http.ConditionalGetMiddleware",
    "serving.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout noticed during the request into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The embedded SQLite database is the default; DATABASE_URL switches to PostgreSQL in production.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several application processes share the file: readers never wait for a writer (WAL), a commit is not a disk
    # flush (synchronous=NORMAL, still safe in WAL), and a transaction takes the write lock when it starts
    # (IMMEDIATE) instead of failing with "database is locked" when it first writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# With Redis, a cache that fails is a miss (serving/cache.py): pages come back, computed afresh, and the process
# leaves Redis alone this many seconds before trying again.
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=10)
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "serving.cache.ForgivingRedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": "portal",
            "TIMEOUT": 300,
            # A Redis that does not answer costs a request at most this long, once per CACHE_RETRY_SECONDS.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # Sessions are read from Redis and kept in the database too, so an editor stays logged in (and keeps the
    # page being edited) while Redis is down or after it restarts empty.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Per process. Room for the values and HTML fragments kept under the content generation (serving/generation.py):
    # Django's default of 300 entries would be culled by a few dozen distinct searches and filtered listings.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 3000}}}

# The caching proxy in front (deploy/varnish/portal.vcl), purged when content changes (serving/purge.py):
# FRONTEND_CACHE_URL is where it listens, e.g. http://127.0.0.1:8000; unset, nothing is purged.
FRONTEND_CACHE_URL = env.str("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "serving.purge.VarnishBackend", "LOCATION": FRONTEND_CACHE_URL}}
# Each purge is sent again this many seconds later (0: never), for a page rendered from the old content while the
# change committed and stored by the proxy just after the first purge (serving/purge.py).
FRONTEND_CACHE_REPURGE_SECONDS = env.float("FRONTEND_CACHE_REPURGE_SECONDS", default=5)
# Purges name each language's URLs themselves (serving/purge.py), not Wagtail's /ar/ → /fr/ prefix swap.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Seconds the proxy keeps each kind of shared response at most (purges and call status changes come sooner).
SERVING_CACHE_LIFETIMES = {
    "page": env.int("CACHE_PAGE_SECONDS", default=3600),
    "feed": env.int("CACHE_FEED_SECONDS", default=3600),
    "sitemap": env.int("CACHE_SITEMAP_SECONDS", default=3600),
    "api": env.int("CACHE_API_SECONDS", default=600),
}

# django-axes first: it refuses any login (admin or other) for a username and address locked out after failures.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Arabic first (the first Locale and the root page take LANGUAGE_CODE at the first migrate).
LANGUAGE_CODE = "ar"
# Formats over Django's own where Morocco differs (portal/formats/ar: the week starts on Monday).
FORMAT_MODULE_PATH = ["portal.formats"]
LANGUAGES = [("ar", "العربية"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Translate" makes a draft, never a live copy of the untranslated text; it goes live when its translation is
# published (portal.translating).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ar",), "ar": ("fr",)}

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="بوابة التعاونيات")
# The address in notification e-mails' links: the portal as `make run` serves it (PORT), unless configured.
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}")
# The admin loads nothing from another host: no avatars from gravatar.com (which would also receive a hash of each
# editor's address); an editor uploads a picture under Account instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_MODEL = "portal.PortalDocument"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png"}
# Uploads: these types only, checked by content as well as by name (safety/uploads.py), and a size limit.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "safety.uploads.CheckedDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)
WAGTAILIMAGES_IMAGE_FORM_BASE = "safety.uploads.CheckedImageForm"
# Text reaches the index already analyzed (search/analysis.py): PostgreSQL must not stem it again, and
# Elasticsearch (when ELASTICSEARCH_URL is set) only splits it on whitespace.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="portal_")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = wagtail_backend_settings(ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)

# E-mail: EMAIL_URL (smtp://user:pass@host:port, consolemail://) — console output in development.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content-Security-Policy: nothing from any other host, ever.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# The Wagtail admin still relies on inline scripts and styles; it gets those, and still no other host.
PORTAL_ADMIN_CSP_UPDATE = {"script-src": ["'unsafe-inline'", "'unsafe-eval'"], "style-src": ["'unsafe-inline'"]}
PORTAL_ADMIN_PATH_PREFIXES = ("/admin/",)

X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it to SAMEORIGIN themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGIN_URL = "wagtailadmin_login"

# Admin only over its own host: when ADMIN_HOST is set, /admin/ answers 404 on every other host name.
ADMIN_HOST = env.str("ADMIN_HOST", default="")
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failures for one username from one address, that
# pair is refused for LOGIN_COOLOFF_MINUTES, with the same page whether the account exists or not.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "safety.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "safety.throttling.client_ip"
AXES_USERNAME_CALLABLE = "safety.throttling.client_username"
AXES_ENABLE_ADMIN = False
# Behind a reverse proxy, how many proxies append to X-Forwarded-For (0: the address is REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
