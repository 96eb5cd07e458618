"""A chapter guide's section on its predictions (issue 21): what the learner predicts
before the main widget, the model's answer and the misconception it exposes.

Written from the same ``chapters/predictions/NN_slug.yml`` the chapter asks from: the
chapter's numbers in it stay ``{glue:text}`` roles (the guide page glues the chapter's
facts), so the guide quotes the same figures as the chapter, and nothing is copied.
"""

from __future__ import annotations

import re

from meishi import paths
from meishi.chapters import Chapter
from meishi.data.yamlfile import read_yaml
from meishi.kit.predict import load_predictions

__all__ = ["glued", "predictions_section"]

_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(:[^{}]*)?\}")


def glued(text: str) -> str:
    """A predictions file's ``{fact:.0f}`` fields as ``{glue:text}`` roles, on one line."""
    return _FIELD.sub(lambda m: f"{{glue:text}}`{m.group(1)}{m.group(2) or ''}`",
                      " ".join(str(text).split()))


def _answer_label(p) -> str:
    """What gives the answer: the model, or (chapter 5) the shuffle test of the data."""
    return "The shuffles' answer." if "shuffle" in p.question.lower() else "The model's answer."


def predictions_section(chapter: Chapter) -> str | None:
    """The guide's Markdown section, or None for a chapter without predictions."""
    path = paths.PREDICTIONS / f"{chapter.stem}.yml"
    if not path.is_file():
        return None
    # loaded first: a broken file stops the guide with the loader's message
    found = load_predictions(chapter.stem, chapter.facts(),
                             {w.widget_id: w for w in chapter.widgets})
    raw, _lines = read_yaml(path)
    widgets = {w.widget_id: w for w in chapter.widgets}
    lines = ["## The prediction before the widget", "",
             "Before the chapter's main widget, learners commit to a prediction at a stated "
             "setting, then see the model's answer beside theirs (see {doc}`predictions` for "
             "why, and every chapter's). Before the reveal, ask for a show of hands (for a "
             "number: who guessed above or below a value you name), then discuss the gap.", ""]
    for item, p in zip(raw, found.values(), strict=True):
        if p.kind == "value":
            fmt = str(item.get("format", ".0f"))
            unit = p.unit.strip()
            answer = f"{{glue:text}}`{item['answer']}:{fmt}`" + (
                unit if unit.startswith("%") else f" {unit}" if unit else "")
        else:
            answer = glued(next(o["text"] for o in item["options"] if o.get("correct")))
        title = widgets[p.widget].title or p.widget
        lines += [f"### The widget “{title}”, at its preset “{p.preset}”", "",
                  f"> {glued(item['question'])}", "",
                  f"**{_answer_label(p)}** {answer.rstrip('.')}.", "",
                  f"**The misconception it exposes.** {glued(item['misconception'])}", ""]
    return "\n".join(lines)
