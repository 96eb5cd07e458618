"""Chart conventions: palette, Japanese font, source line, alt text."""

from __future__ import annotations

import base64
import logging
import warnings

import matplotlib
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from meishi.kit import charts


def _draw(fig: Figure) -> None:
    charts.png_bytes(fig)


def test_japanese_text_renders_without_missing_glyphs():
    fig, ax = charts.new_figure()
    ax.set_title("名刺交換と終身雇用 (meishi kōkan, shūshin koyō): ２０枚")
    ax.set_xlabel("転職者数 (万人)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" is a UserWarning
        _draw(fig)


def test_bold_japanese_titles_log_nothing(caplog):
    from matplotlib import font_manager

    charts.setup()
    font_manager.fontManager._findfont_cached.cache_clear()  # as in a fresh process
    fig, ax = charts.new_figure()
    ax.set_title("名刺 meishi", fontweight="bold")
    with caplog.at_level(logging.DEBUG, logger="matplotlib.font_manager"):
        _draw(fig)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_other_font_problems_are_still_logged(caplog):
    from matplotlib import font_manager

    charts.setup()
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        font_manager.findfont(font_manager.FontProperties(family="No Such Font Family"))
    assert any("not found" in r.getMessage() for r in caplog.records)


def test_the_glyph_check_can_fail_without_a_japanese_font():
    charts.setup()
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = Figure()
        fig.text(0.5, 0.5, "名刺")
        with pytest.warns(UserWarning, match="missing from font"):
            _draw(fig)


def test_setup_keeps_the_japanese_font_after_the_style():
    charts.setup()
    assert "IPAexGothic" in matplotlib.rcParams["font.family"]
    assert matplotlib.rcParams["figure.facecolor"] == "white"  # legible in dark mode


def test_palette_colours_are_distinct_and_not_too_light():
    rgbs = [to_rgb(c) for c in charts.CYCLE]
    assert len(set(rgbs)) == len(rgbs)
    for r, g, b in rgbs:
        luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        assert luminance < 0.75  # visible on white


def test_a_data_chart_needs_a_source_line():
    fig, _ax = charts.new_figure()
    with pytest.raises(ValueError):
        charts.add_source_line(fig, "  ")
    charts.add_source_line(fig, "Source: somewhere.")
    assert fig.get_supxlabel() == "Source: somewhere."


@pytest.mark.parametrize("alt", ["", "chart", "<Figure size 640x480 with 1 Axes>",
                                 "a long file name of the chart.png"])
def test_alt_text_must_describe_the_chart(alt):
    fig, _ax = charts.new_figure()
    with pytest.raises(ValueError):
        charts.Chart(fig, alt)


def test_chart_carries_alt_text_in_its_output_metadata():
    fig, ax = charts.new_figure()
    ax.plot([0, 1], [0, 1])
    chart = charts.Chart(fig, "A rising line from zero to one, for the test.")
    data, meta = chart._repr_mimebundle_()
    assert meta["image/png"]["alt"] == chart.alt
    assert data["text/plain"] == chart.alt
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")




def test_chart_png_is_a_light_palette_image_that_looks_the_same():
    import io

    import numpy as np
    from PIL import Image

    fig, ax = charts.new_figure("wide")
    ax.plot([0, 1, 2], [0, 2, 1], color=charts.PALETTE["vermillion"], marker="o")
    ax.set_title("名刺 meishi")
    png = charts.png_bytes(fig)
    image = Image.open(io.BytesIO(png))
    assert image.mode == "P"  # 256-colour palette
    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=fig.dpi, facecolor="white")
    full = np.asarray(Image.open(raw).convert("RGB"), dtype=float)
    small = np.asarray(image.convert("RGB"), dtype=float)
    assert small.shape == full.shape
    assert np.abs(small - full).mean() < 1.0  # under one level of 255 on average
    assert len(png) < 0.6 * len(raw.getvalue())


def test_bar_labels_sit_past_each_bar_with_a_true_minus_sign():
    _fig, ax = charts.new_figure("wide")
    bars = ax.barh(["a", "b", "c"], [0.5, -0.2, -0.9])
    ax.set_xlim(-1.0, 1.0)
    charts.label_bars(ax, bars, [0.5, -0.2, -0.9], "d = {:.2f}")
    texts = {t.get_text(): t for t in ax.texts}
    assert set(texts) == {"d = 0.50", "d = −0.20", "d = −0.90"}
    assert texts["d = 0.50"].get_position()[0] > 0.5
    # room left of a negative bar's end: the label sits there
    assert texts["d = −0.20"].get_position()[0] < -0.2
    assert texts["d = −0.20"].get_ha() == "right"
    # no room before the axis edge: the label sits right of zero instead
    assert texts["d = −0.90"].get_position()[0] > 0
    assert texts["d = −0.90"].get_ha() == "left"


def _real_chart(slug: str, name: str):
    from meishi.chapters import discover

    [make] = [m for c in discover() if c.slug == slug for m in c.charts if m.__name__ == name]
    return make


def _png_through_a_file(fig: Figure, dpi: float | None = None) -> bytes:
    """png_bytes' reference path: savefig's PNG decoded again, then the same palette."""
    import io

    from PIL import Image

    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=dpi or fig.dpi, facecolor="white")
    image = Image.open(io.BytesIO(raw.getvalue())).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                             dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="png", optimize=True)
    return out.getvalue()


#: Real charts of different kinds: bars whose phone x axis is widened for their labels,
#: bars with a legend moved under the plot, two panels of lines stacked on a phone.
SAMPLES = [("modesty", "ambition_chart"), ("trust", "cards_chart"),
           ("profile_signal", "job_mobility_chart")]


@pytest.mark.parametrize("slug, name", SAMPLES)
def test_png_bytes_holds_the_very_pixels_of_savefigs_png(slug, name):
    """png_bytes takes savefig's raw RGBA pixels instead of encoding and decoding a PNG:
    byte for byte the same image (two makes of the chart, each rendered once, since every
    render lays the figure out again), on the page and at the phone's fractional height."""
    make = _real_chart(slug, name)
    assert charts.png_bytes(make().fig) == _png_through_a_file(make().fig)
    assert charts.png_bytes(make().phone_fig()) == _png_through_a_file(make().phone_fig())


@pytest.mark.parametrize("dpi", [None, 72, 100])
def test_png_bytes_at_any_dpi_is_the_same_as_through_a_file(dpi):
    def figure() -> Figure:
        fig, ax = charts.new_figure("square")
        fig.set_size_inches(4.37, 3.11)  # not a whole number of pixels at these DPIs
        ax.plot([0, 1, 2], [0, 2, 1], marker="o")
        ax.set_title("名刺 meishi")
        return fig

    assert charts.png_bytes(figure(), dpi=dpi) == _png_through_a_file(figure(), dpi)


@pytest.mark.parametrize("slug, name", SAMPLES)
def test_the_phone_layout_skips_only_layout_passes_that_change_nothing(slug, name,
                                                                        monkeypatch):
    """for_phone's steps reuse the layout a step before them ended on (nothing set since)
    instead of laying the figure out again: the same phone image as with every pass run."""
    from meishi.kit import chartfit

    make = _real_chart(slug, name)
    fast = charts.png_bytes(make().phone_fig())
    for step in ("_room_for_labels", "_upright_crowded_ticks", "_legend_below"):
        original = getattr(chartfit, step)
        monkeypatch.setattr(chartfit, step,
                            lambda *args, _f=original, **kwargs: _f(*args))  # no laid_out
    assert charts.png_bytes(make().phone_fig()) == fast
