"""Notebooks: committed clean, listed in the toc, and thin."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from helpers import ROOT, toc_files

CHAPTERS = ROOT / "chapters"
NOTEBOOKS = sorted(p for p in CHAPTERS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: clear outputs before committing"
            assert cell.get("execution_count") is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_code_is_thin(path):
    for cell in _cells(path):
        if cell["cell_type"] != "code":
            continue
        code = _source(cell)
        assert not re.search(r"^\s*(def|class)\s", code, re.M), \
            f"{path.name}: define functions in the meishi package, not in a notebook"
        assert len([ln for ln in code.splitlines() if ln.strip()]) <= 8, \
            f"{path.name}: a cell of more than 8 lines belongs in the package"
        assert "import matplotlib" not in code and "plt." not in code, \
            f"{path.name}: charts are drawn by meishi, not in the notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_uses_the_course_kernel(path):
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"]["name"] == "python3"


def test_no_code_cell_is_copied_between_notebooks():
    seen = defaultdict(set)
    for path in NOTEBOOKS:
        for cell in _cells(path):
            code = "\n".join(ln.strip() for ln in _source(cell).splitlines()
                             if ln.strip() and not ln.strip().startswith(("#", "from ", "import ")))
            if cell["cell_type"] == "code" and code.count("\n") >= 2:
                seen[code].add(path.name)
    copied = {code: names for code, names in seen.items() if len(names) > 1}
    assert not copied, f"move shared code into the package: {copied}"


def test_every_page_is_in_the_toc_and_every_toc_entry_exists():
    listed = set(toc_files())
    for entry in listed:
        assert any((ROOT / f"{entry}{ext}").is_file() for ext in (".md", ".ipynb")), entry
    pages = {str(p.relative_to(ROOT).with_suffix("")) for p in CHAPTERS.rglob("*")
             if p.suffix in (".md", ".ipynb") and ".ipynb_checkpoints" not in p.parts}
    assert pages <= listed, f"pages missing from _toc.yml: {sorted(pages - listed)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chart_cells_have_captions(path):
    for cell in _cells(path):
        if cell["cell_type"] == "code" and re.search(r"_chart\(\)\s*$", _source(cell)):
            figure = cell["metadata"].get("mystnb", {}).get("figure", {})
            assert figure.get("caption") and figure.get("name"), _source(cell)
            assert "remove-input" in cell["metadata"].get("tags", [])


def test_a_run_that_collects_no_notebook_fails():
    """The guard in tests/conftest.py: no silent pass when a run that names chapters/
    (nbval) collects no notebook.  (tests/conftest.py is loaded by a run that names tests/.)"""
    import subprocess
    import sys

    ignores = [f"--ignore={p}" for p in NOTEBOOKS]
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                             str(Path(__file__).relative_to(ROOT)), "chapters", *ignores],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "no chapter notebook was collected" in result.stdout + result.stderr


def test_nbclean_finds_and_clears_outputs(tmp_path):
    from meishi_build.nbclean import main

    nb = {"cells": [{"cell_type": "code", "execution_count": 3, "metadata": {},
                     "outputs": [{"output_type": "stream", "name": "stdout", "text": "x"}],
                     "source": "print('x')"}], "metadata": {}, "nbformat": 4,
          "nbformat_minor": 5}
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert main(["--check", str(path)]) == 1
    assert main([str(path)]) == 0
    cell = json.loads(path.read_text("utf-8"))["cells"][0]
    assert cell["outputs"] == [] and cell["execution_count"] is None
    assert main(["--check", str(path)]) == 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_template_placeholder_is_left_in_a_chapter(path):
    assert "REPLACE" not in path.read_text(encoding="utf-8"), path.name
