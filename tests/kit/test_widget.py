"""Every widget in the course, found by discovery, follows the conventions of meishi.kit.widget."""

from __future__ import annotations

import json

import pytest

from meishi import paths
from meishi.chapters import widget_classes
from meishi.kit.controls import Slider
from meishi.kit.widget import CourseWidget, Evaluation

WIDGETS = widget_classes()


@pytest.fixture(params=WIDGETS, ids=[w.widget_id for w in WIDGETS])
def widget(request) -> CourseWidget:
    return request.param()


def test_the_course_has_widgets_with_unique_ids():
    ids = [w.widget_id for w in WIDGETS]
    assert len(ids) >= 3 and len(set(ids)) == len(ids)


def test_spec_is_plain_json_the_front_end_can_read(widget):
    spec = json.loads(json.dumps(widget.spec))
    assert spec["id"] == widget.widget_id and spec["title"] and spec["caption"]
    names = [c["name"] for c in spec["controls"]]
    assert set(spec["defaults"]) == set(names)
    for preset in spec["presets"]:
        assert set(preset["values"]) == set(names), preset["name"]
    assert widget.values == spec["defaults"]


def test_controls_have_a_label_and_a_unit(widget):
    for control in widget.spec["controls"]:
        assert control["label"].strip() and control["unit"].strip(), control


def test_the_front_end_bundle_travels_with_the_widget(widget):
    assert widget._esm == (paths.WEB_DIST / f"{widget.widget_id}.js").read_text("utf-8")
    assert "export" in widget._esm or "default" in widget._esm
    assert widget._css == (paths.WEB_DIST / "widgets.css").read_text("utf-8")


def test_defaults_and_every_preset_evaluate(widget):
    assert widget.evaluation.ok and widget.summary
    for preset in widget.spec["presets"]:
        widget.apply_preset(preset["name"])
        assert widget.values == {**widget.spec["defaults"], **preset["values"]}
        assert widget.evaluation.ok, preset["name"]
        assert widget.summary


def test_reset_restores_the_defaults(widget):
    last = widget.spec["presets"][-1]["name"] if widget.spec["presets"] else None
    if last:
        widget.apply_preset(last)
    widget.reset()
    assert widget.values == widget.spec["defaults"]
    assert widget.summary == widget.evaluate(widget.spec["defaults"]).summary


def test_unknown_controls_and_presets_are_refused(widget):
    with pytest.raises(KeyError):
        widget.set(no_such_control=1)
    with pytest.raises(KeyError):
        widget.apply_preset("no such preset")


def test_a_value_a_slider_cannot_show_is_refused(widget):
    slider = next((c for c in widget.spec["controls"] if c["kind"] == "slider"), None)
    if slider is None:
        pytest.skip(f"{widget.widget_id} has no slider")
    with pytest.raises(ValueError):
        widget.set(**{slider["name"]: slider["max"] + slider["step"]})


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_a_control_set_to_nan_from_code_gives_a_message_not_an_exception(widget, bad):
    control = widget.spec["controls"][0]
    before_values, before = dict(widget.values), widget.evaluation
    widget.set(**{control["name"]: bad})  # no exception
    assert not widget.evaluation.ok
    assert control["label"] in widget.evaluation.message
    assert "not a number" in widget.evaluation.message
    assert widget.values == before_values  # nothing lost
    assert widget.summary == before.summary


def test_changing_values_from_python_updates_the_evaluation(widget):
    before = widget.summary
    slider = next((c for c in widget.spec["controls"] if c["kind"] == "slider"), None)
    if slider is not None:
        target = slider["min"] if widget.values[slider["name"]] != slider["min"] else slider["max"]
        widget.set(**{slider["name"]: target})
    else:  # a widget of typed controls only: move to a preset that differs from the default
        other = next(p for p in widget.spec["presets"] if p["values"] != widget.values)
        widget.apply_preset(other["name"])
    assert widget.summary == widget.evaluate(widget.values).summary
    assert widget.summary != before


class _Toy(CourseWidget):
    widget_id = "lookup"  # any built bundle will do
    title = "Toy"
    caption = "A toy widget"

    def controls(self):
        return [Slider("x", "x", "units", min=0, max=10, step=0.5, default=1)]

    def presets(self):
        return {"Off step": {"x": 0.8}}

    def read(self, values):
        return values["x"]

    def compute(self, params):
        return params * 2

    def describe(self, result, params=None):
        return f"{result}"


def test_a_preset_off_the_slider_step_stops_the_widget_being_made():
    with pytest.raises(ValueError, match="step"):
        _Toy()


def test_evaluation_is_a_plain_record():
    e = Evaluation(ok=False, message="why")
    assert not e.ok and e.message == "why" and e.result is None


# -- issue 20 item 4: whatever is set from code, Python and the page show the same ----------

NAN = float("nan")


def _slider(widget):
    return next((c for c in widget.spec["controls"] if c["kind"] == "slider"), None)


def test_a_refused_value_s_message_reaches_the_page(widget):
    control = widget.spec["controls"][0]
    widget.set(**{control["name"]: NAN})
    assert widget.notice == widget.evaluation.message  # the page shows what Python says
    assert control["label"] in widget.notice


def test_reset_a_preset_or_the_same_values_again_clear_a_refused_value_s_message(widget):
    control = widget.spec["controls"][0]["name"]
    widget.set(**{control: NAN})
    widget.reset()  # the values were the defaults already: nothing changes, yet it clears
    assert widget.evaluation.ok and widget.notice == ""
    assert widget.summary == widget.evaluate(widget.spec["defaults"]).summary
    widget.set(**{control: NAN})
    widget.set(**widget.values)  # the same values again
    assert widget.evaluation.ok and widget.notice == ""
    for preset in widget.spec["presets"][:1]:
        widget.apply_preset(preset["name"])
        widget.set(**{control: NAN})
        widget.apply_preset(preset["name"])  # the same preset again
        assert widget.evaluation.ok and widget.notice == ""


def test_values_set_through_the_trait_follow_the_rules_of_set(widget):
    before_values, before = dict(widget.values), widget.evaluation
    widget.values = {}  # missing controls take their defaults, as in the page
    assert widget.values == widget.spec["defaults"] and widget.evaluation.ok
    slider = _slider(widget)
    if slider is not None:
        with pytest.raises(ValueError, match=slider["label"].replace("(", r"\(")
                           .replace(")", r"\)")):
            widget.values = {**widget.values, slider["name"]: slider["max"] + slider["step"]}
        widget.values = {**widget.values, slider["name"]: NAN}  # a message, not an exception
        assert not widget.evaluation.ok and widget.notice == widget.evaluation.message
    with pytest.raises(KeyError):
        widget.values = {**widget.values, "no_such_control": 1}
    assert widget.values == before_values
    assert widget.summary == before.summary


@pytest.mark.parametrize("bad", [NAN, float("inf"), 1e300, -1.0, 0.123456, "5", None, True, [1],
                                 {"a": 1}])
def test_evaluate_gives_a_message_never_an_exception(widget, bad):
    for control in widget.spec["controls"]:
        e = widget.evaluate({**widget.spec["defaults"], control["name"]: bad})
        assert isinstance(e, Evaluation)
        if not e.ok:
            assert e.message and "Traceback" not in e.message
            assert "cannot convert" not in e.message
    e = widget.evaluate({**widget.spec["defaults"], "no_such_control": 1})
    assert not e.ok and "no control called “no_such_control”" in e.message
