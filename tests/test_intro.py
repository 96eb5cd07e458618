"""The introduction: the look-up model, its widget, charts and glued facts."""

from __future__ import annotations

import math

import numpy as np
import pytest

from meishi import intro
from meishi.models.lookup import (
    MAX_CARDS,
    binomial_pmf,
    binomial_quantile,
    expected_finds,
)

# -- model against hand-computed values ------------------------------------


def test_binomial_pmf_small_case_by_hand():
    # n = 3, p = 0.5: 1/8, 3/8, 3/8, 1/8
    np.testing.assert_allclose(binomial_pmf(3, 0.5), [0.125, 0.375, 0.375, 0.125])
    # n = 2, p = 0.1: 0.81, 0.18, 0.01
    np.testing.assert_allclose(binomial_pmf(2, 0.1), [0.81, 0.18, 0.01])


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_binomial_pmf_at_the_edges(p):
    pmf = binomial_pmf(5, p)
    assert pmf.sum() == 1.0 and pmf[0 if p == 0 else 5] == 1.0


def test_binomial_pmf_sums_to_one_for_large_n():
    assert binomial_pmf(MAX_CARDS, 0.3).sum() == pytest.approx(1.0)


def test_quantiles_by_hand():
    # n = 3, p = 0.5: cdf 0.125, 0.5, 0.875, 1
    assert binomial_quantile(3, 0.5, 0.05) == 0
    assert binomial_quantile(3, 0.5, 0.5) == 1
    assert binomial_quantile(3, 0.5, 0.95) == 3


def test_expected_finds_by_hand():
    r = expected_finds(20, {"LINE": 0.67, "LinkedIn": 0.008})
    np.testing.assert_allclose(r.expected, [13.4, 0.16])
    assert r.p_any[1] == pytest.approx(1 - 0.992 ** 20)
    assert r.low[1] == 0 and r.high[1] == 1
    assert all(lo <= e <= hi for lo, e, hi in zip(r.low, r.expected, r.high))


def test_more_users_mean_more_finds():
    shares = np.linspace(0, 1, 11)
    r = expected_finds(30, {f"s{i}": s for i, s in enumerate(shares)})
    assert np.all(np.diff(r.expected) > 0) and np.all(np.diff(r.p_any) >= 0)
    assert np.all((r.p_any >= 0) & (r.p_any <= 1))


@pytest.mark.parametrize("n, shares", [
    (0, {"a": 0.5}), (MAX_CARDS + 1, {"a": 0.5}), (2.5, {"a": 0.5}),
    (10, {}), (10, {"a": 1.5}), (10, {"a": -0.1}), (10, {"a": float("nan")}),
])
def test_model_rejects_impossible_inputs(n, shares):
    with pytest.raises(ValueError):
        expected_finds(n, shares)


# -- data-grounded presets and facts ---------------------------------------


def test_presets_come_from_the_data():
    presets = intro.lookup_presets()
    assert set(presets) == {"Japan 2016", "Japan, latest", "United States 2023"}
    jp16 = presets["Japan 2016"]
    assert jp16["LINE"] == 67.0 and jp16["Facebook"] == 32.3
    # LinkedIn: 1.0 million members (2016) / 127.09 million people (2015 census)
    assert jp16["LinkedIn"] == pytest.approx(100 * 1.0 / 127.094745, abs=0.05)
    # latest: 5.0 million (Dec 2025) / 123.802 million (2024 estimate)
    assert presets["Japan, latest"]["LinkedIn"] == pytest.approx(100 * 5.0 / 123.802, abs=0.05)
    assert presets["United States 2023"]["LinkedIn"] == 30.0
    for shares in presets.values():
        assert set(shares) == set(intro.SERVICES)
        assert all(0 <= v <= 100 for v in shares.values())


def test_blog_figures_never_feed_the_presets():
    share, date = intro.linkedin_share_japan(2020)
    assert date == "2018-07"  # the 2020 blog figure is skipped


def test_facts_are_plain_numbers_consistent_with_the_model():
    facts = intro.facts()
    assert all(isinstance(v, (int, float)) for v in facts.values())
    assert facts["exp_li_jp16"] == pytest.approx(20 * facts["li_share_2016"] / 100)
    assert facts["cards_one_li_jp16"] == math.ceil(100 / facts["li_share_2016"])
    assert facts["line_2024"] > facts["line_2014"]


# -- charts ----------------------------------------------------------------


@pytest.mark.parametrize("make", [intro.service_use_chart, intro.linkedin_members_chart])
def test_charts_have_labels_source_and_alt_text(make):
    chart = make()
    ax = chart.fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() and "(" in ax.get_ylabel()  # unit
    assert chart.fig._supxlabel.get_text().startswith(("Source", "Sources"))
    assert len(chart.alt) > 80


def test_service_chart_plots_the_data():
    chart = intro.service_use_chart()
    line_rows = intro.load("service_use_japan").frame.query("service == 'LINE'")
    plotted = [ln for ln in chart.fig.axes[0].get_lines() if ln.get_label() == "LINE"][0]
    np.testing.assert_allclose(sorted(plotted.get_ydata()), sorted(line_rows["share_percent"]))


# -- the widget --------------------------------------------------------------


@pytest.fixture
def widget():
    return intro.LookupWidget()


def _bar_widths(widget):
    return np.array([b.get_width() for b in widget._artists.bars])


def test_widget_defaults_to_japan_2016(widget):
    preset = intro.lookup_presets()["Japan 2016"]
    assert {s: widget.controls[s].value for s in intro.SERVICES} == preset
    expected = expected_finds(20, {s: v / 100 for s, v in preset.items()}).expected
    np.testing.assert_allclose(_bar_widths(widget), expected)


@pytest.mark.parametrize("preset", ["Japan 2016", "Japan, latest", "United States 2023"])
def test_every_preset_sets_bars_and_ranges_to_the_model(widget, preset):
    widget.apply_preset(preset)
    shares = {s: v / 100 for s, v in intro.lookup_presets()[preset].items()}
    result = expected_finds(20, shares)
    np.testing.assert_allclose(_bar_widths(widget), result.expected)
    segments = widget._artists.ranges.get_segments()
    np.testing.assert_allclose([s[0][0] for s in segments], result.low)
    np.testing.assert_allclose([s[1][0] for s in segments], result.high)


def test_slider_and_card_count_change_the_figure(widget):
    widget.controls["LinkedIn"].value = 50.0
    widget.controls["cards"].value = "100"
    assert _bar_widths(widget)[intro.SERVICES.index("LinkedIn")] == pytest.approx(50.0)
    assert widget._ax.get_xlim()[1] == pytest.approx(132.0)
    assert "100 business cards" in widget._ax.get_title(loc="left")
    assert "Of 100 contacts" in widget.view.alt


def test_full_width_digits_are_accepted(widget):
    widget.controls["cards"].value = "４０"
    assert widget.message.value == ""
    assert widget.last_result.n_cards == 40


@pytest.mark.parametrize("text", ["", "<i>20</i>", "🍣", "二十", "99999", "ten", "2" * 200])
def test_bad_card_counts_get_a_message_not_a_traceback(widget, text):
    before = _bar_widths(widget).copy()
    widget.controls["cards"].value = text
    assert 'role="alert"' in widget.message.value
    np.testing.assert_allclose(_bar_widths(widget), before)
    widget.reset()
    assert widget.message.value == ""


def test_reset_restores_the_defaults(widget):
    widget.apply_preset("United States 2023")
    widget.controls["cards"].value = "7"
    widget.reset()
    assert widget.controls["cards"].value == "20"
    assert widget.controls["LinkedIn"].value == intro.lookup_presets()["Japan 2016"]["LinkedIn"]


def test_controls_are_labelled_with_units(widget):
    for control in widget.controls.values():
        assert "(" in control.description and ")" in control.description


def _pixels(widget):
    import base64
    import io
    import re

    from PIL import Image

    b64 = re.search(r"base64,([^\"]+)", widget.view.widget.value).group(1)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(b64))).convert("RGB"))


def test_blitted_update_matches_a_full_redraw(widget):
    widget.apply_preset("United States 2023")  # same card count: blitted
    full_draws = widget.view.full_draws
    widget.apply_preset("Japan, latest")
    assert widget.view.full_draws == full_draws  # the background was reused
    blitted = _pixels(widget)
    for artist in widget.view.animated:
        artist.set_animated(False)
    widget.fig.canvas.draw()
    import io

    from PIL import Image

    from meishi.charts import encode_canvas

    full = np.asarray(Image.open(io.BytesIO(encode_canvas(widget.fig.canvas))).convert("RGB"))
    assert blitted.shape == full.shape
    # Only stacking order may differ (a moving bar drawn over the left spine
    # instead of under it): a few hundred edge pixels of 250,000.
    assert np.mean(np.any(blitted != full, axis=2)) < 0.005


def test_a_new_card_count_redraws_the_background(widget):
    before = widget.view.full_draws
    widget.controls["cards"].value = "50"
    assert widget.view.full_draws == before + 1
    assert widget._ax.get_xlim()[1] == pytest.approx(66.0)
