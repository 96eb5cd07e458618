"""The introduction: its data-grounded presets, glued facts, charts and widget."""

from __future__ import annotations

import math

import numpy as np
import pytest

from meishi.chapters import introduction as intro
from meishi.data import load
from meishi.data.series import linkedin_share_japan
from meishi.models.lookup import expected_finds

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
    _share, date = linkedin_share_japan(2020)
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
    assert chart.fig.get_supxlabel().startswith(("Source", "Sources"))
    assert len(chart.alt) > 80


def test_service_chart_plots_the_data():
    chart = intro.service_use_chart()
    line_rows = load("service_use_japan").frame.query("service == 'LINE'")
    plotted = next(ln for ln in chart.fig.axes[0].get_lines() if ln.get_label() == "LINE")
    np.testing.assert_allclose(sorted(plotted.get_ydata()), sorted(line_rows["share_percent"]))


# -- the widget --------------------------------------------------------------


@pytest.fixture
def widget():
    return intro.LookupWidget()


def test_widget_defaults_to_japan_2016(widget):
    preset = intro.lookup_presets()["Japan 2016"]
    assert {s: widget.values[s] for s in intro.SERVICES} == preset
    expected = expected_finds(20, {s: v / 100 for s, v in preset.items()}).expected
    np.testing.assert_allclose(widget.result.expected, expected)


@pytest.mark.parametrize("preset", ["Japan 2016", "Japan, latest", "United States 2023"])
def test_every_preset_gives_the_model_result(widget, preset):
    widget.apply_preset(preset)
    shares = {s: v / 100 for s, v in intro.lookup_presets()[preset].items()}
    result = expected_finds(20, shares)
    np.testing.assert_allclose(widget.result.expected, result.expected)
    np.testing.assert_array_equal(widget.result.low, result.low)
    np.testing.assert_array_equal(widget.result.high, result.high)


def test_slider_and_card_count_change_the_result(widget):
    widget.set(LinkedIn=50.0, cards="100")
    assert widget.result.expected[intro.SERVICES.index("LinkedIn")] == pytest.approx(50.0)
    assert widget.summary.startswith("Of 100 contacts")


def test_full_width_and_spaced_digits_are_accepted(widget):
    widget.set(cards="４０")
    assert widget.evaluation.ok and widget.result.n_cards == 40
    widget.set(cards="1 000")
    assert widget.evaluation.ok and widget.result.n_cards == 1000


@pytest.mark.parametrize("text", ["", "<i>20</i>", "🍣", "二十", "99999", "ten", "2" * 200,
                                  "2,5", "‮20"])
def test_bad_card_counts_get_a_message_not_a_traceback(widget, text):
    before = widget.result
    widget.set(cards=text)
    if text == "‮20":  # the direction mark is removed, 20 is read
        assert widget.evaluation.ok and widget.result.n_cards == 20
        return
    assert not widget.evaluation.ok and widget.evaluation.message
    assert widget.result is before
    widget.reset()
    assert widget.evaluation.ok


def test_reset_restores_the_defaults(widget):
    widget.apply_preset("United States 2023")
    widget.set(cards="7")
    widget.reset()
    assert widget.values["cards"] == "20"
    assert widget.values["LinkedIn"] == intro.lookup_presets()["Japan 2016"]["LinkedIn"]


def test_each_preset_says_what_every_bar_measures(widget):
    bases = widget.spec["data"]["bases"]
    assert set(bases) == set(intro.lookup_presets())
    for name, per_service in bases.items():
        assert set(per_service) == set(intro.SERVICES), name
    assert "not usage" in bases["Japan 2016"]["LinkedIn"]
    assert "MIC" in bases["Japan 2016"]["LINE"]
    assert "Pew" in bases["United States 2023"]["LinkedIn"]
