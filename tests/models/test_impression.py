"""The explicit-or-implied model (meishi.models.impression): by hand, limits, invariants."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from meishi.models.impression import (
    ALPHA,
    COST,
    best_explicitness,
    crossover_norm,
    impression,
    impression_curve,
)

GRID = np.linspace(0.0, 1.0, 11)


def test_interior_optimum_by_hand():
    # m = 0.5, s = 0.8, q = 0.3: gain = 0.5 * 0.7 = 0.35, penalty = 0.5 * 0.5 = 0.25
    # e* = (0.35 / 0.25 + 0.1) / 2 = (1.4 + 0.1) / 2 = 0.75
    r = impression(0.5, 0.8, 0.3)
    assert (r.optimum, r.flat) == ("interior", False)
    assert r.e_star == pytest.approx(0.75)
    # C* = 0.8 (0.3 + 0.7 * 0.75) = 0.66;  L* = 1 - 0.4 (0.5625 + 0.1 * 0.25) = 0.765
    # I* = (0.66 + 0.765) / 2 = 0.7125
    assert r.competence_star == pytest.approx(0.66)
    assert r.likeability_star == pytest.approx(0.765)
    assert r.impression_star == pytest.approx(0.7125)
    # I(1) = 0.5 * 0.8 + 0.5 (1 - 0.4) = 0.7;  I(0) = 0.5 * 0.24 + 0.5 (1 - 0.04) = 0.6
    assert r.impression_explicit == pytest.approx(0.7)
    assert r.impression_implied == pytest.approx(0.6)
    assert r.competence_implied == pytest.approx(0.24) and r.competence_explicit == 0.8
    assert r.winner == "explicit" and r.margin == pytest.approx(0.1)
    # m* = 0.35 / (0.5 * 0.9) = 7/9;  sd(0) = 0.8 sqrt(0.21), sd(e*) a quarter of it
    assert r.crossover_norm == pytest.approx(7 / 9) and r.crossover_in_range
    assert r.sd_implied == pytest.approx(0.8 * math.sqrt(0.21))
    assert r.sd_star == pytest.approx(0.25 * 0.8 * math.sqrt(0.21))
    assert (r.alpha, r.c) == (ALPHA, COST) == (0.5, 0.1)


def test_strict_norm_makes_the_implied_cue_win_by_hand():
    # m = 1, s = 1, q = 0.5: e* = (0.25 / 0.5 + 0.1) / 2 = 0.3
    # I(1) = 0.5 + 0.5 * 0 = 0.5;  I(0) = 0.25 + 0.5 * 0.9 = 0.7: implied wins
    # I(e*) = 0.5 * 0.65 + 0.5 (1 - (0.09 + 0.07)) = 0.325 + 0.42 = 0.745;  m* = 0.25 / 0.45 = 5/9
    r = impression(1.0, 1.0, 0.5)
    assert r.e_star == pytest.approx(0.3)
    assert r.impression_explicit == pytest.approx(0.5)
    assert r.impression_implied == pytest.approx(0.7)
    assert r.impression_star == pytest.approx(0.745)
    assert r.winner == "implied" and r.crossover_norm == pytest.approx(5 / 9)


def test_weak_norm_reaches_the_explicit_corner():
    # m = 0.2, s = 1, q = 0: gain 0.5 >= penalty 0.1 * (2 - 0.1) = 0.19, so e* = 1
    r = impression(0.2, 1.0, 0.0)
    assert (r.e_star, r.optimum) == (1.0, "corner")
    assert r.sd_star == 0.0 and r.impression_star == r.impression_explicit


def test_a_fully_informative_cue_leaves_only_the_likeability_cost():
    # q = 1: no competence gain from saying more; min of e^2 + c (1 - e) at e = c / 2 = 0.05
    r = impression(0.5, 1.0, 1.0)
    assert r.e_star == pytest.approx(0.05) and r.optimum == "interior"
    assert r.crossover_norm == 0.0 and r.crossover_in_range
    assert r.winner == "implied" and r.sd_implied == 0.0


@pytest.mark.parametrize("s, q", [(0.5, 0.4), (1.0, 0.0), (0.1, 0.9), (1.0, 0.99)])
def test_no_norm_explicit_always_wins(s, q):
    r = impression(0.0, s, q)
    assert (r.e_star, r.optimum, r.winner) == (1.0, "no_norm", "explicit")
    # I(1) - I(0) = alpha s (1 - q) > 0
    assert r.margin == pytest.approx(ALPHA * s * (1 - q))


def test_no_norm_and_a_perfect_cue_is_flat():
    r = impression(0.0, 0.7, 1.0)
    assert r.flat and r.e_star == 1.0 and r.winner == "tie"
    curve = impression_curve(0.0, 0.7, 1.0)
    assert np.ptp(curve.impression) == pytest.approx(0.0, abs=1e-15)


@pytest.mark.parametrize("m, q", [(0.0, 0.0), (0.7, 0.3), (1.0, 1.0)])
def test_nothing_to_show_is_flat(m, q):
    r = impression(m, 0.0, q)
    assert (r.e_star, r.optimum, r.flat, r.winner) == (0.0, "flat", True, "tie")
    assert r.impression_explicit == r.impression_implied == r.impression_star == 0.5


@pytest.mark.parametrize("m", GRID)
@pytest.mark.parametrize("s", [0.1, 0.5, 1.0])
def test_uninformative_cue_never_helps(m, s):
    # q = 0: implied competence is 0, and I(0) <= I(1) for m <= alpha / ((1 - alpha)(1 - c)) = 1.11
    r = impression(m, s, 0.0)
    assert r.competence_implied == 0.0 and r.sd_implied == 0.0
    assert m <= ALPHA / ((1 - ALPHA) * (1 - COST))
    assert r.impression_implied <= r.impression_explicit
    assert r.crossover_norm == pytest.approx(1 / 0.9) and not r.crossover_in_range


@pytest.mark.parametrize("q", [0.1, 0.25, 0.55, 0.9, 1.0])
@pytest.mark.parametrize("s", [0.2, 1.0])
def test_the_channels_tie_at_the_crossover_norm(q, s):
    m_star = crossover_norm(q)
    assert 0 <= m_star <= 1
    r = impression(m_star, s, q)
    assert r.winner == "tie" and abs(r.impression_implied - r.impression_explicit) <= 1e-12
    # just below m*: explicit wins; just above: implied wins
    if m_star >= 0.01:
        assert impression(m_star - 0.01, s, q).winner == "explicit"
    if m_star <= 0.99:
        assert impression(m_star + 0.01, s, q).winner == "implied"


def test_crossover_outside_the_range():
    # q = 0.05: m* = 0.5 * 0.95 / 0.45 = 1.0556 > 1, explicit wins for every norm
    assert crossover_norm(0.05) == pytest.approx(0.95 / 0.9)
    assert all(impression(m, 0.6, 0.05).winner == "explicit" for m in GRID)


@pytest.mark.parametrize("s", [0.3, 1.0])
def test_best_explicitness_falls_as_the_norm_and_the_cue_rise(s):
    for q in GRID:
        e = [best_explicitness(m, s, q)[0] for m in GRID]
        assert all(a >= b for a, b in itertools.pairwise(e)), (q, e)
    for m in GRID[1:]:
        e = [best_explicitness(m, s, q)[0] for q in GRID]
        assert all(a >= b for a, b in itertools.pairwise(e)), (m, e)
        assert min(e) >= COST / 2 - 1e-15  # a little self-mention always beats pure implication


@pytest.mark.parametrize("m", GRID[::2])
@pytest.mark.parametrize("s", GRID[::2])
@pytest.mark.parametrize("q", GRID[::2])
def test_everything_stays_in_the_unit_interval_and_e_star_is_the_best(m, s, q):
    curve = impression_curve(m, s, q, 201)
    for values in (curve.competence, curve.likeability, curve.impression):
        assert np.all((values >= 0) & (values <= 1))
    assert np.all(curve.sd >= 0) and curve.sd[-1] == 0
    np.testing.assert_allclose(curve.impression,
                               ALPHA * curve.competence + (1 - ALPHA) * curve.likeability)
    r = impression(m, s, q)
    assert r.impression_star >= curve.impression.max() - 1e-12
    assert curve.impression[0] == r.impression_implied
    assert curve.impression[-1] == r.impression_explicit
    for v in (r.competence_star, r.likeability_star, r.impression_star, r.e_star):
        assert 0 <= v <= 1


def test_curve_shape_and_grid():
    c = impression_curve(0.5, 0.8, 0.3)
    assert len(c.e) == 101 and c.e[0] == 0 and c.e[-1] == 1
    assert c.impression[75] == pytest.approx(0.7125)  # e = 0.75, the optimum
    assert len(impression_curve(0.5, 0.8, 0.3, 2).e) == 2


@pytest.mark.parametrize("args, message", [
    ((1.5, 0.5, 0.5), "m (modesty norm) must be a number between 0 and 1, got 1.5"),
    ((0.5, -0.1, 0.5), "s (claim size) must be a number between 0 and 1, got -0.1"),
    ((0.5, 0.5, float("nan")), "q (cue informativeness) must be a number between 0 and 1, got nan"),
    ((float("inf"), 0.5, 0.5), "m (modesty norm) must be a number between 0 and 1, got inf"),
    (("0.5", 0.5, 0.5), "m (modesty norm) must be a number between 0 and 1"),
    ((0.5, None, 0.5), "s (claim size) must be a number between 0 and 1"),
    ((0.5, 0.5, True), "q (cue informativeness) must be a number between 0 and 1"),
])
def test_impossible_parameters_are_refused_by_name(args, message):
    for fn in (impression, impression_curve, best_explicitness):
        with pytest.raises(ValueError) as info:
            fn(*args)
        assert str(info.value) == message


@pytest.mark.parametrize("n", [1, 0, 2.5, 10_002, True, float("nan")])
def test_curve_refuses_bad_grid_sizes(n):
    with pytest.raises(ValueError, match="n must be a whole number from 2 to 10001"):
        impression_curve(0.5, 0.5, 0.5, n)
