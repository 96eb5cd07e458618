"""The rules for text in a dataset: what is typed is what is matched.

A country, a series or a measure is matched by its text: ``"Japan\\u200b"``
(with a zero-width space) is not ``"Japan"``, so a row holding it would drop
silently out of every join.  So every cell of a ``str`` column is checked
when a dataset is read (:func:`cell_problem`):

* no invisible character: nothing of Unicode category Cf (format: zero-width
  spaces, joiners, direction marks, BOM), Cc (control: NUL, tab, newline),
  Cs, Co or Cn, and no space but the plain space (no no-break, thin or
  ideographic space, no line or paragraph separator);
* no stray whitespace: no space at the start or the end, none doubled.

A *key* column (every ``str`` column but the free-text ones in
:data:`FREE_TEXT`) holds names things are matched by, so its cells are also

* in Unicode normal form NFKC (no full-width ``Ｊａｐａｎ``, no ligature);
* written in one script per word (no Cyrillic ``а`` inside a Latin ``Japan``);
* spelt one way across the whole data folder (:func:`lookalikes`): two
  cells that differ only in case, such as ``South korea`` beside ``South
  Korea``, are refused, the rarer spelling naming the commoner one and where
  it is used (when both are equally common, each names the other).

Every problem is worded ``<file>, line <n>, column '<name>': ...``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FREE_TEXT", "KeyCell", "cell_problem", "is_key_column", "lookalikes"]

#: ``str`` columns of free text (not matched against anything): checked for invisible
#: characters and stray spaces only.
FREE_TEXT = frozenset({"note", "notes", "detail", "description", "sample", "comment"})
_INVISIBLE = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp"})
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@dataclass(frozen=True)
class KeyCell:
    """One cell of a key column that passed :func:`cell_problem`."""

    file: str
    line: int
    column: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.file}, line {self.line}, column {self.column!r}"


def is_key_column(name: str) -> bool:
    """Whether a ``str`` column holds keys (anything not named as free text)."""
    return name.strip().lower() not in FREE_TEXT


def _char(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    return next((s for s in _SCRIPTS if name.startswith(s + " ")), None) if ch.isalpha() \
        else None


@functools.lru_cache(maxsize=65536)
def cell_problem(text: str, key: bool = True) -> str | None:
    """What is wrong with one text cell (see the module docstring), or None.  The answer
    depends on the text and ``key`` alone, so it is kept: a dataset repeats its keys on
    many lines."""
    for at, ch in enumerate(text, start=1):
        category = unicodedata.category(ch)
        if category in _INVISIBLE or (category == "Zs" and ch != " "):
            return (f"{text!r} holds an invisible or non-standard character, {_char(ch)}, at "
                    f"character {at}: type the text without it")
    if text != text.strip(" "):
        end = "start" if text.startswith(" ") else "end"
        return f"{text!r} has a space at its {end}: remove it"
    if "  " in text:
        return f"{text!r} has two spaces in a row (at character {text.index('  ') + 1})"
    if not key:
        return None
    normal = unicodedata.normalize("NFKC", text)
    if normal != text:
        return (f"{text!r} is not in Unicode normal form NFKC (full-width or compatibility "
                f"characters); write it {normal!r}")
    for word in text.split(" "):
        scripts = {s for s in map(_script, word) if s}
        if len(scripts) > 1:
            odd = next(ch for ch in word if _script(ch) and _script(ch) != "LATIN")
            return (f"{text!r} mixes {' and '.join(sorted(scripts, key=_SCRIPTS.index))} "
                    f"letters in one word ({_char(odd)}): a look-alike spelling; type it in "
                    "one script")
    return None


def lookalikes(cells: Iterable[KeyCell]) -> list[tuple[KeyCell, str]]:
    """Cells spelt like a key used elsewhere but not identically, with the problem.

    Cells are grouped by their case-folded text; in a group of more than one
    spelling, every spelling but the commonest (counted in cells) is refused,
    and all of them when two or more are equally common.
    """
    groups: dict[str, dict[str, list[KeyCell]]] = defaultdict(lambda: defaultdict(list))
    for cell in cells:
        groups[cell.text.casefold()][cell.text].append(cell)
    out: list[tuple[KeyCell, str]] = []
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        counts = {text: len(found) for text, found in spellings.items()}
        top = max(counts.values())
        commonest = [t for t, n in counts.items() if n == top]
        for text, found in spellings.items():
            if len(commonest) == 1 and text == commonest[0]:
                continue
            others = [t for t in spellings if t != text and (t in commonest or
                                                              len(commonest) > 1)]
            other = others[0]
            first = spellings[other][0]
            times = f"{counts[other]} time{'s' * (counts[other] != 1)}"
            for cell in found:
                out.append((cell, f"{cell.where}: {text!r} is spelt like {other!r} ({times}, "
                                  f"first at {first.where}) but not identically: use one "
                                  "spelling for one key"))
    return sorted(out, key=lambda pair: (pair[0].file, pair[0].line, pair[0].column))
