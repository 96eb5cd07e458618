"""'Things to try' sits next to the widget it refers to, in the same place in every chapter
(issue 24; the chapter contract's section 3): its own markdown cell, directly after the
widget's cell, with nothing between, so on a phone the list follows the widget it asks
the learner to use."""

from __future__ import annotations

import json
import re

import pytest

from helpers import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("0*.ipynb"))
WIDGET = re.compile(r"^\s*chapter\.\w+Widget\(\)\s*$")
HEADING = "**Things to try**"


def _cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(c["cell_type"], "".join(c["source"])) for c in cells]


def test_there_are_chapters():
    assert len(CHAPTERS) >= 6


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_things_to_try_follow_their_widget(path):
    cells = _cells(path)
    widgets = [i for i, (kind, src) in enumerate(cells) if kind == "code" and WIDGET.match(src)]
    assert widgets, f"{path.name} shows no widget"
    for i in widgets:
        kind, src = cells[i + 1] if i + 1 < len(cells) else ("", "")
        assert kind == "markdown" and src.startswith(HEADING), \
            f"{path.name}: the cell after {cells[i][1].strip()} does not start with {HEADING}"
    # and every list of things to try is one of those: none above its widget, none inside
    # another cell's prose
    for i, (kind, src) in enumerate(cells):
        if kind == "markdown" and HEADING in src:
            assert src.startswith(HEADING) and i - 1 in widgets, \
                f"{path.name}: cell {i} has things to try that do not follow a widget"
            assert src.count(HEADING) == 1
