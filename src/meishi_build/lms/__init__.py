"""The chapters' self-check quizzes as files a learning platform imports.

``make lms`` (``python -m meishi_build.lms``) reads every chapter's quiz
from the same YAML files the book renders (``chapters/quizzes/NN_slug.yml``,
loaded by :meth:`meishi.chapters.Chapter.quiz`, so every ``{number}`` is
filled from the chapter's facts exactly as the book fills it, and the
options come in the book's fixed order) and writes, into ``_build/lms/``:

* ``canvas-qti/NN_slug.zip``: QTI 1.2 in an IMS content package, which
  Canvas imports as a "QTI .zip file" (written by text2qti, :mod:`.qti`);
* ``blackboard-qti21/NN_slug.zip``: QTI 2.1 in an IMS content package, for
  Blackboard's question pools and banks (:mod:`.qti21`);
* ``moodle/NN_slug.xml`` and ``moodle/all-chapters.xml``: Moodle XML, one
  question category per chapter (:mod:`.moodle`);
* ``gift/NN_slug.txt`` and ``gift/all-chapters.txt``: the same in GIFT
  (:mod:`.gift`), Moodle's plain-text format.

Every question keeps its feedback on every option. Quiz text is plain text
in the course (nothing in it is markup), so each writer escapes it for its
format: ``<b>`` in a question shows as ``<b>``, never as bold.
"""

from __future__ import annotations

from dataclasses import dataclass

from meishi.chapters import discover
from meishi.kit.quiz import Question, Quiz
from meishi.paths import BUILD

__all__ = ["COURSE", "LMS", "ChapterQuiz", "course_quizzes", "plain"]

LMS = BUILD / "lms"
COURSE = "Business cards, not profiles"


def plain(text: str) -> str:
    """Quiz text with its white space as a browser shows it (runs collapsed)."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class ChapterQuiz:
    """One chapter's quiz with the names a platform shows for it."""

    stem: str
    number: int
    title: str
    quiz: Quiz

    @property
    def label(self) -> str:
        """``Chapter 1: A profile is a signal`` (``Introduction: ...`` for chapter 0)."""
        where = "Introduction" if self.number == 0 else f"Chapter {self.number}"
        return f"{where}: {self.title}"

    @property
    def quiz_title(self) -> str:
        return f"{self.label} (self-check quiz)"

    @property
    def category(self) -> str:
        """The question-bank category, ``$course$/top/COURSE/LABEL`` (``/`` in a name: ``//``)."""
        return "$course$/top/" + "/".join(n.replace("/", "//") for n in (COURSE, self.label))

    def question_name(self, index: int) -> str:
        """The question's name in a question bank: ``Chapter 1, question 3``."""
        where = "Introduction" if self.number == 0 else f"Chapter {self.number}"
        return f"{where}, question {index}"

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.quiz.questions


def course_quizzes() -> list[ChapterQuiz]:
    """Every chapter's quiz, numbers filled, in chapter order."""
    return [ChapterQuiz(stem=c.stem, number=c.number, title=c.title, quiz=c.quiz())
            for c in discover()]
