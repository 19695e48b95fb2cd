# Koonto CMS: the commands people and CI use. Only Python 3.11 and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install migrate demo messages check clean

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

## run: install, migrate, load the demo content and serve http://127.0.0.1:8000/
# Scheduled publishing runs every minute beside the dev server and stops with it.
run: demo
	@echo "Serving Koonto at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@trap 'kill 0' INT TERM EXIT; \
	( while true; do $(MANAGE) publish_scheduled >/dev/null; sleep 60; done ) & \
	$(MANAGE) runserver $(HOST):$(PORT)

## test: install and run the whole test suite (SQLite, or DATABASE_URL)
test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: update the fi/en catalogues from the code and templates, then compile them
messages: install
	$(MANAGE) makemessages --no-obsolete --locale fi --locale en --ignore '.venv/*' --ignore 'static/*' --no-location
	$(MANAGE) compile_catalogues

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest-db*.sqlite3 static
