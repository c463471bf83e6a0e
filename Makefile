# One set of commands, identical locally and in CI. `make demo` and `make test` create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE := examples/cairo-gaza-crossing.txt

.PHONY: demo test lint eval bench fuzz install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[model,dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tidings code $(EXAMPLE)
	$(BIN)/tidings ingest examples/
	$(BIN)/tidings query events --limit 20
	@echo "The events above are stored in ./tidings.duckdb. Open the web app on it:"
	@echo "  $(BIN)/tidings serve   # then http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check tidings tests benchmarks
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/tidings eval --all

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

.PHONY: bench-query
bench-query: $(STAMP)
	$(BIN)/python benchmarks/query.py

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py --docs 10000

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
