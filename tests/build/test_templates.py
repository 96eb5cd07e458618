"""Our theme overrides differ from the pinned theme's files only as intended.

If the theme is upgraded, these fail until the overrides are refreshed.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pydata_sphinx_theme

from helpers import ROOT

THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"


def _removed_lines(original: Path, override: Path) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(original.read_text().splitlines(), override.read_text().splitlines()))
    removed = [d[2:] for d in diff if d.startswith("- ")]
    added = [d[2:] for d in diff if d.startswith("+ ")]
    return removed, added


def test_webpack_macros_only_drop_the_font_awesome_script():
    removed, added = _removed_lines(THEME / "static" / "webpack-macros.html",
                                    ROOT / "_templates" / "static" / "webpack-macros.html")
    assert added == []
    assert len(removed) == 2 and "fontawesome.js" in removed[1]


def test_search_button_only_drops_its_aria_label():
    removed, added = _removed_lines(THEME / "components" / "search-button-field.html",
                                    ROOT / "_templates" / "search-button-field.html")
    assert len(removed) == len(added) == 1
    assert removed[0].replace(" aria-label=\"{{ _('Search') }}\"", "") == added[0]
