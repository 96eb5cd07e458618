"""The student edition's table of contents: the book's, without its teacher parts.

Used by :mod:`meishi_build.edition` (its pages and links) and by what builds it.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import yaml

from .versions import is_teacher

__all__ = ["student_toc", "student_toc_file", "teacher_pages"]


def student_toc(toc: dict) -> dict:
    """The table of contents without its teacher parts."""
    return {**toc, "parts": [p for p in toc.get("parts", [])
                             if not is_teacher(str(p.get("caption", "")))]}


def _title(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".ipynb":
        cells = json.loads(text).get("cells", [])
        text = "".join(cells[0].get("source", "")) if cells else ""
    match = re.search(r"^# (.+)$", text, re.M)
    return match.group(1).strip() if match else source.stem


@functools.cache
def teacher_pages(root: Path) -> dict[str, str]:
    """Docname and title of every page in the teacher parts of ``root/_toc.yml``."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for part in toc.get("parts", []):
        if is_teacher(str(part.get("caption", ""))):
            for entry in part.get("chapters", []):
                doc = str(entry["file"]).removesuffix(".ipynb").removesuffix(".md")
                source = next((root / f"{doc}{s}" for s in (".ipynb", ".md")
                               if (root / f"{doc}{s}").is_file()), None)
                pages[doc] = _title(source) if source else doc
    return pages


def student_toc_file(root: Path) -> Path:
    """The edition's table of contents, ``_build/student/_toc.yml``, whatever ``--out``
    says: Sphinx reads every page again when the path changes (a setting of the read
    documents), so an edition written elsewhere from the same doctrees (``--out``,
    ``--doctrees``: ``QUIZ_KEYS=off`` for a graded copy) is only written, not read
    again.  Written only when its text changes, so its date says when it last did."""
    path = root / "_build" / "student" / "_toc.yml"
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    text = yaml.safe_dump(student_toc(toc), sort_keys=False)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.name}.{os.getpid()}")  # whole or not at all, for a
        part.write_text(text, encoding="utf-8")                # build reading it meanwhile
        os.replace(part, path)
    return path
