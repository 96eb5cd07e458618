"""The parts of a chapter notebook a teacher's guide is built from.

:func:`read_parts` reads a chapter's notebook (``chapters/NN_slug.ipynb``)
with the same Markdown parser family MyST uses (markdown-it-py, with colon
fences), so nested fences and list items are found as the book sees them,
not by guessing at line patterns.  It returns the chapter's

* learning objectives: the numbered list in the "At a glance" box;
* exercises (``{exercise}`` directives) with their solutions, whether a
  ``{solution}`` directive or the text between ``{solution-start}`` and
  ``{solution-end}`` (code cells there are counted, not copied);
* "Things to try" items, each with the answer in its fold (or ``None``);
* discussion prompts (the list under "For discussion");
* the headings of its sections and subsections (``##``, ``###``).

Everything is returned as the chapter's own MyST source, so glue roles,
glossary terms and citations still work where :mod:`meishi_build.guide`
places it in the guide page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin

__all__ = ["REFLECT_SUFFIX", "ChapterParts", "Exercise", "Try", "read_parts"]

#: The label suffix that marks a chapter's open reflection exercise.
REFLECT_SUFFIX = "-reflect"

_MD = MarkdownIt("commonmark").use(colon_fence_plugin)
_OPTION = re.compile(r"^:(\w[\w-]*):\s*(.*)$")
_TEACHING_PLAN = re.compile(r"^\(ch\w*-teaching-plan\)=\s*$", re.M)


@dataclass(frozen=True)
class Exercise:
    label: str
    title: str
    statement: str
    solution: str
    #: Code cells in the solution (executed in the chapter, not copied).
    code_cells: int = 0

    @property
    def is_reflection(self) -> bool:
        return self.label.endswith(REFLECT_SUFFIX)


@dataclass(frozen=True)
class Try:
    section: str
    question: str
    answer: str | None


@dataclass(frozen=True)
class ChapterParts:
    title: str
    objectives: tuple[str, ...]
    exercises: tuple[Exercise, ...]
    tries: tuple[Try, ...]
    prompts: tuple[str, ...]
    #: The headings of its sections (``##``) and subsections (``###``), as (level, title).
    sections: tuple[tuple[int, str], ...]
    #: Whether a teaching-plan fold ``(chN-teaching-plan)=`` is still in the chapter.
    has_teaching_plan: bool


@dataclass(frozen=True)
class _Block:
    kind: str  # a markdown-it block type ("fence", "heading", "list", ...) or "code"
    info: str
    text: str  # the block's source (for a fence: its content)
    tokens: tuple = ()


def _split_options(content: str) -> tuple[dict[str, str], str]:
    """A directive's ``:name: value`` lines and the body after them."""
    lines = content.splitlines()
    options: dict[str, str] = {}
    while lines and (match := _OPTION.match(lines[0].strip())):
        options[match.group(1)] = match.group(2).strip()
        lines.pop(0)
    return options, "\n".join(lines).strip()


def _blocks(source: str) -> list[_Block]:
    """The top-level blocks of one Markdown cell, in order."""
    lines = source.splitlines()
    tokens = _MD.parse(source)
    blocks: list[_Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.level != 0 or token.map is None:
            i += 1
            continue
        if token.nesting == 0:  # fence, colon fence, code block, rule
            blocks.append(_Block("fence" if "fence" in token.type else token.type,
                                 token.info.strip(), token.content))
            i += 1
            continue
        close = token.type.replace("_open", "_close")
        j = i + 1
        while not (tokens[j].type == close and tokens[j].level == 0):
            j += 1
        kind = "list" if token.type.endswith("list_open") else token.type.removesuffix("_open")
        text = "\n".join(lines[token.map[0]:token.map[1]]).strip()
        blocks.append(_Block(kind, "", text, tuple(tokens[i:j + 1])))
        i = j + 1
    return blocks


def _list_items(block: _Block) -> list[tuple[str, list]]:
    """(first paragraph, the item's tokens) for each item of a top-level list."""
    items = []
    current: list | None = None
    for token in block.tokens:
        if token.type == "list_item_open" and token.level == 1:
            current = []
        elif token.type == "list_item_close" and token.level == 1:
            items.append(current)
            current = None
        elif current is not None:
            current.append(token)
    result = []
    for tokens in items:
        first = next(t.content for t in tokens if t.type == "inline")
        result.append((first.strip(), tokens))
    return result


def _notebook_blocks(path: Path) -> list[_Block]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    blocks: list[_Block] = []
    for cell in cells:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            blocks.extend(_blocks(source))
        elif cell["cell_type"] == "code":
            blocks.append(_Block("code", "", source))
    return blocks


def _directive(block: _Block) -> tuple[str, str]:
    """("exercise", "A boss's arithmetic") for a fence ``{exercise} A boss's arithmetic``."""
    match = re.match(r"^\{([\w-]+)\}\s*(.*)$", block.info) if block.kind == "fence" else None
    return (match.group(1), match.group(2).strip()) if match else ("", "")


def _objectives(blocks: list[_Block]) -> tuple[str, ...]:
    for block in blocks:
        name, argument = _directive(block)
        if name == "admonition" and argument == "At a glance":
            _, body = _split_options(block.text)
            for inner in _blocks(body):
                if inner.kind == "list":
                    return tuple(text for text, _ in _list_items(inner))
    return ()


def _solutions(blocks: list[_Block]) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    i = 0
    while i < len(blocks):
        name, label = _directive(blocks[i])
        if name == "solution":
            found[label] = (_split_options(blocks[i].text)[1], 0)
        elif name == "solution-start":
            parts, code = [], 0
            i += 1
            while _directive(blocks[i])[0] != "solution-end":
                if blocks[i].kind == "code":
                    code += 1
                else:
                    parts.append(blocks[i].text)
                i += 1
            found[label] = ("\n\n".join(parts).strip(), code)
        i += 1
    return found


def _exercises(blocks: list[_Block]) -> tuple[Exercise, ...]:
    solutions = _solutions(blocks)
    exercises = []
    for block in blocks:
        name, title = _directive(block)
        if name != "exercise":
            continue
        options, statement = _split_options(block.text)
        label = options.get("label", "")
        solution, code = solutions.get(label, ("", 0))
        exercises.append(Exercise(label, title, statement, solution, code))
    return tuple(exercises)


def _tries(blocks: list[_Block]) -> tuple[Try, ...]:
    tries = []
    section = ""
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if block.kind == "heading":
            section = block.text.lstrip("#").strip()
        if block.kind == "paragraph" and block.text == "**Things to try**" and following \
                and following.kind == "list":
            for question, tokens in _list_items(following):
                answers = [_split_options(t.content)[1] for t in tokens
                           if t.type.endswith("fence") and t.info.strip() == "{admonition} Answer"]
                tries.append(Try(section, question, answers[0] if answers else None))
    return tuple(tries)


def _prompts(blocks: list[_Block]) -> tuple[str, ...]:
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if block.kind == "heading" and block.text.lstrip("#").strip() == "For discussion" \
                and following is not None and following.kind == "list":
            return tuple(text for text, _ in _list_items(following))
    return ()


def read_parts(path: Path) -> ChapterParts:
    """The objectives, exercises, things to try and prompts of one chapter notebook."""
    blocks = _notebook_blocks(path)
    title = next((b.text.lstrip("#").strip() for b in blocks
                  if b.kind == "heading" and b.text.startswith("# ")), path.stem)
    return ChapterParts(
        title=title,
        objectives=_objectives(blocks),
        exercises=_exercises(blocks),
        tries=_tries(blocks),
        prompts=_prompts(blocks),
        sections=tuple((len(b.text) - len(b.text.lstrip("#")), b.text.lstrip("#").strip())
                       for b in blocks if b.kind == "heading"
                       and b.text.startswith(("## ", "### "))),
        has_teaching_plan=any(_TEACHING_PLAN.search(b.text) for b in blocks if b.kind != "code"),
    )
