# Two commands do all the set-up on a fresh Debian machine (as root):
#   make run   - install what is missing, then start the service (embedded SQLite)
#   make test  - install what is missing, then lint, type-check and run the tests
# The install steps are stamped, so a second run does not reinstall anything.

SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd tesseract-ocr-eng poppler-utils redis-server fonts-dejavu-core chromium
BENCH_APT_PACKAGES := ocrmypdf
export OMP_THREAD_LIMIT := 1

.PHONY: install system-deps bench-deps run test lint typecheck pytest bench corpus clean help

help:
	@echo "make run | make test | make bench | make corpus"

system-deps: .stamp-apt
.stamp-apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing apt packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@touch $@

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: system-deps $(VENV)/.installed

run: install
	$(BIN)/kerjasama serve

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -q

# OCRmyPDF only for the benchmark's comparison (d): not needed to test or run the service.
bench-deps: .stamp-apt-bench
.stamp-apt-bench:
	@missing=""; for p in $(BENCH_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing apt packages for the benchmark:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing \
	    || echo "ocrmypdf could not be installed: the benchmark skips (d)"; \
	fi
	@touch $@

bench: install bench-deps
	$(BIN)/python -m bench

corpus: install
	$(BIN)/python -m corpusgen --out corpus_samples

clean:
	rm -rf $(VENV) .stamp-apt .stamp-apt-bench .mypy_cache .ruff_cache .pytest_cache
