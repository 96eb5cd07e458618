"""A chapter's quiz as QTI 1.2 in an IMS content package, for Canvas.

The XML comes from text2qti (Geoffrey Poore's maintained converter, which
writes the QTI 1.2 dialect Canvas imports, per-option feedback included):
the quiz is written in text2qti's plain-text quiz format, every piece of
text escaped so that text2qti's Markdown passes it through as text, and
text2qti builds the assessment, its Canvas metadata and the manifest.  The
zip is written here with fixed dates, so the same quiz always gives the
same bytes.
"""

from __future__ import annotations

import html
import string
import zipfile
from pathlib import Path

from text2qti.config import Config
from text2qti.export import md_escape
from text2qti.quiz import Quiz as T2Quiz
from text2qti.xml_assessment import assessment
from text2qti.xml_assessment_meta import assessment_meta
from text2qti.xml_imsmanifest import imsmanifest

from . import COURSE, ChapterQuiz, plain

__all__ = ["markdown_text", "qti_files", "text2qti_source", "write_qti"]

#: The manifest's date and every zip entry's time: fixed, for reproducible files.
DATE = "2026-01-01"
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def markdown_text(text: str) -> str:
    """Plain text that text2qti's Markdown turns back into exactly that text.

    Markdown's own specials are backslash-escaped (text2qti's ``md_escape``);
    ``& < > " '`` become HTML entities (no tag, no smart quotes); ``$``, which
    text2qti reads as the start of LaTeX, becomes ``&#36;``.
    """
    escaped = html.escape(md_escape(plain(text)), quote=True)
    return escaped.replace("$", "&#36;")


def text2qti_source(cq: ChapterQuiz) -> str:
    """The quiz in text2qti's plain-text format (one point a question)."""
    lines = [f"Quiz title: {plain(cq.quiz_title)}",
             f"Quiz description: {markdown_text(description(cq))}",
             "Shuffle answers: false", "Show correct answers: true", ""]
    for number, q in enumerate(cq.questions, start=1):
        if len(q.options) > len(string.ascii_lowercase):
            raise ValueError(f"{cq.stem}, question {number}: more options than letters")
        lines += [f"Title: {plain(cq.question_name(number))}", "Points: 1",
                  f"{number}.  {markdown_text(q.question)}"]
        for letter, o in zip(string.ascii_lowercase, q.options, strict=False):
            mark = "*" if o.correct else ""
            lines += [f"{mark}{letter}) {markdown_text(o.text)}",
                      f"... {markdown_text(o.feedback)}"]
        lines.append("")
    return "\n".join(lines)


def description(cq: ChapterQuiz) -> str:
    return (f"The self-check quiz of {cq.label}, from the open course {COURSE}. "
            "Every option has feedback that says why it is right or why it tempts.")



def qti_files(cq: ChapterQuiz) -> dict[str, str]:
    """The package's files, by their path in the zip."""
    quiz = T2Quiz(text2qti_source(cq), config=Config(), source_name=f"{cq.stem}.yml")
    ident = f"meishi_{cq.stem}"
    assess_id = f"{ident}_assessment"
    dep_id = f"{ident}_dependency"
    return {
        "imsmanifest.xml": imsmanifest(manifest_identifier=f"{ident}_manifest",
                                       assessment_identifier=assess_id,
                                       dependency_identifier=dep_id, images={}, date=DATE),
        f"{assess_id}/assessment_meta.xml": assessment_meta(
            assessment_identifier=assess_id, assignment_identifier=f"{ident}_assignment",
            assignment_group_identifier=f"{ident}_assignment-group",
            title_xml=quiz.title_xml, description_html_xml=quiz.description_html_xml,
            points_possible=quiz.points_possible, shuffle_answers=quiz.shuffle_answers_xml,
            show_correct_answers=quiz.show_correct_answers_xml,
            one_question_at_a_time=quiz.one_question_at_a_time_xml,
            cant_go_back=quiz.cant_go_back_xml),
        f"{assess_id}/{assess_id}.xml": assessment(quiz=quiz, assessment_identifier=assess_id,
                                                   title_xml=quiz.title_xml),
    }


def write_qti(cq: ChapterQuiz, folder: Path) -> Path:
    """``folder/NN_slug.zip``, byte for byte the same for the same quiz."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{cq.stem}.zip"
    files = qti_files(cq)
    # text2qti's own layout (its QTI.write), the empty folder Canvas's exports carry included
    entries = [("imsmanifest.xml", files.pop("imsmanifest.xml")), ("non_cc_assessments/", ""),
               *files.items()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o40755 if name.endswith("/") else 0o644) << 16
            zf.writestr(info, text.encode("utf-8"))
    return path
