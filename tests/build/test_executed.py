"""Every notebook runs: proved from the build's own execution, not by executing it again.

The strict build (``make book``) executes each notebook in ``_toc.yml`` in its own folder
with ``allow_errors: false`` (a failing cell fails the build, and anything written to
stderr is a build error), and keeps each notebook that ran without an error in its
execution cache (``_build/.jupyter_cache``, keyed on the notebook's code; ``make book``
empties it when the package, the data, the quizzes or the widgets change).  These tests
read that cache: each notebook, as its code is now, has a result there, made after the
last change to what it runs, in which every code cell ran and no output is an error.
(nbval used to execute the chapters, the teacher's guide pages and the instructor
notebooks a second and third time for the same proof.)

The instructor notebooks (``make notebooks``) carry the chapters' code cell for cell, so
the build's execution is theirs too, which the last test checks.  The student notebooks
differ (the worked solutions are out, the quiz cell hides its key); nbval executes them,
from ``_build/classroom/student`` (``testpaths``), which also shows the chapters' code
runs outside ``chapters/``.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC
from pathlib import Path

import nbformat
import pytest

from helpers import ROOT, toc_notebooks
from meishi.chapters import discover
from meishi.paths import BUILD
from meishi_build.versions import CLASSROOM

CACHE = BUILD / ".jupyter_cache"


def _make_inputs() -> tuple[str, ...]:
    """The folders the Makefile's INPUTS finds: a change to any empties the cache."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^INPUTS := \$\(shell find (.+?) -type f", makefile, re.M)
    assert found, "the Makefile has no `INPUTS := $(shell find ... -type f` line"
    return tuple(found.group(1).split())


#: What the book's notebooks run (read from the Makefile, so the two cannot drift apart).
INPUTS = _make_inputs()


def _missing(what: str, message: str) -> None:
    if os.environ.get("MEISHI_REQUIRE_BUILD"):
        pytest.fail(f"{what}: {message}")
    pytest.skip(f"{what}: {message}")


def _code(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


@pytest.fixture(scope="module")
def cache():
    """The build's execution cache (read by one worker: reading a result touches it)."""
    from jupyter_cache import get_cache

    if not (CACHE / "global.db").is_file():
        _missing(str(CACHE.relative_to(ROOT)), "run `make book` (it executes every notebook)")
    return get_cache(CACHE)


def _newest_input() -> tuple[float, str]:
    newest = (0.0, "")
    for folder in INPUTS:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, (path.stat().st_mtime, str(path.relative_to(ROOT))))
    built = ROOT / "web" / "dist" / ".built"
    if built.is_file():
        newest = max(newest, (built.stat().st_mtime, "web/dist"))
    return newest


def test_every_notebook_in_the_toc_is_checked():
    assert toc_notebooks(), "no notebook in _toc.yml"
    assert {c.notebook.resolve() for c in discover()} <= {p.resolve() for p in toc_notebooks()}


@pytest.mark.parametrize("notebook", toc_notebooks(),
                         ids=lambda p: p.relative_to(ROOT).with_suffix("").as_posix())
def test_the_build_executed_the_notebook_as_it_is_now_without_an_error(notebook: Path, cache):
    name = notebook.relative_to(ROOT).as_posix()
    try:
        record = cache.match_cache_notebook(nbformat.read(notebook, as_version=4))
    except KeyError:
        _missing(name, "the build has no result for its code as it is now: run `make book`")
    created = record.created
    created = (created if created.tzinfo else created.replace(tzinfo=UTC)).timestamp()
    changed, what = _newest_input()
    assert created >= changed, f"{name} was executed before {what} changed: run `make book`"
    ran = [c for c in cache.get_cache_bundle(record.pk).nb.cells if c.cell_type == "code"]
    assert [c.source for c in ran] == [_source(c) for c in _code(notebook)], name
    for i, cell in enumerate(ran, start=1):
        assert isinstance(cell.get("execution_count"), int), \
            f"{name}: code cell {i} was not executed by the build"
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, f"{name}: code cell {i} failed: {errors[0].get('ename')}"


@pytest.mark.parametrize("chapter", discover(), ids=lambda c: c.stem)
def test_the_instructor_notebook_runs_the_code_the_build_executed(chapter):
    instructor = CLASSROOM / "instructor" / chapter.notebook.name
    if not instructor.is_file():
        _missing(str(instructor.relative_to(ROOT)), "missing: run `make notebooks`")
    assert [_source(c) for c in _code(instructor)] == \
        [_source(c) for c in _code(chapter.notebook)], instructor.name
    meta = json.loads(instructor.read_text(encoding="utf-8"))["metadata"]
    source_meta = json.loads(chapter.notebook.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"] == source_meta["kernelspec"], instructor.name
