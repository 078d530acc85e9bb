# octa: two commands on a fresh Debian machine — `make run` (workbench on the embedded data)
# and `make test` (lint and every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages octa needs at run time (WeasyPrint's Pango) and for tests (PDF to PNG, browser).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils
OCTA_DB ?= octa.db
PORT ?= 8000
export OCTA_DB

.PHONY: install system-deps run test lint docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Installs missing Debian packages when running as root with apt; otherwise says what is missing.
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install these Debian packages:$$missing"; fi; \
	fi

run: install
	$(BIN)/octa init --if-needed
	$(BIN)/octa profile BE
	$(BIN)/octa rank --by criminality --limit 15
	@echo "octa workbench: http://127.0.0.1:$(PORT)/  (API docs: http://127.0.0.1:$(PORT)/docs; Ctrl-C stops it)"
	$(BIN)/octa serve --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
