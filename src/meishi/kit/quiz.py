"""Self-check quizzes that work in the static book, without a kernel.

A quiz is written in YAML next to its chapter (``chapters/quizzes/NAME.yml``)::

    - question: What does a 名刺 (meishi) exchange ...?
      options:
        - text: ...
          correct: true
          feedback: Why this is right.
        - text: ...
          feedback: Why this is not it.

:func:`show` renders it as plain HTML (a fieldset of radio buttons per
question, a "Check" button and a feedback line read out by screen readers)
with one small inline script that answers clicks.  Without JavaScript the
answers are still there in a folded "Answer key" block.  :meth:`Quiz.for_students`
renders the questions alone (no key, no feedback, no check), for the
student notebooks and printed handouts a teacher uses as an exit ticket.  All quiz text is
escaped; ``*emphasis*`` and ``code`` are not interpreted. Numbers can come
from the chapter's data: ``{exp_li_jp16:.2f}`` in the YAML is filled by
:func:`show` from the facts it is given (write ``{{`` for a literal brace).
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape as _html_escape
from pathlib import Path
from typing import Any

from .. import paths
from ..data.yamlfile import Lines, read_yaml

__all__ = ["Option", "Question", "Quiz", "escape", "load_quiz", "shuffled"]


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    question: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        if not self.question.strip():
            raise ValueError("a quiz question needs text")
        if len(self.options) < 2:
            raise ValueError(f"question {self.question!r} needs at least two options")
        if sum(o.correct for o in self.options) != 1:
            raise ValueError(f"question {self.question!r} needs exactly one correct option")
        for o in self.options:
            if not o.text.strip() or not o.feedback.strip():
                raise ValueError(f"question {self.question!r}: every option needs text "
                                 "and feedback")


_SCRIPT = """
<script>
(function () {
  if (window.meishiQuizReady) { return; }
  window.meishiQuizReady = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".meishi-quiz-check") : null;
    if (!button) { return; }
    var box = button.closest("fieldset");
    var out = box.querySelector(".meishi-quiz-feedback");
    var chosen = box.querySelector("input[type=radio]:checked");
    out.classList.remove("is-correct", "is-wrong");
    if (!chosen) { out.textContent = "Choose an answer first."; return; }
    var right = chosen.getAttribute("data-correct") === "true";
    out.classList.add(right ? "is-correct" : "is-wrong");
    out.textContent = (right ? "Correct. " : "Not quite. ") + chosen.getAttribute("data-feedback");
  });
})();
</script>
"""


@dataclass(frozen=True)
class Quiz:
    name: str
    questions: tuple[Question, ...]
    #: False: the questions alone, with nothing in the page that gives the answers away.
    key: bool = True

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError(f"quiz {self.name!r} has no questions")

    @property
    def uid(self) -> str:
        digest = hashlib.sha1(self.name.encode("utf-8")).hexdigest()[:8]
        return f"quiz-{digest}"

    def for_students(self) -> Quiz:
        """The same quiz without its answers: no key, no feedback, no check button."""
        return dataclasses.replace(self, key=False)

    def to_html(self) -> str:
        extra = "" if self.key else " meishi-quiz-no-key"
        parts = [f'<div class="meishi-quiz{extra}" id="{self.uid}">']
        for qi, q in enumerate(self.questions, start=1):
            group = f"{self.uid}-q{qi}"
            parts.append(f'<fieldset class="meishi-quiz-question">'
                         f"<legend>{qi}. {escape(q.question)}</legend>")
            for oi, o in enumerate(q.options):
                oid = f"{group}-o{oi}"
                answer = (f' data-correct="{"true" if o.correct else "false"}" '
                          f'data-feedback="{escape(o.feedback)}"') if self.key else ""
                parts.append(
                    f'<div class="meishi-quiz-option"><input type="radio" name="{group}" '
                    f'id="{oid}"{answer}><label for="{oid}">{escape(o.text)}</label></div>'
                )
            if self.key:
                parts.append(
                    '<button type="button" class="meishi-quiz-check">Check answer</button>'
                    '<p class="meishi-quiz-feedback" role="status" aria-live="polite"></p>')
            parts.append("</fieldset>")
        if not self.key:
            parts.append('<p class="meishi-note">This copy of the quiz has no answers and no '
                         "<em>Check answer</em> button: your teacher goes through it in class."
                         "</p></div>")
            return "".join(parts)
        parts.append("<details class=\"meishi-quiz-key\"><summary>Answer key</summary><ol>")
        for q in self.questions:
            right = next(o for o in q.options if o.correct)
            parts.append(f"<li>{escape(right.text)}: {escape(right.feedback)}</li>")
        parts.append("</ol></details></div>")
        parts.append(_SCRIPT)
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()


def _fill(text: Any, facts: Mapping[str, Any] | None) -> str:
    """Put glued numbers into quiz text: "{exp_li_jp16:.2f}" -> "0.16"."""
    text = str(text)
    try:
        return text.format_map(dict(facts)) if facts else text
    except KeyError as exc:
        raise ValueError(f"{{{exc.args[0]}}} names no fact of the chapter") from exc
    except (ValueError, IndexError, AttributeError, TypeError) as exc:
        raise ValueError(f"a {{field}} cannot be filled ({exc}); write {{{{ and }}}} for "
                         "a literal brace") from exc


def shuffled(options: tuple[Option, ...], key: str) -> tuple[Option, ...]:
    """The options in a fixed pseudo-random order that depends only on ``key``.

    Authors tend to put the right answer in the same place; a shuffle seeded
    by the quiz's name and the question's number spreads the keys over the
    positions, and the same quiz always shows the same order (so a teacher's
    "answer B" stays true).
    """
    seed = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    order = list(options)
    random.Random(seed).shuffle(order)
    return tuple(order)


def _parse(name: str, data: Any, facts: Mapping[str, Any] | None = None,
           lines: Lines | None = None) -> Quiz:
    """The quiz in ``data``; every fault a ``ValueError`` naming the file, the line, the
    question (and option and field) it is in."""
    lines = lines or Lines(f"quiz {name!r}")
    if not isinstance(data, list) or not data:
        raise ValueError(f"{lines.at()}: a quiz is a list of questions (- question: ...)")
    questions = []
    for number, item in enumerate(data, start=1):
        at = f"{lines.at(number - 1)}, question {number}"
        if not isinstance(item, dict) or not isinstance(item.get("options"), list) \
                or "question" not in item:
            raise ValueError(f"{at}: give 'question' and a list of 'options'")
        options = []
        for k, o in enumerate(item["options"], start=1):
            where = f"{lines.at(number - 1, 'options', k - 1)}, question {number}, option {k}"
            if not isinstance(o, dict) or "text" not in o or "feedback" not in o:
                raise ValueError(f"{where}: give 'text' and 'feedback' (and 'correct: true' "
                                 "for the right one)")
            filled = {}
            for key in ("text", "feedback"):
                try:
                    filled[key] = _fill(o[key], facts)
                except ValueError as exc:
                    raise ValueError(f"{where}, {key}: {exc}") from exc
            options.append(Option(correct=bool(o.get("correct", False)), **filled))
        try:
            questions.append(Question(question=_fill(item["question"], facts),
                                      options=shuffled(tuple(options), f"{name}/{number}")))
        except ValueError as exc:
            raise ValueError(f"{at}: {exc}") from exc
    return Quiz(name=name, questions=tuple(questions))


def escape(text: Any) -> str:
    """Quiz text as HTML text (quotes included): nothing in a quiz is markup."""
    return _html_escape(str(text), quote=True)


def load_quiz(name: str, folder: Path | None = None,
              facts: Mapping[str, Any] | None = None) -> Quiz:
    """Read ``chapters/quizzes/NAME.yml``; ``{name:fmt}`` fields are filled from ``facts``."""
    path = (folder or paths.QUIZZES) / f"{name}.yml"
    data, lines = read_yaml(path)  # a broken file: a YamlError naming it and the line
    return _parse(name, data, facts, lines)
