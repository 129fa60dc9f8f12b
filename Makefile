# Each target creates .venv if missing and installs what it needs.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
DEV := $(VENV)/.installed-dev
PLOT := $(VENV)/.installed-plot
SOURCES := src tests bench docs/_ext

.PHONY: demo test bench lint docs clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# make demo needs only netpay and matplotlib; make test needs the test tools too.
$(PLOT): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e ".[plot]"
	touch $(PLOT)

$(DEV): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(DEV) $(PLOT)

demo: $(PLOT)
	$(PY) -m netpay.demo

test: $(DEV)
	$(PY) -m ruff check $(SOURCES)
	$(PY) -m ruff format --check $(SOURCES)
	$(PY) -m mypy
	$(PY) -m pytest -q

bench: $(DEV)
	$(PY) bench/run.py

docs: $(DEV)
	$(PY) -m sphinx -W -b html docs docs/_build/html
	@echo "Open docs/_build/html/index.html"

lint: $(DEV)
	$(PY) -m ruff check $(SOURCES)
	$(PY) -m ruff format --check $(SOURCES)
	$(PY) -m mypy

clean:
	rm -rf $(VENV) dist build docs/_build
