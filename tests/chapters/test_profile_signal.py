"""Chapter 1: its data, glued facts, charts and widgets."""

from __future__ import annotations

import numpy as np
import pytest

from meishi.chapters import profile_signal as ch1
from meishi.models.signal import posterior, signal
from meishi.models.threshold import threshold_model

# -- data, facts, charts ---------------------------------------------------------


def test_base_rates_come_from_the_data():
    rates = ch1.base_rates()
    assert rates["Japan: changed jobs"].value == 4.5 and rates["Japan: changed jobs"].year == "2022"
    assert rates["Japan: want to change"].value == 14.4
    assert rates["EU: changed jobs (2003)"].value == 8.2
    assert rates["OECD: any change"].value == 20.0


def test_facts_are_plain_numbers():
    facts = ch1.facts()
    assert all(isinstance(v, (int, float)) for v in facts.values())
    assert facts["tenure_ratio"] == pytest.approx(12.4 / 3.9)
    assert facts["post_jp"] == pytest.approx(100 * posterior(0.045, 0.6, 0.05))


@pytest.mark.parametrize("make", [ch1.tenure_chart, ch1.job_mobility_chart, ch1.pay_by_age_chart])
def test_charts_have_units_sources_and_alt_text(make):
    chart = make()
    for ax in chart.fig.axes:
        if ax.get_ylabel():
            assert "(" in ax.get_ylabel()
    assert chart.fig.get_supxlabel()
    assert len(chart.alt) > 100


def test_job_mobility_chart_breaks_at_missing_years():
    chart = ch1.job_mobility_chart()
    line = chart.fig.axes[0].get_lines()[0]
    years, values = line.get_xdata(), line.get_ydata()
    assert np.isnan(values[list(years).index(2003)])
    assert values[list(years).index(2019)] == pytest.approx(3.53)


# -- widgets -----------------------------------------------------------------------


@pytest.fixture
def sig():
    return ch1.SignalWidget()


@pytest.fixture
def thr():
    return ch1.ThresholdWidget()


def test_signal_widget_default_is_japan(sig):
    assert sig.values["base_rate"] == 4.5
    assert sig.result.posterior == pytest.approx(posterior(0.045, 0.6, 0.05))
    assert f"{100 * sig.result.posterior:.0f}% chance" in sig.summary


@pytest.mark.parametrize("preset", ["Japan: changed jobs", "Japan: want to change",
                                    "EU: changed jobs (2003)", "OECD: any change",
                                    "Profiles are the norm"])
def test_signal_presets_give_the_model_result(sig, preset):
    sig.apply_preset(preset)
    p = sig.presets()[preset]
    r = signal(p["base_rate"] / 100, p["p_seeker"] / 100, p["p_stayer"] / 100)
    assert sig.result == r
    assert sig.spec["presets"][[q["name"] for q in sig.spec["presets"]].index(preset)][
        "values"] == p


def test_moving_the_stayers_slider_changes_the_likelihood_ratio(sig):
    sig.set(p_stayer=60.0)  # stayers polish as often as seekers
    assert sig.result.likelihood_ratio == pytest.approx(1.0)
    assert sig.result.posterior == pytest.approx(sig.result.base_rate)


def test_signal_extremes_are_answered_not_crashed(sig):
    sig.set(p_seeker=0.0, p_stayer=0.0)
    assert sig.evaluation.ok and "likelihood ratio" in sig.summary
    sig.set(p_seeker=100.0, p_stayer=0.0)
    assert "infinite" in sig.summary


def test_reference_lines_are_the_sourced_base_rates(sig):
    refs = {r["name"]: r["value"] for r in sig.spec["data"]["references"]}
    assert refs == {r.label: r.value for r in ch1.base_rates().values()}


def test_base_rates_say_what_they_measure_and_which_compare_alike():
    rates = ch1.base_rates()
    alike = [r.name for r in rates.values() if r.job_to_job]
    assert alike == ["Japan: changed jobs", "EU: changed jobs (2003)"]
    assert rates["Japan: changed jobs"].value < rates["EU: changed jobs (2003)"].value
    assert rates["Japan: want to change"].year == rates["Japan: changed jobs"].year
    for r in rates.values():
        assert r.measure and r.year and 0 < r.value < 60
    assert "not" not in rates["OECD: any change"].measure  # says what it counts
    assert "into and out of work" in rates["OECD: any change"].measure


def test_threshold_widget_default_is_stuck_low(thr):
    assert thr.result.path[-1] < 0.10
    assert "Tipping point" in thr.summary


@pytest.mark.parametrize("preset", ["Stuck low", "Same people, high start",
                                    "More early adopters"])
def test_threshold_presets_give_the_model_result(thr, preset):
    thr.apply_preset(preset)
    p = {k: v / 100 for k, v in thr.presets()[preset].items()}
    expected = threshold_model(**p, rounds=thr.ROUNDS)
    np.testing.assert_allclose(thr.result.path, expected.path)
    np.testing.assert_allclose(thr.result.F, expected.F)


def test_same_people_different_start_different_equilibrium(thr):
    thr.apply_preset("Stuck low")
    low = thr.result.path[-1]
    thr.apply_preset("Same people, high start")
    assert low < 0.10 and thr.result.path[-1] > 0.99


def test_a_typed_share_replaces_the_slider(sig):
    sig.set(own_rate="１２.５")  # full-width digits from a Japanese keyboard
    assert sig.evaluation.ok
    assert sig.result.base_rate == pytest.approx(0.125)
    sig.apply_preset("Japan: changed jobs")  # a preset clears the typed share
    assert sig.values["own_rate"] == ""
    assert sig.result.base_rate == pytest.approx(0.045)


@pytest.mark.parametrize("text", ["abc", "<script>x</script>", "🍣", "十二", "1e9", "0", "61",
                                  "9" * 300, "nan"])
def test_bad_typed_shares_get_a_message_and_keep_the_result(sig, text):
    before = sig.result
    sig.set(own_rate=text)
    assert not sig.evaluation.ok and sig.evaluation.message
    assert sig.result == before
    sig.reset()
    assert sig.evaluation.ok
