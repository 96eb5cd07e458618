"""What MyST's roles point to, as the book shows it (for :mod:`meishi_build.resolve`).

Values: a glued fact formatted as myst-nb formats it, a citation's author-year
text as sphinxcontrib-bibtex writes it, a glossary term's definition.  Labels:
every ``(label)=`` target in the chapters with the heading it names and
JupyterLab's anchor for it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meishi.paths import ROOT

from .versions import blocks

__all__ = ["BIB", "CHAPTERS", "GLOSSARY", "Target", "cite_text", "format_plain_text",
           "glossary", "glue_text", "targets"]

BIB = ROOT / "assets" / "references.bib"
GLOSSARY = ROOT / "chapters" / "glossary.md"
CHAPTERS = ROOT / "chapters"

_TARGET = re.compile(r"^[ \t]*\((?P<label>[\w.:-]+)\)=[ \t]*$")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")


# -- values ---------------------------------------------------------------------------

def glue_text(value: Any, fmt: str) -> str:
    """``{glue:text}`key:fmt``` for a glued ``value``, exactly as myst-nb writes it."""
    from IPython.core.formatters import PlainTextFormatter

    return format_plain_text(PlainTextFormatter()(value), fmt)


def format_plain_text(text: str, fmt: str) -> str:
    """myst-nb's ``myst_nb.core.variables.format_plain_text`` (myst-nb 1.4.0): a glued
    value's plain text, formatted by ``fmt``.  Written here because importing myst-nb's
    module imports nbformat and jsonschema, two seconds of every `make notebooks` and
    guide step; ``tests/build/test_resolve.py`` holds the two to the same output."""
    from ast import literal_eval

    try:
        value = literal_eval(text)  # removes a string's quotes
    except (SyntaxError, ValueError):
        value = text
    if fmt == "":
        return str(value)
    kind = fmt[-1]
    if kind == "s":
        value = str(value)
    elif kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, fmt)


@functools.cache
def _bibliography(path: Path = BIB):
    from pybtex.database import parse_file

    return parse_file(str(path))


@functools.cache
def _styles():
    """The book's citation style and entry style (found once: each lookup reads the entry
    points of every installed package, 0.1 s)."""
    import pybtex.plugin
    from sphinxcontrib.bibtex.plugin import find_plugin

    return (find_plugin("sphinxcontrib.bibtex.style.referencing", "author_year")(),
            pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")())


def cite_text(keys: list[str], bib: Path = BIB) -> str:
    """The book's text for ``{cite:p}`` of ``keys``: ``[Heine and Hamamura, 2007]``."""
    from pybtex.richtext import BaseMultipartText
    from sphinxcontrib.bibtex.domain import SphinxReferenceInfo
    from sphinxcontrib.bibtex.style.referencing import format_references

    db = _bibliography(bib)
    missing = [k for k in keys if k not in db.entries]
    if missing:
        raise KeyError(f"citation keys not in {bib.name}: {missing}")
    style, entry_style = _styles()
    # the book lists a citation's references in the bibliography's order (the
    # style's sorting), not in the order the keys are written
    entries = entry_style.sort([db.entries[k] for k in dict.fromkeys(keys)])
    refs = [(e, entry_style.format_entry(label="", entry=e),
             SphinxReferenceInfo(None, "", "", "", None, "", "")) for e in entries]

    def plain(text) -> str:  # the reference parts render only to docutils; take their text
        if isinstance(text, BaseMultipartText):
            return "".join(plain(p) for p in text.parts)
        return str(text)

    return plain(format_references(style, "p", refs))


def _plain_markdown(text: str) -> str:
    text = re.sub(r"\{[\w:-]+\}`([^`]*)`", lambda m: _EXPLICIT.sub(r"\g<text>", m[1]), text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def glossary(path: Path = GLOSSARY) -> dict[str, str]:
    """``{term: first sentence of its definition}`` from the glossary's ``{glossary}`` blocks."""
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    terms: dict[str, str] = {}
    for b in blocks(lines):
        if b.name != "glossary":
            continue
        term, body = None, []
        for line in [*lines[b.start + 1:b.end], ""]:
            if line and not line[0].isspace():
                if term:
                    terms[term] = _first_sentence(" ".join(body))
                term, body = line.strip(), []
            elif line.strip():
                body.append(line.strip())
        if term:
            terms[term] = _first_sentence(" ".join(body))
    return terms


def _first_sentence(text: str) -> str:
    text = _plain_markdown(text)
    # the reading (*めいし, meishi.*) comes first; keep it and the first sentence after it
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text)
    out = parts[0]
    if len(parts) > 1 and len(out) < 40:
        out += " " + parts[1]
    return out


# -- labels -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    title: str
    notebook: str | None  # file name of the chapter notebook holding it, or None
    anchor: str | None  # JupyterLab's heading anchor, or None


def _heading_anchor(title: str) -> str:
    """JupyterLab's id for a rendered heading: its text with spaces as hyphens."""
    return title.replace(" ", "-")


def _cell_texts(path: Path) -> list[str]:
    import json

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in cells if c["cell_type"] == "markdown"]


def targets(root: Path = CHAPTERS) -> dict[str, Target]:
    """Every ``(label)=`` in the chapters' notebooks and pages, with the heading it names."""
    found: dict[str, Target] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".ipynb", ".md") or ".ipynb_checkpoints" in path.parts:
            continue
        texts = _cell_texts(path) if path.suffix == ".ipynb" else [path.read_text("utf-8")]
        notebook = path.name if path.suffix == ".ipynb" and path.parent == root else None
        lines = "\n".join(texts).splitlines()
        for i, line in enumerate(lines):
            m = _TARGET.match(line)
            if not m:
                continue
            nxt = next((x for x in lines[i + 1:] if x.strip()), "")
            h = _HEADING.match(nxt.strip())
            title = _plain_markdown(h[2]) if h else m["label"]
            found[m["label"]] = Target(title, notebook, _heading_anchor(title) if h else None)
    return found
