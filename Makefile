# Set-up and the two jobs. `make report` and `make test` each do all the
# set-up they need on a fresh machine (a .venv with pinned CPU torch).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: report test lint bench browser clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## The discrepancy report on seeds/, written into reports/.
report: $(STAMP)
	$(BIN)/claimcheck check seeds --out reports --format json,md,html,csv --fail-on never -q

## Headless Chromium for the HTML report's browser test (Debian package).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "warning: could not install chromium; the browser test will be skipped"; \
	  else echo "note: install Debian's chromium to run the browser test"; fi; }

## The test suite (lint and types first: they take seconds).
test: $(STAMP) browser
	$(BIN)/ruff check checker tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) .claimcheck-cache .pytest_cache .mypy_cache .ruff_cache
