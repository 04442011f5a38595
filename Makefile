# giamsat — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils chromium fonts-dejavu-core
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
ADDR ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n 2

.DEFAULT_GOAL := help

help: ## Show this help
	@echo "giamsat — theo dõi thực hiện Nghị quyết 57-NQ/TW"
	@grep -E '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

system-deps: ## Install Debian packages (Tesseract + Vietnamese, Chromium, poppler) when missing
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
	    || { echo "Could not install:$$missing (OCR and browser tests need them)"; exit 1; }; \
	fi

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	@touch $(STAMP)

install: system-deps $(STAMP) ## Create .venv and install giamsat with its dependencies

migrate: install ## Create or update the SQLite database under var/
	$(VENV)/bin/giamsat migrate --noinput

demo: migrate ## Load the demo data built from the seed plans (idempotent)
	$(VENV)/bin/giamsat demo

run: demo ## Install, migrate, load the demo and serve on http://127.0.0.1:8000
	@echo "giamsat: http://$(ADDR)/  (Ctrl+C to stop)"
	$(VENV)/bin/giamsat serve $(ADDR)

test: install ## Run the tests on SQLite, then on PostgreSQL when reachable (always under CI)
	@set -e; \
	echo "== tests on SQLite =="; \
	env -u DATABASE_URL $(VENV)/bin/pytest $(PYTEST_ARGS); \
	if $(PY) -c "import psycopg,sys; psycopg.connect('$(PG_URL)', dbname='postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== database tests on PostgreSQL ($(PG_URL)) =="; \
	  DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS) giamsat; \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL is not reachable at $(PG_URL), and CI requires it"; exit 1; \
	else \
	  echo "PostgreSQL not reachable at $(PG_URL): ran the tests on SQLite only"; \
	fi

lint: install ## Check the code with ruff
	$(VENV)/bin/ruff check giamsat bench
	$(VENV)/bin/ruff format --check giamsat bench || true

messages: install ## Refresh the English catalogue (giamsat/locale/en) and compile it
	@command -v xgettext >/dev/null || { echo "makemessages needs GNU gettext: apt-get install gettext"; exit 1; }
	cd giamsat && GIAMSAT_VAR_DIR=$(CURDIR)/var $(abspath $(VENV))/bin/django-admin makemessages \
	  --settings=giamsat.settings -l en --ignore=locale --ignore=tests --no-obsolete --add-location=file
	cd giamsat && GIAMSAT_VAR_DIR=$(CURDIR)/var $(abspath $(VENV))/bin/django-admin compilemessages \
	  --settings=giamsat.settings -l en
	@msgfmt --check --statistics -o /dev/null giamsat/locale/en/LC_MESSAGES/django.po

bench: install ## Run the benchmarks in bench/ and print their figures
	@for f in bench/*.py; do echo "== $$f"; $(PY) $$f; done

clean: ## Remove var/ (database, uploads, screenshots); keeps .venv
	@read -p "Delete var/ (database and uploads)? [y/N] " ok; [ "$$ok" = y ] && rm -rf var || echo "kept"

.PHONY: help system-deps install migrate demo run test lint messages bench clean
