"""The look-up model (meishi.models.lookup), against hand-computed values and invariants."""

from __future__ import annotations

import numpy as np
import pytest

from meishi.models.lookup import MAX_CARDS, binomial_pmf, binomial_quantile, expected_finds


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
    assert all(lo <= e <= hi for lo, e, hi in zip(r.low, r.expected, r.high, strict=True))


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
