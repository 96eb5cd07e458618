"""meishi_build.execute: notebooks executed in parallel into the build's cache, as myst-nb would."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from jupyter_cache import get_cache

from meishi_build.execute import COMPLETE, complete, pending, run


def _notebook(path: Path, *sources: str) -> Path:
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
                     "outputs": [], "source": s} for i, s in enumerate(sources)],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                      "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_pending_notebooks_are_executed_into_the_cache_and_a_failure_is_left_to_the_build(
        tmp_path: Path) -> None:
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nparts:\n- caption: A\n  chapters:\n"
        "  - file: chapters/good\n  - file: chapters/bad\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("execute:\n  timeout: 60\n  allow_errors: false\n",
                                          encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    good = _notebook(tmp_path / "chapters" / "good.ipynb",
                     "import os\nprint(os.path.basename(os.getcwd()))")
    bad = _notebook(tmp_path / "chapters" / "bad.ipynb", "1 / 0")
    cache_path = tmp_path / "_build" / ".jupyter_cache"
    assert pending(tmp_path, cache_path) == [good, bad]
    assert not complete(tmp_path, cache_path)

    assert run(tmp_path, jobs=2, quiet=True) == 1
    assert not complete(tmp_path, cache_path)  # one is still to be executed
    # the good one is found as myst-nb finds it (by its code), with its outputs, run in
    # its own folder; the failing one is not stored, so the build executes it and reports it
    assert pending(tmp_path, cache_path) == [bad]
    cache = get_cache(cache_path)
    _, merged = cache.merge_match_into_notebook(nbformat.read(good, as_version=4))
    assert merged.cells[0].outputs[0]["text"] == "chapters\n"
    assert run(tmp_path, jobs=1, quiet=True) == 0  # nothing new stored, nothing raised


def test_complete_says_when_the_cache_holds_every_notebook_and_none_changed_since(
        tmp_path: Path) -> None:
    """What lets make book build the student edition beside the full book."""
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nparts:\n- caption: A\n  chapters:\n"
        "  - file: chapters/one\n  - file: chapters/two\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("execute:\n  timeout: 60\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    one = _notebook(tmp_path / "chapters" / "one.ipynb", "x = 1")
    _notebook(tmp_path / "chapters" / "two.ipynb", "y = 2")
    cache_path = tmp_path / "_build" / ".jupyter_cache"
    assert run(tmp_path, jobs=2, quiet=True) == 2
    assert complete(tmp_path, cache_path) and pending(tmp_path, cache_path) == []
    assert run(tmp_path, jobs=1, quiet=True) == 0 and complete(tmp_path, cache_path)

    _notebook(one, "x = 3")  # edited since: not complete, and run() again stores it
    assert not complete(tmp_path, cache_path)
    assert run(tmp_path, jobs=1, quiet=True) == 1 and complete(tmp_path, cache_path)

    (cache_path / COMPLETE).write_text("not json", encoding="utf-8")
    assert not complete(tmp_path, cache_path)
    import shutil
    shutil.rmtree(cache_path)  # the inputs stamp drops the cache, and the mark with it
    assert not complete(tmp_path, cache_path)


def test_run_takes_the_mark_away_before_it_looks_at_the_cache(tmp_path: Path, monkeypatch
                                                              ) -> None:
    """A run that stops half-way (here: the cache cannot be read) leaves no mark behind, even
    one that matched the notebooks: only a run that saw every notebook cached writes it."""
    from meishi_build import execute

    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nparts:\n- caption: A\n  chapters:\n"
        "  - file: chapters/one\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("execute:\n  timeout: 60\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    _notebook(tmp_path / "chapters" / "one.ipynb", "x = 1")
    cache_path = tmp_path / "_build" / ".jupyter_cache"
    assert run(tmp_path, jobs=1, quiet=True) == 1 and complete(tmp_path, cache_path)

    def unreadable(root, cache):
        raise RuntimeError("the cache cannot be read")
    monkeypatch.setattr(execute, "pending", unreadable)
    with pytest.raises(RuntimeError):
        run(tmp_path, jobs=1, quiet=True)
    assert not (cache_path / COMPLETE).exists() and not complete(tmp_path, cache_path)
