"""Trust you build, trust you assume: Yamagishi's emancipation theory of trust.

A trader needs one deal this round and has two ways to get it.

**Stay** with a known, committed partner: a safe, average deal worth ``v0``
(stylised 0.5), with no risk of being cheated.

**Look outside**: ask ``n`` strangers (a whole number, 1 to 20).  Each offer
is worth a uniform amount between ``v0 - w`` and ``v0 + w``; ``w`` (0 to 0.5)
is how widely offers spread, the opportunity cost of staying.  Each stranger
is a cheater with probability ``p``, and a cheated deal is worth 0.  The
trader screens: with skill ``k`` (general trust, social intelligence: the
ability to read people) each cheater is recognised and dropped.  Of the
offers that remain, the trader takes the most valuable one.  If none remain
there is no deal this round, worth 0 (stylised: an outsider has no partner
to fall back on).

Exact moments, no simulation.  An offer is kept with probability
``r = 1 - p k``, and a kept offer is a cheater with probability
``q = p (1 - k) / r`` whatever its value (cheaters' offers look the same).
With ``m`` kept offers the best value is ``V = v0 - w + 2 w U``, where ``U``,
the largest of ``m`` uniforms on [0, 1], has ``E[U] = m / (m + 1)`` and
``Var U = m / ((m + 1)^2 (m + 2))``.  The payoff is ``Y = (1 - C) V``, ``C``
"the taken offer cheats" (probability ``q``), so

    E[Y | m]   = (1 - q) (v0 + w (m - 1) / (m + 1))
    Var[Y | m] = (1 - q) 4 w^2 Var U + q (1 - q) E[V | m]^2,

and 0 for ``m = 0``.  ``m`` is binomial(n, r a), ``a`` the chance that a
stranger is in the market at all (below).  The expected payoff sums
``P(m) E[Y | m]``; the variance adds ``P(m) Var[Y | m]`` and
``P(m) (E[Y | m] - E[Y])^2`` (both never negative, so the standard deviation
is accurate even when it is tiny).  P(cheated) = ``q P(m >= 1)``,
P(no deal) = ``P(m = 0) = (1 - r a)^n``.

**Copying what pays.**  A society has a share ``x`` of committed traders; the
rest look outside.  Committed traders do not deal with strangers, so each of
an outsider's ``n`` contacts is in the market with probability ``a = 1 - x``:
where most stay committed the open market is thin.  Each round the share
moves toward the better strategy (replicator dynamics, rate 1, stylised):

    x_{t+1} = x_t + x_t (1 - x_t) (v0 - pi_out(x_t)),   clipped to [0, 1].

Equilibria: the end points 0 and 1, and every interior root of
``g(x) = v0 - pi_out(x)`` (a scan of 1001 grid points, each sign change
bisected to the last bit).  ``g`` is summed as ``P(0) v0`` plus
``P(m) (q v0 - (1 - q) w (m - 1) / (m + 1))`` over ``m >= 1``, so it is 0
only where the strategies really tie (with ``p = w = 0`` a full market pays
exactly ``v0``), never by rounding.  ``x`` grows where ``g > 0``, so a share
is stable if ``g`` changes from + to - across it; 0 is stable if
``g(0) < 0`` (looking outside pays in an open market; if ``g(0) = 0``, the
sign just inside decides), 1 if ``g(1) > 0`` (always, as an empty market
pays 0).  More offers can only help (``E[Y | m]`` rises with ``m``), so
``pi_out`` falls as ``x`` rises and an interior root is a tipping point:
start above it and everyone ends committed, below it and everyone looks
outside.  A wider spread ``w`` or better screening ``k`` raises ``pi_out`` and
pushes the tipping point up, so the open society's basin grows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from meishi.models.lookup import binomial_pmf

from .numeric import bisect_root, is_number

__all__ = ["CURVE_POINTS", "MAX_OFFERS", "MAX_ROUNDS", "SCAN_POINTS", "TIE_TOL",
           "CommitmentResult", "Equilibrium", "OutsideResult", "commitment", "equilibria",
           "outside_payoff"]

MAX_OFFERS = 20
MAX_ROUNDS = 10_000
SCAN_POINTS = 1001    # grid scanned for interior equilibria
CURVE_POINTS = 101    # grid of committed shares for charts
TIE_TOL = 1e-12

# name -> (meaning, highest value, highest as written in messages); the lowest is 0
_RANGES = {"p": ("share of cheaters", 1.0, "1"), "w": ("spread of offers", 0.5, "0.5"),
           "k": ("screening skill", 1.0, "1"), "x": ("committed share", 1.0, "1"),
           "x0": ("starting committed share", 1.0, "1")}




def _check(name: str, value: object) -> float:
    """``value`` as a float in [0, its top], or ValueError naming the parameter."""
    meaning, top, top_text = _RANGES[name]
    label = f"{name} ({meaning}) must be a number between 0 and {top_text}"
    if not is_number(value):
        raise ValueError(label)
    v = float(value)
    if not math.isfinite(v) or not 0.0 <= v <= top:
        raise ValueError(f"{label}, got {v!r}")
    return v + 0.0  # -0.0 becomes 0.0


def _check_whole(value: object, lo: int, hi: int, label: str) -> int:
    """``value`` as an int from ``lo`` to ``hi`` (3.0 counts as 3), or ValueError."""
    if not is_number(value) or not math.isfinite(float(value)) \
            or not float(value).is_integer() or not lo <= value <= hi:
        raise ValueError(f"{label} must be a whole number from {lo} to {hi}")
    return int(value)


def _check_all(p: object, w: object, n: object, k: object,
               v0: object) -> tuple[float, float, int, float, float]:
    """The checked parameters, in the order given (the JS port checks in the same order)."""
    p, w = _check("p", p), _check("w", w)
    n = _check_whole(n, 1, MAX_OFFERS, "n (offers from strangers)")
    k = _check("k", k)
    label = "v0 (value of a partner's deal) must be a number above 0 and at most 1"
    if not is_number(v0):
        raise ValueError(label)
    v0 = float(v0)
    if not math.isfinite(v0) or not 0.0 < v0 <= 1.0:
        raise ValueError(f"{label}, got {v0!r}")
    if w > v0:
        raise ValueError("w (spread of offers) must be at most v0 (no offer is worth less than 0)")
    return p, w, n, k, v0


@dataclass(frozen=True)
class OutsideResult:
    """What looking outside pays, with the committed share ``x`` of society."""

    p: float                 # share of cheaters among strangers
    w: float                 # spread of offers' values around v0
    n: int                   # potential offers (contacts asked)
    k: float                 # screening skill
    x: float                 # committed share (those contacts are not in the market)
    v0: float                # value of a partner's deal
    expected: float          # E[payoff]
    sd: float                # standard deviation of the payoff
    p_cheated: float         # P(the deal taken is with a cheater)
    p_no_deal: float         # P(no offer left after screening) = (1 - r (1 - x))^n
    expected_offers: float   # offers received: n (1 - x)
    expected_kept: float     # offers kept after screening: n (1 - x) r


def _moments(p: float, w: float, n: int, k: float, x: float,
             v0: float) -> tuple[float, float, float, float]:
    """(mean, variance, P(cheated), P(no deal)) of looking outside; inputs unchecked."""
    r = 1.0 - p * k
    q = p * (1.0 - k) / r if r > 0 else 0.0
    pmf = binomial_pmf(n, r * (1.0 - x)).tolist()
    means = [0.0] + [(1.0 - q) * (v0 + w * (m - 1) / (m + 1)) for m in range(1, n + 1)]
    mean = 0.0
    for m in range(1, n + 1):
        mean += pmf[m] * means[m]
    var = 0.0
    for m in range(n + 1):
        d = means[m] - mean
        within = 0.0
        if m > 0:
            best = v0 + w * (m - 1) / (m + 1)
            var_u = m / ((m + 1) * (m + 1) * (m + 2))
            within = (1.0 - q) * 4.0 * w * w * var_u + q * (1.0 - q) * best * best
        var += pmf[m] * (within + d * d)
    return mean, var, q * (1.0 - pmf[0]), pmf[0]


def _gap(p: float, w: float, n: int, k: float, x: float, v0: float) -> float:
    """g(x) = v0 - pi_out(x), written so that it only cancels where it truly is near 0.

    With the probabilities summing to 1, g = P(0) v0 + sum over m >= 1 of
    P(m) (q v0 - (1 - q) w (m - 1) / (m + 1)): exactly 0 when nothing differs
    from the partner's deal (p = w = 0 in a full market), never a rounding error.
    """
    r = 1.0 - p * k
    q = p * (1.0 - k) / r if r > 0 else 0.0
    pmf = binomial_pmf(n, r * (1.0 - x)).tolist()
    gap = pmf[0] * v0
    for m in range(1, n + 1):
        gap += pmf[m] * (q * v0 - (1.0 - q) * w * (m - 1) / (m + 1))
    return gap


def outside_payoff(p: float, w: float, n: int, k: float, x: float = 0.0,
                   v0: float = 0.5) -> OutsideResult:
    """Exact expected payoff, spread and risks of dealing with strangers (see the module notes)."""
    p, w, n, k, v0 = _check_all(p, w, n, k, v0)
    x = _check("x", x)
    mean, var, p_cheated, p_none = _moments(p, w, n, k, x, v0)
    return OutsideResult(p=p, w=w, n=n, k=k, x=x, v0=v0, expected=mean, sd=math.sqrt(var),
                         p_cheated=p_cheated, p_no_deal=p_none,
                         expected_offers=n * (1.0 - x),
                         expected_kept=n * (1.0 - x) * (1.0 - p * k))


@dataclass(frozen=True)
class Equilibrium:
    """A committed share that does not move.

    ``kind``: "open" (x = 0, nobody committed), "committed" (x = 1),
    "tipping" (interior, unstable: pushes either way grow) or "mixed"
    (interior and stable).
    """

    share: float
    stable: bool
    kind: str




def equilibria(p: float, w: float, n: int, k: float, v0: float = 0.5) -> list[Equilibrium]:
    """0, every interior root of v0 = pi_out(x) (grid scan + bisection), and 1, ascending."""
    p, w, n, k, v0 = _check_all(p, w, n, k, v0)

    def g(x: float) -> float:
        return _gap(p, w, n, k, x, v0)

    xs = np.linspace(0.0, 1.0, SCAN_POINTS).tolist()
    gs = [g(x) for x in xs]
    g0 = gs[0] if gs[0] != 0 else gs[1]   # at a neutral end, the side the share moves to
    out = [Equilibrium(0.0, g0 < 0, "open")]
    for i in range(SCAN_POINTS - 1):
        if i > 0 and gs[i] == 0:   # a grid point that is an equilibrium exactly
            out.append(_interior(xs[i], gs[i - 1], gs[i + 1]))
        elif gs[i] * gs[i + 1] < 0:
            out.append(_interior(bisect_root(g, xs[i], xs[i + 1], gs[i]), gs[i], gs[i + 1]))
    g1 = gs[-1] if gs[-1] != 0 else gs[-2]
    out.append(Equilibrium(1.0, g1 > 0, "committed"))
    return out


def _interior(share: float, left: float, right: float) -> Equilibrium:
    stable = left > 0 and right < 0
    return Equilibrium(float(share), stable, "mixed" if stable else "tipping")


@dataclass(frozen=True)
class CommitmentResult:
    """Stay or look outside, and where a society that copies what pays ends up."""

    p: float
    w: float
    n: int
    k: float
    v0: float
    x0: float                        # committed share at the start
    stay: float                      # a partner's deal: v0, for sure
    stay_sd: float                   # 0
    outside: OutsideResult           # looking outside in a fully open market (x = 0)
    margin: float                    # outside.expected - stay
    better: str                      # "outside", "stay" or "tie" (|margin| <= 1e-12), at x = 0
    path: np.ndarray                 # committed share, round by round (rounds + 1 values)
    equilibria: tuple[Equilibrium, ...]
    x: np.ndarray                    # committed shares 0..1 (101 points), for charts
    outside_curve: np.ndarray        # pi_out at each x


def commitment(p: float, w: float, n: int, k: float, x0: float, rounds: int = 60,
               v0: float = 0.5) -> CommitmentResult:
    """Both strategies at x = 0, the path of the committed share from ``x0``, and equilibria."""
    p, w, n, k, v0 = _check_all(p, w, n, k, v0)
    x0 = _check("x0", x0)
    rounds = _check_whole(rounds, 1, MAX_ROUNDS, "rounds")
    outside = outside_payoff(p, w, n, k, 0.0, v0)
    margin = outside.expected - v0
    better = "tie" if abs(margin) <= TIE_TOL else "outside" if margin > 0 else "stay"
    path = [x0]
    for _ in range(rounds):
        x = path[-1]
        step = x * (1.0 - x) * _gap(p, w, n, k, x, v0)
        path.append(min(max(x + step, 0.0), 1.0))
    grid = np.linspace(0.0, 1.0, CURVE_POINTS)
    curve = np.array([_moments(p, w, n, k, x, v0)[0] for x in grid.tolist()])
    return CommitmentResult(p=p, w=w, n=n, k=k, v0=v0, x0=x0, stay=v0, stay_sd=0.0,
                            outside=outside, margin=margin, better=better,
                            path=np.array(path), equilibria=tuple(equilibria(p, w, n, k, v0)),
                            x=grid, outside_curve=curve)
