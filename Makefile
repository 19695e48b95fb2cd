# Koonto CMS: the commands people and CI use. Only Python 3.11 and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install migrate demo demo-messages messages check clean
.PHONY: test-browser
.PHONY: serve backup restore fault-test bench
.PHONY: bench-search bench-demo headless-demo headless-check api-contract

# The virtualenv is rebuilt only when requirements.txt changes, so a second `make run` is fast.
$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) setup_editorial
	$(MANAGE) ensure_admin

# Every absolute URL (canonical, hreflang, feeds, sitemap, API) and the Site record use this
# origin (koonto/origin.py); `load_demo` points the Site record at it.
run demo: export KOONTO_PUBLIC_URL ?= http://$(HOST):$(PORT)

## run: install, migrate, load the demo content and serve http://127.0.0.1:8000/
# Scheduled publishing, funding-call reminders, the outbox (mail of the forms) and the deletion of personal data past its
# retention period run every minute beside the dev server and stop with it (docs/deploy.md).
run: demo
	@echo "Serving Koonto at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@trap 'kill 0' INT TERM EXIT; \
	( while true; do $(MANAGE) publish_scheduled >/dev/null; $(MANAGE) send_reminders; $(MANAGE) send_registration_reminders; $(MANAGE) send_outbox; \
	  $(MANAGE) enforce_retention >/dev/null; sleep 60; done ) & \
	$(MANAGE) runserver $(HOST):$(PORT)

## serve: run as production does (production settings, collectstatic, migrate, gunicorn, media too)
# docs/deploy.md. Without SECRET_KEY a throwaway key is made for this run (and said so).
serve: install
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

## backup: PostgreSQL dump and media archive into BACKUP_DIR (default backups/), timestamped
backup:
	scripts/backup.sh

## restore: FILE=backups/koonto-<time>.tar into an empty database (DATABASE_URL) and MEDIA_ROOT
restore:
	scripts/restore.sh "$(FILE)"

## fault-test: database restart under load, mixed load, hostile requests (not in `make test`)
# Restarts this machine's PostgreSQL; report in faults/results/latest.md.
fault-test: install
	$(BIN)/python faults/run.py

## bench: build a large site (BENCH_SCALE=1: ~11,000 pages) in PostgreSQL and measure it (bench/README.md)
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/koonto_bench
BENCH_SCALE ?= 1
BENCH_SECONDS ?= 5
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) LOG_LEVEL=WARNING $(BIN)/python -m bench.generate --scale $(BENCH_SCALE)
	DATABASE_URL=$(BENCH_DATABASE_URL) LOG_LEVEL=WARNING $(BIN)/python -m bench.run --seconds $(BENCH_SECONDS)

## bench-demo: CPU ms per request on the demo site (`make demo`'s SQLite database), uncached and with Redis
bench-demo: demo
	LOG_LEVEL=WARNING $(BIN)/python -m bench.run --seconds $(BENCH_SECONDS) --report demo

## bench-search: search indexing and latency on SQLite and PostgreSQL (bench/search.py; BENCH_SEARCH_PAGES)
BENCH_SEARCH_PAGES ?= 10000
bench-search: install
	LOG_LEVEL=WARNING $(BIN)/python -m bench.search --pages $(BENCH_SEARCH_PAGES)

## headless-demo: render every demo page in fi and en from the API alone (examples/headless/) into
# examples/headless/out/, printing the API requests per page; fails if a page needs more than two,
# differs in its main content from the site's HTML page, or a sitemap page was not reached.
# It starts no server: run `make run` in another terminal first (same HOST and PORT).
headless-demo: install
	$(BIN)/python -m examples.headless --base-url http://$(HOST):$(PORT) --out examples/headless/out --max-requests 2 --sitemap

## headless-check: the same against a demo site of its own (fresh database, own port): what CI runs
# (scripts/headless_check.sh); fails on more than two requests, a difference or an unreached page.
headless-check: install
	scripts/headless_check.sh

## test: install and run the whole test suite (SQLite, or DATABASE_URL)
# The browser tests (tests/browser/) run when Chromium is installed (without it they are deselected
# with a note on installing it); KOONTO_BROWSER_TESTS=0 leaves them out (CI's PostgreSQL run).
test: install
	KOONTO_BROWSER_TESTS=$(KOONTO_BROWSER_TESTS) $(BIN)/pytest $(PYTEST_ARGS)

## test-browser: only the real-browser tests: journeys in Chromium, axe-core WCAG 2.1 A/AA, screenshots in test-results/
test-browser: install
	$(BIN)/pytest -m browser tests/browser $(PYTEST_ARGS)

## lint: ruff, and the layers of docs/architecture.md (import-linter, and model lookups by label)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_model_lookups.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## demo-messages: update demo/content/en.po (English of the demo) after a change to the Finnish demo data
# It reads the page models' content types, hence the migrated database.
demo-messages: migrate
	$(MANAGE) demo_messages

## messages: update the fi/en catalogues from the code and templates, then compile them
messages: install
	$(MANAGE) makemessages --no-obsolete --locale fi --locale en --ignore '.venv/*' --ignore 'static/*' --no-location
	$(MANAGE) compile_catalogues

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest-db*.sqlite3 static

## api-contract: schemathesis (every check, every GET operation) and a generated typed client against
# a live server on the demo site (tests/api/test_contract.py; `make test` runs it too)
api-contract: install
	$(BIN)/pytest tests/api/test_contract.py -q
