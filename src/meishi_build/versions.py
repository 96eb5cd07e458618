"""Student and instructor versions of the chapter notebooks: ``python -m meishi_build.versions``.

``make notebooks`` writes, for every chapter that :func:`meishi.chapters.discover`
finds, ``_build/classroom/instructor/NN_slug.ipynb`` (the whole chapter) and
``_build/classroom/student/NN_slug.ipynb``, without outputs.  The student
version keeps the reading, widgets, charts, exercises, *things to try*
questions, quiz and discussion prompts, and leaves out:

* worked solutions: ``{solution}`` blocks and ``{solution-start}`` ..
  ``{solution-end}`` ranges, with the code cells between them;
* the answer folds under the *things to try* (admonitions titled "Answer");
* the teacher box and the teaching plan (admonitions titled "For teachers…",
  with the ``(label)=`` target in front of them) and the line pointing to it;
* the quiz's answers: its cell calls ``.for_students()``, which shows the
  questions without the key (:meth:`meishi.kit.quiz.Quiz.for_students`).

The MyST is parsed by its fences (backticks or colons, any length, indented
in lists, nested), never by searching for words in the text, so a solution
that mentions "Answer" or an exercise inside a colon fence stays as it is.
Both versions import the installed ``meishi`` package, which finds the data
and quizzes through :mod:`meishi.paths`, so they run from any folder.

Both are written *resolved* (:mod:`meishi_build.resolve`): JupyterLab knows
no MyST, so every glued number is filled in from the chapter's facts, and
admonitions, folds, exercises, glossary terms, citations and references
become the Markdown and HTML JupyterLab renders, reading as the book does.
:func:`student_version` and :func:`instructor_version` themselves return the
MyST source, which is what the book and the handouts read.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from meishi.paths import BUILD

from .nbclean import strip

__all__ = ["CLASSROOM", "Block", "blocks", "instructor_version", "is_answer", "is_teacher",
           "student_version", "write_versions"]

CLASSROOM = BUILD / "classroom"
#: Admonition titles the student version leaves out (the handouts use the same rules).
ANSWER_TITLES = ("Answer",)
TEACHER_PREFIX = "For teachers"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:-]+)\}[ \t]*(?P<arg>.*)$")
_TARGET = re.compile(r"^[ \t]*\([\w:.-]+\)=[ \t]*$")
TEACHING_PLAN = re.compile(r"teaching plan", re.I)
_QUIZ_CALL = re.compile(r"\.quiz\(\)[ \t]*$")

NOTES = {
    "student": ("> **Student version.** The worked solutions, the answers under *things to "
                "try*, the quiz key and the teaching notes are left out; your teacher has them."),
    "instructor": ("> **Instructor version.** Everything in the chapter: worked solutions, "
                   "the answers under *things to try*, the quiz key and the teaching plan."),
}


@dataclass(frozen=True)
class Block:
    """A fenced block, lines ``start`` to ``end`` inclusive; ``name`` None for plain code."""

    start: int
    end: int
    name: str | None
    arg: str
    depth: int


def blocks(lines: list[str]) -> list[Block]:
    """Every fenced block in ``lines`` (nested ones too), in document order.

    A fence closes the innermost open block when it uses the same character,
    is at least as long and carries nothing after it.  Inside a plain code
    block (```python, a bare ```), nothing opens.
    """
    stack: list[tuple[str, int, int, str | None, str]] = []
    found: list[Block] = []
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if not m:
            continue
        fence, info = m["fence"], m["info"].strip()
        if stack:
            char, length, start, name, arg = stack[-1]
            if fence[0] == char and len(fence) >= length and not info:
                stack.pop()
                found.append(Block(start, i, name, arg, len(stack)))
                continue
            if name is None:
                continue
        d = _DIRECTIVE.match(info)
        stack.append((fence[0], len(fence), i, d["name"] if d else None,
                      d["arg"].strip() if d else ""))
    if stack:
        raise ValueError(f"the fence opened on line {stack[-1][2] + 1} is never closed")
    return sorted(found, key=lambda b: (b.start, b.depth))


def is_answer(title: str) -> bool:
    return title.strip() in ANSWER_TITLES


def is_teacher(title: str) -> bool:
    return title.strip().startswith(TEACHER_PREFIX)


def _left_out(block: Block) -> bool:
    if block.name == "solution":
        return True
    return block.name == "admonition" and (is_answer(block.arg) or is_teacher(block.arg))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


class _Student:
    """Walks the cells once; a solution-start..solution-end range may span cells."""

    def __init__(self) -> None:
        self.in_solution = False

    def markdown(self, text: str) -> str:
        lines = text.splitlines()
        drop = [False] * len(lines)
        found = blocks(lines)
        inside = [False] * len(lines)
        for b in found:
            inside[b.start:b.end + 1] = [True] * (b.end + 1 - b.start)
        gate = 0 if self.in_solution else None
        for b in found:
            if b.name == "solution-start":
                if gate is not None:
                    raise ValueError(f"a solution-start inside another solution: {lines[b.start]}")
                gate = b.start
            elif b.name == "solution-end":
                if gate is None:
                    raise ValueError("a solution-end without its solution-start")
                drop[gate:b.end + 1] = [True] * (b.end + 1 - gate)
                gate = None
            elif _left_out(b):
                drop[b.start:b.end + 1] = [True] * (b.end + 1 - b.start)
                self._drop_target(lines, drop, b.start)
        if gate is not None:
            drop[gate:] = [True] * (len(lines) - gate)
        self.in_solution = gate is not None
        self._drop_plan_pointers(lines, drop, inside)
        kept = "\n".join(line for line, gone in zip(lines, drop, strict=True) if not gone)
        return re.sub(r"\n{3,}", "\n\n", kept).strip()

    @staticmethod
    def _drop_target(lines: list[str], drop: list[bool], start: int) -> None:
        i = start - 1
        while i >= 0 and not lines[i].strip():
            i -= 1
        if i >= 0 and _TARGET.match(lines[i]):
            drop[i] = True

    @staticmethod
    def _drop_plan_pointers(lines: list[str], drop: list[bool], inside: list[bool]) -> None:
        """Leave out a paragraph outside any block that points to the teaching plan."""
        start = 0
        for i in range(len(lines) + 1):
            if i == len(lines) or not lines[i].strip():
                para = range(start, i)
                if (para and not any(inside[j] for j in para)
                        and TEACHING_PLAN.search(" ".join(lines[j] for j in para))):
                    for j in para:
                        drop[j] = True
                start = i + 1

    def code(self, cell: dict) -> dict | None:
        if self.in_solution:
            return None
        src = _source(cell)
        if _QUIZ_CALL.search(src):
            cell = {**cell, "source": _QUIZ_CALL.sub(".quiz().for_students()", src)}
        return cell


def _with_note(cells: list[dict], note: str) -> list[dict]:
    """The version's note after the notebook's title (first line of the first cell)."""
    first = copy.deepcopy(cells[0])
    title, _, rest = _source(first).partition("\n")
    first["source"] = f"{title}\n\n{note}\n{rest}"
    return [first, *cells[1:]]


def student_version(notebook: dict) -> dict:
    nb = strip(copy.deepcopy(notebook))
    walker = _Student()
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = walker.markdown(_source(cell))
            if text:
                cells.append({**cell, "source": text})
        elif cell["cell_type"] == "code":
            kept = walker.code(cell)
            if kept is not None:
                cells.append(kept)
        elif not walker.in_solution:
            cells.append(cell)
    if walker.in_solution:
        raise ValueError("a solution-start is never ended")
    nb["cells"] = _with_note(cells, NOTES["student"])
    return nb


def instructor_version(notebook: dict) -> dict:
    nb = strip(copy.deepcopy(notebook))
    nb["cells"] = _with_note(nb["cells"], NOTES["instructor"])
    return nb


def chapter_notebooks() -> list[Path]:
    from meishi.chapters import discover

    return [c.notebook for c in discover()]


def write_versions(notebooks: Iterable[Path] | None = None,
                   out: Path = CLASSROOM, resolve: bool = True) -> dict[str, list[Path]]:
    """Write both versions of each notebook under ``out``; returns the files per version.

    With ``resolve`` (the default) the MyST is resolved for JupyterLab
    (:func:`meishi_build.resolve.resolve_notebook`) with the chapter's facts.
    """
    from .resolve import resolve_notebook, resolver_for

    written: dict[str, list[Path]] = {"student": [], "instructor": []}
    makers = {"student": student_version, "instructor": instructor_version}
    for path in notebooks if notebooks is not None else chapter_notebooks():
        notebook = json.loads(path.read_text(encoding="utf-8"))
        facts = resolver_for(path.name).facts if resolve else None
        for version, make in makers.items():
            target = out / version / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            made = make(notebook)
            if resolve:
                made = resolve_notebook(made, resolver_for(path.name, facts))
            text = json.dumps(made, indent=1, ensure_ascii=False) + "\n"
            target.write_text(text, encoding="utf-8")
            written[version].append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CLASSROOM)
    args = parser.parse_args(argv)
    from meishi.chapters import facts_once

    try:
        with facts_once():  # the ledger reads every chapter's facts for each chapter
            written = write_versions(out=args.out)
    except (KeyError, LookupError, ValueError) as exc:  # a glue without its fact, raw MyST...
        print(f"make notebooks: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    for version, files in written.items():
        print(f"{version}: {len(files)} notebooks in {args.out / version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
