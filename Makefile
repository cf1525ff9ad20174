# Two entry points for a fresh machine: `make run` and `make test` (see README.md).
VENV   := .venv
BIN    := $(VENV)/bin
PYTHON ?= python3
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests need: the browser, LibreOffice for PDF layout checks, PostgreSQL.
DEBS   := chromium libreoffice-writer-nogui poppler-utils postgresql fonts-dejavu-core
PYTEST_ARGS ?=

.PHONY: run test install install-dev system-deps translations lint

run: install translations
	$(BIN)/flask --app drafting run --host 127.0.0.1 --port 5000

test: system-deps install-dev translations lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

install-dev: $(VENV)/.dev-installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

system-deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

translations: install
	@if [ -d drafting/translations ]; then $(BIN)/pybabel -q compile -f -d drafting/translations; fi

lint: install-dev
	$(BIN)/ruff check .
