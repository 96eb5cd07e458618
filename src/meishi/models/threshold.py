"""Norm adoption with thresholds (Granovetter 1978; Schelling 1978).

Each worker publishes a profile once the share of colleagues who already
have one reaches the worker's personal threshold.  If ``F`` is the share of
workers whose threshold is at most ``x`` (the cumulative distribution of
thresholds), then from a share ``x_t`` today the share tomorrow is

    x_{t+1} = F(x_t).

Equilibria are where ``F`` meets the 45-degree line: stable where ``F``
crosses it from above (small pushes die out), a tipping point where it
crosses from below (start just above and the share climbs, just below and it
falls back), semi-stable where it only touches (``Equilibrium.touch``).

The course's threshold distribution: a share ``early`` of workers publish
whatever others do (threshold 0); the others' thresholds are normal with
mean ``mean`` and spread ``spread``, cut to [0, 1].

Finding the equilibria of that ``F`` (:func:`threshold_equilibria`): with
``g(x) = F(x) - x``, ``g'(x) = F'(x) - 1`` and ``F'`` is a scaled normal
density, which equals 1 at most at two points ``mean -/+ spread * z`` with
``z = sqrt(2 ln k)``, ``k`` the density's peak (closed form, see
:meth:`ThresholdCDF.critical_points`).  Those points cut [0, 1] into at most
three pieces on which ``g`` is strictly monotone, so each piece holds at most
one root: bisecting every piece whose ends differ in sign finds every
equilibrium, however close two of them lie, and a tangency is a critical
point where ``g`` is zero (within ``tol``).  For any other ``F``,
:func:`equilibria` falls back to a scan of a fine grid with bisection, which
can miss roots closer together than the grid step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import erf, log, pi, sqrt

import numpy as np

from .numeric import bisect_root

__all__ = ["SETTLE_TOL", "Equilibrium", "PathOutcome", "ThresholdCDF", "ThresholdResult",
           "adoption_path", "equilibria", "path_outcome", "threshold_cdf",
           "threshold_equilibria", "threshold_model"]

CDF = Callable[[np.ndarray], np.ndarray]

SQRT_2PI = sqrt(2.0 * pi)
SETTLE_TOL = 0.0005   # a path has settled: last step and distance to the equilibrium below 0.05 pp


def _phi(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.vectorize(erf)(z / sqrt(2.0)))


@dataclass(frozen=True)
class ThresholdCDF:
    """F(x): share of workers with a threshold at or below x (call it on a number or array).

    ``early`` publish whatever others do; the rest have normal thresholds
    (``mean``, ``spread``) cut to [0, 1].  Made by :func:`threshold_cdf`,
    which checks the parameters.
    """

    mean: float
    spread: float
    early: float = 0.0
    lo: float = field(init=False, repr=False)   # normal CDF at 0 and at 1: the cut
    hi: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lo", float(_phi(np.array((0.0 - self.mean) / self.spread))))
        object.__setattr__(self, "hi", float(_phi(np.array((1.0 - self.mean) / self.spread))))

    def __call__(self, x):
        """F at ``x`` (clipped to [0, 1]), elementwise."""
        x = np.clip(np.asarray(x, dtype=float), 0.0, 1.0)
        inner = (_phi((x - self.mean) / self.spread) - self.lo) / (self.hi - self.lo)
        return self.early + (1.0 - self.early) * np.clip(inner, 0.0, 1.0)

    def peak_slope(self) -> float:
        """k = max F' = (1 - early) / ((hi - lo) * spread * sqrt(2 pi)), at x = mean."""
        return (1.0 - self.early) / ((self.hi - self.lo) * self.spread * SQRT_2PI)

    def critical_points(self) -> list[float]:
        """The x in (0, 1) where F'(x) = 1, ascending (none, one or two).

        F'(x) = k exp(-z^2 / 2) with z = (x - mean) / spread, so F'(x) = 1 at
        z = -/+ sqrt(2 ln k) when k > 1; F' < 1 left of the first point and
        right of the second, F' > 1 between them.
        """
        k = self.peak_slope()
        if not k > 1.0:
            return []
        z = sqrt(2.0 * log(k))
        points = (self.mean - self.spread * z, self.mean + self.spread * z)
        return [c for c in points if 0.0 < c < 1.0]


def threshold_cdf(mean: float, spread: float, early: float = 0.0) -> ThresholdCDF:
    """F(x): share of workers with a threshold at or below x."""
    for name, value in (("mean", mean), ("early", early)):
        if not np.isfinite(value) or not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be between 0 and 1")
    if not np.isfinite(spread) or not 0.0 < spread <= 1.0:
        raise ValueError("spread must be above 0 and at most 1")
    return ThresholdCDF(float(mean), float(spread), float(early))


@dataclass(frozen=True)
class Equilibrium:
    """A share where F meets the diagonal.

    ``stable``: F crosses the diagonal from above (an end point: leaves it
    inwards), so paths from both sides settle here.  ``touch``: 0 where F
    crosses the diagonal or at an end point; +1 where F touches it from above
    (F >= x on both sides: paths from below stop here, paths from above move
    on up) and -1 where it touches from below (paths from above stop here,
    from below move on down).  A touching point is semi-stable and has
    ``stable`` False.
    """

    share: float
    stable: bool
    touch: int = 0




def _sign(v: float) -> int:
    return 1 if v > 0 else -1 if v < 0 else 0


def _classify(share: float, left: int, right: int) -> Equilibrium:
    """Mark an equilibrium from the sign of F - x just left and just right of it (0: none)."""
    if share == 0.0:
        return Equilibrium(0.0, right < 0)
    if share == 1.0:
        return Equilibrium(1.0, left > 0)
    touch = 1 if left > 0 and right > 0 else -1 if left < 0 and right < 0 else 0
    return Equilibrium(float(share), left > 0 and right < 0, touch)


def threshold_equilibria(F: ThresholdCDF, tol: float = 1e-10) -> list[Equilibrium]:
    """Every x in [0, 1] with F(x) = x for the course's F, ascending (see the module notes).

    Nodes: 0, the critical points of g = F - x, 1; |g| <= ``tol`` at a node
    counts as zero (at a critical point that is a tangency).  Each piece
    between nodes is monotone, so it holds a root only if g changes sign
    across it (found by bisection) or at a node where g is zero.  A run of
    neighbouring zero nodes is one equilibrium (at an end point if the run
    has one).  Stability: from the sign of g on the pieces either side.
    """
    def g(x: float) -> float:
        return float(F(np.array(x))) - x

    nodes = [0.0, *F.critical_points(), 1.0]
    gs = [g(x) for x in nodes]
    signs = [0 if abs(v) <= tol else _sign(v) for v in gs]
    out: list[Equilibrium] = []
    i, n = 0, len(nodes)
    while i < n:
        if signs[i] == 0:
            j = i
            while j + 1 < n and signs[j + 1] == 0:
                j += 1
            share = nodes[j] if j == n - 1 else nodes[i]
            left = signs[i - 1] if i > 0 else 0
            right = signs[j + 1] if j + 1 < n else 0
            out.append(_classify(share, left, right))
            i = j
        if i + 1 < n and signs[i] * signs[i + 1] < 0:
            root = bisect_root(g, nodes[i], nodes[i + 1], gs[i])
            out.append(_classify(root, signs[i], signs[i + 1]))
        i += 1
    return out


def equilibria(F: CDF, grid: int = 2001, tol: float = 1e-10) -> list[Equilibrium]:
    """Shares x in [0, 1] with F(x) = x, ascending, each marked stable, unstable or touching.

    For the course's F (a :class:`ThresholdCDF`) this is the exact
    :func:`threshold_equilibria`.  Any other F: a scan of ``grid`` points
    with bisection, which can miss two roots within one grid step of each
    other (and a tangency off the grid points).
    """
    if isinstance(F, ThresholdCDF):
        return threshold_equilibria(F, tol)
    x = np.linspace(0.0, 1.0, grid)
    g = np.asarray(F(x), dtype=float) - x
    found: list[float] = []
    for i in range(grid - 1):
        a, b = x[i], x[i + 1]
        ga, gb = g[i], g[i + 1]
        if abs(ga) <= tol:
            found.append(a)
        elif ga * gb < 0:
            found.append(bisect_root(lambda m: float(F(np.array(m))) - m, a, b, ga))
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
        out.append(_classify(float(s), _sign(left), _sign(right)))
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
    return ThresholdResult(x=x, F=np.asarray(F(x), dtype=float),
                           equilibria=tuple(threshold_equilibria(F)),
                           path=adoption_path(F, start, rounds))


@dataclass(frozen=True)
class PathOutcome:
    """Where a path stands after its last round (see :func:`path_outcome`).

    ``state``: "settled" (at an equilibrium it will not leave), "tipping"
    (sitting on a tipping point, which any push would leave) or "moving";
    ``equilibrium``: the one it has settled or sits at, or, when moving, the
    one it is heading to (None if none is found).
    """

    state: str
    equilibrium: Equilibrium | None


def path_outcome(eqs: Sequence[Equilibrium], path: Sequence[float],
                 tol: float = SETTLE_TOL) -> PathOutcome:
    """Has the path ``x_0 .. x_T`` (two shares or more) settled, and if not, where is it heading?

    Settled: the last step ``|x_T - x_{T-1}|`` and the distance from ``x_T``
    to an equilibrium both at most ``tol``, and that equilibrium stable, or
    touching with ``x_T`` on the side it attracts (at or below a ``touch``
    +1 point, at or above a -1 point); at a tipping point instead: "tipping".
    Otherwise "moving", towards the first equilibrium in the direction of
    travel that attracts from that side (F is increasing, so paths are
    monotone and cannot pass it).
    """
    x, before = float(path[-1]), float(path[-2])
    step = x - before
    if abs(step) <= tol and eqs:
        near = min(eqs, key=lambda e: abs(e.share - x))
        if abs(near.share - x) <= tol:
            if near.stable or (near.touch != 0 and (x - near.share) * near.touch <= 0):
                return PathOutcome("settled", near)
            if near.touch == 0:
                return PathOutcome("tipping", near)
    if step > 0:
        ahead = [e for e in eqs if e.share >= x and (e.stable or e.touch == 1)]
        return PathOutcome("moving", ahead[0] if ahead else None)
    if step < 0:
        ahead = [e for e in eqs if e.share <= x and (e.stable or e.touch == -1)]
        return PathOutcome("moving", ahead[-1] if ahead else None)
    return PathOutcome("moving", None)
