# The two commands of the README: `make run` (portal on 127.0.0.1:$(PORT)) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: setup run test lint messages admin-password

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
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

# The suite runs on SQLite, or on the PostgreSQL database that DATABASE_URL names.
test: setup
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

admin-password: $(VENV)/.installed
	$(PY) manage.py changepassword admin
