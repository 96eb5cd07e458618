"""The chapters' quizzes in GIFT, Moodle's plain-text question format.

Each question is ``::name::[html]text{ ~wrong#feedback =right#feedback }``,
after a ``$CATEGORY:`` line per chapter.  Quiz text is plain text: it is
HTML-escaped (``[html]`` questions keep ``<b>`` as text), a backslash is
written ``&#92;`` (Moodle keeps ``\\\\`` as two backslashes), and GIFT's
control characters ``~ = # { } :`` are escaped with a backslash, which
Moodle's importer removes.  A leading ``%`` (GIFT's weight mark) is written
``&#37;``.  Files are UTF-8, as Moodle expects.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from . import COURSE, ChapterQuiz, plain

__all__ = ["gift", "gift_text", "write_gift"]

_CONTROL = "~=#{}:"


def gift_text(text: str) -> str:
    """Plain text as GIFT ``[html]`` text that Moodle shows as that text."""
    out = html.escape(plain(text), quote=False).replace("\\", "&#92;")
    if out.startswith("%"):
        out = "&#37;" + out[1:]
    return "".join("\\" + ch if ch in _CONTROL else ch for ch in out)


def _chapter(cq: ChapterQuiz) -> list[str]:
    lines = [f"// {cq.quiz_title}, from the open course {COURSE}",
             f"$CATEGORY: {cq.category}", ""]
    for number, q in enumerate(cq.questions, start=1):
        lines.append(f"::{gift_text(cq.question_name(number))}::[html]{gift_text(q.question)} {{")
        for o in q.options:
            lines.append(f"\t{'=' if o.correct else '~'}{gift_text(o.text)}"
                         f"#{gift_text(o.feedback)}")
        lines += ["}", ""]
    return lines


def gift(quizzes: Iterable[ChapterQuiz]) -> str:
    """A GIFT file holding the given chapters' quizzes."""
    return "\n".join(line for cq in quizzes for line in _chapter(cq))


def write_gift(quizzes: list[ChapterQuiz], folder: Path) -> list[Path]:
    """``folder/NN_slug.txt`` per chapter and ``folder/all-chapters.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, group in [(f"{cq.stem}.txt", [cq]) for cq in quizzes] + [
            ("all-chapters.txt", quizzes)]:
        path = folder / name
        path.write_text(gift(group), encoding="utf-8")
        written.append(path)
    return written
