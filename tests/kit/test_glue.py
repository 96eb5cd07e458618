"""The course's glue writes what myst-nb's ``glue(..., display=False)`` writes, without
importing nbformat and jsonschema into every chapter kernel (meishi.kit.glue)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from meishi.kit import glue as ours

VALUES = [0.16, 3, -2.5e-7, float("nan"), np.float64(0.4375), np.int64(12), "Wantedly",
          "名刺 <b>&</b>", True, None, [1, 2], {"a": 1}]


def _captured(monkeypatch, target: str, call) -> list[tuple]:
    seen: list[tuple] = []
    monkeypatch.setattr(target, lambda *objs, **kw: seen.append((objs, kw)))
    call()
    return seen


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_each_value_is_displayed_as_myst_nb_glues_it(monkeypatch, value):
    import myst_nb
    from myst_nb.ext import glue as theirs

    assert ours.GLUE_PREFIX == theirs.GLUE_PREFIX
    mine = _captured(monkeypatch, "IPython.display.display", lambda: ours.glue("n", value))
    want = _captured(monkeypatch, "myst_nb.ext.glue.ipy_display",
                     lambda: myst_nb.glue("n", value, display=False))
    assert len(mine) == len(want) == 1
    assert repr(mine) == repr(want)  # repr: nan != nan, but prints the same


def test_a_chapters_glue_cell_imports_neither_nbformat_nor_jsonschema():
    code = ("import sys\nfrom meishi.chapters import discover\n"
            "for chapter in discover():\n    chapter.glue()\n"
            "print('LOADED', sorted(m for m in ('nbformat', 'jsonschema', 'rfc3987_syntax', "
            "'myst_nb.ext.glue') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "LOADED []" in out.splitlines(), out[-500:]


def test_without_myst_nb_nothing_is_displayed(monkeypatch):
    """On a hub there is no myst-nb: a chapter's glue cell runs and shows nothing."""
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import myst_nb now fails
    assert _captured(monkeypatch, "IPython.display.display",
                     lambda: ours.glue_numbers({"x": 1.0})) == []
