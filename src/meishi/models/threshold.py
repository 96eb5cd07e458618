"""Norm adoption with thresholds (Granovetter 1978; Schelling 1978).

Each worker publishes a profile once the share of colleagues who already
have one reaches the worker's personal threshold.  If ``F`` is the share of
workers whose threshold is at most ``x`` (the cumulative distribution of
thresholds), then from a share ``x_t`` today the share tomorrow is

    x_{t+1} = F(x_t).

Equilibria are the shares where the curve ``F`` meets the 45-degree line.
One is stable if ``F`` crosses the line from above (slope below 1 there):
small pushes die out.  Where it crosses from below it is unstable, a tipping
point: start just above it and the share climbs to the next stable
equilibrium, just below and it falls back.

The course's threshold distribution: a share ``early`` of workers publish
whatever others do (threshold 0); the others' thresholds are normal with
mean ``mean`` and spread ``spread``, cut to [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import erf, sqrt

import numpy as np

__all__ = ["Equilibrium", "ThresholdResult", "adoption_path", "equilibria", "threshold_cdf",
           "threshold_model"]

CDF = Callable[[np.ndarray], np.ndarray]


def _phi(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.vectorize(erf)(z / sqrt(2.0)))


def threshold_cdf(mean: float, spread: float, early: float = 0.0) -> CDF:
    """F(x): share of workers with a threshold at or below x."""
    for name, value in (("mean", mean), ("early", early)):
        if not np.isfinite(value) or not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be between 0 and 1")
    if not np.isfinite(spread) or not 0.0 < spread <= 1.0:
        raise ValueError("spread must be above 0 and at most 1")
    lo, hi = _phi(np.array((0.0 - mean) / spread)), _phi(np.array((1.0 - mean) / spread))

    def F(x):
        x = np.clip(np.asarray(x, dtype=float), 0.0, 1.0)
        inner = (_phi((x - mean) / spread) - lo) / (hi - lo)   # normal cut to [0, 1]
        return early + (1.0 - early) * np.clip(inner, 0.0, 1.0)

    return F


@dataclass(frozen=True)
class Equilibrium:
    share: float
    stable: bool


def equilibria(F: CDF, grid: int = 2001, tol: float = 1e-10) -> list[Equilibrium]:
    """Shares x in [0, 1] with F(x) = x, each marked stable or unstable."""
    x = np.linspace(0.0, 1.0, grid)
    g = np.asarray(F(x), dtype=float) - x
    found: list[float] = []
    for i in range(grid - 1):
        a, b = x[i], x[i + 1]
        ga, gb = g[i], g[i + 1]
        if abs(ga) <= tol:
            found.append(a)
        elif ga * gb < 0:
            for _ in range(100):  # bisection
                m = 0.5 * (a + b)
                gm = float(F(np.array(m))) - m
                if ga * gm <= 0:
                    b, gb = m, gm
                else:
                    a, ga = m, gm
            found.append(0.5 * (a + b))
    if abs(g[-1]) <= tol:
        found.append(1.0)
    shares: list[float] = []
    for s in found:  # merge duplicates on a flat stretch
        if not shares or s - shares[-1] > 1e-6:
            shares.append(s)
    out = []
    for s in shares:
        h = 1e-6
        left = float(F(np.array(max(s - h, 0.0)))) - max(s - h, 0.0)
        right = float(F(np.array(min(s + h, 1.0)))) - min(s + h, 1.0)
        # stable if F - x falls through zero: above the line just to the
        # left, below it just to the right (an end point needs only one side)
        stable = (s == 0.0 or left > 0) and (s == 1.0 or right < 0)
        out.append(Equilibrium(share=float(s), stable=bool(stable)))
    return out


def adoption_path(F: CDF, start: float, steps: int = 30) -> np.ndarray:
    """x_0 = start, x_{t+1} = F(x_t): the share with a profile, round by round."""
    if not np.isfinite(start) or not 0.0 <= start <= 1.0:
        raise ValueError("start must be between 0 and 1")
    if not 1 <= steps <= 10_000:
        raise ValueError("steps must be from 1 to 10,000")
    path = np.empty(steps + 1)
    path[0] = start
    for t in range(steps):
        path[t + 1] = float(F(np.array(path[t])))
    return path


@dataclass(frozen=True)
class ThresholdResult:
    """The adoption map on a grid, its equilibria and the path from a starting share."""

    x: np.ndarray                     # shares with a profile now, 0..1
    F: np.ndarray                     # share who would publish at each x
    equilibria: tuple[Equilibrium, ...]
    path: np.ndarray                  # share with a profile, round by round


def threshold_model(mean: float, spread: float, early: float, start: float,
                    rounds: int = 25, grid: int = 201) -> ThresholdResult:
    """Everything the threshold widget shows, for one setting."""
    F = threshold_cdf(mean, spread, early)
    x = np.linspace(0.0, 1.0, grid)
    return ThresholdResult(x=x, F=np.asarray(F(x), dtype=float), equilibria=tuple(equilibria(F)),
                           path=adoption_path(F, start, rounds))
