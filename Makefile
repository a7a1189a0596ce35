# Standoff: `make dataset` builds the dataset, `make test` runs every test.
# `make stage-<stage>` runs one stage (ingest, clean, split, annotate, correct, validate, export,
# package); `make clean` removes build/, `make distclean` the compiled program too.

SHELL := /bin/bash
CONFIG ?= release
STANDOFF := .build/$(CONFIG)/standoff
VENV := build/venv
PYTHON := $(VENV)/bin/python
# Pinned so interop results are reproducible.
PY_PACKAGES := pandas==3.1.1 polars==2.1.0 duckdb==2.0.0 pytest==9.2.0 "frictionless[json]==5.21.0" datasets==5.2.0
APT_PACKAGES := libarchive-dev pkg-config libarchive-tools unzip
# The raw folder the pipeline reads: make dataset RAW=my-articles
RAW ?= raw
# Another corpus never writes into the committed snapshot of this one.
RAW_OPTION := $(if $(filter-out raw,$(RAW)),--raw "$(RAW)" --no-snapshot)
STAGES := ingest clean split annotate correct validate export package
STAGE_TARGETS := $(addprefix stage-,$(STAGES))
export LC_ALL := C.UTF-8
export TZ := UTC

.PHONY: dataset release test deps build swift-test interop report report-shots report-screenshot browser-deps r-deps clean distclean help bench bench-deps bench-clean evaluate fuzz $(STAGE_TARGETS)

help:
	@echo "make dataset   install what is missing, build in release mode, run the whole pipeline"
	@echo "               PREVIOUS=<archive or folder>: the dataset card lists the changes since that release"
	@echo "make release   like dataset, but refuses to overwrite this version's archives with different data,"
	@echo "               then tags the commit it was built from <name>-<version> (annotated; a clean checkout only)"
	@echo "               SOURCE_COMMIT=<id>: the commit to record when git cannot say (default: asked of git)"
	@echo "make test      Swift tests, then interop checks of the released archives (Python, in $(VENV))"
	@echo "make stage-<s> one stage, writing build/<s>.jsonl: $(STAGES)"
	@echo "               RAW=<folder>: read the raw articles from another folder (dataset, release and stages)"
	@echo "make report    write the HTML report alone to build/report/ (make dataset writes it too, and into the release)"
	@echo "make report-shots       screenshots of the report in headless Chromium, in build/report-shots/"
	@echo "make report-screenshot  regenerate docs/report-document.png, the README's screenshot"
	@echo "make evaluate  score the rules against hand labels: the seeds, and ../shared/corpus when present (CORPUS=dir); compares with the last run"
	@echo "make bench     time the pipeline and the spaCy baseline on synthetic corpora (SIZES=\"1000 10000 100000\" RUNS=3 BASELINE=10000)"
	@echo "make fuzz      build the libFuzzer targets in Fuzz/ and run each over its corpus for FUZZ_SECONDS (default 1800)"
	@echo "make build     compile the standoff program (.build/release/standoff)"
	@echo "make deps      install the system packages the build needs (apt-get, as root)"
	@echo "make clean     remove build/ (every generated file)"
	@echo "make distclean remove build/ and the compiled program (.build/)"

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
# The card, datapackage.json and CITATION.cff record the commit the release is built from; standoff
# asks git (`-dirty` when files differ from it, `unknown` outside a checkout) unless SOURCE_COMMIT says it.
COMMIT_OPTION := $(if $(SOURCE_COMMIT),--source-commit "$(SOURCE_COMMIT)")
# <name>-<version> from the manifest: the release folder's name and the tag's.
RELEASE_NAME = $(shell python3 -c 'import json; m = json.load(open("annotations/dataset.json")); print(m["name"] + "-" + m["version"])')

dataset: build
	$(STANDOFF) run $(RAW_OPTION) $(PREVIOUS_OPTION) $(COMMIT_OPTION)

## Like dataset, but refuses to replace an archive of this version whose data differ; then tags the
# commit the release records as <name>-<version> (or says why not and prints the command).
release: build
	$(STANDOFF) run --release $(RAW_OPTION) $(PREVIOUS_OPTION) $(COMMIT_OPTION)
	python3 scripts/tag_release.py build/release/$(RELEASE_NAME)

$(STAGE_TARGETS): stage-%: build
	$(STANDOFF) $* $(RAW_OPTION) $(if $(filter export,$*),$(COMMIT_OPTION))

test: swift-test interop

swift-test: deps
	swift test

# The stamp records that the pinned packages are installed; editing the pins reinstalls them.
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check $(PY_PACKAGES)
	touch $@

## Loads the archives `make dataset` wrote with Python's tarfile/zipfile, pandas, polars, DuckDB,
# frictionless, Hugging Face datasets, R (readr, jsonlite), bsdtar and unzip, and the HTML report
# in headless Chromium.
interop: $(VENV)/.installed dataset browser-deps r-deps
	$(PYTHON) -m pytest -q Tests/interop Tests/bench

## Debian's R with readr and jsonlite, for the tests that run the dataset card's R snippets.
R_APT_PACKAGES := r-base-core r-cran-readr r-cran-jsonlite

r-deps:
	@if ! command -v Rscript >/dev/null || ! Rscript -e 'library(readr); library(jsonlite)' >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(R_APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(R_APT_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages. Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends $(R_APT_PACKAGES)"; exit 1; \
	  fi; \
	fi

## Debian's Chromium, for the browser test of the HTML report and its screenshots.
BROWSER_APT_PACKAGES := chromium

browser-deps:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(BROWSER_APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_APT_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages. Run: sudo apt-get update && sudo apt-get install -y $(BROWSER_APT_PACKAGES)"; exit 1; \
	  fi; \
	fi

## The HTML report alone (the stages through validate in memory; no release written).
report: build
	$(STANDOFF) report

## Screenshots for people to look at: the index, a document page on screen and printed.
report-shots: dataset browser-deps
	python3 Tests/interop/report_browser.py build/report --shots build/report-shots

## The README's screenshot: the top of one seed document's page.
report-screenshot: dataset browser-deps
	python3 Tests/interop/report_browser.py build/report --docs-png docs/report-document.png

## Quality against hand labels: the seeds' own gold and, when present, the development corpora.
# Each set's JSON report is kept; the next run shows every figure's change against it.
CORPUS ?= ../shared/corpus
EVALUATION := build/evaluation
CONVERTERS := inscriptis w3m bs4

evaluate: build
	@mkdir -p $(EVALUATION)/previous && rm -f $(EVALUATION)/previous/*.json $(EVALUATION)/report.md
	@for f in $(EVALUATION)/*.json; do [ -e "$$f" ] && mv "$$f" $(EVALUATION)/previous/; done; true
	@set -e; \
	score() { file=$$(echo "$$1" | tr / -); compare=; \
	  [ -f $(EVALUATION)/previous/$$file.json ] && compare="--compare $(EVALUATION)/previous/$$file.json"; \
	  $(STANDOFF) evaluate --name "$$1" --save $(EVALUATION)/$$file.json --report $(EVALUATION)/$$file.md --brief $$compare "$${@:2}"; \
	  cat $(EVALUATION)/$$file.md >> $(EVALUATION)/report.md; }; \
	score seeds --raw raw --gold annotations/gold; \
	if [ -d "$(CORPUS)/domain-dev/gold" ]; then \
	  score domain-dev --raw $(CORPUS)/domain-dev/raw --gold $(CORPUS)/domain-dev/gold; \
	else echo "skipped domain-dev: $(CORPUS)/domain-dev/gold is not there (CORPUS=dir to point at the corpora)"; fi; \
	for c in $(CONVERTERS); do \
	  if [ -d "$(CORPUS)/pages-dev/$$c" ]; then \
	    score pages-dev/$$c --raw $(CORPUS)/pages-dev/$$c --truth $(CORPUS)/pages-dev/truth.jsonl; \
	  else echo "skipped pages-dev/$$c: $(CORPUS)/pages-dev/$$c is not there"; fi; \
	done
	@echo "full report: $(EVALUATION)/report.md (JSON per set beside it)"

## The benchmark: corpora under build/bench/corpus-<n>/, the table in build/bench/results.md.
# Always a release build, whatever CONFIG says: debug figures would mean nothing.
SIZES ?= 1000 10000 100000
RUNS ?= 3
# The size for the spaCy baseline, the no-change rebuild and the --jobs check (0 skips them).
BASELINE ?= 10000
BENCH_VENV := build/bench-venv
BENCH_APT_PACKAGES := time zip

bench: deps bench-deps $(BENCH_VENV)/.installed
	swift build -c release --product standoff
	python3 Tests/bench/run_bench.py --sizes "$(SIZES)" --runs $(RUNS) --baseline $(BASELINE) \
	  --standoff .build/release/standoff --spacy-python $(BENCH_VENV)/bin/python

## /usr/bin/time -v measures peak memory; zip is the packaging comparison.
bench-deps:
	@if [ ! -x /usr/bin/time ] || ! command -v zip >/dev/null || ! command -v gzip >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(BENCH_APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BENCH_APT_PACKAGES) gzip >/dev/null; \
	  else \
	    echo "Missing system packages. Run: sudo apt-get update && sudo apt-get install -y $(BENCH_APT_PACKAGES) gzip"; exit 1; \
	  fi; \
	fi

$(BENCH_VENV)/.installed: Tests/bench/requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/bench/requirements.txt
	touch $@

bench-clean:
	rm -rf build/bench $(BENCH_VENV)

## libFuzzer targets (Fuzz/, a package of its own): each runs FUZZ_SECONDS over Fuzz/corpus/<target>/,
# which grows as it finds inputs; a crash stops that target and is written as Fuzz/crash-*.
# Each target's whole log is build/fuzz/<target>.log. Leak checks are off: the decoded rules live
# as long as the process, which LeakSanitizer would report at exit as a crash of the last input.
FUZZ_SECONDS ?= 1800
FUZZ_TARGETS := fuzz-text-pipeline fuzz-annotate fuzz-release-reader
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz: deps
	swift build -c debug --package-path Fuzz $(FUZZ_FLAGS)
	@mkdir -p build/fuzz; status=0; for target in $(FUZZ_TARGETS); do \
	  max_len=65536; [ "$$target" = fuzz-release-reader ] && max_len=1048576; \
	  echo "== $$target: $(FUZZ_SECONDS) s, -max_len=$$max_len"; \
	  (cd Fuzz && ASAN_OPTIONS=detect_leaks=0 .build/debug/$$target corpus/$$target -max_total_time=$(FUZZ_SECONDS) -max_len=$$max_len \
	    -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix=./) > build/fuzz/$$target.log 2>&1 || status=1; \
	  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::|ERROR|^SUMMARY|^artifact_prefix|Test unit written' build/fuzz/$$target.log; \
	done; exit $$status

clean:
	rm -rf build

distclean:
	rm -rf build .build
