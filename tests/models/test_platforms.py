"""Home advantage (meishi.models.platforms): cases solved by hand, and invariants.

"By hand" means from the model's definition, independently of the module:
``_pbar`` writes the share choosing the entrant out again as the logit
probabilities of a person on each platform, weighted by the platforms'
shares; steady states are checked against a fine brute-force scan of
``_pbar(x) - x`` and the closed forms in the comments.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from meishi.models.platforms import (
    CURVE_POINTS,
    Equilibrium,
    PlatformResult,
    critical_fit,
    equilibria,
    platform_shares,
)


def _logit(z):
    """e^z / (1 + e^z), on a number or an array (|z| <= 80 here)."""
    return np.exp(z) / (1.0 + np.exp(z))


def _pbar(x, d: float, beta: float, c: float, tau: float):
    """P(choose G): on L (share 1 - x) G is worth d + beta x vs beta (1 - x) + c; on G, +c for G."""
    from_l = _logit((d + beta * x - beta * (1 - x) - c) / tau)
    from_g = _logit((d + beta * x + c - beta * (1 - x)) / tau)
    return (1 - x) * from_l + x * from_g


def _brute_roots(d, beta, c, tau, n=200_001):
    """Crossings of _pbar(x) - x on a fine grid: (cell's ends, above the diagonal before)."""
    xs = np.linspace(0.0, 1.0, n)
    sign = np.sign(_pbar(xs, d, beta, c, tau) - xs).tolist()
    xs = xs.tolist()
    out = []
    for i in range(n - 1):
        if sign[i] == 0:   # a grid point that is a root
            out.append((xs[i], xs[i], sign[i - 1] > 0))
        elif sign[i] * sign[i + 1] < 0:
            out.append((xs[i], xs[i + 1], sign[i] > 0))
    if sign[-1] == 0:   # P(1) rounds to 1: a root within rounding of 1
        out.append((xs[-2], 1.0, sign[-2] > 0))
    return out


def test_without_network_effects_shares_follow_fit_and_taste_by_hand():
    # beta = 0, c = 0: x* = e^{d/tau} / (1 + e^{d/tau}) = e / (1 + e) for d = tau = 0.5;
    # g' = -1 everywhere, so the one-step map's slope is 1 - mu = 0.8
    (eq,) = equilibria(0.5, 0.0, 0.0, 0.5)
    assert eq.share == pytest.approx(math.e / (1 + math.e), abs=1e-15)
    assert (eq.stable, eq.kind, eq.touch) == (True, "stable", 0)
    assert eq.slope == pytest.approx(0.8, abs=1e-15)
    # switching costs folded in: x* = a / (1 - b + a), a = sigma((d - c)/tau),
    # b = sigma((d + c)/tau)
    # d = c = tau = 0.5: a = 1/2, 1 - b = 1 / (1 + e^2), x* = 0.5 / (0.5 + 1 / (1 + e^2))
    (eq,) = equilibria(0.5, 0.0, 0.5, 0.5)
    assert eq.share == pytest.approx(0.5 / (0.5 + 1 / (1 + math.e**2)), abs=1e-15)
    assert eq.share > math.e / (1 + math.e)   # inertia keeps the better fit's users on board
    for c, tau in itertools.product((0.0, 0.7, 2.0), (0.1, 1.0, 2.0)):
        (eq,) = equilibria(0.0, 0.0, c, tau)   # no fit advantage: an even split
        assert eq.share == pytest.approx(0.5, abs=1e-15) and eq.stable


def test_a_strong_network_effect_tips_the_market_by_hand():
    # beta = 4, tau = 0.5, d = c = 0: P(x) = sigma(16 x - 8); 1/2 is a tipping point with
    # g'(1/2) = 16 / 4 - 1 = 3 (map slope 1 + 0.2 * 3); the low state solves x = sigma(16x - 8)
    low, mid, high = equilibria(0.0, 4.0, 0.0, 0.5)
    x = 0.0
    for _ in range(100):
        x = _logit(16 * x - 8)
    assert low.share == pytest.approx(x, rel=1e-12) and 3e-4 < x < 4e-4
    assert mid.share == pytest.approx(0.5, abs=1e-15) and mid.slope == pytest.approx(1.6)
    assert high.share == pytest.approx(1 - x, abs=1e-15)
    assert [e.kind for e in (low, mid, high)] == ["stable", "tipping", "stable"]
    assert (low.stable, mid.stable, high.stable) == (True, False, True)
    for c in (0.3, 1.0):   # switching costs keep the symmetry
        eqs = equilibria(0.0, 4.0, c, 0.5)
        assert len(eqs) == 3 and eqs[1].share == pytest.approx(0.5, abs=1e-15)
        assert eqs[0].share + eqs[2].share == pytest.approx(1.0, abs=1e-14)


@pytest.mark.parametrize("start, side", [(0.45, 0), (0.3, 0), (0.55, 2), (0.9, 2)])
def test_paths_settle_on_the_stable_state_on_their_side(start, side):
    eqs = equilibria(0.0, 4.0, 0.2, 0.5)
    r = platform_shares(0.0, 4.0, 0.2, 0.5, start, rounds=400)
    assert r.settled and r.long_run == eqs[side].share
    assert r.final[1] == pytest.approx(eqs[side].share, abs=1e-9)
    steps = np.diff(r.path[1])
    assert np.all(steps <= 0) if side == 0 else np.all(steps >= 0)   # no overshooting


@pytest.mark.parametrize("d, beta, c, tau", list(itertools.product(
    (-1.0, -0.3, 0.0, 0.4, 1.0), (0.0, 1.0, 2.5, 5.0), (0.0, 0.5, 2.0), (0.1, 0.6, 2.0))))
def test_every_crossing_is_found_and_classified(d, beta, c, tau):
    eqs = [e for e in equilibria(d, beta, c, tau) if e.touch == 0]
    brute = _brute_roots(d, beta, c, tau)
    assert len(eqs) == len(brute)
    for e, (left, right, above) in zip(eqs, brute, strict=True):
        assert left - 1e-12 <= e.share <= right + 1e-12
        assert e.stable == above and (e.slope < 1) == e.stable
        assert abs(_pbar(e.share, d, beta, c, tau) - e.share) < 1e-14


def test_higher_fit_never_lowers_the_entrant_s_share():
    for beta, c, tau, x0 in itertools.product((0.0, 2.0, 5.0), (0.0, 1.0), (0.2, 1.0),
                                              (0.05, 0.7)):
        runs = [platform_shares(d, beta, c, tau, x0) for d in np.linspace(-1, 1, 9)]
        finals = [r.final[1] for r in runs]
        ends = [r.long_run for r in runs]
        assert all(b >= a for a, b in itertools.pairwise(finals)), (beta, c, tau, x0)
        assert all(b >= a for a, b in itertools.pairwise(ends)), (beta, c, tau, x0)


def test_critical_fit_by_hand():
    # no network effect: the entrant's long-run share passes 1/2 exactly at d = 0 (any c, x0);
    # starting level (x0 = 1/2): d = 0 is the balance point by symmetry
    for args in [(0.0, 1.2, 0.7, 0.05), (0.0, 0.0, 2.0, 0.9), (4.0, 0.3, 0.5, 0.5)]:
        fit, status = critical_fit(*args)
        assert status == "found" and fit == pytest.approx(0.0, abs=1e-12)
    # c = 0, from x0 below x*: the entrant must push g = sigma((d + beta(2x - 1))/tau) - x above 0
    # on all of [x0, 1/2]: d* = max of tau logit(x) + beta (1 - 2x), at x(1 - x) = tau / (2 beta)
    xs = (1 - math.sqrt(1 - 2 * 0.5 / 2.0)) / 2
    fit, status = critical_fit(2.0, 0.0, 0.5, 0.01)
    assert status == "found"
    assert fit == pytest.approx(0.5 * math.log(xs / (1 - xs)) + 2.0 * (1 - 2 * xs), abs=1e-11)
    # from x0 = 0.3 > x* the maximum is at x0: d* = 0.5 ln(3/7) + 2 * 0.4
    assert critical_fit(2.0, 0.0, 0.5, 0.3)[0] == pytest.approx(
        0.5 * math.log(3 / 7) + 0.8, abs=1e-11)
    # beta = 4, tau = 0.5: that maximum is about 2.15 > 1: a late entrant cannot win at all
    assert critical_fit(4.0, 0.0, 0.5, 0.0) == (pytest.approx(math.nan, nan_ok=True), "never")
    # an incumbent entrant (x0 = 1) with a strong effect keeps the market even at d = -1
    assert critical_fit(5.0, 0.0, 0.1, 1.0)[1] == "always"


def test_a_late_entrant_wins_a_niche_or_needs_a_big_fit_advantage():
    r = platform_shares(0.4, 2.0, 0.0, 0.5, 0.01, rounds=300)   # below d* = 0.533
    low, tip, _high = r.equilibria
    assert r.critical_fit > 0.4 and (low.kind, tip.kind) == ("stable", "tipping")
    # a slow, steady climb to an interior niche below the tipping point
    assert np.all(np.diff(r.path[1]) > 0) and r.settled
    assert 0.01 < r.final[1] < tip.share < 0.5 and r.long_run == low.share
    wins = platform_shares(0.6, 2.0, 0.0, 0.5, 0.01, rounds=300)   # above d*: tips the market
    assert len(wins.equilibria) == 1 and wins.final[1] > 0.95 and wins.settled
    at = equilibria(r.critical_fit, 2.0, 0.0, 0.5)   # at d*: g touches 0 at x*
    assert at[0].kind == "touch" and at[0].touch == 1
    assert at[0].share == pytest.approx((1 - math.sqrt(0.5)) / 2, abs=1e-6)


def test_three_platforms_sum_to_one_and_match_logit_shares():
    for d, beta, c, tau, x0, fs in itertools.product((-1.0, 0.5), (0.0, 3.0), (0.0, 1.5),
                                                     (0.1, 1.0), (0.0, 0.6), (-1.0, 0.8)):
        r = platform_shares(d, beta, c, tau, x0, rounds=120, social=True, f_s=fs)
        assert r.path.shape == (3, 121) and r.platforms == ("local", "global", "social")
        assert np.all(np.abs(r.path.sum(axis=0) - 1.0) <= 1e-12)
        assert np.all((r.path >= 0) & (r.path <= 1))
        assert r.path[2, 0] == 0.0 and r.path[1, 0] == x0
        assert r.equilibria == () and math.isnan(r.long_run) and math.isnan(r.critical_fit)
        assert r.critical_status == "not computed" and r.x.size == 0
    # no network effect, no switching cost: logit shares of the fits (0, d, f_s) / tau
    r = platform_shares(0.2, 0.0, 0.0, 0.5, 0.3, rounds=400, social=True, f_s=0.4)
    w = np.exp(np.array([0.0, 0.2, 0.4]) / 0.5)
    assert r.settled and np.allclose(r.final, w / w.sum(), atol=1e-12, rtol=0)


def test_result_shape():
    r = platform_shares(0.1, 1.0, 0.5, 0.5, 0.2)
    assert isinstance(r, PlatformResult) and r.platforms == ("local", "global")
    assert r.path.shape == (2, 81) and r.rounds == 80 and r.mu == 0.2 and not r.social
    assert np.allclose(r.path.sum(axis=0), 1.0, atol=1e-15, rtol=0)
    assert r.x.shape == r.choice.shape == r.gap.shape == (CURVE_POINTS,)
    assert np.allclose(r.choice, [_pbar(x, 0.1, 1.0, 0.5, 0.5) for x in r.x], atol=1e-15)
    assert np.array_equal(r.gap, r.choice - r.x) or np.allclose(r.gap, r.choice - r.x, atol=1e-16)
    assert r.final.tolist() == r.path[:, -1].tolist()
    assert all(isinstance(e, Equilibrium) for e in r.equilibria)
    assert platform_shares(0.1, 1.0, 0.5, 0.5, 0.2, rounds=3.0, mu=1).path.shape == (2, 4)
    assert platform_shares(-0.0, 0, 0, 2, 1).d == 0.0


@pytest.mark.parametrize("args, kwargs, message", [
    ((1.5, 1, 0, 0.5, 0.3), {}, "d (entrant's fit advantage) must be a number between -1 and 1"
                                ", got 1.5"),
    ((0, -1, 0, 0.5, 0.3), {}, "beta (strength of the network effect) must be a number between"
                               " 0 and 5, got -1.0"),
    ((0, 1, 2.5, 0.5, 0.3), {}, "c (switching cost) must be a number between 0 and 2, got 2.5"),
    ((0, 1, 0, 0.05, 0.3), {}, "tau (taste dispersion) must be a number between 0.1 and 2, got"
                               " 0.05"),
    ((0, 1, 0, 0.5, math.nan), {}, "x0 (entrant's starting share) must be a number between 0"
                                   " and 1, got nan"),
    ((0, 1, 0, 0.5, "0.3"), {}, "x0 (entrant's starting share) must be a number between 0 and 1"),
    ((True, 1, 0, 0.5, 0.3), {}, "d (entrant's fit advantage) must be a number between -1 and 1"),
    ((0, 1, 0, 0.5, 0.3), {"rounds": 0}, "rounds must be a whole number from 1 to 10000"),
    ((0, 1, 0, 0.5, 0.3), {"rounds": 2.5}, "rounds must be a whole number from 1 to 10000"),
    ((0, 1, 0, 0.5, 0.3), {"social": 1}, "social (add a general social network) must be true"
                                         " or false"),
    ((0, 1, 0, 0.5, 0.3), {"f_s": -2}, "f_s (fit of the social network) must be a number between"
                                       " -1 and 1, got -2.0"),
    ((0, 1, 0, 0.5, 0.3), {"mu": 0}, "mu (share who reconsider each round) must be a number above"
                                     " 0 and at most 1, got 0.0"),
])
def test_bad_inputs_are_refused_with_a_clear_message(args, kwargs, message):
    with pytest.raises(ValueError) as info:
        platform_shares(*args, **kwargs)
    assert str(info.value) == message


def test_bad_helper_inputs():
    with pytest.raises(ValueError, match="tau"):
        equilibria(0, 1, 0, 3)
    with pytest.raises(ValueError, match="mu"):
        equilibria(0, 1, 0, 1, mu=1.5)
    with pytest.raises(ValueError, match="x0"):
        critical_fit(1, 0, 1, -0.1)
