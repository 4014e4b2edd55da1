# factdesk: `make run` serves the sample corpus, `make test` runs the checks. Both bootstrap .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck openapi bench bench-full accuracy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/factdesk serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check corpus search service tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

openapi: $(STAMP)
	$(BIN)/factdesk export-openapi --output openapi/openapi.json

bench: $(STAMP)
	$(BIN)/python -m bench.run --quick
	$(BIN)/python -m bench.hostile

bench-full: $(STAMP)
	$(BIN)/python -m bench.run --full

# Scores extraction and /ask on ../shared/data/news-dev (or $NEWS_DEV_DIR); skips without it.
accuracy: $(STAMP)
	$(BIN)/python -m bench.accuracy

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
