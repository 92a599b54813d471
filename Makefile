# Two commands: `make run` sets everything up and builds the graph of corpus/; `make test` runs the tests
# (`make test-fast`: the quick ones, in under a minute).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast install clean

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

# two processes (pytest-xdist), a test file's tests kept together in one of them: files share
# module fixtures (a store, a server) their tests build on in order
test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

# no browser, no server, no store of the whole corpus (see tests/conftest.py)
test-fast: install
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not slow and not browser"

clean:
	rm -rf $(VENV) .kg kg-view.html
