"""The HTML of a prediction block (:class:`meishi.kit.predict.Prediction`).

A value is predicted on a small chart: an axis drawn like the widget's chart (its label,
unit, ticks and grid), with a bar for *Your prediction* whose top the learner drags, or
sets by keyboard (the point is a slider: arrows, Page Up/Down, Home/End, its value read
with its unit).  On lock-in the chart draws *The model* beside it.  A choice stays a
choice (radio buttons).  The geometry the chart needs is written inline, so the block
reads as a chart without the book's stylesheet too (JupyterLab); ``_static/predict.css``
adds the colours and the dark theme.  One inline script (``predict.js``) runs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .quiz import escape

if TYPE_CHECKING:
    from .predict import Prediction

__all__ = ["render"]

_SCRIPT = (Path(__file__).with_name("predict.js")).read_text(encoding="utf-8")
#: The chart's plot height (CSS px) and the handle's size (a 44 px touch target).
PLOT_HEIGHT = 200
HANDLE = 44
TICKS = 5


def _pct(p: Prediction, value: float) -> str:
    return f"{100 * (value - p.low) / (p.high - p.low):.4g}%"


def _chart(p: Prediction, uid: str) -> str:
    ticks = [p.low + i * (p.high - p.low) / (TICKS - 1) for i in range(TICKS)]
    grid = "".join(
        f'<span class="meishi-predict-tick" style="position:absolute;left:0;right:0;'
        f'bottom:{_pct(p, t)};height:0;border-top:1px solid rgba(128,128,128,0.35)">'
        f'<span class="meishi-predict-ticklabel" style="position:absolute;right:100%;'
        f'margin-right:0.4rem;top:-0.7em;line-height:1.4;white-space:nowrap">'
        f'{escape(p.show(t, decimals=0))}</span></span>' for t in ticks)
    col = "position:absolute;bottom:0;width:30%;"
    handle = (f"position:absolute;left:50%;top:0;width:{HANDLE}px;height:{HANDLE}px;"
              f"margin:-{HANDLE // 2}px 0 0 -{HANDLE // 2}px;cursor:grab;touch-action:none")
    start = p.show(p.start)
    return (
        f'<div class="meishi-predict-chart"><p class="meishi-predict-axis" id="{uid}-axis">'
        f'{escape(p.axis)}</p><p class="meishi-predict-how" id="{uid}-how">Drag the point '
        f"up or down to your answer, tap a level, or use the arrow keys.</p>"
        f'<div class="meishi-predict-plot" style="position:relative;height:{PLOT_HEIGHT}px;'
        f'margin:1.6rem 0.5rem 3.4rem 3.6rem;touch-action:none;'
        f'border-left:1px solid;border-bottom:1px solid">'
        f'<div class="meishi-predict-grid" aria-hidden="true">{grid}</div>'
        f'<div class="meishi-predict-col meishi-predict-you" style="{col}left:12%;'
        f'height:{_pct(p, p.start)}"><span class="meishi-predict-bar" style="position:absolute;'
        f'inset:0"></span><span class="meishi-predict-level" aria-hidden="true" '
        f'style="position:absolute;left:calc(50% + {HANDLE // 2 + 2}px);top:-0.75em;'
        f'white-space:nowrap">{escape(start)}</span>'
        f'<span class="meishi-predict-handle" id="{uid}-v" role="slider" tabindex="0" '
        f'aria-orientation="vertical" aria-labelledby="{uid}-you {uid}-axis" '
        f'aria-describedby="{uid}-how" aria-valuemin="{p.low:g}" aria-valuemax="{p.high:g}" '
        f'aria-valuenow="{p.start:g}" aria-valuetext="{escape(start)}" style="{handle}">'
        f'<span class="meishi-predict-dot" aria-hidden="true"></span></span>'
        f'<span class="meishi-predict-name" id="{uid}-you" style="position:absolute;'
        f'top:100%;left:-20%;right:-20%;text-align:center;margin-top:0.3rem">'
        f"Your prediction</span></div>"
        f'<div class="meishi-predict-col meishi-predict-model" hidden style="{col}left:58%;'
        f'height:{_pct(p, p.answer)}"><span class="meishi-predict-bar" style="position:absolute;'
        f'inset:0"></span><span class="meishi-predict-level" style="position:absolute;'
        f'bottom:100%;left:-20%;right:-20%;text-align:center;white-space:nowrap">'
        f'{escape(p.answer_text)}</span><span class="meishi-predict-name" style="position:'
        f'absolute;top:100%;left:-20%;right:-20%;text-align:center;margin-top:0.3rem">'
        f"The model</span></div></div></div>")


def render(p: Prediction) -> str:
    uid = f"predict-{escape(p.id)}"
    data = (f'data-id="{escape(p.id)}" data-kind="{p.kind}" data-link="{escape(p.link)}" '
            f'data-preset="{escape(p.preset)}"')
    if p.kind == "value":
        data += (f' data-answer="{p.answer:g}" data-close="{p.close:g}" '
                 f'data-decimals="{p.decimals}" data-unit="{escape(p.unit)}" '
                 f'data-min="{p.low:g}" data-max="{p.high:g}" data-step="{p.step:g}"')
    parts = [f'<div class="meishi-predict" id="{uid}" {data} role="group" '
             f'aria-labelledby="{uid}-q"><p class="meishi-predict-title">'
             f'<strong>Predict first.</strong> Before you use the widget below:</p>'
             f'<p id="{uid}-q" class="meishi-predict-question">{escape(p.question)}</p>']
    if p.kind == "value":
        parts.append(_chart(p, uid))
        fb = p.feedback or {}
        parts.append('<template class="meishi-predict-feedback">' + "".join(
            f'<p data-when="{k}">{escape(fb[k])}</p>' for k in ("close", "low", "high"))
            + "</template>")
    else:
        parts.append('<fieldset class="meishi-predict-options"><legend>Your prediction'
                     '</legend>')
        for i, o in enumerate(p.options):
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
        f'data-answer-text="{escape(p.answer_text)}"></div></div>')
    parts.append(f"<script>{_SCRIPT}</script>")
    return "".join(parts)
