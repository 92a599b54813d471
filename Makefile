# Two commands: `make run` sets everything up and builds the graph of corpus/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg

run: install
	$(BIN)/kg ingest corpus/
	$(BIN)/kg view -o kg-view.html
	$(BIN)/kg stats

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .kg kg-view.html
