"""The resolver: one chapter's MyST roles and directives as Markdown and HTML JupyterLab renders.

Roles become text (a glued value, a citation, a term with its definition as a
tooltip, a cross-reference as text or a link); directives become boxes and
folds (:func:`_box`), numbered exercises and their solutions.  What the roles
point to comes from :mod:`meishi_build.resolve_lookup`; whole notebooks are
resolved by :mod:`meishi_build.resolve`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .resolve_lookup import (
    _EXPLICIT,
    _HEADING,
    _TARGET,
    BIB,
    CHAPTERS,
    Target,
    _cell_texts,
    cite_text,
    glue_text,
)
from .versions import blocks

__all__ = ["COLOURS", "NAMED", "Resolver"]

#: A role, or an inline code span (left as it is); the leftmost match wins, so the
#: backticks of a role are never read as code.
_INLINE = re.compile(r"\{(?P<name>[a-z][\w:-]*)\}`(?P<body>[^`]*)`"
                     r"|(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")

#: Box colours by admonition class (a translucent tint reads in light and dark themes).
COLOURS = {"note": "#1f77b4", "tip": "#2ca02c", "hint": "#2ca02c", "seealso": "#7b4ea3",
           "important": "#d62728", "warning": "#e67e00", "caution": "#e67e00",
           "attention": "#e67e00", "danger": "#d62728", "error": "#d62728",
           "exercise": "#1f77b4", "solution": "#555555"}
NAMED = {"note": "Note", "tip": "Tip", "hint": "Hint", "seealso": "See also",
         "important": "Important", "warning": "Warning", "caution": "Caution",
         "attention": "Attention", "danger": "Danger", "error": "Error"}


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
