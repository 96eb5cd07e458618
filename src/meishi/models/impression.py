"""Explicit or implied: how openly to show an achievement.

An audience forms an overall impression ``I`` of a person from two things:
how competent the person seems (``C``) and how likeable (``L``).  Saying an
achievement outright (a résumé line: "I grew sales 3x") shows all of it but
can look like boasting; implying it (a photo with the team, a tag, an
affiliation) is modest but only partly gets through.  ``e`` in [0, 1] is the
explicitness: 0 = fully implied, 1 = fully explicit.

Parameters, each in [0, 1]:

``m``  modesty norm: how much the audience penalises open self-promotion;
``s``  claim size: how big the achievement is;
``q``  cue informativeness: how much of the achievement an implied cue conveys.

Stylised constants: weight on competence ``ALPHA = 0.5`` and the small cost
of an implied cue ``COST = 0.1`` (``c`` below).

    competence   C(e) = s (q + (1 - q) e)             explicit shows all of s, a cue q s
    likeability  L(e) = 1 - m s (e^2 + c (1 - e))      convex: a little self-mention is
                                                       tolerated, a full boast costs a lot
    impression   I(e) = alpha C + (1 - alpha) L
    noise        sd(e) = s sqrt(q (1 - q)) (1 - e)     how unsure the audience's reading of
                                                       an implied cue is (reported, not
                                                       subtracted from I)

``I`` is concave in ``e``, so the best explicitness is where dI/de = 0:

    alpha s (1 - q) - (1 - alpha) m s (2 e - c) = 0
    e* = (alpha (1 - q) / ((1 - alpha) m) + c) / 2,  clipped to [0, 1].

``e*`` is never below ``c / 2``: a little self-mention is cheaper than the
cue.  Special cases, without dividing by zero: ``m = 0`` (no norm) gives
``e* = 1``; ``s = 0`` (nothing to show) makes everything flat, and ``e* = 0``
by convention, with the flag ``flat`` set.  (``m = 0`` with ``q = 1`` is flat
too: the cue says everything and nobody minds; ``e* = 1`` as for any
``m = 0``, and ``flat`` is set.)

Which channel wins, fully explicit (``I(1)``) or fully implied (``I(0)``)?

    I(1) - I(0) = alpha s (1 - q) - (1 - alpha) m s (1 - c),

zero at the crossover norm ``m* = alpha (1 - q) / ((1 - alpha) (1 - c))``:
below ``m*`` the explicit line wins, above it the implied cue.  ``m*`` can
exceed 1 (for ``q < 0.1`` here), and then the explicit channel wins under
every norm in [0, 1] (``crossover_in_range`` is False).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["ALPHA", "COST", "TIE_TOL", "ImpressionCurve", "ImpressionResult", "best_explicitness",
           "crossover_norm", "impression", "impression_at", "impression_curve"]

ALPHA = 0.5     # weight on competence (1 - ALPHA on likeability)
COST = 0.1      # likeability cost of a fully implied cue, per unit of m s
TIE_TOL = 1e-12
MAX_POINTS = 10_001

_MEANINGS = {"m": "modesty norm", "s": "claim size", "q": "cue informativeness",
             "e": "explicitness"}


def _check_unit(name: str, value: object) -> float:
    """``value`` as a float in [0, 1], or ValueError naming the parameter."""
    label = f"{name} ({_MEANINGS[name]})"
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{label} must be a number between 0 and 1")
    x = float(value)
    if not math.isfinite(x) or not 0.0 <= x <= 1.0:
        raise ValueError(f"{label} must be a number between 0 and 1, got {x!r}")
    return x + 0.0  # -0.0 becomes 0.0


def impression_at(m: float, s: float, q: float,
                  e: float | np.ndarray) -> tuple[float | np.ndarray, ...]:
    """(C, L, I, sd) at explicitness ``e`` (a number or an array), parameters unchecked."""
    c = COST
    competence = s * (q + (1 - q) * e)
    likeability = 1 - m * s * (e * e + c * (1 - e))
    total = ALPHA * competence + (1 - ALPHA) * likeability
    sd = s * math.sqrt(q * (1 - q)) * (1 - e)
    return competence, likeability, total, sd


def best_explicitness(m: float, s: float, q: float) -> tuple[float, str]:
    """e* and how it was found: "flat" (s = 0), "no_norm" (m = 0), "corner" or "interior".

    The interior optimum ``(gain / penalty + c) / 2`` with ``gain = alpha (1 - q)``
    and ``penalty = (1 - alpha) m`` reaches 1 when ``gain >= penalty (2 - c)``;
    testing that first avoids dividing by a (nearly) zero ``m``.  It never
    falls below ``c / 2``, so no clipping at 0 is needed.
    """
    m, s, q = (_check_unit(k, v) for k, v in (("m", m), ("s", s), ("q", q)))
    if s == 0:
        return 0.0, "flat"
    if m == 0:
        return 1.0, "no_norm"
    gain = ALPHA * (1 - q)
    penalty = (1 - ALPHA) * m
    if gain >= penalty * (2 - COST):
        return 1.0, "corner"
    return min((gain / penalty + COST) / 2, 1.0), "interior"


def crossover_norm(q: float) -> float:
    """m* = alpha (1 - q) / ((1 - alpha) (1 - c)): the norm at which I(0) = I(1) (any s > 0)."""
    q = _check_unit("q", q)
    return ALPHA * (1 - q) / ((1 - ALPHA) * (1 - COST))


@dataclass(frozen=True)
class ImpressionResult:
    """The impression model at one setting (see the module notes for the formulas)."""

    m: float                     # modesty norm
    s: float                     # claim size
    q: float                     # cue informativeness
    alpha: float                 # weight on competence
    c: float                     # cost of a fully implied cue
    e_star: float                # best explicitness
    optimum: str                 # "interior", "corner" (e* = 1), "no_norm" (m = 0), "flat" (s = 0)
    flat: bool                   # I is the same at every e (s = 0, or m = 0 and q = 1)
    competence_star: float       # C(e*)
    likeability_star: float      # L(e*)
    impression_star: float       # I(e*)
    sd_star: float               # sd(e*)
    competence_explicit: float   # C(1) = s
    competence_implied: float    # C(0) = q s
    impression_explicit: float   # I(1)
    impression_implied: float    # I(0)
    sd_implied: float            # sd(0) = s sqrt(q (1 - q))
    margin: float                # I(1) - I(0)
    winner: str                  # "explicit", "implied" or "tie" (|margin| <= 1e-12)
    crossover_norm: float        # m*, where I(0) = I(1); may exceed 1
    crossover_in_range: bool     # m* <= 1: some norm in [0, 1] makes the implied cue win or tie


def impression(m: float, s: float, q: float) -> ImpressionResult:
    """Best explicitness, both channels and the crossover norm for one setting."""
    m, s, q = (_check_unit(k, v) for k, v in (("m", m), ("s", s), ("q", q)))
    e_star, optimum = best_explicitness(m, s, q)
    c_star, l_star, i_star, sd_star = (float(v) for v in impression_at(m, s, q, e_star))
    c1, _, i1, _ = (float(v) for v in impression_at(m, s, q, 1.0))
    c0, _, i0, sd0 = (float(v) for v in impression_at(m, s, q, 0.0))
    margin = i1 - i0
    winner = "tie" if abs(margin) <= TIE_TOL else "explicit" if margin > 0 else "implied"
    m_star = crossover_norm(q)
    return ImpressionResult(
        m=m, s=s, q=q, alpha=ALPHA, c=COST, e_star=e_star, optimum=optimum,
        flat=s == 0 or (m == 0 and q == 1),
        competence_star=c_star, likeability_star=l_star, impression_star=i_star,
        sd_star=sd_star, competence_explicit=c1, competence_implied=c0,
        impression_explicit=i1, impression_implied=i0, sd_implied=sd0,
        margin=margin, winner=winner, crossover_norm=m_star, crossover_in_range=m_star <= 1,
    )


@dataclass(frozen=True)
class ImpressionCurve:
    """C, L, I and sd over a grid of explicitness from 0 to 1, for charts."""

    e: np.ndarray
    competence: np.ndarray
    likeability: np.ndarray
    impression: np.ndarray
    sd: np.ndarray


def impression_curve(m: float, s: float, q: float, n: int = 101) -> ImpressionCurve:
    """The model at ``n`` evenly spaced explicitness values (``n`` from 2 to 10001)."""
    m, s, q = (_check_unit(k, v) for k, v in (("m", m), ("s", s), ("q", q)))
    if (isinstance(n, bool) or not isinstance(n, (int, float, np.integer, np.floating))
            or not float(n).is_integer() or not 2 <= n <= MAX_POINTS):
        raise ValueError(f"n must be a whole number from 2 to {MAX_POINTS}")
    e = np.linspace(0.0, 1.0, int(n))
    competence, likeability, total, sd = impression_at(m, s, q, e)
    return ImpressionCurve(e=e, competence=np.asarray(competence, dtype=float),
                           likeability=np.asarray(likeability, dtype=float),
                           impression=np.asarray(total, dtype=float),
                           sd=np.asarray(sd, dtype=float))
