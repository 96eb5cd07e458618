"""Where the course's folders are: the one place that knows the checkout's layout.

Everything else asks this module.  The root is the checkout that holds
``_toc.yml`` and ``assets/data`` above this package (the package is
installed editable from it).  ``MEISHI_DATA_DIR`` points the data layer at
another folder, which the tests use to check broken data.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "BUILD",
    "CHAPTERS",
    "DATA",
    "HTML",
    "QUIZZES",
    "ROOT",
    "WEB",
    "WEB_DIST",
    "data_dir",
]


def _find_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "_toc.yml").is_file() and (parent / "assets" / "data").is_dir():
            return parent
    raise RuntimeError(
        "meishi must be installed from a checkout of the course (pip install -e .): "
        f"no folder above {here} holds _toc.yml and assets/data."
    )


ROOT = _find_root()
#: Tidy CSV datasets and sources.yml.
DATA = ROOT / "assets" / "data"
#: The notebooks, one per chapter.
CHAPTERS = ROOT / "chapters"
#: Self-check quizzes, one YAML file per chapter, named like its notebook.
QUIZZES = CHAPTERS / "quizzes"
#: The npm project: widget front ends, host script, fonts.
WEB = ROOT / "web"
#: Bundled widget front ends (``make web``), one ``<widget id>.js`` each.
WEB_DIST = WEB / "dist"
BUILD = ROOT / "_build"
HTML = BUILD / "html"


def data_dir() -> Path:
    """The data folder: ``assets/data``, or ``$MEISHI_DATA_DIR`` when set."""
    env = os.environ.get("MEISHI_DATA_DIR")
    return Path(env) if env else DATA
