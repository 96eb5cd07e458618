"""Widget conventions, checked on a tiny widget built the course's way."""

from __future__ import annotations

import ipywidgets as w
import numpy as np
import pytest

from meishi import charts
from meishi.widgets import InputError, ModelWidget, escape, parse_number

# -- parse_number: every kind of bad input gets a clear message ------------

@pytest.mark.parametrize("text, expected", [
    ("20", 20), (" 20 ", 20), ("２０", 20), ("1,000", 1000), ("1，000", 1000), ("3e2", 300),
])
def test_parse_number_accepts_ordinary_and_full_width_input(text, expected):
    assert parse_number(text, name="Cards", lo=1, hi=1000, integer=True) == expected


@pytest.mark.parametrize("text, fragment", [
    ("", "is empty"),
    ("   ", "is empty"),
    (None, "is empty"),
    ("<script>alert(1)</script>", "markup"),
    ("<b>5</b>", "markup"),
    ("🍣", "is not a number"),
    ("二十", "kanji numerals"),
    ("にじゅう", "is not a number"),
    ("abc", "is not a number"),
    ("1e400", "finite"),
    ("nan", "is not a number"),
    ("5000", "between 1 and 1000"),
    ("-3", "between 1 and 1000"),
    ("2.5", "whole number"),
    ("9" * 500, "characters long"),
])
def test_parse_number_explains_bad_input(text, fragment):
    with pytest.raises(InputError, match=fragment):
        parse_number(text, name="Cards", lo=1, hi=1000, integer=True)


def test_messages_never_echo_markup_unescaped():
    with pytest.raises(InputError) as info:
        parse_number('"><img src=x onerror=alert(1)>', name="Cards", lo=1, hi=10)
    message = str(info.value)
    assert "<img" not in message and "&lt;img" in message


def test_escape_handles_quotes_and_japanese():
    assert escape('<a href="x">名刺</a>') == "&lt;a href=&quot;x&quot;&gt;名刺&lt;/a&gt;"


# -- ModelWidget: a toy model wired the course's way -----------------------

def line_model(slope: float, n: int) -> np.ndarray:
    return slope * np.arange(n)


class ToyWidget(ModelWidget):
    title = "Toy <widget>"
    caption = "A test line."
    presets = {"Steep": {"slope": 3.0}, "Flat": {"slope": 0.0, "n": "5"}}
    preset_note = "Stylised presets for the test."

    def build_controls(self):
        return {"slope": w.FloatSlider(value=1.0, min=0, max=5, description="Slope (units)"),
                "n": w.Text(value="10", description="Points")}

    def read_params(self):
        return {"slope": self.controls["slope"].value,
                "n": parse_number(self.controls["n"].value, name="Points", lo=2, hi=50,
                                  integer=True)}

    def build_figure(self):
        fig, ax = charts.new_figure("widget", dpi=charts.WIDGET_DPI)
        (self.line,) = ax.plot([], [])
        self.ax = ax
        self.draws = 0
        return fig

    def compute(self, slope, n):
        return line_model(slope, n)

    def draw(self, result):
        self.draws += 1
        self.line.set_data(np.arange(len(result)), result)
        self.ax.set_xlim(0, max(1, len(result) - 1))
        self.ax.set_ylim(0, max(1.0, float(result.max())))

    def describe(self, result):
        return f"A line of {len(result)} points rising to {result.max():g}."


@pytest.fixture
def toy():
    return ToyWidget()


def test_moving_a_control_sets_the_artist_data_to_the_model_output(toy):
    toy.controls["slope"].value = 2.5
    np.testing.assert_allclose(toy.line.get_ydata(), line_model(2.5, 10))


def test_updates_reuse_the_same_figure_and_artists(toy):
    fig, line = toy.fig, toy.line
    toy.controls["slope"].value = 4.0
    toy.apply_preset("Flat")
    assert toy.fig is fig and toy.line is line and len(fig.axes) == 1


def test_presets_and_reset(toy):
    toy.apply_preset("Flat")
    assert toy.controls["slope"].value == 0.0 and toy.controls["n"].value == "5"
    np.testing.assert_allclose(toy.line.get_ydata(), line_model(0.0, 5))
    toy.reset()
    assert toy.controls["slope"].value == 1.0 and toy.controls["n"].value == "10"
    with pytest.raises(KeyError):
        toy.apply_preset("Nope")


def test_a_preset_redraws_once(toy):
    before = toy.draws
    toy.apply_preset("Flat")  # two controls change
    assert toy.draws == before + 1


def test_bad_input_shows_a_message_and_keeps_the_last_figure(toy):
    good = toy.line.get_ydata().copy()
    toy.controls["n"].value = "<b>lots</b>"
    assert 'role="alert"' in toy.message.value
    assert "&lt;b&gt;" in toy.message.value and "<b>lots" not in toy.message.value
    np.testing.assert_allclose(toy.line.get_ydata(), good)
    toy.controls["n"].value = "5"
    assert toy.message.value == ""


def test_figure_is_shown_with_alt_text_that_follows_the_state(toy):
    toy.controls["slope"].value = 3.0
    html = toy.view.widget.value
    assert 'alt="A line of 10 points rising to 27."' in html
    assert html.count("<img") == 1 and "data:image/png;base64," in html
    assert "A line of 10 points" in toy.status.value


def test_title_is_escaped(toy):
    titles = [c.value for c in toy.ui.children if isinstance(c, w.HTML)]
    assert any("Toy &lt;widget&gt;" in t for t in titles)


def test_static_book_freezes_controls_and_says_how_to_run_live(monkeypatch):
    monkeypatch.setenv("MEISHI_STATIC_BOOK", "1")
    toy = ToyWidget()
    assert all(c.disabled for c in toy.controls.values())
    assert all(b.disabled for b in toy.preset_buttons + [toy.reset_button])
    assert "run this page live" in toy.ui.children[0].value
    assert toy.fig.dpi == charts.DPI  # the snapshot is drawn sharp


def test_live_widget_draws_at_the_fast_resolution(monkeypatch):
    monkeypatch.delenv("MEISHI_STATIC_BOOK", raising=False)
    assert ToyWidget().fig.dpi == charts.WIDGET_DPI


def test_live_widget_is_not_frozen(monkeypatch):
    monkeypatch.delenv("MEISHI_STATIC_BOOK", raising=False)
    toy = ToyWidget()
    assert not any(c.disabled for c in toy.controls.values())


def test_update_times_are_recorded(toy):
    toy.controls["slope"].value = 2.0
    assert len(toy.timings) >= 2 and all(t > 0 for t in toy.timings)


def test_presets_off_the_slider_step_are_rejected():
    class OffStep(ToyWidget):
        presets = {"Odd": {"slope": 0.33}}

        def build_controls(self):
            controls = super().build_controls()
            controls["slope"].step = 0.5
            return controls

    with pytest.raises(ValueError, match="step"):
        OffStep()


def test_presets_naming_unknown_controls_are_rejected():
    class Unknown(ToyWidget):
        presets = {"Odd": {"gradient": 1.0}}

    with pytest.raises(KeyError):
        Unknown()
