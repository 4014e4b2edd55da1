# factdesk: `make run` serves the sample corpus, `make test` runs the checks. Both bootstrap .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Serving processes; empty: one per core this process may use, at most 4 ($FACTDESK_WORKERS wins).
WORKERS ?=
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck openapi readme-check bench bench-full accuracy screenshots clean

$(STAMP): pyproject.toml clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet -e clients/python
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/factdesk serve --host $(HOST) --port $(PORT) $(if $(WORKERS),--workers $(WORKERS))

lint: $(STAMP)
	$(BIN)/ruff check corpus search service tests bench clients

typecheck: $(STAMP)
	$(BIN)/mypy
	cd clients/python && $(abspath $(BIN))/mypy

# The client's own tests run against a real server that its pytest plugin starts.
test: lint typecheck
	$(BIN)/pytest
	$(BIN)/pytest clients/python/tests

# The Python client's models and methods are generated from the document.
openapi: $(STAMP)
	$(BIN)/factdesk export-openapi --output openapi/openapi.json
	$(BIN)/python clients/python/tools/generate.py

# Replays the README's $ examples against a fresh server and compares their output.
readme-check: $(STAMP)
	$(BIN)/pytest tests/test_readme.py -q

# bench.replicas needs PostgreSQL ($$FACTDESK_TEST_POSTGRES_URL, else the local server); it
# prints a skip line when none answers.
bench: $(STAMP)
	$(BIN)/python -m bench.run --quick
	$(BIN)/python -m bench.backends --quick
	$(BIN)/python -m bench.hostile
	$(BIN)/python -m bench.replicas

bench-full: $(STAMP)
	$(BIN)/python -m bench.run --full

# Scores extraction and /ask on ../shared/data/news-dev (or $NEWS_DEV_DIR); skips without it.
accuracy: $(STAMP)
	$(BIN)/python -m bench.accuracy

# The README's dashboard pictures, from the system Chromium (apt-get install -y chromium).
screenshots: $(STAMP)
	$(BIN)/python -m tests.browser.screenshots --output docs/screenshots

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
