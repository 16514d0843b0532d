# Two set-up commands for a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck bench clean

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	touch $(STAMP)

DEMO := .openwatch-demo
DEMO_ENV := OPENWATCH_HOME=$(CURDIR)/$(DEMO) OPENWATCH_DB= OPENWATCH_CATALOG=

demo: $(STAMP)
	rm -rf $(DEMO)
	$(VENV)/bin/openwatch map --as-of 2026-05-01 --lab meta --lab google --lab openai --lab mistral --lab deepseek
	$(DEMO_ENV) $(VENV)/bin/openwatch audit examples/chat-assistant
	$(DEMO_ENV) $(VENV)/bin/openwatch feeds add examples/feeds/tjs-meta-hybrid-strategy.atom
	$(DEMO_ENV) $(VENV)/bin/openwatch feeds pull
	$(DEMO_ENV) $(VENV)/bin/openwatch triage
	$(DEMO_ENV) $(VENV)/bin/openwatch digest --since 2026-04-01 --today 2026-05-01

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .openwatch-demo
