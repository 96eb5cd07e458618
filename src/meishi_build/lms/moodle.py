"""The chapters' quizzes as Moodle XML (Question bank > Import > Moodle XML format).

One ``<question type="category">`` per chapter puts its questions in a
category of their own (``Business cards, not profiles/Chapter 1: ...``);
each question is a single-answer ``multichoice`` worth one mark, its
options in the book's order (``shuffleanswers`` off, so "answer b" means
the same in class as in the book) and every option with its feedback.
Moodle keeps question and answer text as HTML: quiz text is plain text, so
it is HTML-escaped here and shows exactly as written.  No XML schema for
Moodle XML is published; the format is Moodle's own (``question/format/xml``).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from . import ChapterQuiz, plain

__all__ = ["moodle_xml", "write_moodle"]


def _html(text: str) -> str:
    return f"<p>{html.escape(plain(text), quote=False)}</p>"


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = text
    return node


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _chapter(root: ET.Element, cq: ChapterQuiz) -> None:
    cat = ET.SubElement(root, "question", {"type": "category"})
    _text(cat, "category", cq.category, fmt=None)
    _text(cat, "info", _html(f"The self-check quiz of {cq.label}."))
    for number, q in enumerate(cq.questions, start=1):
        node = ET.SubElement(root, "question", {"type": "multichoice"})
        _text(node, "name", cq.question_name(number), fmt=None)
        _text(node, "questiontext", _html(q.question))
        _text(node, "generalfeedback", "")
        for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"),
                           ("idnumber", f"meishi-{cq.stem}-q{number}"), ("single", "true"),
                           ("shuffleanswers", "false"), ("answernumbering", "abc"),
                           ("showstandardinstruction", "0")):
            _simple(node, tag, value)
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(node, tag, "")
        for o in q.options:
            answer = _text(node, "answer", _html(o.text))
            answer.set("fraction", "100" if o.correct else "0")
            _text(answer, "feedback", _html(o.feedback))


def moodle_xml(quizzes: Iterable[ChapterQuiz]) -> str:
    """A Moodle XML file holding the given chapters' quizzes."""
    root = ET.Element("quiz")
    for cq in quizzes:
        _chapter(root, cq)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_moodle(quizzes: list[ChapterQuiz], folder: Path) -> list[Path]:
    """``folder/NN_slug.xml`` per chapter and ``folder/all-chapters.xml``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, group in [(f"{cq.stem}.xml", [cq]) for cq in quizzes] + [
            ("all-chapters.xml", quizzes)]:
        path = folder / name
        path.write_text(moodle_xml(group), encoding="utf-8")
        written.append(path)
    return written
