"""The threshold model (meishi.models.threshold), against cases solved by hand."""

from __future__ import annotations

import numpy as np
import pytest

from meishi.models.threshold import adoption_path, equilibria, threshold_cdf, threshold_model


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
