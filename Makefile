# Everyday commands. `make run` serves the portal with demo content; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
ASSOCIATION ?= ampcp
PYTEST_ARGS ?=

export DJANGO_SETTINGS_MODULE := config.settings
# Production (DEBUG=false) refuses to serve without a real SECRET_KEY: the targets that serve as
# in production (lighthouse, weight, load, bench) get a throwaway one unless one is set.
LOCAL_SECRET_KEY = $(or $(SECRET_KEY),$(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))'))

.PHONY: bench-search lock audit load lighthouse weight run setup test lint fmt messages demo demo-reset browser screenshots bench clean help backup restore

help:
	@echo "make run        set up and serve the portal with demo content at http://127.0.0.1:$(PORT)/"
	@echo "make test       set up and run the whole test suite"
	@echo "make lint       ruff, the import contracts (import-linter) and the migrations check"
	@echo "make lock       recompile requirements*.txt (pinned, with hashes) from requirements*.in"
	@echo "make audit      pinned dependencies checked against published advisories (pip-audit)"
	@echo "make messages   extract interface strings into the ar and fr catalogues"
	@echo "make browser    install Debian's Chromium for the browser tests (root)"
	@echo "make load       100 clients for 60 s on public pages and training registration, zero errors"
	@echo "make lighthouse Lighthouse scores (mobile) of the home, press, calendar and bureau pages"
	@echo "make weight     bytes transferred by the home, press and calendar pages, first and repeat visit"
	@echo "make screenshots  every public page in ar/fr, phone and desktop, into screenshots/"
	@echo "make backup     database content and media into backups/ (FILE=... to choose)"
	@echo "make restore FILE=...  replace all content with a backup"
	@echo "make demo-reset wipe the local SQLite database and load ASSOCIATION=$(ASSOCIATION)"

# requirements*.txt are lock files with hashes (`make lock` compiles them from requirements*.in):
# pip checks every file it installs against them.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# Recompile the lock files after changing requirements*.in (pip-tools, hashes for every file).
lock: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

setup: $(VENV)/.installed
	$(PY) manage.py compile_catalogues
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --association $(ASSOCIATION)

run: setup
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Node tools for the HTML checker (vnu.jar, Java) and Lighthouse; without npm their tests skip.
node_modules/.installed: package.json package-lock.json
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; fi

test: $(VENV)/.installed node_modules/.installed
	$(PY) manage.py compile_catalogues
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

# Known vulnerabilities in the pinned dependencies (.ci/audit.py says what it could not check).
audit: $(VENV)/.installed
	$(PY) .ci/audit.py

fmt: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Project-wide strings go to locale/; the apps with their own catalogues (members, bureau,
# events, training, assembly) are left out of it and keep their strings in <app>/locale/.
PROJECT_MESSAGES_IGNORE := members bureau events training assembly .venv node_modules staticfiles media tests bench
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l ar -l fr --no-obsolete $(foreach dir,$(PROJECT_MESSAGES_IGNORE),--ignore=$(dir))
	for app in members bureau events training assembly; do \
	  if [ -d $$app/locale ]; then (cd $$app && ../$(PY) ../manage.py makemessages -l ar -l fr --no-obsolete); fi; \
	done
	$(PY) manage.py compile_catalogues

# Database (pg_dump / SQLite backup) and media files in one archive, mode 0600, encrypted with
# BACKUP_ENCRYPTION_KEY (portal/backups.py); restore replaces everything.
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

# Lighthouse (mobile) on the main pages, served as in production (gunicorn, hashed static files).
lighthouse: setup browser node_modules/.installed
	$(PY) manage.py collectstatic --noinput -v0
	DEBUG=false SECRET_KEY=$(LOCAL_SECRET_KEY) ALLOWED_HOSTS=127.0.0.1 \
	  STATICFILES_BACKEND=whitenoise.storage.CompressedManifestStaticFilesStorage \
	  $(VENV)/bin/gunicorn config.wsgi -b 127.0.0.1:$(PORT) -w 2 >/dev/null 2>&1 & \
	  pid=$$!; sleep 3; $(PY) bench/lighthouse.py http://127.0.0.1:$(PORT); status=$$?; \
	  kill $$pid; exit $$status

# Page weight (first visit under 250 KB, repeat visit only the HTML), served as in production.
weight: setup browser
	DEBUG=false STATICFILES_BACKEND=whitenoise.storage.CompressedManifestStaticFilesStorage $(PY) manage.py collectstatic --noinput -v0
	DEBUG=false SECRET_KEY=$(LOCAL_SECRET_KEY) ALLOWED_HOSTS=127.0.0.1 \
	  STATICFILES_BACKEND=whitenoise.storage.CompressedManifestStaticFilesStorage \
	  $(VENV)/bin/gunicorn config.wsgi -b 127.0.0.1:$(PORT) -w 2 >/dev/null 2>&1 & \
	  pid=$$!; sleep 3; $(PY) bench/page_weight.py http://127.0.0.1:$(PORT); status=$$?; \
	  kill $$pid; exit $$status

# Load test: 100 clients for 60 s on the public pages and training registration (PostgreSQL).
load: $(VENV)/.installed
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	SECRET_KEY=$(LOCAL_SECRET_KEY) $(PY) bench/load.py

browser:
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Benchmark at a national association's size (bench/README.md): generates into a scratch
# PostgreSQL database (dropped and recreated: its name must contain "bench"), then measures.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/9
BENCH_SCALE ?= national
bench: $(VENV)/.installed
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(PY) manage.py compile_catalogues
	SECRET_KEY=$(LOCAL_SECRET_KEY) DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/generate.py --fresh --scale $(BENCH_SCALE)
	SECRET_KEY=$(LOCAL_SECRET_KEY) DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) \
	  CACHE_KEY_PREFIX=bench $(PY) bench/report.py

# Search server time at national scale on PostgreSQL and on SQLite (bench/search.py, issue 21):
# each database generated afresh (about 4 minutes each on a quiet machine), then every query of
# the relevance suite timed through the results page.
BENCH_SQLITE ?= $(CURDIR)/bench/results/portal_bench.sqlite3
bench-search: $(VENV)/.installed
	$(PY) manage.py compile_catalogues
	mkdir -p bench/results
	for url in $(BENCH_DATABASE_URL) sqlite:///$(BENCH_SQLITE); do \
	  SECRET_KEY=$(LOCAL_SECRET_KEY) DATABASE_URL=$$url $(PY) bench/generate.py --fresh --scale $(BENCH_SCALE) && \
	  SECRET_KEY=$(LOCAL_SECRET_KEY) DATABASE_URL=$$url $(PY) bench/search.py || exit 1; \
	done
