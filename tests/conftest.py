"""Test-suite guards.

* A run that includes the chapters must collect every notebook listed in
  ``_toc.yml`` through nbval; collecting none (or missing one) fails the run
  instead of passing silently.
* Every ``tests/**/test_*.py`` file under the paths a run asks for must give
  at least one test: a folder pytest skips by default (it once skipped
  ``tests/build`` because ``build`` is in its default ``norecursedirs``)
  fails the run instead of dropping its tests unnoticed.
* The full run under ``make test`` (MEISHI_REQUIRE_BUILD) must also execute the
  student version of every chapter (``make notebooks`` writes it into
  ``_build/classroom/student``, which ``testpaths`` names).  The chapters, the
  teacher's guide pages and the instructor versions are not executed again: the
  build executed them (tests/build/test_executed.py reads its executed copies).
  A run that names ``chapters/`` still executes its notebooks through nbval.

Run in parallel (``make test`` runs ``pytest -n 3``, pytest-xdist), a
notebook's cells stay together on one worker (they share its kernel), and so do the
tests of a file with a module- or class-scoped fixture (it is set up once); every other
test goes to whichever worker is free.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest

from helpers import ROOT, toc_notebooks
from meishi.chapters import discover
from meishi_build.versions import CLASSROOM


def _runs_chapters(config: pytest.Config) -> bool:
    args = [Path(a.split("::")[0]).resolve() for a in config.args]
    chapters = (ROOT / "chapters").resolve()
    if not config.args or args == [ROOT.resolve()]:
        return True
    return any(a == chapters or chapters in a.parents or a in chapters.parents for a in args)


def _full_run(config: pytest.Config) -> bool:
    if config.args_source == pytest.Config.ArgsSource.TESTPATHS:
        return True
    asked = {Path(a.split("::")[0]).resolve() for a in config.args}
    whole = {(ROOT / "tests").resolve(), (CLASSROOM / "student").resolve()}
    return not config.args or ROOT.resolve() in asked or whole <= asked


def _classroom_not_collected(session: pytest.Session, collected: set[Path]) -> list[str]:
    if not (os.environ.get("MEISHI_REQUIRE_BUILD") and _full_run(session.config)):
        return []
    expected = {(CLASSROOM / "student" / c.notebook.name).resolve() for c in discover()}
    return sorted(str(p.relative_to(ROOT)) for p in expected - collected)


def _test_files_not_collected(session: pytest.Session) -> list[str]:
    config = session.config
    if config.getoption("deselect") or config.option.keyword or config.option.markexpr:
        return []
    asked = [Path(a.split("::")[0]).resolve() for a in config.args if "::" not in a]
    tests = (ROOT / "tests").resolve()
    files = {p.resolve() for p in tests.rglob("test_*.py")}
    wanted = {f for f in files if any(a == f or a in f.parents for a in asked)}
    collected = {Path(str(item.path)).resolve() for item in session.items}
    return sorted(str(f.relative_to(ROOT)) for f in wanted - collected)


_SHARED_SETUP = re.compile(r"""scope\s*=\s*["'](module|class|package)["']""")


@functools.cache
def _shares_setup(path: str) -> bool:
    """Whether the tests in ``path`` (relative to the root) must all run on one worker: a
    notebook's cells share its kernel; a test file with a module-, class- or package-scoped
    fixture sets it up once."""
    if path.endswith(".ipynb"):
        return True
    file = ROOT / path
    return file.suffix == ".py" and file.is_file() and \
        bool(_SHARED_SETUP.search(file.read_text(encoding="utf-8")))


@pytest.hookimpl(optionalhook=True)   # a hook of pytest-xdist, there or not
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """pytest-xdist's scheduler, keeping together the tests that share a setup."""
    from xdist.scheduler import LoadScopeScheduling

    class SharedSetupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if _shares_setup(path) else nodeid

    return SharedSetupScheduling(config, log)


def pytest_collection_finish(session: pytest.Session) -> None:
    lost = _test_files_not_collected(session)
    if lost:
        raise pytest.UsageError(f"test files under the requested paths gave no tests: {lost}")
    notebooks = {Path(str(item.path)).resolve() for item in session.items
                 if str(item.path).endswith(".ipynb")}
    versions = _classroom_not_collected(session, notebooks)
    if versions and not session.config.getoption("deselect") and not session.config.option.keyword:
        raise pytest.UsageError(f"classroom notebooks not collected (run `make notebooks`): "
                                f"{versions}")
    if not _runs_chapters(session.config):
        return
    collected = {p for p in notebooks if (ROOT / "chapters").resolve() in p.parents}
    expected = {p.resolve() for p in toc_notebooks()}
    if not collected:
        raise pytest.UsageError(
            "no chapter notebook was collected: nbval must execute every notebook "
            "in chapters/ (is --nbval-lax in addopts?)"
        )
    missing = sorted(str(p.relative_to(ROOT)) for p in expected - collected)
    if missing and not session.config.getoption("deselect") and not session.config.option.keyword:
        raise pytest.UsageError(f"notebooks in _toc.yml not collected: {missing}")
