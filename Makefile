# Two commands on a fresh machine: `make extract` and `make test` install what they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
INPUT ?= data/articles
OUTPUT ?= outputs
EXTRACT_ARGS ?=
SHARED ?= ../shared

.PHONY: install browser extract test eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@# Bytecode now: where PYTHONDONTWRITEBYTECODE is set, every run (and every workers' server)
	@# would otherwise compile the pipeline's modules again.
	$(PY) -m compileall -q pipeline rules
	touch $@

# INPUT and OUTPUT are quoted: a folder name may have spaces (INPUT="my articles").
extract: install
	$(PY) -m pipeline extract "$(INPUT)" --out "$(OUTPUT)" $(EXTRACT_ARGS)

# Headless Chromium (Debian's package) for the report's browser test. Never fails the build:
# where it cannot be installed (no apt-get, no root), that one test is skipped and says why.
browser:
	@if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "no apt-get: chromium not installed, the report's browser test will be skipped"; \
	else sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
	  echo "installing chromium for the report's browser test"; \
	  ( $$sudo apt-get update -qq && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ) >/dev/null 2>&1 \
	  || echo "chromium could not be installed: the report's browser test will be skipped"; fi

test: install browser
	$(PY) -m pytest -q

# Scores the sample (seed) articles against data/gold and the dev set read from $(SHARED)/dev.
eval: install
	$(PY) -m pipeline extract data/articles --out $(OUTPUT) --quiet $(EXTRACT_ARGS)
	$(PY) -m pipeline eval --gold data/gold --out $(OUTPUT)
	@if [ -d $(SHARED)/dev/articles ]; then \
	  $(PY) -m pipeline extract $(SHARED)/dev/articles --out $(OUTPUT)/dev --quiet $(EXTRACT_ARGS) && \
	  $(PY) -m pipeline eval --gold $(SHARED)/dev/gold --out $(OUTPUT)/dev; \
	else echo "no $(SHARED)/dev: dev set skipped"; fi

# Speed and memory against natasha's own pipeline; e.g. `make bench BENCH_ARGS="--articles 2000"`.
bench: install
	$(PY) -m pipeline.tools.bench --out $(OUTPUT) $(BENCH_ARGS)

clean:
	rm -rf "$(OUTPUT)"
