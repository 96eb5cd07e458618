"""Home advantage: a local platform, a global entrant and network effects.

People choose the **local** platform (L), a **global entrant** (G) or, if on, a **general
social network** (S).  Platform ``j`` is worth ``f_j + beta s_j + c [on j now] + taste``:
local fit ``f_j`` (``f_L = 0``, ``f_G = d``, ``f_S = f_s``), the share ``s_j`` already there
times ``beta`` (the network effect), a switching cost ``c`` saved by staying put.  Tastes
are Gumbel with scale ``tau`` (how much they differ), so choice is logit,
``P(j) = exp(u_j / tau) / sum_k exp(u_k / tau)``.  Each round a share ``mu`` (stylised 0.2)
reconsiders: ``s_{t+1} = (1 - mu) s_t + mu sum_j s_t(j) P(choice | now on j, s_t)``.

**Two platforms**, ``x = s_G``, ``z = d + beta (2x - 1)`` (the entrant's edge in fit and
network): someone on L joins G with ``join = sigma((z - c) / tau)``, someone on G leaves
with ``leave = sigma(-(z + c) / tau)`` (``sigma``: logistic).  So ``x_{t+1} = x_t + mu g(x_t)``,

    g(x) = (1 - x) join - x leave      (the share choosing G, x + g(x), minus x),

and steady states solve ``g = 0``; ``g(0) > 0 > g(1)``.  The share choosing G rises with
``x``, so a path moves one way, into the first steady state ahead: stable where ``g``
falls through 0, a tipping point where it rises.  The map's slope there, ``1 + mu g'``, is
at least ``1 - mu`` (no overshooting).  :func:`equilibria` finds them all: the sign changes
of the closed-form ``g'`` on ``SCAN_POINTS`` grid points, bisected, cut [0, 1] into pieces
where ``g`` is monotone, each with at most one root (bisected to the last bit); a critical
point with ``|g| <= TOUCH_TOL`` is a tangency.  (Two critical points within one grid step
would be missed; ``g`` barely moves between them.)

``beta = 0``: one steady state, ``a / (1 - b + a)`` with ``a = sigma((d - c) / tau)``,
``b = sigma((d + c) / tau)`` (``sigma(d / tau)`` if ``c = 0``): shares follow fit and taste.
``beta`` large against ``tau``: two stable states, one per winner, split by a tipping point.

**Critical fit** (:func:`critical_fit`): the least ``d`` in [-1, 1] with which a market
starting at ``x0`` ends with the entrant in the majority (the steady state its path heads
for above 1/2; it rises with ``d``), by bisection to ``FIT_TOL``.  If none: NaN, status
"always" (a majority even at ``d = -1``) or "never" (not even at ``d = 1``).
**Three platforms**: S starts empty, L with ``1 - x0``; the path is only simulated
(renormalised to sum 1 each round).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from .numeric import bisect_root

__all__ = ["CURVE_POINTS", "FIT_TOL", "MAX_ROUNDS", "PLATFORMS", "SCAN_POINTS", "SETTLE_TOL",
           "TOUCH_TOL", "Equilibrium", "PlatformResult", "critical_fit", "equilibria",
           "platform_shares"]

MAX_ROUNDS = 10_000
SCAN_POINTS = 2001    # grid scanned for sign changes of g'
CURVE_POINTS = 101    # grid of entrant shares for charts
TOUCH_TOL = 1e-10     # |g| at a critical point below this: a tangency
FIT_TOL = 1e-12       # bisection on d stops when the bracket is this narrow
SETTLE_TOL = 0.0005   # settled: last step and distance to the long-run share below 0.05 pp
PLATFORMS = ("local", "global", "social")
X = TypeVar("X", float, np.ndarray)   # a share or a grid of shares

# name -> (meaning, lowest, highest, range as written in messages); only mu excludes its lowest
_RANGES = {"d": ("entrant's fit advantage", -1.0, 1.0, "between -1 and 1"),
           "beta": ("strength of the network effect", 0.0, 5.0, "between 0 and 5"),
           "c": ("switching cost", 0.0, 2.0, "between 0 and 2"),
           "tau": ("taste dispersion", 0.1, 2.0, "between 0.1 and 2"),
           "x0": ("entrant's starting share", 0.0, 1.0, "between 0 and 1"),
           "f_s": ("fit of the social network", -1.0, 1.0, "between -1 and 1"),
           "mu": ("share who reconsider each round", 0.0, 1.0, "above 0 and at most 1")}


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating))


def _check(name: str, value: object) -> float:
    """``value`` as a float in its range, or ValueError naming the parameter."""
    meaning, lo, hi, text = _RANGES[name]
    label = f"{name} ({meaning}) must be a number {text}"
    if not _is_number(value):
        raise ValueError(label)
    v = float(value)
    if not math.isfinite(v) or not lo <= v <= hi or (name == "mu" and v == 0):
        raise ValueError(f"{label}, got {v!r}")
    return v + 0.0  # -0.0 becomes 0.0


def _check_market(d: object, beta: object, c: object, tau: object) -> tuple[float, ...]:
    return _check("d", d), _check("beta", beta), _check("c", c), _check("tau", tau)


def _sigma(z: X) -> X:
    """The logistic function 1 / (1 + e^-z), on a float or an array (|z| <= 80 here)."""
    if isinstance(z, np.ndarray):
        return 1.0 / (1.0 + np.exp(-z))
    return 1.0 / (1.0 + math.exp(-z))


def _gap(x: X, d: float, beta: float, c: float, tau: float) -> X:
    """g(x) = (1 - x) join - x leave: the entrant's net gain of choosers at share x."""
    z = d + beta * (2.0 * x - 1.0)
    return (1.0 - x) * _sigma((z - c) / tau) - x * _sigma(-(z + c) / tau)


def _slope(x: X, d: float, beta: float, c: float, tau: float) -> X:
    """g'(x) = (2 beta / tau) ((1 - x) join (1 - join) + x leave (1 - leave)) - join - leave."""
    z = d + beta * (2.0 * x - 1.0)
    join, leave = _sigma((z - c) / tau), _sigma(-(z + c) / tau)
    spread = (1.0 - x) * join * (1.0 - join) + x * leave * (1.0 - leave)
    return 2.0 * beta / tau * spread - join - leave


@dataclass(frozen=True)
class Equilibrium:
    """A steady entrant share.  ``kind``: "stable" (g falls through 0), "tipping" (rises:
    unstable) or "touch" (only touches 0; ``touch`` +1 if g >= 0 both sides, so paths from
    below stop here, -1 if g <= 0, from above).  ``slope``: the map's, ``1 + mu g'(share)``.
    """

    share: float
    stable: bool
    touch: int
    kind: str
    slope: float


def _critical_points(d: float, beta: float, c: float, tau: float) -> list[float]:
    """Interior x where g'(x) = 0: sign changes (and exact zeros) of g' on the scan grid."""
    grid = np.linspace(0.0, 1.0, SCAN_POINTS)
    slopes = _slope(grid, d, beta, c, tau)
    hits = (slopes[:-1] * slopes[1:] < 0) | ((slopes[:-1] == 0) & (grid[:-1] > 0))
    xs, gp, out = grid.tolist(), slopes.tolist(), []
    for i in np.flatnonzero(hits).tolist():   # the grid points a plain loop would stop at
        if gp[i] == 0:
            out.append(xs[i])
        else:
            out.append(bisect_root(lambda x: _slope(x, d, beta, c, tau), xs[i], xs[i + 1], gp[i]))
    return out


def equilibria(d: float, beta: float, c: float, tau: float, mu: float = 0.2,
               tol: float = TOUCH_TOL) -> list[Equilibrium]:
    """Every steady entrant share, ascending; ``|g| <= tol`` at a critical point: a tangency."""
    d, beta, c, tau = _check_market(d, beta, c, tau)
    mu = _check("mu", mu)

    def g(x: float) -> float:
        return _gap(x, d, beta, c, tau)

    def make(share: float, left: int, right: int) -> Equilibrium:
        touch = 1 if left > 0 and right > 0 else -1 if left < 0 and right < 0 else 0
        stable = left > 0 and right < 0
        kind = "touch" if touch else "stable" if stable else "tipping"
        return Equilibrium(share, stable, touch, kind, 1.0 + mu * _slope(share, d, beta, c, tau))

    nodes = [0.0, *_critical_points(d, beta, c, tau), 1.0]
    n = len(nodes)
    gs = [g(x) for x in nodes]
    signs = [0 if 0 < i < n - 1 and abs(v) <= tol else (v > 0) - (v < 0)
             for i, v in enumerate(gs)]   # g(0) > 0 > g(1): only critical points can be 0
    out: list[Equilibrium] = []
    i = 0
    while i < n:
        if signs[i] == 0:   # a tangency (a run of them counts once)
            j = i
            while signs[j + 1] == 0:
                j += 1
            out.append(make(nodes[i], signs[i - 1], signs[j + 1]))
            i = j
        if i + 1 < n and signs[i] * signs[i + 1] < 0:
            out.append(make(bisect_root(g, nodes[i], nodes[i + 1], gs[i]), signs[i], signs[i + 1]))
        i += 1
    return out


def _long_run(eqs: list[Equilibrium], x0: float, g0: float) -> float:
    """The steady state a path from x0 heads for: the first one ahead that attracts it."""
    if g0 > 0:
        ahead = [e.share for e in eqs if e.share >= x0 and (e.stable or e.touch == 1)]
        return ahead[0] if ahead else 1.0
    if g0 < 0:
        ahead = [e.share for e in eqs if e.share <= x0 and (e.stable or e.touch == -1)]
        return ahead[-1] if ahead else 0.0
    return x0


def critical_fit(beta: float, c: float, tau: float, x0: float) -> tuple[float, str]:
    """(d*, status): the least fit advantage that wins the entrant a majority from ``x0``.

    Status "found", or "always" / "never" with d* NaN (see the module notes).
    """
    _, beta, c, tau = _check_market(0.0, beta, c, tau)
    x0 = _check("x0", x0)

    def wins(d: float) -> bool:
        eqs = equilibria(d, beta, c, tau, 1.0, 0.0)   # exact: no tolerance shifts d*
        return _long_run(eqs, x0, _gap(x0, d, beta, c, tau)) > 0.5

    if wins(-1.0):
        return math.nan, "always"
    if not wins(1.0):
        return math.nan, "never"
    lo, hi = -1.0, 1.0
    while hi - lo > FIT_TOL:
        m = 0.5 * (lo + hi)
        if wins(m):
            hi = m
        else:
            lo = m
    return hi, "found"


def _step3(s: list[float], f: tuple[float, float, float], beta: float, c: float,
           tau: float, mu: float) -> list[float]:
    """One round with three platforms (logit choice, computed stably), renormalised."""
    new = [(1.0 - mu) * v for v in s]
    for j in range(3):
        u = [(f[k] + beta * s[k] + (c if k == j else 0.0)) / tau for k in range(3)]
        top = max(u)
        e = [math.exp(v - top) for v in u]
        total = e[0] + e[1] + e[2]
        for k in range(3):
            new[k] += mu * s[j] * e[k] / total
    total = new[0] + new[1] + new[2]
    return [v / total for v in new]


@dataclass(frozen=True)
class PlatformResult:
    """Everything the platforms widget shows, for one setting (shares are fractions)."""

    d: float
    beta: float
    c: float
    tau: float
    x0: float
    rounds: int
    social: bool
    f_s: float
    mu: float
    platforms: tuple[str, ...]        # "local", "global" (, "social"): the rows of path
    path: np.ndarray                  # shares, one row per platform, rounds + 1 columns
    final: np.ndarray                 # shares after the last round
    settled: bool                     # at rest: last step (and distance to long_run) <= 0.0005
    long_run: float                   # two platforms: the steady share the entrant heads for
    equilibria: tuple[Equilibrium, ...]   # two platforms only
    x: np.ndarray                     # entrant shares 0..1 (101 points; two platforms only)
    choice: np.ndarray                # P(x): share of choosers picking the entrant
    gap: np.ndarray                   # g(x) = P(x) - x
    critical_fit: float               # least d winning the entrant a majority from x0, or NaN
    critical_status: str              # "found", "always", "never" or "not computed" (three)


def platform_shares(d: float, beta: float, c: float, tau: float, x0: float, rounds: int = 80,
                    social: bool = False, f_s: float = 0.0, mu: float = 0.2) -> PlatformResult:
    """The path of shares from ``x0``; with two platforms also steady states and critical fit."""
    d, beta, c, tau = _check_market(d, beta, c, tau)
    x0 = _check("x0", x0)
    if not _is_number(rounds) or not math.isfinite(float(rounds)) \
            or not float(rounds).is_integer() or not 1 <= rounds <= MAX_ROUNDS:
        raise ValueError(f"rounds must be a whole number from 1 to {MAX_ROUNDS}")
    if not isinstance(social, (bool, np.bool_)):
        raise ValueError("social (add a general social network) must be true or false")
    rounds, social = int(rounds), bool(social)
    f_s, mu = _check("f_s", f_s), _check("mu", mu)
    empty = np.empty(0)
    if social:
        rows = [[1.0 - x0, x0, 0.0]]
        for _ in range(rounds):
            rows.append(_step3(rows[-1], (0.0, d, f_s), beta, c, tau, mu))
        path = np.array(rows).T
        moved = max(abs(a - b) for a, b in zip(rows[-1], rows[-2], strict=True))
        return PlatformResult(d, beta, c, tau, x0, rounds, True, f_s, mu, PLATFORMS, path,
                              path[:, -1].copy(), moved <= SETTLE_TOL, math.nan, (), empty,
                              empty, empty, math.nan, "not computed")
    xs = [x0]
    for _ in range(rounds):
        xs.append(min(max(xs[-1] + mu * _gap(xs[-1], d, beta, c, tau), 0.0), 1.0))
    path = np.array([[1.0 - x for x in xs], xs])
    eqs = equilibria(d, beta, c, tau, mu)
    long_run = _long_run(eqs, x0, _gap(x0, d, beta, c, tau))
    settled = abs(xs[-1] - xs[-2]) <= SETTLE_TOL and abs(xs[-1] - long_run) <= SETTLE_TOL
    grid = np.linspace(0.0, 1.0, CURVE_POINTS)
    gap = np.array([_gap(x, d, beta, c, tau) for x in grid.tolist()])
    fit, status = critical_fit(beta, c, tau, x0)
    return PlatformResult(d, beta, c, tau, x0, rounds, False, f_s, mu, PLATFORMS[:2], path,
                          path[:, -1].copy(), settled, long_run, tuple(eqs), grid, grid + gap,
                          gap, fit, status)
