"""Predict, then see: a learner commits to an answer before a widget shows it.

Each chapter's predictions are written in YAML (``chapters/predictions/NAME.yml``)::

    - id: polished-profile                 # unique in the chapter
      widget: signal                       # the widget whose setting it asks about
      preset: "Japan: changed jobs"        # that setting: one of the widget's presets
      question: A colleague has just polished ...?
      misconception: for the teacher's guide: the naive idea this exposes
      # either a number, set on a slider ...
      answer: post_jp                      # the chapter fact that holds the model's answer
      format: ".0f"
      unit: "%"
      min: 0
      max: 100
      step: 1
      start: 50
      close: 8                             # a guess within this of the answer is "close"
      feedback:                            # {guess} is the learner's value, {answer} the model's
        close: ...
        low: ...
        high: ...
      # ... or a choice:
      options:
        - text: ...
          correct: true
          feedback: ...

The answer is one of the chapter's facts, computed from the model at the stated
setting; ``tests/kit/test_predict.py`` checks that the widget at that preset shows the
same number.  :meth:`Prediction.to_html` renders plain HTML with one small inline
script (like the quizzes): the learner sets a value or picks an option, presses
*Lock in my prediction* (or *Skip*), and the block shows the model's answer beside
theirs, with feedback for the gap and a link that sets the widget below to the
stated setting.  The page's progress record (``_static/progress.js``) keeps each
prediction.  All text is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from .. import paths
from ..data.yamlfile import read_yaml
from .quiz import Option as Choice  # a prediction's option is a quiz option
from .quiz import escape, shuffled

__all__ = ["Prediction", "for_teachers", "load_predictions"]

GUESS = "\u2063GUESS\u2063"  # where the learner's value goes in feedback (filled in the page)
_SCRIPT = (Path(__file__).with_name("predict.js")).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Prediction:
    id: str
    widget: str
    preset: str
    question: str
    misconception: str
    link: str                 # "#widget-<id>?a=1&b=2": the stated setting, for the widget below
    answer: float | None = None
    answer_text: str = ""
    unit: str = ""
    low: float = 0.0
    high: float = 100.0
    step: float = 1.0
    start: float = 50.0
    close: float = 0.0
    decimals: int = 0
    feedback: Mapping[str, str] | None = None
    options: tuple[Choice, ...] = ()

    @property
    def kind(self) -> str:
        return "choice" if self.options else "value"

    def to_html(self) -> str:
        uid = f"predict-{escape(self.id)}"
        data = (f'data-id="{escape(self.id)}" data-kind="{self.kind}" '
                f'data-link="{escape(self.link)}"')
        parts = [f'<div class="meishi-predict" id="{uid}" {data} role="group" '
                 f'aria-labelledby="{uid}-q"><p class="meishi-predict-title">'
                 f'<strong>Predict first.</strong> Before you use the widget below:</p>'
                 f'<p id="{uid}-q" class="meishi-predict-question">{escape(self.question)}</p>']
        if self.kind == "value":
            parts.append(
                f'<p class="meishi-predict-input"><label for="{uid}-v">Your prediction '
                f'({escape(self.unit.strip() or "value")})</label> '
                f'<input type="range" id="{uid}-v" min="{self.low:g}" max="{self.high:g}" '
                f'step="{self.step:g}" value="{self.start:g}" data-answer="{self.answer:g}" '
                f'data-close="{self.close:g}" data-decimals="{self.decimals}" '
                f'data-unit="{escape(self.unit)}" aria-describedby="{uid}-out"> '
                f'<output id="{uid}-out" for="{uid}-v"></output></p>')
            fb = self.feedback or {}
            parts.append('<template class="meishi-predict-feedback">' + "".join(
                f'<p data-when="{k}">{escape(fb[k])}</p>' for k in ("close", "low", "high"))
                + "</template>")
        else:
            parts.append('<fieldset class="meishi-predict-options"><legend>Your prediction'
                         '</legend>')
            for i, o in enumerate(self.options):
                oid = f"{uid}-o{i}"
                parts.append(f'<div class="meishi-quiz-option"><input type="radio" '
                             f'name="{uid}-choice" id="{oid}" value="{i}" '
                             f'data-right="{"true" if o.correct else "false"}" '
                             f'data-says="{escape(o.feedback)}"><label for="{oid}">'
                             f"{escape(o.text)}</label></div>")
            parts.append("</fieldset>")
        parts.append(
            '<p class="meishi-predict-actions"><button type="button" class="meishi-predict-lock">'
            'Lock in my prediction</button> <button type="button" class="meishi-predict-skip">'
            "Skip</button></p>"
            f'<div class="meishi-predict-reveal" role="status" aria-live="polite" '
            f'data-answer-text="{escape(self.answer_text)}"></div></div>')
        parts.append(f"<script>{_SCRIPT}</script>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()


def _fill(text: Any, facts: Mapping[str, Any], where: str, answer: str = "") -> str:
    try:
        return str(text).format_map({**facts, "guess": GUESS, "answer": answer})
    except (KeyError, ValueError, IndexError, AttributeError, TypeError) as exc:
        raise ValueError(f"{where}: a {{field}} cannot be filled ({exc!r})") from exc


def _setting_link(widget_cls: Any, preset: str, where: str) -> str:
    # controls() and presets() are pure: called without making a widget, whose state would
    # otherwise travel into any page that loads these predictions
    presets = dict(widget_cls.presets(widget_cls))
    if preset not in presets:
        raise ValueError(f"{where}: the {widget_cls.widget_id} widget has no preset {preset!r} "
                         f"(it has: {', '.join(presets)})")
    values = {c.name: c.default for c in widget_cls.controls(widget_cls)} | dict(presets[preset])
    return f"#widget-{widget_cls.widget_id}?{urlencode({k: str(v) for k, v in values.items()})}"


def load_predictions(stem: str, facts: Mapping[str, Any], widgets: Mapping[str, Any],
                     folder: Path | None = None) -> dict[str, Prediction]:
    """``chapters/predictions/STEM.yml``: each prediction, numbers filled from ``facts``.

    ``widgets`` maps a widget id to its class.  Every fault is a ValueError naming the
    file, the line and the prediction.
    """
    path = (folder or paths.PREDICTIONS) / f"{stem}.yml"
    data, lines = read_yaml(path)
    if not isinstance(data, list) or not data:
        raise ValueError(f"{lines.at()}: a list of predictions (- id: ...)")
    out: dict[str, Prediction] = {}
    for n, item in enumerate(data):
        where = f"{lines.at(n)}, prediction {n + 1}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: each prediction is a mapping")
        missing = {"id", "widget", "preset", "question", "misconception"} - set(item)
        if missing:
            raise ValueError(f"{where}: give {', '.join(sorted(missing))}")
        pid = str(item["id"])
        if pid in out or not pid.replace("-", "").isalnum() or not pid.isascii():
            raise ValueError(f"{where}: id {pid!r} must be unique, letters, digits and '-'")
        if item["widget"] not in widgets:
            raise ValueError(f"{where}: no widget {item['widget']!r} in this chapter")
        common = {"id": pid, "widget": str(item["widget"]), "preset": str(item["preset"]),
                      "question": _fill(item["question"], facts, where),
                      "misconception": _fill(item["misconception"], facts, where),
                      "link": _setting_link(widgets[item["widget"]], str(item["preset"]), where)}
        if "options" in item:
            options = shuffled(tuple(Choice(text=_fill(o["text"], facts, where),
                                            feedback=_fill(o["feedback"], facts, where),
                                            correct=bool(o.get("correct", False)))
                                     for o in item["options"]), f"predict/{stem}/{pid}")
            if len(options) < 2 or sum(o.correct for o in options) != 1:
                raise ValueError(f"{where}: at least two options, exactly one correct")
            right = next(o for o in options if o.correct)
            out[pid] = Prediction(**common, options=options, answer_text=right.text)
            continue
        key = str(item.get("answer", ""))
        if key not in facts:
            raise ValueError(f"{where}: answer {key!r} names no fact of the chapter")
        fmt = str(item.get("format", ".0f"))
        answer = round(float(facts[key]), int(fmt.strip(".f") or 0))
        unit = str(item.get("unit", ""))
        shown = f"{answer:{fmt}}{unit if unit.startswith('%') else ' ' + unit}".strip()
        feedback = item.get("feedback") or {}
        if set(feedback) != {"close", "low", "high"}:
            raise ValueError(f"{where}: feedback needs close, low and high")
        low, high = float(item.get("min", 0)), float(item.get("max", 100))
        if not low <= answer <= high:
            raise ValueError(f"{where}: the answer {answer} is outside {low}..{high}")
        out[pid] = Prediction(
            **common, answer=answer, answer_text=shown, unit=unit, low=low, high=high,
            step=float(item.get("step", 1)), start=float(item.get("start", (low + high) / 2)),
            close=float(item.get("close", 0)), decimals=int(fmt.strip(".f") or 0),
            feedback={k: _fill(v, facts, f"{where}, feedback {k}", shown)
                      for k, v in feedback.items()})
    return out


def for_teachers() -> Any:
    """Every chapter's predictions for the teacher's guide: the setting, the model's answer
    and the misconception each exposes (Markdown, rendered by the book)."""
    from IPython.display import Markdown

    from ..chapters import discover

    rows = ["| Chapter | The learner predicts | The model's answer "
            "| The misconception it exposes |", "|---|---|---|---|"]
    for chapter in discover():
        if not (paths.PREDICTIONS / f"{chapter.stem}.yml").is_file():
            continue
        found = load_predictions(chapter.stem, chapter.facts(),
                                 {w.widget_id: w for w in chapter.widgets})
        for p in found.values():
            name = chapter.title if chapter.number == 0 else f"{chapter.number}. {chapter.title}"
            cells = [_cell(name), f"{_cell(p.question)} (widget preset: {_cell(p.preset)})",
                     _cell(p.answer_text), _cell(p.misconception)]
            rows.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(rows))


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no markup, no column breaks."""
    return escape(" ".join(str(text).split())).replace("|", "&#124;").replace("*", "\\*")
