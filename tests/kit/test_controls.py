"""Controls as data (meishi.kit.controls): a value a control cannot show is refused."""

from __future__ import annotations

import json

import pytest

from meishi.kit.controls import Choice, NumberText, Slider, TextBox


def test_a_slider_accepts_values_on_its_step():
    s = Slider("b", "Base rate", "%", min=0.5, max=60, step=0.1, default=4.5)
    for value in (0.5, 4.5, 12.3, 60):
        s.check(value)


@pytest.mark.parametrize("value, error", [
    (0.8, ValueError), (61, ValueError), (float("nan"), ValueError), ("5", TypeError),
    (True, TypeError),
])
def test_a_slider_refuses_values_it_cannot_show(value, error):
    s = Slider("p", "Share", "%", min=0, max=60, step=0.5, default=5)
    with pytest.raises(error):
        s.check(value)


def test_a_slider_with_its_default_off_the_step_cannot_be_made():
    with pytest.raises(ValueError, match="step"):
        Slider("p", "Share", "%", min=0, max=10, step=0.5, default=0.8)


def test_a_number_box_holds_text():
    box = NumberText("n", "Cards", "cards", min=1, max=10, default="2")
    box.check("２")
    with pytest.raises(TypeError):
        box.check(2)


def test_specs_are_plain_json_with_their_kind():
    spec = Slider("p", "Share", "%", min=0, max=1, step=0.5, default=0).to_spec()
    assert json.loads(json.dumps(spec))["kind"] == "slider"
    assert NumberText("n", "Cards", "cards", min=1, max=2).to_spec()["kind"] == "number"


def test_a_text_box_holds_any_text_and_says_its_limit():
    box = TextBox("line", "Profile line", "English or Japanese", default="I led it.",
                  placeholder="e.g. …", max_chars=300)
    for value in ("", "私が主導しました", "<b>x</b>", "\u202e", "x" * 1000):
        box.check(value)  # judged by the widget's read(), not by the box
    with pytest.raises(TypeError):
        box.check(3)
    spec = json.loads(json.dumps(box.to_spec()))
    assert spec["kind"] == "text" and spec["max_chars"] == 300 and spec["default"] == "I led it."


@pytest.mark.parametrize("max_chars", [0, -1, 2.5, True])
def test_a_text_box_needs_a_positive_whole_limit(max_chars):
    with pytest.raises(ValueError):
        TextBox("line", "Line", "text", max_chars=max_chars)


def test_a_choice_holds_one_of_its_options():
    norm = Choice("norm", "How new contacts reach you", "norm",
                  options=[("introductions", "Introductions only"), ("open", "Open profile")],
                  default="introductions")
    norm.check("open")
    for value, error in (("linkedin", ValueError), ("", ValueError), ("Open", ValueError),
                         (1, TypeError), (None, TypeError)):
        with pytest.raises(error):
            norm.check(value)
    spec = json.loads(json.dumps(norm.to_spec()))
    assert spec["kind"] == "choice" and spec["default"] == "introductions"
    assert spec["options"] == [{"value": "introductions", "label": "Introductions only"},
                               {"value": "open", "label": "Open profile"}]


@pytest.mark.parametrize("options, default", [
    ([("a", "A")], "a"),                      # one option is no choice
    ([("a", "A"), ("a", "B")], "a"),          # the same value twice
    ([("a", "A"), ("", "B")], "a"),           # an empty value
    ([("a", "A"), ("b", "")], "a"),           # an option without a label
    ([("a", "A"), ("b", "B")], "c"),          # a default that is not an option
])
def test_a_choice_needs_distinct_named_options_and_its_default_among_them(options, default):
    with pytest.raises(ValueError):
        Choice("c", "C", "unit", options=options, default=default)


@pytest.mark.parametrize("value, message", [
    (61, "Share must be between 0 and 60 %; it was given 61."),
    (0.8, "Share moves in steps of 0.5 from 0; 0.8 is not on a step."),
    ("5", "Share must be a number between 0 and 60 %; it was given text."),
    (float("nan"), "Share: NaN is not a number the control can show; the last setting is kept."),
])
def test_a_refused_value_is_explained_with_the_control_s_label(value, message):
    """The words the page uses too (web/src/kit/values.js; tests/kit/test_parity.py)."""
    s = Slider("p", "Share", "%", min=0, max=60, step=0.5, default=5)
    assert s.refusal(value)[1] == message
    with pytest.raises((TypeError, ValueError), match="preset 'x': Share"):
        s.check(value, what="preset 'x'")
