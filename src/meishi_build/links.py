"""Every link inside a static site resolves: :func:`broken`.

Reads each HTML page under a folder and checks that every relative
``href`` and ``src`` (links, images, scripts, styles, downloads) names a
file in that folder, and that a ``#fragment`` into one of its pages names
an element there.  Addresses with a scheme (``https:``, ``mailto:``) and
``data:`` URIs are not followed: the built book loads nothing from outside,
which the browser tests check.  HTML files under ``_static/`` are the
theme's templates, not pages, and are skipped.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

__all__ = ["broken", "local_targets"]

_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
               ("source", "src"), ("iframe", "src"))


def local_targets(page: BeautifulSoup) -> list[str]:
    """The page's relative addresses, as written."""
    found = []
    for tag, attribute in _ATTRIBUTES:
        for element in page.find_all(tag):
            value = (element.get(attribute) or "").strip()
            split = urlsplit(value)
            if value and not split.scheme and not split.netloc:
                found.append(value)
    return found


def broken(root: Path) -> list[str]:
    """``page: address`` for every relative address under ``root`` that names nothing."""
    root = root.resolve()

    @functools.cache
    def ids(path: Path) -> frozenset[str]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return frozenset(str(e["id"]) for e in soup.find_all(id=True)) | frozenset(
            str(e["name"]) for e in soup.find_all("a", attrs={"name": True}))

    problems = []
    for page in sorted(root.rglob("*.html")):
        if "_static" in page.relative_to(root).parts:  # the theme's templates, not pages
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        folder = page.parent.relative_to(root).as_posix()
        for address in local_targets(soup):
            split = urlsplit(address)
            path = unquote(split.path)
            if not path:
                target = page
            else:
                joined = posixpath.normpath(posixpath.join(folder, path))
                if joined.startswith(".."):
                    problems.append(f"{page.relative_to(root)}: {address} (outside the site)")
                    continue
                target = root / joined
                if target.is_dir():
                    target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(root)}: {address}")
            elif split.fragment and target.suffix == ".html" and \
                    unquote(split.fragment) not in ids(target):
                problems.append(f"{page.relative_to(root)}: {address} (no such anchor)")
    return problems
