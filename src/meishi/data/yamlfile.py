"""Read a YAML file the course keeps (a quiz, a teacher's guide), keeping every item's line.

:func:`read_yaml` parses with PyYAML's safe loader and returns the data with a
:class:`Lines` map, so a later rule can say where an item is
(``chapters/quizzes/05_conclusion.yml, line 40``).  What breaks the file
itself is a :class:`YamlError` worded the same way: a file that cannot be
read, a byte that is not UTF-8, a syntax error (with the column), a key
given twice in one mapping (PyYAML would keep the last silently).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import paths

__all__ = ["Lines", "YamlError", "label", "parse", "read_yaml"]


class YamlError(ValueError):
    """A YAML file the course reads is broken; the message names the file and the line."""


def label(path: Path) -> str:
    """How a message names ``path``: relative to the checkout when inside it."""
    try:
        return Path(path).resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return Path(path).name


@dataclass
class Lines:
    """The line of every item: ``at("plans", 60)`` -> ``"<file>, line 12"``."""

    name: str
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def line(self, *path: Any) -> int | None:
        """The line of the deepest item of ``path`` that exists (None for none)."""
        keys = tuple(str(p) for p in path)
        while keys and keys not in self.lines:
            keys = keys[:-1]
        return self.lines.get(keys) if keys else self.lines.get(())

    def at(self, *path: Any) -> str:
        line = self.line(*path)
        return f"{self.name}, line {line}" if line else self.name


def _walk(node: yaml.Node | None, path: tuple[str, ...], lines: Lines,
          repeats: list[str]) -> None:
    if isinstance(node, yaml.MappingNode):
        here: dict[str, int] = {}
        for key_node, value in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in here:
                repeats.append(f"{lines.name}, line {line}: key {key!r} repeats line {here[key]}")
                continue
            here[key] = lines.lines[(*path, key)] = line
            _walk(value, (*path, key), lines, repeats)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.lines[(*path, str(i))] = item.start_mark.line + 1
            _walk(item, (*path, str(i)), lines, repeats)


def _syntax(exc: yaml.YAMLError, text: str, name: str) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        return f"{name}, line {line}: invalid YAML: character U+{exc.character:04X} not allowed"
    mark, cmark = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    start = f" from line {cmark.line + 1}, column {cmark.column + 1}" if cmark else ""
    context = f" ({exc.context}{start})" if getattr(exc, "context", None) else ""
    where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return f"{name}{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}{context}"


#: libyaml's safe loader where PyYAML has it (the same constructor, the same lines, in
#: about a tenth of the time: the claims ledger's six files are read by every chapter)
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(text: str, loader: type) -> tuple[yaml.Node | None, Any]:
    reader = loader(text)
    try:
        node = reader.get_single_node()
        return node, reader.construct_document(node) if node is not None else None
    finally:
        reader.dispose()


def parse(text: str, fast: type = _FAST, slow: type = yaml.SafeLoader
          ) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data of the YAML ``text``: read by ``fast`` (libyaml) where it
    reads as ``slow`` (PyYAML's own) would, else by ``slow``, which words and places every
    problem.  libyaml accepts tabs that PyYAML refuses (after a colon, at a line's end, in
    a flow collection, inside a plain scalar), so a text with a tab is read by ``slow``; one
    that ``fast`` refuses is read again by ``slow``, which raises its own error."""
    if "\t" not in text:
        try:
            return _read(text, fast)
        except Exception:  # read again below, which raises the worded error
            pass
    return _read(text, slow)


def read_yaml(path: Path, name: str | None = None) -> tuple[Any, Lines]:
    """The data in ``path`` and the line of each item; :class:`YamlError` if it is broken."""
    name = name or label(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise YamlError(f"{name} cannot be read: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(f"{name}, line {line}: not valid UTF-8 at byte {exc.start} "
                        f"(0x{data[exc.start]:02x})") from exc
    lines, repeats = Lines(name), []
    try:
        node, tree = parse(text)
    except yaml.YAMLError as exc:
        raise YamlError(_syntax(exc, text, name)) from exc
    except Exception as exc:  # a bad !!int, say: a problem, not a crash
        raise YamlError(f"{name}: not readable: {type(exc).__name__}: {exc}") from exc
    if node is not None:
        lines.lines[()] = node.start_mark.line + 1
    _walk(node, (), lines, repeats)
    if repeats:
        raise YamlError("\n".join(repeats))
    return tree, lines
