# The two commands: `make run` starts the product; `make test` runs every test.
# Both create the environment from uv.lock first (only Python 3.11 and make are needed).

SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
STAMP := $(VENV)/.synced
PYPROJECTS := pyproject.toml $(wildcard libs/*/pyproject.toml services/*/pyproject.toml)

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Installed packages come with their bytecode, and so do our sources (below): where
# PYTHONDONTWRITEBYTECODE is set (this CI's machines, most container images) Python never
# writes a .pyc, so every process compiled everything it imports again (6.4 s of CPU to import
# the gateway and the launcher here, 2.5 s precompiled).
export UV_COMPILE_BYTECODE := 1

.PHONY: run test lint format reset env bench browser containers update inspect web web-test api-types

run: $(STAMP) web ## start the whole product and its demo (DEMO=0: without the demo) (Ctrl-C stops it)
	@$(VENV)/bin/python -m cobalt_devstack.run $(if $(filter 0,$(DEMO)),--no-demo)

update: $(STAMP) ## make the demo's simulated Web Connector update now ("Update Selected")
	@$(VENV)/bin/python -m cobalt_devstack.run --update

inspect: $(STAMP) ## what the demo's simulated QuickBooks company holds
	@$(VENV)/bin/cobalt-qbsim --company .local/qbsim/company.json inspect

# The slowest tests are listed after the run (CI's length is mostly the end-to-end files).
PYTEST_ARGS ?= --durations=30

test: $(STAMP) browser containers web web-test ## run the whole test suite (PostgreSQL too when COBALT_TEST_POSTGRES_URL is set)
	@$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The web app (web/): installed from its lock file and built with the Node.js that comes as a
# Python package, only when something changed.
web: $(STAMP)
	@$(VENV)/bin/python -m cobalt_devstack.frontend build

web-test: $(STAMP) ## the web app's unit tests (Vitest)
	@$(VENV)/bin/python -m cobalt_devstack.frontend test

api-types: $(STAMP) ## write the services' OpenAPI documents into web/ and regenerate the app's API types
	@$(VENV)/bin/python -m cobalt_devstack.frontend api

# The browser tests drive Debian's chromium package (a test tool's own browser download is not
# reachable here); installed once when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "[cobalt] installing Debian's chromium for the browser tests (once)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium >/dev/null; }; }

# The compose stack test runs the deployment in real containers: the Docker engine when one
# answers, else Debian's podman (with runc, and debootstrap for a local base image), which is
# installed once when missing.
containers:
	@docker info >/dev/null 2>&1 || { command -v podman >/dev/null 2>&1 && \
	  command -v runc >/dev/null 2>&1 && command -v debootstrap >/dev/null 2>&1; } || { \
	  echo "[cobalt] installing Debian's podman, runc and debootstrap for the compose test (once)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q podman runc debootstrap >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q podman runc debootstrap >/dev/null; }; }

lint: $(STAMP) ## ruff (format and lint), mypy, import contracts
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

reset: $(STAMP) ## delete local data (databases, NATS store, logs)
	@$(VENV)/bin/python -m cobalt_devstack.run --reset

bench: $(STAMP) ## every performance goal in one table, median of 3 runs (BENCH_ARGS="--runs 1 --only pipe")
	@$(VENV)/bin/python tests/benchmarks/bench_all.py $(BENCH_ARGS)

env: $(STAMP)

$(UV):
	@echo "[cobalt] installing uv $(UV_VERSION) into $(TOOLS)/ (once)"
	@$(PYTHON) -m venv $(TOOLS)
	@$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(STAMP): uv.lock $(PYPROJECTS) Makefile | $(UV)
	@echo "[cobalt] creating $(VENV) from uv.lock"
	@$(UV) sync --frozen --python $(PYTHON)
	@$(VENV)/bin/python -m compileall -q -j 0 libs services >/dev/null
	@touch $@
