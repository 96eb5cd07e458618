"""Every course widget, driven in the built book with no kernel and no outside request.

The widgets are found the way the book finds them (``meishi.chapters``), so
a later chapter's widget is tested here without editing this file.  After
every action (keyboard, a slider set by script, typing, presets, Reset, a
link fragment) the readout, the chart's text alternative and the numbers the
chart's marks carry must be exactly what the Python widget computes for the
values the controls now show (``CourseWidget.evaluate``).

The checks of every control, bad typed input, keyboard, names and axe, and a phone's
layout are steps of each widget's walk, run by test_a11y_widgets.test_a_walk_through_the_widget
(one page load per screen and theme); this file's own tests cover a page's first
response, links and print, and the chooser's sourced rows.

Set ``MEISHI_SHOTS=/some/dir`` to save screenshots of each widget at 360 px
and 1280 px, light and dark, while the tests run.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest

from helpers import HTML
from meishi.chapters import discover
from meishi.kit.fmt import plain
from meishi.kit.widget import CourseWidget

pytestmark = pytest.mark.browser

WIDGETS = [pytest.param(cls, f"chapters/{chapter.stem}.html", id=cls.widget_id)
           for chapter in discover() for cls in chapter.widgets]
WIDGET_PAGES = sorted({p.values[1] for p in WIDGETS})
REL = 1e-9
RESPONSE_BOUND_MS = 5000  # a sanity bound, not a benchmark
SHOTS = os.environ.get("MEISHI_SHOTS")
BAD_TEXT = [
    "",                                 # empty (refused where a number is required)
    "<img src=x onerror=alert(1)>",     # markup
    "🙂",                               # emoji
    "二十",                             # kanji numerals
    "にじゅう",                         # Japanese text
    "0,5",                              # a decimal comma: read, then judged like 0.5
    "9" * 60,                           # far too long
    "\u202e12",                         # a right-to-left override before digits
    "1\u202eabc",                       # ... and before letters, echoed in the message
]
# For a line of text (kind "text"): refused lines, then lines read as plain text.
BAD_LINES = [
    "",                                 # empty
    ("I led the launch. " * 17)[:301],  # 301 characters: one too many
    "🎉🚀👏",                           # emoji only
    "<img src=x onerror=alert(1)>",     # markup: read as the characters it contains
    "<b>I led</b> sales up 45%",        # ... markers found inside it
    "\u202eI led the launch",           # a right-to-left override: removed, counted
]
LINE_REFUSED = {"", "🎉🚀👏"}


@functools.cache
def reference(cls: type[CourseWidget]) -> CourseWidget:
    """One Python instance per widget class: its spec and evaluate() are the reference."""
    return cls()


def _on_step(control: dict, value: float) -> float:
    lo, hi, step = control["min"], control["max"], control["step"]
    k = round((min(hi, max(lo, value)) - lo) / step)
    return round(min(hi, lo + k * step), 10)


def _sliders(spec: dict) -> list[dict]:
    return [c for c in spec["controls"] if c["kind"] == "slider"]


def _texts(spec: dict) -> list[dict]:
    """Controls that hold typed text: a number box or a line of text."""
    return [c for c in spec["controls"] if c["kind"] not in ("slider", "choice")]


def _choices(spec: dict) -> list[dict]:
    """Controls that choose one of a few options (a radio group)."""
    return [c for c in spec["controls"] if c["kind"] == "choice"]


def _options(control: dict) -> list[str]:
    return [o["value"] for o in control["options"]]


GOOD_LINES = ["We grew sales by 30% with the best team.", "私が主導し、売上を2倍にしました。"]


def _typed(control: dict, fraction: float = 0.25) -> str:
    """A valid value to type into a text control, away from its default.

    A number box gets a number; a line of text (kind "text") a profile line.
    """
    if control["kind"] == "text":
        return next(t for t in GOOD_LINES[int(fraction >= 0.3):] + GOOD_LINES
                    if t != control.get("default"))
    lo, hi = control["min"], control["max"]
    value = lo + (hi - lo) * fraction
    value = round(value) if control.get("integer") else round(value, 1)
    if plain(value) == control.get("default"):
        value += 1
    return plain(value)


def _close(shown, expected: float) -> bool:
    return math.isclose(float(shown), float(expected), rel_tol=REL, abs_tol=1e-12)


# -- what each widget's marks mean ----------------------------------------------
# The chart's marks carry the model's numbers in data-* attributes.  A new
# widget adds its checker here (test_every_widget_has_its_marks_checked says so).

def _marks_lookup(marks: list[dict], result) -> None:
    bars = [m for m in marks if m["tag"] == "rect" and "mw-bar" in m["cls"]]
    assert [b["data"]["service"] for b in bars] == list(result.platforms)
    for bar, expected in zip(bars, result.expected, strict=True):
        assert _close(bar["data"]["value"], expected), (bar, expected)
    ranges = [m for m in marks if m["tag"] == "line" and "mw-range" in m["cls"]]
    assert [r["data"]["service"] for r in ranges] == list(result.platforms)
    for rng, low, high in zip(ranges, result.low, result.high, strict=True):
        assert _close(rng["data"]["low"], low) and _close(rng["data"]["high"], high), rng
    labels = [m for m in marks if m["tag"] == "text" and "mw-label" in m["cls"]]
    assert [_close(m["data"]["value"], e) for m, e in zip(labels, result.expected,
                                                          strict=True)] == [True] * len(labels)


def _marks_signal(marks: list[dict], result) -> None:
    (dot,) = [m for m in marks if m["tag"] == "circle" and "mw-point" in m["cls"]]
    assert _close(dot["data"]["value"], 100 * result.posterior), dot
    assert _close(dot["data"]["baseRate"], 100 * result.base_rate), dot
    (lift,) = [m for m in marks if m["tag"] == "rect" and "mw-point" in m["cls"]]
    assert _close(lift["data"]["value"], result.lift), lift


def _marks_threshold(marks: list[dict], result) -> None:
    eqs = [m for m in marks if m["tag"] == "circle" and "mw-eq" in m["cls"]]
    assert len(eqs) == len(result.equilibria)
    for mark, eq in zip(eqs, result.equilibria, strict=True):
        assert _close(mark["data"]["value"], 100 * eq.share), (mark, eq)
        assert mark["data"]["stable"] == str(bool(eq.stable)).lower(), (mark, eq)
    (end,) = [m for m in marks if m["tag"] == "text" and "mw-label" in m["cls"]]
    assert _close(end["data"]["value"], 100 * result.path[-1]), end
    dots = [m for m in marks if m["tag"] == "circle" and "mw-dots" in m["parent"]]
    assert len(dots) == len(result.path)
    for mark, v in zip(dots, result.path, strict=True):
        assert _close(mark["data"]["value"], 100 * v), mark


def _marks_impression(marks: list[dict], result) -> None:
    def one(tag: str, cls: str, **data) -> dict:
        found = [m for m in marks if m["tag"] == tag and cls in m["cls"].split()
                 and all(m["data"].get(k) == v for k, v in data.items())]
        assert len(found) == 1, (tag, cls, data, found)
        return found[0]

    best = one("circle", "mw-best")
    assert _close(best["data"]["value"], 100 * result.e_star), best
    assert _close(best["data"]["impression"], 100 * result.impression_star), best
    assert _close(one("line", "mw-guide")["data"]["value"], 100 * result.e_star)
    assert _close(one("text", "mw-best-label")["data"]["value"], 100 * result.e_star)
    for cls in ("mw-end", "mw-now-point"):  # the channels: panel 1's ends, panel 2 at the norm
        assert _close(one("rect", cls, channel="implied")["data"]["value"],
                      100 * result.impression_implied)
        assert _close(one("path", cls, channel="explicit")["data"]["value"],
                      100 * result.impression_explicit)
    assert _close(one("line", "mw-now")["data"]["value"], 100 * result.m)
    crossings = [m for m in marks if "mw-cross" in m["cls"].split()]
    if result.crossover_in_range:
        assert len(crossings) == 1 and _close(crossings[0]["data"]["value"],
                                              100 * result.crossover_norm), crossings
        assert _close(one("text", "mw-cross-label")["data"]["value"], 100 * result.crossover_norm)
    else:
        assert crossings == [], "a crossover drawn outside 0–100%"


def _marks_profile_reader(marks: list[dict], result) -> None:
    from meishi.models.profile_reader import RULES

    bars = [m for m in marks if m["tag"] == "rect" and "mw-bar" in m["cls"]]
    assert [b["data"]["category"] for b in bars] == [r.category for r in RULES]
    for bar in bars:
        found = [k for k in result.markers if k.category == bar["data"]["category"]]
        assert int(bar["data"]["value"]) == sum(k.points for k in found), bar
        assert int(bar["data"]["count"]) == len(found), bar
    # the line as read (HTML, under the chart): its text, each marker highlighted
    (line,) = [m for m in marks if "mw-read-line" in m["cls"]]
    assert line["text"] == result.text and int(line["data"]["removed"]) == result.removed
    highlighted = [(m["data"]["category"], m["text"]) for m in marks if m["tag"] == "mark"]
    assert highlighted == [(k.category, k.match) for k in result.markers]


def _marks_commitment(marks: list[dict], result) -> None:
    from meishi.models.commitment import outside_payoff

    tipping = [e for e in result.equilibria if 0 < e.share < 1 and not e.stable]
    tips = [m for m in marks if m["tag"] == "circle" and "mw-tip" in m["cls"].split()]
    assert len(tips) == len(tipping), (tips, tipping)
    for mark, eq in zip(tips, tipping, strict=True):
        assert _close(mark["data"]["value"], 100 * eq.share), (mark, eq)
    labels = [m for m in marks if m["tag"] == "text" and "mw-tip-label" in m["cls"].split()]
    assert len(labels) == (1 if len(tipping) == 1 else 0), labels
    for mark in labels:
        assert _close(mark["data"]["value"], 100 * tipping[0].share), mark
    (stay,) = [m for m in marks if m["tag"] == "line" and m["data"].get("series") == "stay"]
    assert _close(stay["data"]["value"], 100 * result.v0), stay
    (start,) = [m for m in marks if m["tag"] == "rect" and "mw-start" in m["cls"].split()]
    assert _close(start["data"]["value"], 100 * result.x0), start
    now = outside_payoff(result.p, result.w, result.n, result.k, result.x0, result.v0)
    assert _close(start["data"]["payoff"], 100 * now.expected), start
    (end,) = [m for m in marks if m["tag"] == "text" and "mw-end" in m["cls"].split()]
    assert _close(end["data"]["value"], 100 * result.path[-1]), end


def _marks_introductions(marks: list[dict], result) -> None:
    from meishi.models.introductions import NORMS

    bars = [m for m in marks if m["tag"] == "rect" and "mw-bar" in m["cls"].split()]
    assert [(b["data"]["norm"], b["data"]["measure"]) for b in bars] == \
        [(n, k) for n in NORMS for k in ("reach", "to_vet")]
    for bar in bars:
        expected = result.outcomes[bar["data"]["norm"]][bar["data"]["measure"]]
        assert _close(bar["data"]["value"], expected), bar
    (ties,) = [m for m in marks if "mw-ties" in m["cls"].split()]
    assert int(ties["data"]["value"]) == result.result["ties"], ties
    assert int(ties["data"]["bridges"]) == result.result["bridges"], ties
    (direct,) = [m for m in marks if "mw-direct" in m["cls"].split()]
    assert int(direct["data"]["value"]) == result.direct, direct
    (two,) = [m for m in marks if "mw-two-step" in m["cls"].split()]
    assert int(two["data"]["value"]) == (0 if result.norm == "open" else result.two_step), two


def _marks_platforms(marks: list[dict], result) -> None:
    eqs = [m for m in marks if m["tag"] == "circle" and "mw-eq" in m["cls"].split()]
    assert len(eqs) == len(result.equilibria), (eqs, result.equilibria)  # none for three
    for mark, eq in zip(eqs, result.equilibria, strict=True):
        assert _close(mark["data"]["value"], 100 * eq.share), (mark, eq)
        assert mark["data"]["stable"] == str(bool(eq.stable)).lower(), (mark, eq)
        assert ("mw-stable" in mark["cls"].split()) == bool(eq.stable), mark
    (start,) = [m for m in marks if m["tag"] == "rect" and "mw-start" in m["cls"].split()]
    assert _close(start["data"]["value"], 100 * result.x0), start
    labels = [m for m in marks if m["tag"] == "text" and "mw-label" in m["cls"].split()]
    (end,) = labels
    assert "mw-end" in end["cls"].split()
    assert _close(end["data"]["value"], 100 * result.final[1]), end


def _marks_chooser(marks: list[dict], result) -> None:
    bars = [m for m in marks if m["tag"] == "rect" and "mw-bar" in m["cls"].split()]
    assert [b["data"]["service"] for b in bars] == [f.service for f in result]
    for bar, fit in zip(bars, result, strict=True):
        assert _close(bar["data"]["value"], fit.score), (bar, fit)
        assert _close(bar["data"]["top"], fit.top), (bar, fit)


def _marks_lenses(marks: list[dict], result) -> None:
    dots = [m for m in marks if m["tag"] == "circle" and "mw-point" in m["cls"]]
    assert [d["data"]["country"] for d in dots] == list(result.countries)
    for dot, x, y in zip(dots, result.x, result.y, strict=True):
        assert _close(dot["data"]["x"], x) and _close(dot["data"]["value"], y), dot


def _marks_weights(marks: list[dict], result) -> None:
    links = [m for m in marks if m["tag"] == "line" and "mw-link" in m["cls"]]
    assert [m["data"]["country"] for m in links] == list(result.countries)
    for link, score, value in zip(links, result.score, result.linkedin, strict=True):
        assert _close(link["data"]["score"], score) and _close(link["data"]["value"], value)


MARKS: dict[str, Callable[[list[dict], object], None]] = {
    "lookup": _marks_lookup, "signal": _marks_signal, "threshold": _marks_threshold,
    "impression": _marks_impression, "profile_reader": _marks_profile_reader,
    "commitment": _marks_commitment, "introductions": _marks_introductions,
    "platforms": _marks_platforms, "chooser": _marks_chooser, "lenses": _marks_lenses,
    "weights": _marks_weights,
}


# -- a widget on a page ----------------------------------------------------------

STATE_JS = """root => {
    const svg = root.querySelector('svg.mw-svg');
    return {
        summary: root.querySelector('.mw-summary').textContent,
        label: svg.getAttribute('aria-label'),
        state: root.dataset.state,
        message: root.querySelector('.mw-message').textContent,
        messageHtml: root.querySelector('.mw-message').innerHTML,
        images: root.querySelectorAll('img').length,
        invalid: [...root.querySelectorAll(
                '.mw-control :is(input, textarea)[aria-invalid="true"]')]
            .map(i => i.closest('.mw-control').dataset.control),
        marks: [...svg.querySelectorAll('[data-value], [data-low]'),
                ...root.querySelectorAll('.mw-reading :is(mark.mw-marker, .mw-read-line)')]
            .map(m => ({
            tag: m.tagName.toLowerCase(), cls: m.getAttribute('class') || '',
            parent: m.parentNode.getAttribute('class') || '', data: {...m.dataset},
            text: m.textContent})),
    };
}"""

#: The values the controls show, as (control name, value) pairs in the page's order (a
#: slider's and a box's as text).
VALUES_JS = """root => [...root.querySelectorAll('.mw-control')].map(c =>
    [c.dataset.control, c.matches('.mw-control-choice')
        ? (c.querySelector('input[type=radio]:checked') || {value: null}).value
        : c.querySelector('input, textarea').value])"""

#: What Widget.check reads, at once: the values, the state, and each slider's shown value.
CHECK_JS = f"""root => ({{values: ({VALUES_JS})(root), state: ({STATE_JS.strip()})(root),
    shown: [...root.querySelectorAll('.mw-control')].map(c =>
        [c.dataset.control, [...c.querySelectorAll('.mw-value')].map(v => v.textContent)])}})"""


class Widget:
    """A rendered widget and its Python reference."""

    def __init__(self, page, cls: type[CourseWidget]) -> None:
        self.page = page
        self.py = reference(cls)
        self.id = cls.widget_id
        self.spec = self.py.spec
        self.root = page.locator(f"#widget-{self.id}")
        assert self.root.count() == 1, f"#widget-{self.id} not on the page"
        assert self.root.get_attribute("data-ready") == "true"

    def input(self, name: str):
        return self.root.locator(f'.mw-control[data-control="{name}"] :is(input, textarea)')

    def evaluate(self, js: str, arg=None):
        """``js``, a function ``(root, arg) => ...``, run on the widget's root element in one
        call to the page (a locator's evaluate makes three: find the element, evaluate,
        release it; these run thousands of times in a walk).  As strict as the locator: it
        fails unless exactly one element has the widget's id; unlike it, it does not wait
        for one (the widget is on the page and ready before any of these run)."""
        wid = json.dumps(f"widget-{self.id}")
        return self.page.evaluate(f"""arg => {{
            const found = document.querySelectorAll(`[id=${{JSON.stringify({wid})}}]`);
            if (found.length !== 1) throw new Error(`${{found.length}} elements #${{{wid}}}`);
            return ({js})(found[0], arg); }}""", arg)

    def _values(self, shown: list) -> dict:
        """Python's values dict from VALUES_JS's (name, value) pairs: every control once."""
        kinds = {c["name"]: c["kind"] for c in self.spec["controls"]}
        names = [name for name, _v in shown]
        assert sorted(names) == sorted(kinds), shown  # each control once, no other
        return {k: float(v) if kinds[k] == "slider" else v for k, v in shown}

    def values(self) -> dict:
        """The values the controls show, as Python's values dict."""
        return self._values(self.evaluate(VALUES_JS))

    def state(self) -> dict:
        return self.evaluate(STATE_JS)

    def check(self, what: str) -> dict:
        """The readout, the chart's label and its marks are Python's for the values shown
        (all read from the page at once)."""
        read = self.evaluate(CHECK_JS)
        values, st = self._values(read["values"]), read["state"]
        ev = self.py.evaluate(values)
        assert ev.ok, (what, values, ev.message)
        assert st["state"] == "ok" and st["message"] == "" and st["invalid"] == [], (what, st)
        assert st["summary"] == ev.summary, (what, values)
        assert st["label"] == ev.summary, (what, values)
        shown_by_name = dict(read["shown"])  # names are unique: _values checked them
        for control in _sliders(self.spec):  # the visible value follows the slider
            texts = shown_by_name[control["name"]]
            assert len(texts) == 1, f"{control['name']} shows {len(texts)} values"
            shown = texts[0]
            assert re.match(r"-?[0-9]", shown), shown
            number = float(re.match(r"-?[0-9.]+", shown).group())
            assert abs(number - values[control["name"]]) <= 10 ** -control["decimals"] / 2 + 1e-9
        MARKS.get(self.id, lambda _m, _r: None)(st["marks"], ev.result)
        return st

    def set_slider(self, name: str, value: float) -> None:
        """Set a slider by script, as assistive technology would: its value, then an input
        event."""
        self.evaluate("""(root, [name, v]) => {
            const els = root.querySelectorAll(
                `.mw-control[data-control="${name}"] :is(input, textarea)`);
            if (els.length !== 1) throw new Error(`${els.length} inputs for ${name}`);
            const el = els[0];
            el.value = String(v); el.dispatchEvent(new Event('input', {bubbles: true})); }""",
                      [name, value])

    def type(self, name: str, text: str) -> None:
        self.input(name).fill(text)

    def radio(self, name: str, value: str):
        return self.root.locator(f'.mw-control[data-control="{name}"] '
                                 f'input[type=radio][value="{value}"]')


def _open(open_page, cls, path: str, **kw):
    assert (HTML / path.split("#")[0]).is_file(), f"{path} is not built: run `make book`"
    page, log = open_page(path, widgets=True, wait_until="load", **kw)
    return Widget(page, cls), page, log


def _clean(log) -> None:
    assert log.blocked == [], f"requests to outside hosts: {log.blocked}"
    assert log.failed == [], log.failed
    assert log.page_errors == [], log.page_errors
    assert log.console_errors == [], log.console_errors


def _shot(page, name: str, locator) -> None:
    """Save a picture of ``locator`` (the whole page's rendering, so no sticky header covers it)."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    page.evaluate("scrollTo(0, 0)")
    box = locator.bounding_box()
    page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True, clip=box)


# -- 0. the widgets are found ------------------------------------------------------

def test_widgets_are_discovered_with_their_pages():
    assert len(WIDGETS) >= 3
    for param in WIDGETS:
        cls, path = param.values
        assert (HTML / path).is_file(), f"{path} is not built: run `make book`"
        html = (HTML / path).read_text(encoding="utf-8")
        assert f'"{cls.widget_id}"' in html, f"{cls.widget_id}'s state is not in {path}"


@pytest.mark.parametrize("cls, path", WIDGETS)
def test_every_widget_has_its_marks_checked(cls, path):
    assert cls.widget_id in MARKS, (
        f"say in MARKS which chart marks carry {cls.widget_id}'s model numbers")


# -- 1. every control responds, as Python computes ----------------------------------

def every_control_responds_as_python_computes(w: Widget, page, log) -> None:
    """A step of a widget's walk (test_a11y_widgets.test_a_walk_through_the_widget, the
    first at 1280 px, light): the page as loaded, then every control
    by keyboard, by script, typed and clicked, every preset, and Reset."""
    spec = w.spec
    assert w.values() == spec["defaults"]
    w.check("on load")

    for first in _sliders(spec)[:1]:
        name, step = first["name"], first["step"]
        w.input(name).focus()
        start = w.values()[name]
        page.keyboard.press("ArrowRight")
        assert math.isclose(w.values()[name], _on_step(first, start + step)), "ArrowRight"
        w.check("ArrowRight")
        page.keyboard.press("End")
        assert w.values()[name] == first["max"]
        w.check("End")
        page.keyboard.press("Home")
        assert w.values()[name] == first["min"]
        w.check("Home")
    for box in [c for c in _texts(spec) if c["kind"] == "text"][:1]:
        w.input(box["name"]).focus()  # typed key by key, as a learner would
        w.input(box["name"]).press("Control+a")
        page.keyboard.type("Proud to lead our team")
        assert w.values()[box["name"]] == "Proud to lead our team"
        w.check("typed key by key")

    for control in _sliders(spec):  # set by script, as assistive tech or a test would
        target = _on_step(control, control["min"] + 0.37 * (control["max"] - control["min"]))
        w.set_slider(control["name"], target)
        assert w.values()[control["name"]] == target
        w.check(f"{control['name']} set to {target}")

    for control in _texts(spec):
        text = _typed(control)
        w.type(control["name"], text)
        assert w.values()[control["name"]] == text
        w.check(f"typed {text!r} into {control['name']}")

    names = [c["name"] for c in spec["controls"]]
    for control in _choices(spec):  # Tab reaches the chosen option; the arrow keys choose
        name, options = control["name"], _options(control)
        before = names.index(name)
        if before:
            # the control before it; if that is a radio group too, its chosen option
            # (the one Tab stops on), so that Tab leaves the group for the next control
            w.root.locator(f'.mw-control[data-control="{names[before - 1]}"] '
                           ':is(input[type=radio]:checked, input:not([type=radio]), '
                           'textarea)').first.focus()
        else:
            w.root.locator(".mw-title").evaluate("t => { t.tabIndex = -1; t.focus(); }")
        page.keyboard.press("Tab")
        chosen = w.values()[name]
        focused = page.evaluate("""() => { const el = document.activeElement;
            return el.type === 'radio' ? [el.closest('.mw-control').dataset.control, el.value,
                                          el.checked] : el.outerHTML.slice(0, 80); }""")
        assert focused == [name, chosen, True], focused
        i = options.index(chosen)
        page.keyboard.press("ArrowDown")
        assert w.values()[name] == options[(i + 1) % len(options)], "ArrowDown"
        w.check(f"ArrowDown in {name}")
        page.keyboard.press("ArrowUp")
        assert w.values()[name] == chosen, "ArrowUp"
        w.check(f"ArrowUp in {name}")
        for option in options:  # and a click on each option's label
            w.root.locator(f'.mw-control[data-control="{name}"] label[for='
                           f'"{w.radio(name, option).get_attribute("id")}"]').click()
            assert w.values()[name] == option
            w.check(f"{name} set to {option}")

    for preset in spec["presets"]:
        w.root.locator(f'button[data-preset="{preset["name"]}"]').click()
        assert w.values() == {**spec["defaults"], **preset["values"]}, preset["name"]
        w.check(f"preset {preset['name']}")

    w.root.locator("button[data-action=reset]").click()
    assert w.values() == spec["defaults"]
    w.check("Reset")
    text = page.locator("body").inner_text().lower()
    assert "snapshot" not in text and "run this page live" not in text
    _clean(log)


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_every_widget_on_the_page_responds_within_a_few_seconds(open_page, path):
    """From navigation to every widget answering a slider (a sanity bound, not a benchmark)."""
    page, log = open_page(path, widgets=True, wait_until="load")
    elapsed = page.evaluate("""() => {
        const roots = [...document.querySelectorAll('.mw-widget')];
        for (const root of roots) {
            const input = root.querySelector('input[type=range]');
            const before = root.querySelector('.mw-summary').textContent;
            if (!input) {  // a widget without a slider: a line of text, or a radio group
                const box = root.querySelector('.mw-control-text textarea');
                const radio = root.querySelector(
                    '.mw-control-choice input[type=radio]:not(:checked)');
                if (box) {
                    box.value = 'I led the best team and grew sales by 45%';
                    box.dispatchEvent(new Event('input', {bubbles: true}));
                } else if (radio) {
                    radio.click();
                }
                if (root.querySelector('.mw-summary').textContent === before) return -1;
                continue;
            }
            input.value = input.min;
            input.dispatchEvent(new Event('input', {bubbles: true}));
            if (root.querySelector('.mw-summary').textContent === before) {
                input.value = input.max;
                input.dispatchEvent(new Event('input', {bubbles: true}));
            }
            if (root.querySelector('.mw-summary').textContent === before) return -1;
        }
        return roots.length ? performance.now() : -2;
    }""")
    assert elapsed > 0, "a widget did not respond" if elapsed == -1 else "no widgets"
    assert elapsed < RESPONSE_BOUND_MS, f"{elapsed:.0f} ms until every widget responded"
    _clean(log)


# -- 2. bad typed input -------------------------------------------------------------

def bad_typed_input_is_explained_as_python_explains_it(w: Widget, page, log) -> str | None:
    """A step of a widget's walk: every kind of bad text typed into each text box (for a
    widget without one, it says so)."""
    spec = w.spec
    if not _texts(spec):
        return f"{w.id} has no text box"
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for control in _texts(spec):
        name = control["name"]
        good = _typed(control)
        line = control["kind"] == "text"
        for text in BAD_LINES if line else BAD_TEXT:
            w.type(name, good)
            before = w.check(f"{good!r} in {name}")
            w.type(name, text)
            ev = w.py.evaluate(w.values())
            assert w.values()[name] == text
            if ev.ok:  # e.g. "0,5" where 0.5 is allowed, or an empty optional box
                st = w.check(f"{text!r} in {name}")
                if line:  # markup and direction marks typed in stay plain text
                    assert st["images"] == 0, "markup typed in became an element"
                    assert "\u202e" not in w.root.locator(".mw-reading").inner_text()
                    assert w.evaluate("r => r.querySelectorAll('.mw-reading *')"
                                           ".length") > 0
                    assert not w.evaluate("r => [...r.querySelectorAll('.mw-reading *')]"
                                               ".some(e => /^(img|b|script)$/i.test(e.tagName))")
                continue
            st = w.state()
            assert st["state"] == "invalid", text
            assert st["message"].endswith(ev.message) and ev.message in st["message"], \
                (text, st["message"], ev.message)
            assert st["invalid"] == [name], (text, st["invalid"])
            assert st["images"] == 0, "markup typed in became an element"
            tags = set(re.findall(r"<\s*([a-zA-Z][^\s>/]*)", st["messageHtml"]))
            assert tags <= {"p", "strong", "span"}, st["messageHtml"]
            assert "\u202e" not in st["message"], "a direction override echoed raw"
            for key in ("summary", "label", "marks"):  # the last good figure stays
                assert st[key] == before[key], (text, key)
            w.type(name, good)  # fixing the input clears the message
            st = w.check(f"{text!r} fixed to {good!r}")
            assert st["message"] == "" and st["invalid"] == []
        if line:
            refused = {t for t in BAD_LINES if not w.py.evaluate({**spec["defaults"],
                                                                   name: t}).ok}
            assert refused == LINE_REFUSED | {BAD_LINES[1]}, refused
            assert len(BAD_LINES[1]) == control["max_chars"] + 1
            w.type(name, control["default"])
            w.check(f"{name} back to its default")
            continue
        # these are refused whatever the control
        for text in [*BAD_TEXT[1:5], BAD_TEXT[6]]:
            assert not w.py.evaluate({**spec["defaults"], name: text}).ok, text
        assert w.py.evaluate({**spec["defaults"], name: ""}).ok == control["optional"]
        # a decimal comma is read as a decimal point, never dropped
        point = _typed(control, 0.3)
        comma = (f"{point},0" if control.get("integer") else point.replace(".", ",")
                 if "." in point else f"{point},5")
        dotted = comma.replace(",", ".")
        w.type(name, comma)
        st = w.check(f"decimal comma {comma!r}")
        assert st["summary"] == w.py.evaluate({**w.values(), name: dotted}).summary
        w.type(name, control["default"])
        w.check(f"{name} back to its default")
    assert dialogs == []
    _clean(log)


# -- 3 and 5. keyboard, names, focus, axe, light and dark ------------------------------

def _axe(page, axe_source: str, selector: str) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("""async (sel) => {
        const r = await axe.run(document.querySelector(sel), {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""", selector)
    return [v for v in result if v["impact"] in ("critical", "serious")]


def _luminance(rgb: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"[0-9.]+", rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def keyboard_names_focus_and_axe(w: Widget, page, log, axe_source: str, dark: bool) -> None:
    """A step of a widget's walk at 1280 px, light or dark: the theme, the names, the Tab
    order with its focus rings, the wide layout, and axe before and after moves."""
    spec, sel = w.spec, f"#widget-{w.id}"
    theme = page.evaluate("document.documentElement.dataset.theme")
    assert theme == ("dark" if dark else "light")
    w.root.scroll_into_view_if_needed()
    _shot(page, f"{w.id}-1280-{theme}", w.root)

    # the widget follows the theme: no glaring white panel in the dark
    colours = w.evaluate("""root => {
        let el = root, bg = 'rgba(0, 0, 0, 0)';
        while (el && /rgba\\(.*, 0\\)$/.test(bg)) { bg = getComputedStyle(el).backgroundColor;
                                                  el = el.parentElement; }
        const text = root.querySelector('svg.mw-svg text');
        return {bg, ink: getComputedStyle(root).color, svgInk: getComputedStyle(text).fill};
    }""")
    bg, ink = _luminance(colours["bg"]), _luminance(colours["ink"])
    if dark:
        assert bg < 0.1 and ink > 0.4 and _luminance(colours["svgInk"]) > 0.4, colours
    else:
        assert bg > 0.8 and ink < 0.1 and _luminance(colours["svgInk"]) < 0.1, colours

    # names: each control's accessible name carries its unit; the chart's is the readout
    for control in spec["controls"]:
        role = {"slider": "slider", "choice": "group"}.get(control["kind"], "textbox")
        name = f"{control['label']} ({control['unit']})"
        assert control["unit"] and control["unit"] in name
        assert w.root.get_by_role(role, name=name, exact=True).count() == 1, name
        if control["kind"] == "choice":  # a named group of radios, each named by its option
            group = w.root.get_by_role(role, name=name, exact=True)
            assert group.get_by_role("radio").count() == len(control["options"])
            for option in control["options"]:
                assert group.get_by_role("radio", name=option["label"],
                                         exact=True).count() == 1, option
    for preset in spec["presets"]:
        assert w.root.get_by_role("button", name=preset["name"], exact=True).count() == 1
    summary = w.root.locator(".mw-summary")  # not live: kit/describe.js announces once settled
    assert w.root.locator(".mw-announce").get_attribute("aria-live") == "polite"
    assert w.root.get_by_role("img", name=summary.text_content(), exact=True).count() == 1, \
        "the chart's accessible name is not its own readout"

    # Tab reaches every control and button, in order, each with a visible focus ring
    w.root.locator(".mw-title").evaluate("t => { t.tabIndex = -1; t.focus(); }")
    reached, rings = [], []
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || !el.closest('.mw-widget')) return null;
            const cs = getComputedStyle(el);
            const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0)
                || cs.boxShadow !== 'none';
            const c = el.closest('.mw-control') || (el.closest('.mw-slider-row')
                && el.closest('.mw-slider-row').closest('.mw-control'));
            if (el.tagName === 'SUMMARY') return {key: 'fold:' + el.textContent.trim(), ring,
                widget: el.closest('.mw-widget').id};
            return {key: c ? 'control:' + c.dataset.control
                    : el.dataset.preset ? 'preset:' + el.dataset.preset
                    : 'action:' + (el.dataset.action || el.className), ring,
                    widget: el.closest('.mw-widget').id};
        }""")
        if info is None or info["widget"] != f"widget-{w.id}":
            break
        if not reached or reached[-1] != info["key"]:  # a fine slider's − and + are its own
            reached.append(info["key"])
        rings.append((info["key"], info["ring"]))
    # the notes folded on phones (open here) are reached by their summary line
    expected = ([f"control:{c['name']}" for c in spec["controls"]]
                + [f"preset:{p['name']}" for p in spec["presets"]]
                + ["action:reset"]
                + (["fold:Where the presets come from"] if spec.get("preset_note") else [])
                + ["action:copy-link", "action:table"]
                + (["fold:About this chart"] if spec.get("caption") else []))
    assert reached == expected
    assert all(ring for _k, ring in rings), [k for k, ring in rings if not ring]

    layout = w.evaluate(PHONE_JS)  # the wide layout: nothing spills, no label overlaps
    assert layout["outside"] == [] and layout["overlaps"] == [], layout

    assert _axe(page, axe_source, sel) == [], "with the widget rendered"
    for slider in _sliders(spec)[:1]:
        w.input(slider["name"]).focus()
        page.keyboard.press("End")
        w.check("End")
        assert _axe(page, axe_source, sel) == [], "after moving a slider"
    if _texts(spec):
        box = _texts(spec)[0]
        if box["kind"] == "text":  # markup is read as text: a line with markers, then none
            w.type(box["name"], "<b>I led</b> the <i>best</i> launch")
            w.check("markup typed")
            assert _axe(page, axe_source, sel) == [], "with markers highlighted"
        w.type(box["name"], "🎉" if box["kind"] == "text" else "<img src=x onerror=alert(1)>")
        assert w.state()["state"] == "invalid"
        assert _axe(page, axe_source, sel) == [], "with a bad input"
    _clean(log)


# -- 4. a phone ------------------------------------------------------------------------

PHONE_JS = """root => {
    const r = el => el.getBoundingClientRect();
    const box = r(root), out = {};
    out.scroll = [document.documentElement.scrollWidth, window.innerWidth];
    out.rootScroll = [root.scrollWidth, root.clientWidth];
    // the widget's own sliders (not the dock's copy, fixed to the foot of the screen)
    out.sliders = [...root.querySelectorAll('.mw-control input[type=range]')].map(i => {
        const label = root.querySelector(`label[for="${i.id}"]`);
        return {name: i.name, width: r(i).width, labelBottom: r(label).bottom, top: r(i).top};
    });
    out.small = [...root.querySelectorAll('button, input')]
        .filter(el => el.offsetParent !== null)
        .filter(el => r(el).width < 24 || r(el).height < 24)
        .map(el => `${el.outerHTML.slice(0, 60)} ${r(el).width}x${r(el).height}`);
    out.tinyText = [...root.querySelectorAll('svg.mw-svg text')]
        .filter(t => t.textContent.trim() && t.getBBox().width > 0)
        .map(t => { const m = t.getScreenCTM();  // rotated labels too
                    return [t.textContent, parseFloat(getComputedStyle(t).fontSize)
                            * Math.hypot(m.a, m.b)]; })
        .filter(([, px]) => px < 11 - 1e-6);
    const words = [...root.querySelectorAll(
        'svg.mw-svg .mw-marks text, svg.mw-svg .mw-panel-title, svg.mw-svg .mw-axis-label')]
        .filter(t => t.textContent.trim()).map(t => [t.textContent, r(t)]);
    out.overlaps = [];
    words.forEach(([a, ra], i) => words.slice(i + 1).forEach(([b, rb]) => {
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) out.overlaps.push(`${a} / ${b}`);
    }));
    out.outside = [...root.querySelectorAll('*')]
        .filter(el => el.getClientRects().length && !el.closest('[hidden], .mw-dock'))
        // presets sit in one row that scrolls sideways on a phone (the row itself is checked)
        .filter(el => !el.parentElement.closest('.mw-presets'))
        .filter(el => { const b = r(el); return b.width > 0 &&
            (b.left < box.left - 0.5 || b.right > box.right + 0.5); })
        .map(el => `${el.tagName}.${el.getAttribute('class')} ${el.textContent.slice(0, 30)}`);
    return out;
}"""


def on_a_phone(w: Widget, page, log, dark: bool) -> None:
    """A step of a widget's walk at 360 px: nothing spills, overlaps or is too small, at
    the defaults, every slider at its maximum and minimum, and the longest line typed."""
    w.root.scroll_into_view_if_needed()
    _shot(page, f"{w.id}-360-{'dark' if dark else 'light'}", w.root)
    lines = [c for c in _texts(w.spec) if c["kind"] == "text"]
    for what in ("defaults", "every slider at its maximum", "every slider at its minimum",
                 *(["the longest line"] if lines else [])):
        if what == "the longest line":
            for control in lines:  # one unbroken word, markers in it, wraps within the widget
                w.type(control["name"], ("I led " + "x" * control["max_chars"])
                       [:control["max_chars"]])
                w.check("the longest line")
        elif what != "defaults":
            for control in _sliders(w.spec):
                w.set_slider(control["name"], control["max" if "max" in what else "min"])
        m = w.evaluate(PHONE_JS)
        assert m["scroll"][0] <= m["scroll"][1], f"the page scrolls sideways ({what})"
        assert m["rootScroll"][0] <= m["rootScroll"][1], f"the widget overflows ({what})"
        for s in m["sliders"]:
            assert s["width"] >= 150, s
            assert s["labelBottom"] <= s["top"] + 0.5, f"label not above its slider: {s}"
        assert m["small"] == [], "touch targets under 24×24 px"
        assert m["tinyText"] == [], f"chart text under 11 px ({what})"
        assert m["outside"] == [], f"outside the widget ({what})"
        assert m["overlaps"] == [], f"chart labels overlap ({what})"
    _clean(log)


# -- 6 and 7. shareable links, and print -------------------------------------------------

def _non_default(spec: dict) -> dict:
    values = {}
    for control in _sliders(spec):
        v = _on_step(control, control["min"] + 0.37 * (control["max"] - control["min"]))
        if v == spec["defaults"][control["name"]]:
            v = _on_step(control, v + control["step"])
        values[control["name"]] = v
    for control in _texts(spec):
        values[control["name"]] = _typed(control)
    for control in _choices(spec):
        values[control["name"]] = next(v for v in _options(control)
                                       if v != spec["defaults"][control["name"]])
    return values


@pytest.mark.parametrize("cls, path", WIDGETS)
def test_a_link_restores_a_setting_and_the_chart_prints(open_page, cls, path):
    spec = reference(cls).spec
    values = _non_default(spec)
    fragment = f"#widget-{cls.widget_id}?{urlencode(values)}"
    w, page, log = _open(open_page, cls, path + fragment,
                         permissions=["clipboard-read", "clipboard-write"])
    assert w.values() == {**spec["defaults"], **values}
    w.check("opened from a link")

    for first in _sliders(spec)[:1]:
        w.set_slider(first["name"], first["max"])
    for box in [c for c in _texts(spec) if c["kind"] == "text"][:1]:
        w.type(box["name"], "私が主導したプロジェクトで売上を3倍に伸ばし、"
                            "業界初の取り組みとして表彰されました。")
    shown = w.check("moved before copying")
    w.root.locator("button[data-action=copy-link]").click()
    page.wait_for_function("r => r.querySelector('.mw-share-status').textContent !== ''",
                           arg=w.root.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url, "the address bar follows the copied link"
    assert copied.split("#")[1].startswith(f"widget-{cls.widget_id}?")
    again = page.context.new_page()
    log.attach(again)
    again.goto(copied, wait_until="load")
    again.wait_for_selector('html[data-meishi-widgets="ready"]', state="attached")
    w2 = Widget(again, cls)
    assert w2.values() == w.values()
    assert w2.check("opened from the copied link")["summary"] == shown["summary"]

    # print: the chart is still there, in its current state
    page.emulate_media(media="print")
    svg = w.root.locator("svg.mw-svg")
    box = svg.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100, box
    assert svg.evaluate("s => getComputedStyle(s).display") != "none"
    assert svg.get_attribute("aria-label") == shown["summary"]
    assert w.root.locator(".mw-summary").is_visible()
    _clean(log)


@pytest.mark.parametrize("cls, path", WIDGETS)
def test_bad_link_values_are_clamped_or_explained(open_page, cls, path):
    spec = reference(cls).spec
    sliders, texts = _sliders(spec), _texts(spec)
    bad: list[tuple[str, str]] = [("no_such_control", "1")]
    if sliders:
        bad.append((sliders[0]["name"], "abc"))           # letters: ignored
    if len(sliders) > 1:
        bad.append((sliders[1]["name"], "1e9"))           # far too high: clamped
    if len(sliders) > 2:
        bad.append((sliders[2]["name"], "-5"))            # too low: clamped
    if len(sliders) > 3:
        bad.append((sliders[3]["name"], "Infinity"))      # not finite: ignored
    for control in texts:
        bad.append((control["name"], "<b>x</b>"))         # typed text: explained
    for control in _choices(spec):
        bad.append((control["name"], "<b>x</b>"))         # no such option: ignored
    fragment = f"#widget-{cls.widget_id}?{urlencode(bad)}"
    w, _page, log = _open(open_page, cls, path + fragment)
    shown = w.values()
    expected = dict(spec["defaults"])
    if len(sliders) > 1:
        expected[sliders[1]["name"]] = sliders[1]["max"]
    if len(sliders) > 2:
        expected[sliders[2]["name"]] = sliders[2]["min"]
    for control in texts:
        expected[control["name"]] = "<b>x</b>"
    assert shown == expected
    ev = w.py.evaluate(shown)
    if ev.ok:
        w.check("bad link")
    else:
        st = w.state()
        assert st["state"] == "invalid" and st["message"].endswith(ev.message), st["message"]
        assert st["images"] == 0 and "<b>" not in st["messageHtml"]
        assert st["summary"] == w.py.evaluate(spec["defaults"]).summary  # last good: defaults
    _clean(log)


# -- 8. the chooser's sourced rows ---------------------------------------------------------

ROWS_JS = """root => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
    () => requestAnimationFrame(() => done([...root.querySelectorAll('table.mw-evidence')]
        .map(t => [t.dataset.service, [...t.querySelectorAll('tbody tr')]
            .map(tr => [tr.dataset.feature, tr.dataset.supports])]))))))"""


@pytest.mark.parametrize("viewport", [(1280, 900), (360, 740)], ids=["1280", "360"])
def test_the_chooser_rows_follow_every_goal_as_python_finds_them(open_page, viewport):
    """Under the chooser's chart, the rows behind the leading services (at most three, those
    scoring above 0, or the best fit alone) are the ones Python finds for the chosen goal:
    on load, and within two frames of each change of goal (they are written the frame after
    the chart is painted), by click, keyboard and preset, ending where a learner began."""
    cls = next(p.values[0] for p in WIDGETS if p.values[0].widget_id == "chooser")
    w, page, log = _open(open_page, cls, next(p.values[1] for p in WIDGETS
                                              if p.values[0] is cls), viewport=viewport)
    goals = _options(_choices(w.spec)[0])

    def expected() -> list:
        goal = w.values()["goal"]
        fits = w.py.evaluate(w.values()).result
        need = [n["feature"] for g in w.spec["data"]["goals"] if g["key"] == goal
                for n in g["needs"]]
        shown = [f for i, f in enumerate(fits[:3]) if i == 0 or f.score > 0]
        return [[f.service, [[feature, next((e.supports for e in f.evidence
                                              if e.feature == feature), "not found")]
                             for feature in need]] for f in shown]

    assert w.evaluate(ROWS_JS) == expected(), "on load"
    for goal in [*goals[1:], goals[0]]:
        w.root.locator(f'label[for="{w.radio("goal", goal).get_attribute("id")}"]').click()
        assert w.values()["goal"] == goal
        assert w.evaluate(ROWS_JS) == expected(), goal
    w.radio("goal", w.values()["goal"]).focus()
    for _ in range(len(goals) + 1):  # quick key presses: only the last goal's rows stay
        page.keyboard.press("ArrowDown")
    assert w.evaluate(ROWS_JS) == expected(), "after quick key presses"
    for preset in w.spec["presets"]:
        w.root.locator(f'button[data-preset="{preset["name"]}"]').click()
        assert w.evaluate(ROWS_JS) == expected(), preset["name"]
    _clean(log)
