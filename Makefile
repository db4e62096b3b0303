# The two commands of the README: `make demo` and `make test`. Both create .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench docs vsix clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		(echo "dlglossary needs Python 3.11 or newer (set PYTHON=...)"; exit 2)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: $(STAMP)
	@echo "== dlglossary define SGD"; $(BIN)/dlglossary define SGD
	@echo; echo "== dlglossary find examples/sample.md"; $(BIN)/dlglossary find examples/sample.md
	@echo; echo "== dlglossary check examples/sample.md"; $(BIN)/dlglossary check examples/sample.md || true
	@if [ -f docs/conf.py ]; then \
		echo; echo "== building the docs with the Sphinx extension"; \
		$(BIN)/sphinx-build -q -b html docs docs/_build/html && \
		echo "The documentation is in docs/_build/html/index.html"; fi

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

pytest: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_core.py

docs: $(STAMP)
	$(BIN)/sphinx-build -q -b html docs docs/_build/html

vsix:
	cd editors/vscode && npm ci --no-audit --no-fund && npm run package

clean:
	rm -rf $(VENV) docs/_build dist build
