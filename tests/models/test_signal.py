"""The Bayes signal model (meishi.models.signal), against hand-computed values and invariants."""

from __future__ import annotations

import numpy as np
import pytest

from meishi.models.signal import posterior, posterior_curve, signal


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
