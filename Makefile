# Every target sets itself up: a fresh clone needs only `make serve` or `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# make test-pythons gives each Python its own (VENV=.venv-3.12)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.txt | sha1sum | cut -c1-12)
PYTHON ?= python3
NODE_STAMP := node_modules/.installed
BENCH_STAMP := $(VENV)/.bench-$(shell cat bench/requirements.txt | sha1sum | cut -c1-12)
PROPERDOCS_STAMP := $(VENV)/.properdocs-$(shell cat requirements-properdocs.txt | sha1sum | cut -c1-12)
ZENSICAL_STAMP := $(VENV)/.zensical-$(shell cat requirements-zensical.txt | sha1sum | cut -c1-12)
# The engine that builds the site: mkdocs (default), properdocs (MkDocs 1.6's maintained fork,
# same hooks), or zensical (Material's successor: no hooks; the placeholders run as a Markdown
# extension and the generated files as a step after it). README, "Platform".
ENGINE ?= mkdocs
ENGINE_ARGS := $(if $(filter properdocs,$(ENGINE)),-f mkdocs.yml)
ENGINE_STAMP := $(if $(filter properdocs,$(ENGINE)),$(PROPERDOCS_STAMP))$(if $(filter zensical,$(ENGINE)),$(ZENSICAL_STAMP))
export ENGINE
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

export NO_MKDOCS_2_WARNING := 1 # Material's end-of-life notice, printed on every build
export PYTHONPATH := hooks
# Reproducible builds: dates in the output (sitemap, gzip headers) come from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: help serve build test test-fast test-pythons lint format bench bench-quick fuzz audit schema check lock clean review

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements-dev.txt requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

$(PROPERDOCS_STAMP): $(STAMP) requirements-properdocs.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-properdocs.txt
	rm -f $(VENV)/.properdocs-* && touch $@

$(ZENSICAL_STAMP): $(STAMP) requirements-zensical.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-zensical.txt
	rm -f $(VENV)/.zensical-* && touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# --dirty: a rebuild writes only what an edit touches (hooks/preview_rebuilds.py).
PORT ?= 8000
ifneq ($(shell echo '$(PORT)' | grep -Ex '[0-9]{1,5}'),$(PORT))
$(error PORT must be a number such as 8001, not '$(PORT)')
endif
serve: $(STAMP) $(ENGINE_STAMP) ## Build and serve the site on http://127.0.0.1:8000 (PORT=8001: another port), reloading on every change
	$(BIN)/$(ENGINE) serve $(ENGINE_ARGS) --strict --dirty -a 127.0.0.1:$(PORT)

build: $(STAMP) $(ENGINE_STAMP) ## Strict build of the site into site/ (ENGINE=properdocs or zensical: with those)
ifeq ($(ENGINE),zensical)
	$(BIN)/python hooks/generate_site.py --check --strict -f zensical.yml # every problem at once, first
	$(BIN)/zensical build --strict -f zensical.yml # not --clean: it deletes .cache/, the image cache too
	$(BIN)/python hooks/generate_site.py --strict -f zensical.yml
else
	$(BIN)/$(ENGINE) build $(ENGINE_ARGS) --strict
endif

test: $(STAMP) $(NODE_STAMP) $(PROPERDOCS_STAMP) $(ZENSICAL_STAMP) ## Run every test (installs Chromium if missing and it can)
	scripts/ensure-chromium.sh "$(CHROMIUM_PATH)"
	scripts/ensure-java.sh
	$(BIN)/pytest

# The Pythons README promises (pyproject.toml's requires-python), oldest to newest. Each is
# found as pythonX.Y on the PATH, or else in pyenv's versions (whose shims answer only for the
# version selected).
PYTHON_VERSIONS ?= 3.11 3.12 3.13
test-pythons: ## make test on each Python promised (3.11-3.13), each in its own .venv-X.Y; skips one the machine lacks
	@for v in $(PYTHON_VERSIONS); do \
	  py=$$(command -v python$$v 2>/dev/null); \
	  if [ -z "$$py" ] || ! "$$py" -c '' >/dev/null 2>&1; then \
	    py=$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$v.*/bin/python$$v 2>/dev/null | tail -n 1); fi; \
	  if [ -z "$$py" ] || ! "$$py" -c '' >/dev/null 2>&1; then \
	    echo "make test-pythons: Python $$v is not on this machine: skipped (install it, or set PYTHON_VERSIONS=...)"; \
	    continue; fi; \
	  echo "make test-pythons: Python $$v ($$py)"; \
	  $(MAKE) --no-print-directory test PYTHON=$$py VENV=.venv-$$v || exit 1; \
	done

test-fast: $(STAMP) $(ZENSICAL_STAMP) ## The quick lane: every test not marked slow (no browser; under a minute)
	$(BIN)/pytest -m "not slow"

BASE ?= main
review: $(STAMP) ## What this change does to the published figures and pages, against BASE (default: main)
	$(BIN)/python scripts/review.py --base $(BASE) $(if $(MARKDOWN),--markdown) $(if $(PREVIEW_URL),--preview-url $(PREVIEW_URL))

lint: $(STAMP) $(NODE_STAMP) ## Ruff (Python), markdownlint (Markdown), yamllint (YAML), zizmor (workflows)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/markdownlint-cli2 --config guides.markdownlint-cli2.jsonc # README, CONTRIBUTING
	node_modules/.bin/markdownlint-cli2 --config docs.markdownlint-cli2.jsonc # every page in docs/
	$(BIN)/yamllint --strict --format $(if $(GITHUB_ACTIONS),github,parsable) . # file:line:col, or annotations
	$(BIN)/zizmor --offline --quiet .github/workflows/ # pinned actions, no injection, no persisted token

format: $(STAMP) ## Ruff: fix formatting
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(BENCH_STAMP): $(STAMP) bench/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r bench/requirements.txt
	rm -f $(VENV)/.bench-* && touch $@

bench: $(BENCH_STAMP) ## Benchmark: hooks (warm, cold) vs plain Material vs mkdocs-macros, N=30/300 (about 10 min)
	$(BIN)/python scripts/bench.py

bench-quick: $(BENCH_STAMP) ## The benchmark's smoke test (N=10, 30; under a minute; CI runs it)
	$(BIN)/python scripts/bench.py --quick

fuzz: $(STAMP) ## Property-based fuzzing with many more examples than make test (minutes)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_fuzz.py -p no:cacheprovider

audit: $(STAMP) $(NODE_STAMP) ## Lighthouse scores of every page (gzip, 127.0.0.1), beside default Material
	$(BIN)/python scripts/audit.py

schema: $(STAMP) ## Regenerate schema/*.json from the data models
	$(BIN)/python -m survey_data.schema schema

check: lint test build ## What CI runs: lint, tests, strict build

lock: ## Re-lock requirements*.txt from requirements*.in (needs pip-tools)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-dev.txt requirements-dev.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-properdocs.txt requirements-properdocs.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-zensical.txt requirements-zensical.in

clean: ## Remove site/ and the virtual environment
	rm -rf site $(VENV)
