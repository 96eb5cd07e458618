"""Test-suite guards.

* A run that includes the chapters must collect every notebook listed in
  ``_toc.yml`` through nbval; collecting none (or missing one) fails the run
  instead of passing silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, toc_notebooks


def _runs_chapters(config: pytest.Config) -> bool:
    args = [Path(a.split("::")[0]).resolve() for a in config.args]
    chapters = (ROOT / "chapters").resolve()
    if not config.args or args == [ROOT.resolve()]:
        return True
    return any(a == chapters or chapters in a.parents or a in chapters.parents for a in args)


def pytest_collection_finish(session: pytest.Session) -> None:
    if not _runs_chapters(session.config):
        return
    collected = {Path(str(item.path)).resolve() for item in session.items
                 if str(item.path).endswith(".ipynb")}
    expected = {p.resolve() for p in toc_notebooks()}
    if not collected:
        raise pytest.UsageError(
            "no chapter notebook was collected: nbval must execute every notebook "
            "in chapters/ (is --nbval-lax in addopts?)"
        )
    missing = sorted(str(p.relative_to(ROOT)) for p in expected - collected)
    if missing and not session.config.getoption("deselect") and not session.config.option.keyword:
        raise pytest.UsageError(f"notebooks in _toc.yml not collected: {missing}")
