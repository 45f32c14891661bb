"""Settings by environment, checked in fresh processes as a deployment would start them."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_django(settings_module, code, **env):
    """Run Python code after django.setup() in a fresh process with exactly these variables."""
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(settings_module, *args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )


PRODUCTION_ENV = {"SECRET_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": "portail.example.ma"}


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("portal.settings.production", "print('started')", ALLOWED_HOSTS="portail.example.ma")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY must be set" in result.stderr
    assert "started" not in result.stdout


def test_production_refuses_a_short_secret_key():
    result = run_django("portal.settings.production", "print('started')", SECRET_KEY="short", ALLOWED_HOSTS="x.ma")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy_without_warning():
    result = manage("portal.settings.production", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_security_settings():
    code = (
        "from django.conf import settings as s\n"
        "print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.DEBUG, s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = run_django("portal.settings.production", code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "('HTTP_X_FORWARDED_PROTO',", "'https')", "True", "True", "True", "31536000", "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]  # fmt: skip


def test_production_keeps_a_workers_database_connection_between_requests(tmp_path):
    """Django closes the connection when a request ends unless CONN_MAX_AGE keeps it; CONN_MAX_AGE=0 gives one
    connection per request again. A kept connection is checked before it is reused."""
    code = (
        "from django.core.signals import request_finished, request_started\n"
        "from django.db import connection\n"
        "request_started.send(None); connection.ensure_connection(); first = connection.connection\n"
        "request_finished.send(None); request_started.send(None); connection.ensure_connection()\n"
        "print(connection.connection is first, connection.settings_dict['CONN_HEALTH_CHECKS'])"
    )
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    kept = run_django("portal.settings.production", code, DATABASE_URL=database, **PRODUCTION_ENV)
    assert kept.stdout.split() == ["True", "True"], kept.stderr
    per_request = run_django(
        "portal.settings.production", code, DATABASE_URL=database, CONN_MAX_AGE="0", **PRODUCTION_ENV
    )
    assert per_request.stdout.split() == ["False", "True"], per_request.stderr


def test_database_url_selects_the_database():
    code = "from django.conf import settings as s; d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])"
    result = run_django("portal.settings.dev", code, DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal")
    assert result.stdout.split() == ["django.db.backends.postgresql", "portal", "127.0.0.1"]
    result = run_django("portal.settings.dev", code)
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"


def test_email_url_configures_smtp():
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS)"
    result = run_django("portal.settings.dev", code, EMAIL_URL="smtp+tls://mailer:secret@mail.example.ma:587")
    assert result.stdout.split() == ["django.core.mail.backends.smtp.EmailBackend", "mail.example.ma", "587", "True"]


def test_elasticsearch_url_switches_the_search_backend():
    code = "from django.conf import settings as s; b = s.WAGTAILSEARCH_BACKENDS['default']; print(b['BACKEND'], b.get('URLS'))"
    result = run_django("portal.settings.dev", code, ELASTICSEARCH_URL="http://127.0.0.1:9200")
    assert result.stdout.split() == ["wagtail.search.backends.elasticsearch8", "['http://127.0.0.1:9200']"]
    result = run_django("portal.settings.dev", code)
    assert result.stdout.split()[0] == "search.backend"


def _redis_available():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def test_redis_url_makes_redis_the_cache():
    if not _redis_available():
        if os.environ.get("CI"):
            pytest.fail("Redis must be running on 127.0.0.1:6379 in CI (.ci/run starts it)")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    key = secrets.token_hex(8)
    code = (
        "from django.core.cache import caches\n"
        "cache = caches['default']\n"
        f"cache.set('probe-{key}', 'ok', 30)\n"
        "import redis, os\n"
        "client = redis.Redis.from_url(os.environ['REDIS_URL'])\n"
        f"print(type(cache).__name__, any(k.decode().endswith('probe-{key}') for k in client.keys('*probe-{key}')))\n"
        f"cache.delete('probe-{key}')"
    )
    result = run_django("portal.settings.dev", code, REDIS_URL="redis://127.0.0.1:6379/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ForgivingRedisCache", "True"]


def test_public_pages_allow_nothing_from_other_hosts(client, db):
    response = client.get("/ar/search/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "http" not in policy and "*" not in policy


def test_admin_policy_still_allows_no_other_host(client, db):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy
    assert "http" not in policy and "*" not in policy


def test_a_sqlite_file_is_shared_by_processes_in_wal_mode(tmp_path):
    """The embedded database as `make run` and `make serve` open it: WAL, commits without a disk flush, and a write
    lock taken when a transaction starts (several gunicorn workers write search counts to the same file)."""
    code = (
        "from django.db import connection, transaction\n"
        "with transaction.atomic():\n"
        "    cursor = connection.cursor()\n"
        "    cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0])\n"
        "    cursor.execute('PRAGMA synchronous'); print(cursor.fetchone()[0])\n"
        "    print(connection.in_atomic_block, connection.transaction_mode)\n"
    )
    result = run_django("portal.settings.dev", code, DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["wal", "1", "True IMMEDIATE"]


def test_the_wsgi_application_freezes_what_it_loaded():
    """portal/wsgi.py moves the objects loaded at start out of the garbage collector's scans (gc.freeze)."""
    result = run_django("portal.settings.dev", "import gc\nimport portal.wsgi\nprint(gc.get_freeze_count())")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 10_000


def test_notification_links_follow_the_port_the_portal_is_run_on():
    code = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    assert run_django("portal.settings.dev", code, PORT="8123").stdout.strip() == "http://127.0.0.1:8123"
    configured = run_django("portal.settings.dev", code, PORT="8123", WAGTAILADMIN_BASE_URL="https://admin.coop.ma")
    assert configured.stdout.strip() == "https://admin.coop.ma"
