"""Where the course's folders are: the one place that knows the layout.

Everything else asks this module.  The package runs in one of two ways:

* **from a checkout** (``pip install -e .``, ``make``): the root is the
  checkout that holds ``_toc.yml`` and ``assets/data`` above this package;
* **installed from the wheel** (``make wheel``; a JupyterHub, any folder):
  the build copies what the package reads at run time into the package
  itself (``setup.py``), so no checkout and no npm are needed:
  ``meishi/_data`` holds ``assets/data``, ``chapters/quizzes`` and
  ``chapters/claims`` under their checkout names, and ``meishi/_dist`` the
  built widget front ends (``web/dist``).  The copies exist only in the
  built wheel, never in ``src/meishi``.

``MEISHI_DATA_DIR`` points the data layer at another folder, which the
tests use to check broken data.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "BUILD",
    "CHAPTERS",
    "DATA",
    "FROM_CHECKOUT",
    "HTML",
    "PACKAGE_DATA",
    "PACKAGE_DIST",
    "PREDICTIONS",
    "QUIZZES",
    "ROOT",
    "WEB",
    "WEB_DIST",
    "data_dir",
]

_HERE = Path(__file__).resolve().parent
#: Package data of an installed wheel (absent in a checkout's src/meishi).
PACKAGE_DATA = _HERE / "_data"
PACKAGE_DIST = _HERE / "_dist"


def _find_root() -> Path | None:
    """The checkout above this package, or None when installed from the wheel."""
    if PACKAGE_DATA.is_dir():
        return None
    for parent in _HERE.parents:
        if (parent / "_toc.yml").is_file() and (parent / "assets" / "data").is_dir():
            return parent
    raise RuntimeError(
        f"meishi found neither its package data ({PACKAGE_DATA}) nor a checkout of the "
        "course above it (a folder holding _toc.yml and assets/data): install the wheel "
        "that `make wheel` builds, or install editable from a checkout (pip install -e .)."
    )


_CHECKOUT = _find_root()
#: True when running from a checkout, False when installed from the wheel.
FROM_CHECKOUT = _CHECKOUT is not None
#: The checkout, or the wheel's ``meishi/_data`` (which mirrors its layout).
ROOT = _CHECKOUT if _CHECKOUT is not None else PACKAGE_DATA
#: Tidy CSV datasets and sources.yml.
DATA = ROOT / "assets" / "data"
#: The notebooks, one per chapter (only in a checkout).
CHAPTERS = ROOT / "chapters"
#: Self-check quizzes, one YAML file per chapter, named like its notebook.
QUIZZES = CHAPTERS / "quizzes"
#: Predict-then-see prompts before each chapter's main widget (meishi.kit.predict).
PREDICTIONS = CHAPTERS / "predictions"
#: The npm project: widget front ends, host script, fonts (only in a checkout).
WEB = ROOT / "web"
#: Bundled widget front ends (``make web``), one ``<widget id>.js`` each.
WEB_DIST = WEB / "dist" if FROM_CHECKOUT else PACKAGE_DIST
BUILD = ROOT / "_build"
HTML = BUILD / "html"


def data_dir() -> Path:
    """The data folder: ``assets/data``, or ``$MEISHI_DATA_DIR`` when set."""
    env = os.environ.get("MEISHI_DATA_DIR")
    return Path(env) if env else DATA
