"""Helpers shared by the test modules (paths and the table of contents)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meishi.paths import HTML, ROOT
from meishi_build.devserver import chromium_path

__all__ = ["HTML", "ROOT", "chromium_path", "require", "toc_files", "toc_notebooks", "under_ci",
           "written_decks"]


def toc_files() -> list[str]:
    """Every file named in _toc.yml (without suffix), in order."""
    from meishi_build.execute import toc_files as files_in

    return files_in(ROOT)


def toc_notebooks() -> list[Path]:
    return [ROOT / f"{f}.ipynb" for f in toc_files() if (ROOT / f"{f}.ipynb").exists()]


def under_ci() -> bool:
    return (os.environ.get("CI", "").lower() in ("1", "true", "yes")
            or bool(os.environ.get("MEISHI_REQUIRE_BROWSER")))


def require(condition: bool, message: str) -> None:
    """Skip with ``message`` when a browser-test prerequisite is missing; fail under CI."""
    if condition:
        return
    if under_ci():
        pytest.fail(message + " (required under CI)")
    pytest.skip(message)


def written_decks(tmp_path_factory) -> Path:
    """The slide decks written from the built book into a fresh folder (both slide test files)."""
    from meishi_build import slides_html

    require((HTML / "index.html").is_file(), "the book is not built: run `make book`")
    out = tmp_path_factory.mktemp("slides")
    slides_html.write_slides(out)
    return out
