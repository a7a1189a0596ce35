# Standoff: `make dataset` builds the dataset, `make test` runs every test.
# Stage targets use the stage names (ingest, clean, split, annotate, validate, export, package);
# `make distclean` removes generated files.

SHELL := /bin/bash
CONFIG ?= release
STANDOFF := .build/$(CONFIG)/standoff
VENV := build/venv
PYTHON := $(VENV)/bin/python
# Pinned so interop results are reproducible.
PY_PACKAGES := pandas==3.1.1 duckdb==2.0.0 pytest==9.2.0 frictionless==5.21.0 datasets==5.2.0
APT_PACKAGES := libarchive-dev pkg-config libarchive-tools unzip
export LC_ALL := C.UTF-8
export TZ := UTC

.PHONY: dataset release test deps build swift-test interop ingest clean split annotate correct validate export package distclean help

help:
	@echo "make dataset   install what is missing, build in release mode, run the whole pipeline"
	@echo "               PREVIOUS=<archive or folder>: the dataset card lists the changes since that release"
	@echo "make release   like dataset, but refuses to overwrite this version's archives with different data"
	@echo "make test      Swift tests, then interop checks of the released archives (Python, in $(VENV))"
	@echo "make <stage>   one stage: ingest clean split annotate correct validate export package"
	@echo "make distclean remove build/ and .build/"

## Installs the C library and tools the build and tests need, when they are missing.
deps:
	@if ! pkg-config --exists libarchive 2>/dev/null || ! command -v bsdtar >/dev/null || ! command -v unzip >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages. Run: sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES)"; exit 1; \
	  fi; \
	fi

build: deps
	swift build -c $(CONFIG) --product standoff

# PREVIOUS=build/dist/<name>-<version>.tar.gz (or a release folder) adds the changes since that
# release to the dataset card; it is read before anything is written, so it may be the archive replaced.
PREVIOUS_OPTION := $(if $(PREVIOUS),--previous "$(PREVIOUS)")

dataset: build
	$(STANDOFF) run $(PREVIOUS_OPTION)

## Like dataset, but refuses to replace an archive of this version whose data differ.
release: build
	$(STANDOFF) run --release $(PREVIOUS_OPTION)

ingest clean split annotate correct validate export package: build
	$(STANDOFF) $@

test: swift-test interop

swift-test: deps
	swift test

# The stamp records that the pinned packages are installed; editing the pins reinstalls them.
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check $(PY_PACKAGES)
	touch $@

## Loads the archives `make dataset` wrote with Python's tarfile/zipfile, pandas, DuckDB, bsdtar and unzip.
interop: $(VENV)/.installed dataset
	$(PYTHON) -m pytest -q Tests/interop

distclean:
	rm -rf build .build
