"""The layout's own promise: no module of the course's code is over 300 lines.

A module that grows past it is split along a seam (the chapter's widgets and
what they show, a tool's lookups and its rewriting), not cut where the count
runs out.
"""

from __future__ import annotations

from helpers import ROOT

LIMIT = 300
PACKAGES = ("src/meishi", "src/meishi_build")


def _modules() -> list:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py")
                  if "__pycache__" not in p.parts)


def test_no_module_is_over_300_lines() -> None:
    modules = _modules()
    assert len(modules) > 50, "the packages were not found"
    over = {str(p.relative_to(ROOT)): n for p in modules
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert not over, f"modules over {LIMIT} lines (split them along a seam): {over}"
