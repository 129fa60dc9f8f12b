# Each target creates .venv if missing and installs what it needs.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: demo test bench lint docs clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m netpay.demo

test: $(STAMP)
	$(PY) -m ruff check src tests bench docs/_ext
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/run.py

docs: $(STAMP)
	$(PY) -m sphinx -W -b html docs docs/_build/html
	@echo "Open docs/_build/html/index.html"

lint: $(STAMP)
	$(PY) -m ruff check src tests bench docs/_ext

clean:
	rm -rf $(VENV) dist build docs/_build
