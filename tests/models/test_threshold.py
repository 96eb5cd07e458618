"""The threshold model (meishi.models.threshold), against cases solved by hand.

"By hand" here means independently of the module's root finder: ``_g``
below writes g(x) = F(x) - x out again with ``math.erf``, signs of g at
hand-picked shares bracket each root, and ``_bisect`` (plain float
bisection, to the last bit) pins it down.  A tangency is found the same way:
``_lowest`` minimises g by golden-section search (no use of the module's
closed-form critical points) and ``_bisect`` on ``early`` finds where that
minimum is zero.
"""

from __future__ import annotations

from collections.abc import Callable
from math import erf, exp, pi, sqrt

import numpy as np
import pytest

from meishi.chapters.profile_signal.widgets import ThresholdWidget
from meishi.models.threshold import (
    Equilibrium,
    PathOutcome,
    adoption_path,
    equilibria,
    path_outcome,
    threshold_cdf,
    threshold_equilibria,
    threshold_model,
)


def _shares(eqs):
    return [(round(e.share, 6), e.stable) for e in eqs]


def _g(mean: float, spread: float, early: float) -> Callable[[float], float]:
    """g(x) = F(x) - x, written out again from the model's definition."""
    def cdf(z: float) -> float:
        return 0.5 * (1.0 + erf(z / sqrt(2.0)))

    lo, hi = cdf(-mean / spread), cdf((1.0 - mean) / spread)
    return lambda x: early + (1.0 - early) * (cdf((x - mean) / spread) - lo) / (hi - lo) - x


def _bisect(g: Callable[[float], float], a: float, b: float) -> float:
    """The root of g in [a, b] (g(a), g(b) of opposite signs), to the last bit."""
    ga = g(a)
    assert ga * g(b) < 0, "not a bracket"
    while (m := 0.5 * (a + b)) not in (a, b):
        if ga * g(m) <= 0:
            b = m
        else:
            a, ga = m, g(m)
    return m


def _lowest(g: Callable[[float], float], a: float, b: float) -> float:
    """Where g is lowest in [a, b] (golden-section search; g has one minimum there)."""
    r = (sqrt(5.0) - 1.0) / 2.0
    for _ in range(200):
        c, d = b - r * (b - a), a + r * (b - a)
        if g(c) < g(d):
            b = d
        else:
            a = c
    return 0.5 * (a + b)


# -- any increasing map: the grid fallback ------------------------------------

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


def test_the_grid_fallback_marks_a_touching_point():
    # F(x) = x + x(1 - x)(2x - 1)^2 >= x touches the diagonal at 1/2 from above:
    # 0 is a tipping point (F'(0) = 2), 1/2 semi-stable, 1 stable (F'(1) = 0)
    eqs = equilibria(lambda x: x + x * (1 - x) * (2 * x - 1) ** 2)
    assert eqs == [Equilibrium(0.0, False), Equilibrium(0.5, False, touch=1),
                   Equilibrium(1.0, True)]
    # and F(x) = x - x(1 - x)(2x - 1)^2 <= x from below
    eqs = equilibria(lambda x: x - x * (1 - x) * (2 * x - 1) ** 2)
    assert [e.touch for e in eqs] == [0, -1, 0] and [e.stable for e in eqs] == [True, False, False]


# -- the course's map: exact root finding -------------------------------------

def test_the_issue_s_close_pair_is_found():
    # mean 24%, spread 5.5%, early 11%: by hand g(0.13) = +2.4e-4, g(0.1337) = -4.8e-7,
    # g(0.1338) = -5.8e-7, g(0.135) = +2.6e-5, g(0.99) > 0 and g(1) = 0, so a stable
    # root in (0.13, 0.1337), a tipping point in (0.1338, 0.135) and a stable 1.
    # A grid of step 0.0005 saw no sign change and reported only 100%.
    g = _g(0.24, 0.055, 0.11)
    assert g(0.13) > 0 > g(0.1337) and g(0.1338) < 0 < g(0.135) and g(0.99) > 0
    low, tip = _bisect(g, 0.13, 0.1337), _bisect(g, 0.1338, 0.135)
    assert low == pytest.approx(0.1335957, abs=1e-7) and tip == pytest.approx(0.1339612, abs=1e-7)
    eqs = equilibria(threshold_cdf(0.24, 0.055, 0.11))
    assert [(e.stable, e.touch) for e in eqs] == [(True, 0), (False, 0), (True, 0)]
    assert [e.share for e in eqs] == pytest.approx([low, tip, 1.0], abs=1e-12)


def test_a_pair_within_a_hundredth_of_a_point_of_100_percent_is_found():
    # mean 70%, spread 37.5%, early 2%: F rises above the diagonal again just below 1.
    # By hand g(0.9998) = -1.4e-8 < 0 < g(0.9999) = +3.9e-9, and g(1) = 0 with F'(1) < 1.
    g = _g(0.7, 0.375, 0.02)
    assert g(0.9998) < 0 < g(0.9999)
    tip = _bisect(g, 0.9998, 0.9999)
    eqs = threshold_equilibria(threshold_cdf(0.7, 0.375, 0.02))
    assert _shares(eqs) == [(round(_bisect(g, 0.0, 0.1), 6), True), (round(tip, 6), False),
                            (1.0, True)]
    assert eqs[1].share == pytest.approx(tip, abs=1e-12)


def _touching_early() -> tuple[float, float]:
    """mean 24%, spread 5.5%: the share ``early`` at which g's low point is exactly 0."""
    def low_point(early: float) -> float:
        g = _g(0.24, 0.055, early)
        return g(_lowest(g, 0.10, 0.20))

    assert low_point(0.10) < 0 < low_point(0.12)
    early = _bisect(low_point, 0.10, 0.12)
    g = _g(0.24, 0.055, early)
    return early, _lowest(g, 0.10, 0.20)


def test_a_tangency_is_one_touching_equilibrium():
    early, where = _touching_early()
    assert early == pytest.approx(0.1100006027, abs=1e-9)
    assert where == pytest.approx(0.1337786, abs=1e-6)
    eqs = equilibria(threshold_cdf(0.24, 0.055, early))
    assert len(eqs) == 2 and eqs[1] == Equilibrium(1.0, True)
    assert eqs[0].share == pytest.approx(where, abs=1e-6)
    assert (eqs[0].stable, eqs[0].touch) == (False, 1)
    # a hair fewer early adopters: two roots 1.5e-5 apart around the touching point
    pair = equilibria(threshold_cdf(0.24, 0.055, early - 1e-9))
    assert [(e.stable, e.touch) for e in pair] == [(True, 0), (False, 0), (True, 0)]
    assert pair[0].share < where < pair[1].share and pair[1].share - pair[0].share < 2e-5
    # a hair more: only 100%
    assert _shares(equilibria(threshold_cdf(0.24, 0.055, early + 1e-9))) == [(1.0, True)]


@pytest.mark.parametrize("spread", [0.02, 0.05, 0.15, 0.5, 1.0])
def test_symmetric_normal_thresholds_tip_at_the_middle(spread):
    # mean 1/2, early 0: F(1 - x) = 1 - F(x), so F(1/2) = 1/2; F' peaks there at
    # k = 1 / ((2 Phi(1 / (2 spread)) - 1) spread sqrt(2 pi)) > 1 (1.04 at spread 1),
    # so 1/2 is a tipping point; F'(0) = F'(1) = k exp(-1 / (8 spread^2)) < 1: stable.
    k = 1.0 / (erf(0.5 / spread / sqrt(2.0)) * spread * sqrt(2.0 * pi))
    assert k > 1 and k * exp(-1.0 / (8.0 * spread**2)) < 1
    eqs = equilibria(threshold_cdf(0.5, spread, 0.0))
    assert _shares(eqs) == [(0.0, True), (0.5, False), (1.0, True)]
    assert eqs[1].share == pytest.approx(0.5, abs=1e-14)


def test_without_early_adopters_nobody_starts():
    # early 0: F(0) = 0.  mean 30%, spread 10%: F'(0) = k exp(-4.5) = 0.044 < 1, stable;
    # the tipping point by hand between g(0.2) < 0 < g(0.25).
    g = _g(0.3, 0.1, 0.0)
    assert g(0.2) < 0 < g(0.25)
    eqs = equilibria(threshold_cdf(0.3, 0.1, 0.0))
    assert _shares(eqs) == [(0.0, True), (round(_bisect(g, 0.2, 0.25), 6), False), (1.0, True)]
    # mean 0, spread 2%: F'(0) = 1 / (0.5 * 0.02 * sqrt(2 pi)) = 39.9 > 1, so 0 is a
    # tipping point and g > 0 on (0, 1): everyone ends up with a profile
    assert _shares(equilibria(threshold_cdf(0.0, 0.02, 0.0))) == [(0.0, False), (1.0, True)]


def test_100_percent_can_be_a_tipping_point():
    # mean 100%, spread 2%, early 50%: F(1/2) = 1/2 + 0.5 Phi(-25) / ... = 1/2 in floats,
    # F'(1) = 0.5 / (0.5 * 0.02 * sqrt(2 pi)) = 19.9 > 1
    eqs = equilibria(threshold_cdf(1.0, 0.02, 0.5))
    assert _shares(eqs) == [(0.5, True), (1.0, False)]


def test_paths_converge_to_the_stable_equilibria():
    F = threshold_cdf(0.5, 0.2, 0.05)
    eqs = equilibria(F)
    low, tip = eqs[0], eqs[1]
    assert low.stable and not tip.stable
    assert adoption_path(F, tip.share - 0.05, 200)[-1] == pytest.approx(low.share, abs=1e-6)
    assert adoption_path(F, tip.share + 0.05, 200)[-1] == pytest.approx(1.0, abs=1e-6)


def test_enough_early_adopters_remove_the_low_equilibrium():
    # mean 50%, spread 20%: F'(x) = 1 at x = 0.304; g(0.304) = -0.018 at early 5%
    # (low and tipping equilibria) but +0.14 at early 20%: only 100% is left
    assert _g(0.5, 0.2, 0.05)(0.304) < 0 < _g(0.5, 0.2, 0.20)(0.304)
    assert len(equilibria(threshold_cdf(0.5, 0.2, 0.05))) == 3
    eqs = equilibria(threshold_cdf(0.5, 0.2, 0.20))
    assert _shares(eqs) == [(1.0, True)]


def test_threshold_cdf_is_a_distribution():
    F = threshold_cdf(0.4, 0.1, 0.1)
    x = np.linspace(0, 1, 101)
    y = F(x)
    assert y[0] == pytest.approx(0.1) and y[-1] == pytest.approx(1.0)
    assert np.all(np.diff(y) >= 0)


def test_critical_points_are_where_the_slope_is_one():
    F = threshold_cdf(0.24, 0.055, 0.11)
    for c in F.critical_points():
        slope = (float(F(c + 1e-7)) - float(F(c - 1e-7))) / 2e-7
        assert slope == pytest.approx(1.0, abs=1e-6)
    assert threshold_cdf(0.5, 1.0, 0.5).critical_points() == []   # k = 0.52 < 1


@pytest.mark.parametrize("kwargs", [{"mean": 1.5, "spread": 0.1}, {"mean": 0.5, "spread": 0.0},
                                    {"mean": 0.5, "spread": 0.2, "early": -0.1}])
def test_threshold_cdf_rejects_bad_parameters(kwargs):
    with pytest.raises(ValueError):
        threshold_cdf(**kwargs)


def test_adoption_path_rejects_bad_start():
    with pytest.raises(ValueError):
        adoption_path(lambda x: x, 1.5)


def test_threshold_model_bundles_map_equilibria_and_path():
    r = threshold_model(0.5, 0.2, 0.05, 0.05, rounds=25)
    F = threshold_cdf(0.5, 0.2, 0.05)
    np.testing.assert_allclose(r.F, F(np.linspace(0, 1, 201)))
    assert list(r.equilibria) == equilibria(F)
    np.testing.assert_allclose(r.path, adoption_path(F, 0.05, 25))
    assert len(r.path) == 26


# -- has the path settled? the readout -----------------------------------------

def test_path_outcome_settled_moving_and_tipping():
    stable, tip, top = Equilibrium(0.1, True), Equilibrium(0.4, False), Equilibrium(1.0, True)
    eqs = [stable, tip, top]
    assert path_outcome(eqs, [0.1003, 0.1001]) == PathOutcome("settled", stable)
    assert path_outcome(eqs, [0.05, 0.09]) == PathOutcome("moving", stable)    # step too big
    assert path_outcome(eqs, [0.0899, 0.09]) == PathOutcome("moving", stable)  # too far
    assert path_outcome(eqs, [0.5, 0.6]) == PathOutcome("moving", top)
    assert path_outcome(eqs, [0.39, 0.38]) == PathOutcome("moving", stable)
    assert path_outcome(eqs, [0.4, 0.4]) == PathOutcome("tipping", tip)
    touch = Equilibrium(0.3, False, touch=1)   # attracts from below only
    assert path_outcome([touch, top], [0.2998, 0.2999]) == PathOutcome("settled", touch)
    assert path_outcome([touch, top], [0.3001, 0.3002]) == PathOutcome("moving", top)
    assert path_outcome([touch, top], [0.25, 0.26]) == PathOutcome("moving", touch)


WIDGET = ThresholdWidget()


def _readout(mean, spread, early, start, rounds=25):
    return WIDGET.describe(threshold_model(mean, spread, early, start, rounds=rounds))


def test_the_issue_s_readout_says_the_path_is_still_moving():
    # after 25 rounds the path from 5% is at 13.17%, 0.19 points short of 13.36%, and
    # moving 0.008 points a round: not settled.  Two decimals tell 13.36 and 13.40 apart.
    values = {"mean": 24, "spread": 5.5, "early": 11, "start": 5}
    assert WIDGET.evaluate(values).summary == (
        "Starting from 5% with a profile, after 25 rounds the share is at 13.17% and still "
        "moving towards 13.36%. Stable equilibria: 13.36%, 100.00%. Tipping point: 13.40%.")
    assert _readout(0.24, 0.055, 0.11, 0.05, rounds=100) == (
        "Starting from 5% with a profile, the share settles at 13.36% after 100 rounds. "
        "Stable equilibria: 13.36%, 100.00%. Tipping point: 13.40%.")


def test_readouts_for_settled_tipping_and_touching_paths():
    assert WIDGET.evaluate({"mean": 50, "spread": 20, "early": 5, "start": 5}).summary == (
        "Starting from 5% with a profile, the share settles at 6% after 25 rounds. "
        "Stable equilibria: 6%, 100%. Tipping point: 47%.")
    assert _readout(0.0, 0.02, 0.0, 0.0) == (
        "Starting from 0% with a profile, the share stays at 0% for 25 rounds: a tipping "
        "point, which the slightest push would leave. Stable equilibria: 100%. Tipping point: 0%.")
    early, _ = _touching_early()
    assert _readout(0.24, 0.055, early, 0.05) == (
        "Starting from 5% with a profile, after 25 rounds the share is at 13.2% and still "
        "moving towards 13.4%. Stable equilibria: 100.0%. No tipping point. The curve touches "
        "the diagonal at 13.4%: a path from below stops there, one from above moves on up.")
    assert _readout(0.24, 0.055, early, 0.05, rounds=400).startswith(
        "Starting from 5% with a profile, the share settles at 13% after 400 rounds.")
    assert _readout(0.5, 0.2, 0.05, 0.055).startswith("Starting from 5.5% with a profile")
