"""Stay or look outside (meishi.models.commitment): by hand, by simulation, and invariants.

"By hand" means the numbers in the comments were worked out from the
formulas in the module notes for small cases; ``_moments_direct`` below
writes the expected payoff and E[payoff^2] out again the textbook way (sum
over the number of kept offers, Beta(m, 1) moments), independently of the
module's variance decomposition, and a seeded Monte Carlo checks both.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from meishi.models.commitment import (
    CommitmentResult,
    Equilibrium,
    OutsideResult,
    commitment,
    equilibria,
    outside_payoff,
)


def _moments_direct(p, w, n, k, x=0.0, v0=0.5):
    """(E[Y], E[Y^2]) from E[U] = m/(m+1), E[U^2] = m/(m+2) for U = max of m uniforms."""
    r = 1 - p * k
    q = p * (1 - k) / r if r > 0 else 0.0
    s = r * (1 - x)
    ey = ey2 = 0.0
    for m in range(1, n + 1):
        pm = math.comb(n, m) * s**m * (1 - s) ** (n - m)
        lo = v0 - w
        ev = lo + 2 * w * m / (m + 1)
        ev2 = lo * lo + 2 * lo * 2 * w * m / (m + 1) + 4 * w * w * m / (m + 2)
        ey += pm * (1 - q) * ev
        ey2 += pm * (1 - q) * ev2
    return ey, ey2


def test_no_cheaters_full_market_by_hand():
    # p = 0, x = 0: all n = 3 offers are kept; E = v0 + w (n - 1)/(n + 1) = 0.5 + 0.2 * 2/4 = 0.6
    # sd = 2w sqrt(Var U) with Var U = 3 / (16 * 5): 0.4 sqrt(0.0375)
    r = outside_payoff(0.0, 0.2, 3, 0.7)
    assert isinstance(r, OutsideResult)
    assert r.expected == pytest.approx(0.6, abs=1e-15)
    assert r.sd == pytest.approx(0.4 * math.sqrt(0.0375), abs=1e-15)
    assert (r.p_cheated, r.p_no_deal, r.expected_offers, r.expected_kept) == (0.0, 0.0, 3.0, 3.0)


@pytest.mark.parametrize("n", range(1, 21))
def test_without_cheaters_looking_outside_weakly_wins(n):
    for w in (0.0, 0.1, 0.5):
        r = outside_payoff(0.0, w, n, 0.0)
        assert r.expected >= 0.5 - 1e-15
        if w == 0 or n == 1:   # one offer, or all offers alike: exactly the partner's deal
            assert r.expected == pytest.approx(0.5, abs=1e-15)
            assert commitment(0.0, w, n, 0.0, 0.5).better == "tie"
        else:
            assert commitment(0.0, w, n, 0.0, 0.5).better == "outside"


def test_perfect_screening_removes_cheating_by_hand():
    # k = 1, p = 0.5, n = 2, w = 0.3: r = 0.5, m ~ binomial(2, 0.5): P = 1/4, 1/2, 1/4
    # E = 1/2 * 0.5 + 1/4 * (0.5 + 0.3/3) = 0.25 + 0.15 = 0.4;  no deal 1/4
    r = outside_payoff(0.5, 0.3, 2, 1.0)
    assert r.expected == pytest.approx(0.4, abs=1e-15)
    assert r.p_no_deal == pytest.approx(0.25, abs=1e-15)
    assert r.p_cheated == 0.0 and r.expected_kept == 1.0
    for p, n, w in itertools.product((0.1, 0.9, 1.0), (1, 5, 20), (0.0, 0.5)):
        assert outside_payoff(p, w, n, 1.0).p_cheated == 0.0


@pytest.mark.parametrize("p, w, k", [(0.3, 0.2, 0.0), (0.8, 0.5, 0.0), (0.3, 0.4, 0.6)])
def test_one_offer_pays_one_minus_p_times_v0(p, w, k):
    # one uniform has mean v0; honest with probability r (1 - q) = 1 - p, whatever k
    # E[Y^2] = (1 - p)(v0^2 + w^2 / 3)
    r = outside_payoff(p, w, 1, k)
    assert r.expected == pytest.approx((1 - p) * 0.5, abs=1e-15)
    var = (1 - p) * (0.25 + w * w / 3) - ((1 - p) * 0.5) ** 2
    assert r.sd == pytest.approx(math.sqrt(var), abs=1e-15)


def test_all_cheaters_and_no_screening_pays_nothing():
    r = outside_payoff(1.0, 0.3, 7, 0.0)
    assert (r.expected, r.sd, r.p_cheated, r.p_no_deal) == (0.0, 0.0, 1.0, 0.0)
    r = outside_payoff(1.0, 0.3, 7, 1.0)   # every cheater spotted: no offer left
    assert (r.expected, r.sd, r.p_cheated, r.p_no_deal, r.expected_kept) == (0, 0, 0, 1, 0)


def test_closed_form_matches_the_textbook_sum():
    for p, w, n, k, x in itertools.product((0.0, 0.3, 0.9), (0.0, 0.25, 0.5), (1, 4, 20),
                                           (0.0, 0.5, 1.0), (0.0, 0.6)):
        r = outside_payoff(p, w, n, k, x)
        ey, ey2 = _moments_direct(p, w, n, k, x)
        assert r.expected == pytest.approx(ey, abs=1e-14)
        assert r.sd == pytest.approx(math.sqrt(max(ey2 - ey * ey, 0.0)), abs=1e-7)


@pytest.mark.parametrize("p, w, n, k, x", [(0.3, 0.25, 5, 0.6, 0.2), (0.6, 0.5, 12, 0.3, 0.0),
                                           (0.2, 0.1, 2, 0.0, 0.7)])
def test_closed_form_matches_a_seeded_monte_carlo(p, w, n, k, x):
    draws, v0 = 200_000, 0.5
    rng = np.random.default_rng(2015)
    present = rng.random((draws, n)) < 1 - x
    cheater = rng.random((draws, n)) < p
    spotted = cheater & (rng.random((draws, n)) < k)
    value = rng.uniform(v0 - w, v0 + w, (draws, n))
    kept = present & ~spotted
    best = np.argmax(np.where(kept, value, -np.inf), axis=1)
    rows = np.arange(draws)
    deal = kept.any(axis=1)
    cheated = deal & cheater[rows, best]
    payoff = np.where(deal & ~cheated, value[rows, best], 0.0)
    r = outside_payoff(p, w, n, k, x, v0)

    def within(sample, expected):
        # 3 standard errors; at least one draw's worth, for events too rare to be seen
        se = max(sample.std() / math.sqrt(draws), 1 / draws)
        assert abs(sample.mean() - expected) <= 3 * se, (sample.mean(), expected)

    within(payoff, r.expected)
    within(payoff**2, r.sd**2 + r.expected**2)
    within(cheated.astype(float), r.p_cheated)
    within((~deal).astype(float), r.p_no_deal)


def test_payoff_rises_with_the_spread_and_screening_and_falls_with_cheats_and_commitment():
    ws, ks = np.linspace(0, 0.5, 11), np.linspace(0, 1, 11)
    for p, n in itertools.product((0.0, 0.3, 0.7), (1, 2, 10)):
        by_w = [outside_payoff(p, float(w), n, 0.5).expected for w in ws]
        by_k = [outside_payoff(p, 0.3, n, float(k)).expected for k in ks]
        assert all(b >= a - 1e-15 for a, b in itertools.pairwise(by_w))
        assert all(b >= a - 1e-15 for a, b in itertools.pairwise(by_k))
        if n >= 2:
            assert by_w[-1] > by_w[0]
            if p > 0:
                assert by_k[-1] > by_k[0]
        curve = commitment(p, 0.3, n, 0.5, 0.5).outside_curve
        assert np.all(np.diff(curve) <= 1e-15) and curve[-1] == 0.0
    by_p = [outside_payoff(float(p), 0.3, 5, 0.5).expected for p in ks]
    assert all(b < a for a, b in itertools.pairwise(by_p))


def test_tipping_point_solved_by_hand():
    # p = 0, n = 2, w = 0.375, v0 = 0.5; a = 1 - x contacts in the market:
    # one offer pays 0.5, two pay 0.5 + 0.375/3 = 0.625: pi_out = 2a(1 - a) 0.5 + 0.625 a^2
    # v0 - pi_out = 0.5 - a + 0.375 a^2 = 0  <=>  a = (1 -/+ 0.5) / 0.75 = 2/3 (or 2)
    # a = 2/3: tipping point x* = 1/3; x = 0 stable (0.625 > 0.5), x = 1 stable (empty market)
    eqs = equilibria(0.0, 0.375, 2, 0.4)
    assert [(e.kind, e.stable) for e in eqs] == [("open", True), ("tipping", False),
                                                ("committed", True)]
    assert eqs[1].share == pytest.approx(1 / 3, abs=1e-12)
    x = 0.25
    a = 1 - x
    assert commitment(0.0, 0.375, 2, 0.4, 0.0).outside_curve[25] == pytest.approx(
        2 * a * (1 - a) * 0.5 + a * a * 0.625, abs=1e-15)
    below = commitment(0.0, 0.375, 2, 0.4, 0.3, rounds=400)
    above = commitment(0.0, 0.375, 2, 0.4, 0.36, rounds=400)
    assert below.path[-1] < 1e-9 and above.path[-1] > 1 - 1e-9
    assert np.all(np.diff(below.path) <= 0) and np.all(np.diff(above.path) >= 0)


def test_an_outsider_without_an_edge_always_ends_committed():
    # w = 0, p > 0: outside never beats v0, so only the committed end is stable
    r = commitment(0.3, 0.0, 10, 0.5, 0.02, rounds=200)
    assert r.better == "stay" and r.margin < 0
    assert [(e.share, e.stable) for e in r.equilibria] == [(0.0, False), (1.0, True)]
    assert r.path[-1] > 1 - 1e-9


def test_wider_spread_and_better_screening_favour_the_open_society():
    def tipping(w, k):
        (eq,) = [e for e in equilibria(0.3, w, 10, k) if e.kind == "tipping"]
        return eq.share

    # p = 0.3, n = 10: with k = 0, w = 0.2 looking outside does not pay; with k = 1 it does
    assert commitment(0.3, 0.2, 10, 0.0, 0.5).better == "stay"
    assert commitment(0.3, 0.2, 10, 1.0, 0.5).better == "outside"
    assert tipping(0.3, 0.0) < tipping(0.4, 0.0) < tipping(0.5, 0.0)
    assert tipping(0.3, 0.0) < tipping(0.3, 0.5) < tipping(0.3, 1.0)
    # from an even split, a good screener's society opens up; a poor screener's stays put
    assert commitment(0.3, 0.3, 10, 1.0, 0.5).path[-1] < 1e-6
    assert commitment(0.3, 0.3, 10, 0.0, 0.5).path[-1] > 1 - 1e-6


def test_commitment_result_shape():
    r = commitment(0.3, 0.2, 10, 0.5, 0.5, rounds=25)
    assert isinstance(r, CommitmentResult) and isinstance(r.equilibria[0], Equilibrium)
    assert (r.stay, r.stay_sd, r.x0, r.v0) == (0.5, 0.0, 0.5, 0.5)
    assert r.outside == outside_payoff(0.3, 0.2, 10, 0.5)
    assert r.margin == r.outside.expected - 0.5
    assert r.path.shape == (26,) and r.path[0] == 0.5 and np.all((r.path >= 0) & (r.path <= 1))
    assert r.x.shape == r.outside_curve.shape == (101,) and r.x[50] == 0.5
    assert r.outside_curve[0] == r.outside.expected
    assert [e.share for e in r.equilibria] == sorted(e.share for e in r.equilibria)
    for x0 in (0.0, 1.0):   # nobody to copy: the ends never move
        assert np.all(commitment(0.3, 0.2, 10, 0.5, x0).path == x0)
    again = commitment(0.3, 0.2, 10, 0.5, 0.5, rounds=25)
    assert np.array_equal(again.path, r.path) and again.equilibria == r.equilibria


@pytest.mark.parametrize("args, message", [
    ((1.5, 0.2, 5, 0.5), "p (share of cheaters) must be a number between 0 and 1, got 1.5"),
    ((0.5, 0.6, 5, 0.5), "w (spread of offers) must be a number between 0 and 0.5, got 0.6"),
    ((0.5, 0.2, 0, 0.5), "n (offers from strangers) must be a whole number from 1 to 20"),
    ((0.5, 0.2, 2.5, 0.5), "n (offers from strangers) must be a whole number from 1 to 20"),
    ((0.5, 0.2, 21, 0.5), "n (offers from strangers) must be a whole number from 1 to 20"),
    ((0.5, 0.2, 5, -0.1), "k (screening skill) must be a number between 0 and 1, got -0.1"),
    ((0.5, 0.2, 5, 0.5, 1.2), "x (committed share) must be a number between 0 and 1, got 1.2"),
    ((0.5, 0.2, 5, 0.5, 0, 0), "v0 (value of a partner's deal) must be a number above 0 and "
                               "at most 1, got 0.0"),
    ((0.5, 0.4, 5, 0.5, 0, 0.3), "w (spread of offers) must be at most v0 (no offer is worth "
                                 "less than 0)"),
    (("0.5", 0.2, 5, 0.5), "p (share of cheaters) must be a number between 0 and 1"),
    ((True, 0.2, 5, 0.5), "p (share of cheaters) must be a number between 0 and 1"),
    ((math.nan, 0.2, 5, 0.5), "p (share of cheaters) must be a number between 0 and 1, got nan"),
])
def test_bad_inputs_are_refused_with_a_clear_message(args, message):
    with pytest.raises(ValueError) as info:
        outside_payoff(*args)
    assert str(info.value) == message


def test_bad_dynamics_inputs():
    with pytest.raises(ValueError, match=r"x0 \(starting committed share\)"):
        commitment(0.5, 0.2, 5, 0.5, -0.5)
    for rounds in (0, 10_001, 3.5):
        with pytest.raises(ValueError, match="rounds must be a whole number from 1 to 10000"):
            commitment(0.5, 0.2, 5, 0.5, 0.5, rounds)
