# The two commands of the README: `make run` (portal on 127.0.0.1:$(PORT)) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The settings read PORT too: the addresses in notification e-mails (WAGTAILADMIN_BASE_URL) follow `PORT=… make run`.
export PORT
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: setup run serve test lint messages admin-password browser-deps serve-deps lucene-deps

# What production installs (requirements.txt); the test and lint tools come on top (requirements-dev.txt).
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Everything `make run` does except serving: install, compile translations, migrate, demo content, admin account.
setup: $(VENV)/.installed messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin --port $(PORT)

messages: $(VENV)/.installed
	$(PY) manage.py compile_catalogues

run: setup
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# As in production: Varnish on 127.0.0.1:$(PORT) in front of gunicorn, DEBUG off, purged on publish (deploy/serve.sh).
serve: setup serve-deps
	PORT=$(PORT) PY=$(PY) deploy/serve.sh

# Debian's Varnish, for `make serve` and the tests of tests/serving.
serve-deps:
	@command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish; }

# The suite runs on SQLite, or on the PostgreSQL database that DATABASE_URL names.
test: setup $(VENV)/.installed-dev browser-deps serve-deps lucene-deps
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest

# The browser tests (tests/browser) drive Debian's Chromium, never a downloaded browser, and inject axe-core
# from the npm registry (exact version in package-lock.json).
browser-deps: node_modules/.installed
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

# The search parity test (tests/search/test_lucene_parity.py) checks our analyzer token by token against Lucene's
# ArabicAnalyzer (Elasticsearch's `arabic`): Debian's Lucene 8 jars and a JDK to compile its small Java program.
lucene-deps:
	@{ ls /usr/share/java/lucene-analyzers-common-8*.jar && command -v javac; } >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblucene8-java openjdk-17-jdk-headless; }

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund
	touch $@

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

admin-password: $(VENV)/.installed
	$(PY) manage.py changepassword admin
