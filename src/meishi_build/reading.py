"""How long a chapter takes to read, computed from its text.

The teacher's guide and the course plans give each chapter's reading time;
it is computed here, never typed.  :func:`section_words` counts the words a
reader sees in each section of a chapter, as the book renders it: every
Markdown cell resolved by :mod:`meishi_build.resolve` (each glued number
written in and counted as a word, citations as the book prints them,
glossary terms as their text), rendered to HTML and read as text, plus each
figure's caption and the tables the chapter prints from code (its claims in
the ledger, a table of figures), as Markdown the code returns.  Left out:
code, what is folded (answers to *things to try*, solutions), the widgets
and the quiz (their words are read while using them in class).

The *reading* of a chapter (:func:`reading`) is the part a student reads
before class: every section from the top to the verdict, and the key
takeaways.  The exercises, the quiz, the discussion prompts and the further
reading are done in class or afterwards, and are not counted.

The rate is the average silent-reading rate of adults reading non-fiction in
English, 238 words a minute, from Brysbaert's meta-analysis of 190 studies
(:data:`RATE`, cited as ``brysbaert2019``).  The same review finds most adults
between 175 and 300 words a minute, and slower reading in English as a second
language; the plans also give the time at :data:`SLOW_RATE`, the bottom of
that range, for slower readers (some second-language readers need longer
still).
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

__all__ = ["NOT_READING", "RATE", "SLOW_RATE", "Reading", "minutes", "reading", "section_words",
           "words"]

#: Words a minute: adults' silent reading of non-fiction in English (Brysbaert 2019).
RATE = 238
#: Words a minute: the bottom of the range most adults fall in (Brysbaert 2019).
SLOW_RATE = 175
#: Sections (second-level headings) that are not part of the reading before class.
NOT_READING = ("Exercises", "Self-check quiz", "For discussion", "Further reading")

_MD = MarkdownIt("commonmark", {"html": True})
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_SOLUTION = re.compile(r"^\s*(`{3,}|:{3,})\{solution-(start|end)\}")


def words(text: str) -> int:
    """Words in plain text: runs of non-space characters with a letter or digit."""
    return sum(1 for token in text.split() if _WORD.search(token))


class _Text(HTMLParser):
    """The visible text of rendered HTML, by second-level section, without folds or code."""

    _SKIP = frozenset({"details", "pre", "script", "style"})

    def __init__(self, section: str):
        super().__init__(convert_charrefs=True)
        self.section = section
        self.counts: dict[str, int] = {}
        self._skip = 0
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "h2" and not self._skip:
            self._heading = []

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "h2" and self._heading is not None:
            self.section = " ".join("".join(self._heading).split())
            self._add(" ".join(self._heading))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._heading is not None:
            self._heading.append(data)
        else:
            self._add(data)

    def _add(self, text: str) -> None:
        self.counts[self.section] = self.counts.get(self.section, 0) + words(text)


def _without_spread_solutions(cells: list[dict]) -> list[dict]:
    """The cells with every solution spread between ``{solution-start}`` and
    ``{solution-end}`` removed (its Markdown and its code cells), as the book folds it."""
    kept, inside = [], False
    for cell in cells:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] != "markdown":
            if not inside:
                kept.append(cell)
            continue
        lines, out, fence = source.splitlines(), [], None
        for line in lines:
            match = _SOLUTION.match(line)
            if match and match.group(2) == "start":
                inside, fence = True, match.group(1)
            elif match and match.group(2) == "end":
                inside, fence = False, match.group(1)
            elif fence is not None and line.strip() == fence:
                fence = None  # the closing fence of a solution-start/-end directive
            elif not inside:
                out.append(line)
        kept.append({**cell, "source": "\n".join(out)})
    return kept


def _printed(source: str, module: str) -> str:
    """The Markdown a hidden code cell prints (a table), or "" for a widget or the quiz."""
    import importlib

    source = source.strip()
    if not re.fullmatch(r"chapter(\.\w+)+\(\)", source) or source.endswith(
            ("quiz()", "glue()", "Widget()")):
        return ""
    shown = eval(source, {"chapter": importlib.import_module(module)})
    return shown._repr_markdown_() if hasattr(shown, "_repr_markdown_") else ""


def section_words(notebook: Path) -> dict[str, int]:
    """Words of a chapter's rendered prose, by second-level section, in page order.

    The title and everything before the first ``##`` heading count under ``""``.
    """
    from meishi.chapters import discover

    from .resolve import resolve_notebook, resolver_for

    chapter = next(c for c in discover() if c.notebook.name == notebook.name)
    module = f"meishi.chapters.{chapter.slug}"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb = {**nb, "cells": _without_spread_solutions(nb["cells"])}
    resolved = resolve_notebook(nb, resolver_for(notebook.name))
    parser = _Text("")
    for cell in resolved["cells"]:
        if cell["cell_type"] == "markdown":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            parser.feed(_MD.render(source))
        else:
            caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            if caption:
                parser.feed(_MD.render(caption))
            elif "remove-input" in cell.get("metadata", {}).get("tags", []):
                parser.feed(_MD.render(_printed(source, module)))
    parser.close()
    return parser.counts


def minutes(word_count: int, rate: int = RATE) -> int:
    """Whole minutes to read ``word_count`` words at ``rate`` words a minute (rounded up)."""
    return math.ceil(word_count / rate)


@dataclass(frozen=True)
class Reading:
    """A chapter's reading before class: its words and minutes at both rates."""

    words: int
    minutes: int
    slow_minutes: int
    sections: tuple[str, ...]


@functools.cache
def reading(notebook: Path) -> Reading:
    """The part of a chapter read before class (all but :data:`NOT_READING`)."""
    counts = section_words(notebook)
    kept = {s: n for s, n in counts.items() if s not in NOT_READING}
    total = sum(kept.values())
    return Reading(total, minutes(total), minutes(total, SLOW_RATE), tuple(s for s in kept if s))
