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
"""

from __future__ import annotations

import copy
import functools
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meishi.paths import ROOT

from .versions import blocks

__all__ = [
    "RAW_MYST",
    "Resolver",
    "cite_text",
    "glue_text",
    "raw_myst",
    "resolve_notebook",
    "resolver_for",
]

BIB = ROOT / "assets" / "references.bib"
GLOSSARY = ROOT / "chapters" / "glossary.md"
CHAPTERS = ROOT / "chapters"

#: What raw MyST looks like in a resolved notebook's Markdown (none may be left).
RAW_MYST = re.compile(r"\{[\w:-]+\}`|^[ \t]*(?:`{3,}|:{3,})\{[\w:-]+\}|^[ \t]*\([\w.:-]+\)=[ \t]*$",
                      re.M)

#: A role, or an inline code span (left as it is); the leftmost match wins, so the
#: backticks of a role are never read as code.
_INLINE = re.compile(r"\{(?P<name>[a-z][\w:-]*)\}`(?P<body>[^`]*)`"
                     r"|(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))")
_TARGET = re.compile(r"^[ \t]*\((?P<label>[\w.:-]+)\)=[ \t]*$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")

#: Box colours by admonition class (a translucent tint reads in light and dark themes).
COLOURS = {"note": "#1f77b4", "tip": "#2ca02c", "hint": "#2ca02c", "seealso": "#7b4ea3",
           "important": "#d62728", "warning": "#e67e00", "caution": "#e67e00",
           "attention": "#e67e00", "danger": "#d62728", "error": "#d62728",
           "exercise": "#1f77b4", "solution": "#555555"}
NAMED = {"note": "Note", "tip": "Tip", "hint": "Hint", "seealso": "See also",
         "important": "Important", "warning": "Warning", "caution": "Caution",
         "attention": "Attention", "danger": "Danger", "error": "Error"}


# -- values ---------------------------------------------------------------------------

def glue_text(value: Any, fmt: str) -> str:
    """``{glue:text}`key:fmt``` for a glued ``value``, exactly as myst-nb writes it."""
    from IPython.core.formatters import PlainTextFormatter
    from myst_nb.core.variables import format_plain_text

    return format_plain_text(PlainTextFormatter()(value), fmt)


@functools.cache
def _bibliography(path: Path = BIB):
    from pybtex.database import parse_file

    return parse_file(str(path))


def cite_text(keys: list[str], bib: Path = BIB) -> str:
    """The book's text for ``{cite:p}`` of ``keys``: ``[Heine and Hamamura, 2007]``."""
    import pybtex.plugin
    from pybtex.richtext import BaseMultipartText
    from sphinxcontrib.bibtex.domain import SphinxReferenceInfo
    from sphinxcontrib.bibtex.plugin import find_plugin
    from sphinxcontrib.bibtex.style.referencing import format_references

    db = _bibliography(bib)
    missing = [k for k in keys if k not in db.entries]
    if missing:
        raise KeyError(f"citation keys not in {bib.name}: {missing}")
    style = find_plugin("sphinxcontrib.bibtex.style.referencing", "author_year")()
    entry_style = pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")()
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


# -- the resolver -----------------------------------------------------------------------

@dataclass
class Resolver:
    """Resolves the MyST of one chapter notebook (see the module's docstring)."""

    facts: Mapping[str, Any]
    notebook: str = ""
    #: "2." for chapter 2 (exercises "2.1", "2.2"); "" for an unnumbered chapter.
    prefix: str = ""
    terms: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, Target] = field(default_factory=dict)
    bib: Path = BIB
    #: Every glue the resolver filled, in order: (key, format, text).
    glued: list[tuple[str, str, str]] = field(default_factory=list)
    #: Every citation it wrote, in order: the text.
    cited: list[str] = field(default_factory=list)
    exercises: dict[str, str] = field(default_factory=dict)
    _exercise_count: int = 0

    # roles
    def role(self, name: str, body: str) -> str:
        handler: Callable[[str], str] | None = {
            "glue:text": self._glue, "glue": self._glue, "cite:p": self._cite,
            "cite": self._cite, "term": self._term, "ref": self._ref, "doc": self._doc,
            "numref": self._ref, "abbr": self._abbr,
            "math": lambda b: f"${b}$", "sub": lambda b: f"<sub>{b}</sub>",
            "sup": lambda b: f"<sup>{b}</sup>", "kbd": lambda b: f"<kbd>{b}</kbd>",
            "code": lambda b: f"`{b}`",
        }.get(name)
        if handler is None:
            raise ValueError(f"{self.notebook}: the role {{{name}}} has no JupyterLab form")
        return handler(body)

    def _glue(self, body: str) -> str:
        key, _, fmt = body.rpartition(":") if ":" in body else (body, "", "")
        if key not in self.facts:
            raise KeyError(f"{self.notebook}: {{glue:text}}`{body}` - no fact {key!r}")
        text = glue_text(self.facts[key], fmt)
        self.glued.append((key, fmt, text))
        return text

    def _cite(self, body: str) -> str:
        text = cite_text([k.strip() for k in body.split(",") if k.strip()], self.bib)
        self.cited.append(text)
        # escaped, so that "[Riney, 2015](…" or "[…][…]" never reads as a link
        return text.replace("[", "\\[").replace("]", "\\]")

    def _term(self, body: str) -> str:
        m = _EXPLICIT.match(body)
        text, key = (m["text"], m["target"]) if m else (body, body)
        definition = self.terms.get(key.strip())
        if not definition:
            return text
        return (f'<span title="{html.escape(definition, quote=True)}" '
                f'style="border-bottom: 1px dotted">{text}</span>')

    def _abbr(self, body: str) -> str:
        m = re.match(r"^(?P<text>.*?)\s*\((?P<title>[^()]*)\)$", body)
        if not m:
            return body
        return f'<abbr title="{html.escape(m["title"], quote=True)}">{m["text"]}</abbr>'

    def _ref(self, body: str) -> str:
        m = _EXPLICIT.match(body)
        text, label = (m["text"], m["target"].strip()) if m else (None, body.strip())
        if label in self.exercises:
            return text or self.exercises[label]
        target = self.labels.get(label)
        if target is None:
            return text or label
        text = text or target.title
        if target.anchor and target.notebook:
            here = target.notebook == self.notebook
            return f"[{text}]({'' if here else target.notebook}#{target.anchor})"
        return text

    def _doc(self, body: str) -> str:
        m = _EXPLICIT.match(body)
        text, doc = (m["text"], m["target"].strip()) if m else (None, body.strip())
        path = (CHAPTERS / doc).with_suffix(".ipynb")
        name = path.name if path.parent == CHAPTERS and path.is_file() else None
        if text is None:
            text = doc.rsplit("/", 1)[-1]
            if name:
                heading = next((h[2] for t in _cell_texts(path) for line in t.splitlines()
                                if (h := _HEADING.match(line)) and h[1] == "#"), None)
                text = heading or text
        return f"[{text}]({name})" if name and name != self.notebook else text

    def inline(self, line: str) -> str:
        """Resolve the roles in one line of text, leaving inline code as it is."""
        return _INLINE.sub(lambda m: m["code"] or self.role(m["name"], m["body"]), line)

    # directives
    def number_exercises(self, markdown: list[str]) -> None:
        """Number the exercises in document order, as sphinx-exercise does."""
        for text in markdown:
            lines = text.splitlines()
            for b in blocks(lines):
                if b.name == "exercise":
                    self._exercise_count += 1
                    options, _ = _options(lines[b.start + 1:b.end])
                    number = f"Exercise {self.prefix}{self._exercise_count}"
                    if "label" in options:
                        self.exercises[options["label"]] = number
                        self.exercises[options["label"] + "#title"] = b.arg

    def markdown(self, text: str) -> str:
        return "\n".join(self._lines(text.splitlines())).strip("\n")

    def _lines(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        top = [b for b in blocks(lines) if b.depth == 0]
        i = 0
        for b in [*top, None]:
            stop = b.start if b else len(lines)
            for line in lines[i:stop]:
                if not _TARGET.match(line):
                    out.append(self.inline(line))
            if b is None:
                break
            if b.name is None:  # a code block: as it is
                out.extend(lines[b.start:b.end + 1])
            else:
                out.extend(self._directive(b, lines))
            i = b.end + 1
        return out

    def _directive(self, b, lines: list[str]) -> list[str]:
        indent = re.match(r"^[ \t]*", lines[b.start])[0]
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip()
                for line in lines[b.start + 1:b.end]]
        options, body = _options(body)
        classes = options.get("class", "").split()
        name, arg = b.name, self.inline(b.arg)
        if name in ("solution-start", "solution-end"):
            # a solution spread over cells: JupyterLab cannot fold across cells, so say
            # where it begins and ends
            if name == "solution-end":
                return [f"{indent}*End of the solution.*"]
            title = self._solution_title(b.arg)
            return [f"{indent}**{title}**"]
        if name in ("math", "code-block", "code", "sourcecode"):
            fence = (["$$", *body, "$$"] if name == "math"
                     else ["```" + b.arg.strip(), *body, "```"])
            return [indent + line if line else "" for line in fence]
        if name in ("topic", "sidebar", "margin", "epigraph", "dropdown"):
            title, colour = arg, "#888888"
            classes = [*classes, "dropdown"] if name == "dropdown" else classes
        elif name == "admonition":
            title, colour = arg, COLOURS.get(next((c for c in classes if c in COLOURS), ""),
                                            "#888888")
        elif name in NAMED:
            title, colour = (arg or NAMED[name]), COLOURS[name]
        elif name == "exercise":
            number = self.exercises.get(options.get("label", ""), "Exercise")
            title, colour = f"{number} ({arg})" if arg else number, COLOURS["exercise"]
        elif name == "solution":
            title, colour = self._solution_title(b.arg), COLOURS["solution"]
        else:
            raise ValueError(f"{self.notebook}: the directive {{{name}}} has no JupyterLab form")
        inner = self._lines(_dedent_body(body))
        return [indent + line if line else "" for line in
                _box(title, inner, colour, fold="dropdown" in classes)]

    def _solution_title(self, label: str) -> str:
        label = label.strip()
        number = self.exercises.get(label)
        if number is None:
            return "Solution"
        title = self.exercises.get(label + "#title")
        return f"Solution to {number}" + (f" ({self.inline(title)})" if title else "")


def _options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    options: dict[str, str] = {}
    i = 0
    while i < len(body) and (m := _OPTION.match(body[i].strip())):
        options[m["key"]] = m["value"].strip()
        i += 1
    return options, body[i:]


def _dedent_body(body: list[str]) -> list[str]:
    while body and not body[0].strip():
        body = body[1:]
    while body and not body[-1].strip():
        body = body[:-1]
    return body


def _box(title: str, inner: list[str], colour: str, fold: bool) -> list[str]:
    """A titled box JupyterLab renders (its sanitiser keeps these tags and styles).

    The blank lines around the body make it Markdown again inside the HTML.
    """
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    style = (f"border-left: 4px solid {colour}; background-color: rgba({r}, {g}, {b}, 0.08); "
             "padding: 0.2em 1em; margin: 1em 0; border-radius: 2px")
    if fold:
        head = [f'<details style="{style}">',
                f"<summary><strong>{title}</strong></summary>"]
        tail = "</details>"
    else:
        head = [f'<div style="{style}">',
                f'<p style="font-weight: bold; margin-bottom: 0.3em">{title}</p>']
        tail = "</div>"
    return [*head, "", *inner, "", tail]


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
