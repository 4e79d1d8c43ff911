# Everyday commands. `make run` serves the portal with demo content; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
ASSOCIATION ?= ampcp
PYTEST_ARGS ?=

export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run setup test lint fmt messages demo demo-reset browser screenshots bench clean help backup restore

help:
	@echo "make run        set up and serve the portal with demo content at http://127.0.0.1:$(PORT)/"
	@echo "make test       set up and run the whole test suite"
	@echo "make lint       ruff and the migrations check"
	@echo "make messages   extract interface strings into the ar and fr catalogues"
	@echo "make browser    install Debian's Chromium for the browser tests (root)"
	@echo "make screenshots  every public page in ar/fr, phone and desktop, into screenshots/"
	@echo "make backup     database content and media into backups/ (FILE=... to choose)"
	@echo "make restore FILE=...  replace all content with a backup"
	@echo "make demo-reset wipe the local SQLite database and load ASSOCIATION=$(ASSOCIATION)"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py compile_catalogues
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --association $(ASSOCIATION)

run: setup
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed
	$(PY) manage.py compile_catalogues
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

fmt: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Project-wide strings go to locale/; an app with its own locale/ folder keeps its strings there.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l ar -l fr --no-obsolete --ignore=node_modules --ignore=staticfiles
	for app in members bureau events training; do \
	  if [ -d $$app/locale ]; then (cd $$app && ../$(PY) ../manage.py makemessages -l ar -l fr --no-obsolete); fi; \
	done
	$(PY) manage.py compile_catalogues

# Database content and media files in one archive (backups/); restore replaces everything.
backup: $(VENV)/.installed
	$(PY) manage.py backup_portal $(if $(FILE),--output $(FILE),)

restore: $(VENV)/.installed
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/portal-....tar.gz" && exit 2)
	$(PY) manage.py restore_portal $(FILE)

demo-reset: $(VENV)/.installed
	rm -f db.sqlite3
	$(MAKE) setup ASSOCIATION=$(ASSOCIATION)

# Screenshots of the public pages in each language, phone and desktop widths, for review.
screenshots: setup browser
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT) --noreload >/dev/null 2>&1 & \
	  pid=$$!; sleep 3; $(PY) bench/screenshots.py http://127.0.0.1:$(PORT) screenshots; status=$$?; \
	  kill $$pid; exit $$status

browser:
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
