# Two commands from nothing: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORE   := .venv-core
DATA   ?= ../shared/data

.PHONY: demo test test-core lint install dev backtest bench clean browser fuzz screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

## make demo: install (the core: forecast needs no extra) and forecast the built-in scenario
demo: install
	$(BIN)/realpolitik forecast

## Headless Chromium for the browser tests (Debian packages; needs root or sudo when missing)
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	else SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null && \
	  /usr/bin/chromium --version; fi

## make screenshots: the README's images (docs/img/*.png) from the real report and dashboard,
## photographed in headless Chromium (not part of make test)
screenshots: dev browser
	$(BIN)/python .ci/screenshots.py --out docs/img

## make test: linters, the whole test suite and the doctests
test: dev browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist load

$(CORE)/.installed: pyproject.toml
	$(PYTHON) -m venv $(CORE)
	$(CORE)/bin/python -m pip install --quiet --upgrade pip
	$(CORE)/bin/pip install --quiet -e .
	touch $@

## make test-core: a second venv with the core install only (no extras) runs every core
## command, and ingest, report, serve and --engine dask name the extra they need
test-core: $(CORE)/.installed
	$(CORE)/bin/python .ci/core_install.py

lint: dev
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

## make backtest: score every model on DEU III's real EU outcomes
backtest: install
	$(BIN)/realpolitik backtest $(DATA)/deu/deu3.csv --out backtest-per-issue.csv

## make bench: the speed benchmarks (tables with ratios against the comparisons)
bench: dev
	@for f in benchmarks/bench_*.py; do echo "== $$f"; REALPOLITIK_SHARED=$(abspath $(DATA)/..) $(BIN)/python $$f || exit 1; done

## make fuzz: >= 10,000 mutated files through the CLI in-process (seed rotates; FUZZ_SEED=S replays)
FUZZ_CASES ?= 10000
FUZZ_JOBS  ?= 2
fuzz: dev
	$(BIN)/python -m tests.fuzz.run --cases $(FUZZ_CASES) --jobs $(FUZZ_JOBS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

clean:
	rm -rf $(VENV) $(CORE) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis fuzz-failures
