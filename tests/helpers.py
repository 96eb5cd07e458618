"""Helpers shared by the test modules (paths and the table of contents)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from meishi.paths import HTML, ROOT
from meishi_build.devserver import chromium_path

__all__ = ["HTML", "ROOT", "chromium_path", "require", "toc_files", "toc_notebooks", "under_ci"]


def toc_files() -> list[str]:
    """Every file named in _toc.yml (without suffix), in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", []))
    return files


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
