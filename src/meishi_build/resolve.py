"""A chapter notebook as JupyterLab shows it: its MyST resolved into Markdown and HTML.

JupyterLab renders Markdown cells with its own CommonMark renderer, which
knows nothing of MyST: a chapter opened there showed ``:::{admonition}``
fences, ``{term}`` and ``{cite:p}`` roles, and every number in the prose was
missing (``{glue:text}`` only has a value inside a Jupyter Book build).
:func:`resolve_notebook` rewrites a notebook's Markdown cells so that what
JupyterLab shows reads as the book does, with nothing that depends on a
running kernel:

* ``{glue:text}`key:fmt``` becomes the value the book glues: the chapter's
  ``CHAPTER.facts()``, shown as IPython shows it (``text/plain``) and
  formatted by myst-nb's own :func:`~myst_nb.core.variables.format_plain_text`;
* ``{cite:p}`a,b``` becomes the book's author-year text, ``[Author, 2007, …]``,
  formatted from ``assets/references.bib`` by sphinxcontrib-bibtex's own
  ``author_year`` style (the one ``_config.yml`` sets);
* ``{term}`text <key>``` becomes the text, with the glossary's definition as a
  tooltip (``chapters/glossary.md``);
* ``{ref}`` and ``{doc}`` become their text; a link where the target is a
  section of a chapter notebook (JupyterLab's heading anchors);
* admonitions become a bordered box with their title, folds (``:class:
  dropdown``) a ``<details>`` element, exercises and solutions the book's
  "Exercise 2.1 (Title)" / "Solution to Exercise 2.1 (Title)" boxes, and
  ``(label)=`` targets are removed.

Code (fenced code blocks, inline code, code cells) is never changed.  A role
or directive the resolver does not know is an error, as is a glue key the
chapter's facts lack, so a resolved notebook never shows raw MyST silently.

What the roles point to is looked up in :mod:`meishi_build.resolve_lookup`; the
roles and directives are rewritten by :class:`~meishi_build.resolve_myst.Resolver`;
this module resolves whole notebooks.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from typing import Any

from .resolve_lookup import BIB, GLOSSARY, Target, cite_text, glossary, glue_text, targets
from .resolve_myst import _INLINE, Resolver
from .versions import blocks

__all__ = [
    "BIB",
    "GLOSSARY",
    "RAW_MYST",
    "Resolver",
    "Target",
    "cite_text",
    "glue_text",
    "raw_myst",
    "resolve_notebook",
    "resolver_for",
]

#: What raw MyST looks like in a resolved notebook's Markdown (none may be left).
RAW_MYST = re.compile(r"\{[\w:-]+\}`|^[ \t]*(?:`{3,}|:{3,})\{[\w:-]+\}|^[ \t]*\([\w.:-]+\)=[ \t]*$",
                      re.M)


# -- notebooks --------------------------------------------------------------------------

def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def resolver_for(notebook_name: str, facts: Mapping[str, Any] | None = None) -> Resolver:
    """A fresh resolver with the facts, exercise prefix, glossary and labels of a chapter.

    ``facts`` saves computing the chapter's facts again for a second version.
    """
    from meishi.chapters import discover

    chapter = next((c for c in discover() if c.notebook.name == notebook_name), None)
    if chapter is None:
        raise LookupError(f"{notebook_name} is not a chapter notebook")
    return Resolver(facts=chapter.facts() if facts is None else facts, notebook=notebook_name,
                    prefix=f"{chapter.number}." if chapter.number else "",
                    terms=_glossary_cached(), labels=_targets_cached())


@functools.cache
def _glossary_cached() -> dict[str, str]:
    return glossary()


@functools.cache
def _targets_cached() -> dict[str, Target]:
    return targets()


def resolve_notebook(notebook: dict, resolver: Resolver) -> dict:
    """A copy of ``notebook`` whose Markdown cells JupyterLab shows as the book does."""
    nb = copy.deepcopy(notebook)
    markdown = [_source(c) for c in nb["cells"] if c["cell_type"] == "markdown"]
    resolver.number_exercises(markdown)
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = resolver.markdown(_source(cell))
            if not text.strip():
                continue
            cell = {**cell, "source": text}
        cells.append(cell)
    nb["cells"] = cells
    return nb


def raw_myst(notebook: dict) -> list[str]:
    """The raw MyST left in a notebook's Markdown cells (outside code), one entry per hit."""
    hits = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = _source(cell).splitlines()
        code = [False] * len(lines)
        for b in blocks(lines):
            if b.name is None:
                code[b.start:b.end + 1] = [True] * (b.end + 1 - b.start)
        for line, in_code in zip(lines, code, strict=True):
            if in_code:
                continue
            prose = _INLINE.sub(lambda m: "" if m["code"] else m[0], line)
            hits += [m[0] for m in RAW_MYST.finditer(prose)]
    return hits
