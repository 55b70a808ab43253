# Two commands on a fresh machine: `make extract` and `make test` install what they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
INPUT ?= data/articles
OUTPUT ?= outputs
EXTRACT_ARGS ?=
SHARED ?= ../shared

.PHONY: install extract test eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

extract: install
	$(PY) -m pipeline extract $(INPUT) --out $(OUTPUT) $(EXTRACT_ARGS)

test: install
	$(PY) -m pytest -q

# Scores the sample (seed) articles against data/gold and the dev set read from $(SHARED)/dev.
eval: install
	$(PY) -m pipeline extract data/articles --out $(OUTPUT) --quiet $(EXTRACT_ARGS)
	$(PY) -m pipeline eval --gold data/gold --out $(OUTPUT)
	@if [ -d $(SHARED)/dev/articles ]; then \
	  $(PY) -m pipeline extract $(SHARED)/dev/articles --out $(OUTPUT)/dev --quiet $(EXTRACT_ARGS) && \
	  $(PY) -m pipeline eval --gold $(SHARED)/dev/gold --out $(OUTPUT)/dev; \
	else echo "no $(SHARED)/dev: dev set skipped"; fi

bench: install
	$(PY) -m pipeline bench --out $(OUTPUT)

clean:
	rm -rf $(OUTPUT)
