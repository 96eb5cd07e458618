"""Predict, then see: a learner commits to an answer before a widget shows it.

Each chapter's predictions are written in YAML (``chapters/predictions/NAME.yml``)::

    - id: polished-profile                 # unique in the chapter
      widget: signal                       # the widget whose setting it asks about
      preset: "Japan: changed jobs"        # that setting: one of the widget's presets
      question: A colleague has just polished ...?
      misconception: for the teacher's guide: the naive idea this exposes
      # either a number, set on a chart (a bar whose top is dragged, or moved by keyboard) ...
      answer: post_jp                      # the chapter fact that holds the model's answer
      axis: Boss's belief after seeing it (%)   # the chart's axis label, as in the widget
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
same number.  :meth:`Prediction.to_html` (:mod:`meishi.kit.predict_html`) renders plain
HTML with one small inline script (``predict.js``, like the quizzes): the learner sets a
value on a chart (or picks an option) and presses *Lock in my prediction* (or *Skip*).
The block then shows the model's answer beside theirs, on the chart and in words, with
feedback for the gap; in the book the widget below moves to the stated setting and shows
the learner's guess beside the model's answer in its readout, and focus goes there.
:meth:`Prediction.score` is the reference for how close a guess is.  The page's
progress record (``_static/progress.js``) keeps each prediction.  All text is escaped.
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
    axis: str = ""            # a value's chart: the axis label, with its unit
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

    def show(self, value: float, decimals: int | None = None) -> str:
        """A value as the block shows it: "56%", "0.02%", "3 people"."""
        num = f"{value:.{self.decimals if decimals is None else decimals}f}"
        unit = self.unit.strip()
        return num + unit if unit.startswith("%") else (f"{num} {unit}" if unit else num)

    def score(self, guess: float) -> str:
        """How close a value guess is: "close" (within ``close`` of the answer), "low" or
        "high".  The reference for the page's script (predict.js ``outcome``), held to it by
        tests/kit/test_predict.py."""
        if self.answer is None:
            raise ValueError(f"{self.id} is a choice, not a value")
        if abs(guess - self.answer) <= self.close:
            return "close"
        return "low" if guess < self.answer else "high"

    def to_html(self) -> str:
        from .predict_html import render
        return render(self)

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
        if not str(item.get("axis", "")).strip():
            raise ValueError(f"{where}: give axis, the chart's axis label with its unit")
        out[pid] = Prediction(
            **common, answer=answer, answer_text=shown, unit=unit, low=low, high=high,
            axis=" ".join(str(item["axis"]).split()),
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
