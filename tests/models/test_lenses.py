"""The lens model: ranks with ties, Spearman's rho, the fixed-seed permutation test."""

from __future__ import annotations

import itertools
import math

import pytest

from meishi.models.lenses import (
    lens_test,
    mulberry32,
    rank_agreement,
    ranks,
    shuffle_share,
    spearman,
)


def test_ranks_share_ties():
    assert ranks([3, 1, 3, 2]) == [3.5, 1.0, 3.5, 2.0]
    assert ranks([5.0]) == [1.0]


def test_spearman_hand_computed_and_limits():
    assert spearman([1, 2, 3], [10, 20, 30]) == 1.0
    assert spearman([1, 2, 3], [30, 20, 10]) == -1.0
    # d = (0, -2, 1, 1): rho = 1 - 6*6/(4*15) = 0.4
    assert spearman([1, 2, 3, 4], [1, 4, 2, 3]) == pytest.approx(0.4, abs=1e-15)
    assert math.isnan(spearman([1, 1, 1], [1, 2, 3]))  # no spread


def test_generator_is_mulberry32_and_stays_in_unit_interval():
    draw = mulberry32(1)
    first = [draw() for _ in range(3)]
    assert first == [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]
    draw = mulberry32(7)
    assert all(0 <= draw() < 1 for _ in range(10_000))


def test_shuffle_share_approaches_the_exact_permutation_probability():
    x, y = [1, 2, 3, 4, 5], [2, 1, 4, 3, 5]
    observed = abs(spearman(x, y))
    perms = list(itertools.permutations(y))
    exact = sum(abs(spearman(x, list(p))) >= observed - 1e-12 for p in perms) / len(perms)
    assert shuffle_share(x, y, shuffles=20_000) == pytest.approx(exact, abs=0.01)
    assert shuffle_share(x, y) == shuffle_share(x, y)  # fixed seed: same answer every time


def test_lens_test_invariants_and_refusals():
    r = lens_test(["a", "b", "c", "d"], [1, 2, 3, 4], [4, 3, 2, 1])
    assert r.rho == -1.0 and 0 < r.chance <= 1 and r.n == 4
    assert "fewer" in r.words and "strong" in r.words
    assert math.isnan(lens_test(["a"], [1], [2]).rho)
    with pytest.raises(ValueError, match="finite"):
        lens_test(["a", "b"], [1, math.nan], [1, 2])
    with pytest.raises(ValueError, match="same length"):
        lens_test(["a"], [1, 2], [1, 2])
    assert rank_agreement(0.1) == "no clear agreement"


def test_weighted_score_is_the_weighted_sum_of_directed_doubled_ranks():
    from meishi.models.lenses import weighted_score, weighted_test

    values = [[3, 1, 2], [10, 30, 20]]
    # doubled ranks: [6, 2, 4] and [2, 6, 4]; directions -1 and +1; weights 1 and 2
    assert weighted_score(values, [-1, 1], [1, 2]) == [-2.0, 10.0, 4.0]
    assert weighted_score(values, [1, 1], [0, 0]) == [0.0, 0.0, 0.0]
    r = weighted_test(["a", "b", "c"], values, [-1, 1], [1, 2], [1.0, 3.0, 2.0])
    assert r.test.rho == 1.0 and r.score == (-2.0, 10.0, 4.0)
    with pytest.raises(ValueError, match="0 or more"):
        weighted_score(values, [1, 1], [1, -1])
    with pytest.raises(ValueError, match="one sign and one weight"):
        weighted_score(values, [1], [1, 1])
