"""Chapter 1: the signal and threshold models, their widgets, charts and facts."""

from __future__ import annotations

import numpy as np
import pytest

from meishi import ch1
from meishi.models.signal import posterior, posterior_curve, signal
from meishi.models.threshold import adoption_path, equilibria, threshold_cdf

# -- Bayes signal model, against hand-computed values ---------------------------


def test_posterior_by_hand():
    # b = 0.1, p_s = 0.6, p_n = 0.1: 0.06 / (0.06 + 0.09) = 0.4
    assert posterior(0.1, 0.6, 0.1) == pytest.approx(0.4)
    # b = 0.5, p_s = 0.8, p_n = 0.2: 0.4 / (0.4 + 0.1) = 0.8
    assert posterior(0.5, 0.8, 0.2) == pytest.approx(0.8)


def test_signal_summary_by_hand():
    r = signal(0.2, 0.6, 0.1)
    assert r.posterior == pytest.approx(0.6)
    assert r.likelihood_ratio == pytest.approx(6.0)
    assert r.lift == pytest.approx(3.0)
    assert r.share_polished == pytest.approx(0.2 * 0.6 + 0.8 * 0.1)


@pytest.mark.parametrize("b", [0.0, 1.0])
def test_base_rate_limits(b):
    assert posterior(b, 0.6, 0.1) == b  # certainty cannot be updated


@pytest.mark.parametrize("p", [0.0, 0.3, 1.0])
def test_equal_likelihoods_give_no_update(p):
    b = np.linspace(0, 1, 11)
    np.testing.assert_allclose(posterior(b, p, p), b)
    if p > 0:
        assert signal(0.3, p, p).likelihood_ratio == 1.0


def test_stayers_never_polishing_makes_the_signal_certain():
    r = signal(0.05, 0.6, 0.0)
    assert r.posterior == 1.0 and np.isinf(r.likelihood_ratio)


def test_posterior_rises_with_the_base_rate_and_lift_falls():
    b, post = posterior_curve(0.6, 0.1)
    assert np.all(np.diff(post) >= 0) and np.all((post >= 0) & (post <= 1))
    lift = post[1:] / b[1:]
    assert np.all(np.diff(lift) <= 1e-12)


@pytest.mark.parametrize("args", [(-0.1, 0.5, 0.5), (0.5, 1.2, 0.5), (0.5, 0.5, float("nan"))])
def test_signal_rejects_impossible_probabilities(args):
    with pytest.raises(ValueError):
        signal(*args)


# -- threshold model, against cases solved by hand -------------------------------


def _shares(eqs):
    return [(round(e.share, 6), e.stable) for e in eqs]


def test_equilibria_of_a_linear_map():
    # F(x) = 0.2 + 0.6 x meets x at 0.5 with slope 0.6 < 1: one stable equilibrium
    assert _shares(equilibria(lambda x: 0.2 + 0.6 * x)) == [(0.5, True)]


def test_equilibria_of_the_smoothstep_map():
    # F(x) = 3x^2 - 2x^3: F(x) = x at 0, 1/2, 1; F'(0) = F'(1) = 0, F'(1/2) = 1.5
    assert _shares(equilibria(lambda x: 3 * x**2 - 2 * x**3)) == [
        (0.0, True), (0.5, False), (1.0, True)]


def test_equilibria_of_the_square_map():
    # F(x) = x^2: 0 is stable (F'(0) = 0), 1 is unstable (F'(1) = 2)
    assert _shares(equilibria(lambda x: x**2)) == [(0.0, True), (1.0, False)]


def test_symmetric_normal_thresholds_tip_at_the_middle():
    eqs = equilibria(threshold_cdf(0.5, 0.15, 0.0))
    assert _shares(eqs) == [(0.0, True), (0.5, False), (1.0, True)]


def test_paths_converge_to_the_stable_equilibria():
    F = threshold_cdf(0.5, 0.2, 0.05)
    eqs = equilibria(F)
    low, tip = eqs[0], eqs[1]
    assert low.stable and not tip.stable
    assert adoption_path(F, tip.share - 0.05, 200)[-1] == pytest.approx(low.share, abs=1e-6)
    assert adoption_path(F, tip.share + 0.05, 200)[-1] == pytest.approx(1.0, abs=1e-6)


def test_enough_early_adopters_remove_the_low_equilibrium():
    assert len(equilibria(threshold_cdf(0.5, 0.2, 0.05))) == 3
    eqs = equilibria(threshold_cdf(0.5, 0.2, 0.20))
    assert _shares(eqs) == [(1.0, True)]


def test_threshold_cdf_is_a_distribution():
    F = threshold_cdf(0.4, 0.1, 0.1)
    x = np.linspace(0, 1, 101)
    y = F(x)
    assert y[0] == pytest.approx(0.1) and y[-1] == pytest.approx(1.0)
    assert np.all(np.diff(y) >= 0)


@pytest.mark.parametrize("kwargs", [dict(mean=1.5, spread=0.1), dict(mean=0.5, spread=0.0),
                                    dict(mean=0.5, spread=0.2, early=-0.1)])
def test_threshold_cdf_rejects_bad_parameters(kwargs):
    with pytest.raises(ValueError):
        threshold_cdf(**kwargs)


def test_adoption_path_rejects_bad_start():
    with pytest.raises(ValueError):
        adoption_path(lambda x: x, 1.5)


# -- data, facts, charts ---------------------------------------------------------


def test_base_rates_come_from_the_data():
    rates = ch1.base_rates()
    assert rates["Japan"][0] == 4.5 and "2022" in rates["Japan"][1]
    assert rates["OECD average"][0] == 20.0


def test_revised_years_keep_the_later_release():
    latest = ch1._series("job_changers").set_index("year")["value"]
    first = ch1._series("job_changers", vintage="first").set_index("year")["value"]
    assert latest[2019] == 353 and first[2019] == 351


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
    assert chart.fig._supxlabel.get_text()
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
    assert sig.controls["base_rate"].value == 4.5
    x, y = sig._point.get_data()
    assert x[0] == pytest.approx(4.5)
    assert y[0] == pytest.approx(100 * posterior(0.045, 0.6, 0.05))


@pytest.mark.parametrize("preset", ["Japan", "OECD average", "Profiles are the norm"])
def test_signal_presets_set_the_figure_to_the_model(sig, preset):
    sig.apply_preset(preset)
    p = sig.presets[preset]
    r = signal(p["base_rate"] / 100, p["p_seeker"] / 100, p["p_stayer"] / 100)
    x, y = sig._point.get_data()
    assert y[0] == pytest.approx(100 * r.posterior)
    _, lift = sig._lift_point.get_data()
    assert lift[0] == pytest.approx(min(r.lift, 100))
    b, post = sig._curve.get_data()
    np.testing.assert_allclose(post, 100 * posterior(b / 100, r.p_seeker, r.p_stayer))
    assert f"{100 * r.posterior:.0f}% chance" in sig.view.alt


def test_moving_the_stayers_slider_changes_the_likelihood_ratio(sig):
    sig.controls["p_stayer"].value = 60.0  # stayers polish as often as seekers
    assert sig.last_result.likelihood_ratio == pytest.approx(1.0)
    x, y = sig._point.get_data()
    assert y[0] == pytest.approx(x[0])  # no update: the point sits on the diagonal


def test_signal_extremes_are_answered_not_crashed(sig):
    sig.set(p_seeker=0.0, p_stayer=0.0)
    assert sig.message.value == "" and "likelihood ratio" in sig.view.alt
    sig.set(p_seeker=100.0, p_stayer=0.0)
    assert "infinite" in sig.view.alt


def test_threshold_widget_default_is_stuck_low(thr):
    r = thr.last_result
    stable_x, _ = thr._stable.get_data()
    assert [round(v, 1) for v in stable_x] == [round(100 * e.share, 1)
                                              for e in r["equilibria"] if e.stable]
    assert thr._path.get_data()[1][-1] < 10


@pytest.mark.parametrize("preset", list(ch1.ThresholdWidget.presets))
def test_threshold_presets_set_the_figure_to_the_model(thr, preset):
    thr.apply_preset(preset)
    p = {k: v / 100 for k, v in thr.presets[preset].items()}
    F = threshold_cdf(p["mean"], p["spread"], p["early"])
    path = adoption_path(F, p["start"], thr.ROUNDS)
    np.testing.assert_allclose(thr._path.get_data()[1], 100 * path)
    np.testing.assert_allclose(thr._map.get_data()[1], 100 * F(np.linspace(0, 1, 201)))


def test_same_people_different_start_different_equilibrium(thr):
    thr.apply_preset("Stuck low")
    low = thr._path.get_data()[1][-1]
    thr.apply_preset("Same people, high start")
    high = thr._path.get_data()[1][-1]
    assert low < 10 and high > 99


def test_widgets_blit_without_full_redraws(sig, thr):
    for widget in (sig, thr):
        before = widget.view.full_draws
        for preset in widget.presets:
            widget.apply_preset(preset)
        assert widget.view.full_draws == before


def test_a_typed_share_replaces_the_slider(sig):
    sig.controls["own_rate"].value = "１２.５"  # full-width digits from a Japanese keyboard
    assert sig.message.value == ""
    assert sig.last_result.base_rate == pytest.approx(0.125)
    assert sig._point.get_data()[0][0] == pytest.approx(12.5)
    sig.apply_preset("Japan")  # a preset clears the typed share
    assert sig.controls["own_rate"].value == ""
    assert sig.last_result.base_rate == pytest.approx(0.045)


@pytest.mark.parametrize("text", ["abc", "<script>x</script>", "🍣", "十二", "1e9", "0", "61",
                                  "9" * 300])
def test_bad_typed_shares_get_a_message_and_keep_the_figure(sig, text):
    before = sig._point.get_data()[1][0]
    sig.controls["own_rate"].value = text
    assert 'role="alert"' in sig.message.value
    assert "<script>" not in sig.message.value
    assert sig._point.get_data()[1][0] == before
    sig.reset()
    assert sig.message.value == ""
