"""Do the four lenses line up with LinkedIn's uptake across countries?

The conclusion's model.  For a handful of countries we have one measure per
lens (job tenure, individualism, general trust, a local rival to LinkedIn)
and LinkedIn members per 100 people.  With so few points a regression would
say more than the data can; the honest questions are simpler:

* **Do the two orders agree?**  Spearman's rank correlation ``rho``: +1 if
  the country with the higher lens value always has more LinkedIn members
  per head, -1 if always fewer, about 0 if the orders are unrelated.  Tied
  values share the average of their ranks, so a yes/no lens works too.
* **Could chance alone give that?**  A permutation test: shuffle the
  LinkedIn figures among the same countries many times (a fixed-seed
  random generator, so every reader sees the same answer) and count how
  often a shuffle agrees at least as strongly, in either direction, as the
  real data.  If it is often, the pattern is no evidence for the lens.

The shuffles use a small, portable generator (mulberry32) and integer
arithmetic on doubled ranks, so the browser port reproduces the count
exactly (a parity test holds it to this module).
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DEFAULT_SHUFFLES", "MAX_POINTS", "SEED", "LensResult", "WeightedResult", "lens_test",
           "mulberry32", "rank_agreement", "ranks", "shuffle_share", "spearman", "weighted_score",
           "weighted_test"]

#: Shuffles in the permutation test, and the fixed seed every reader shares.
DEFAULT_SHUFFLES = 10_000
SEED = 20151130
#: Points the test accepts (countries plus a learner's own).
MAX_POINTS = 40

_MASK = 0xFFFFFFFF


def mulberry32(seed: int):
    """A tiny 32-bit generator of floats in [0, 1), identical to the JavaScript one."""
    state = seed & _MASK

    def draw() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = state
        t = ((t ^ (t >> 15)) * (t | 1)) & _MASK
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK
        return ((t ^ (t >> 14)) & _MASK) / 4294967296.0

    return draw


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1 (smallest); tied values share the mean of their ranks."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1
        for k in range(i, j + 1):
            out[order[k]] = mean_rank
        i = j + 1
    return out


def _centred(rx2: Sequence[int], ry2: Sequence[int]) -> int:
    """n * sum(rx*ry) - sum(rx) * sum(ry) on doubled (integer) ranks: rho's numerator."""
    n = len(rx2)
    return n * sum(a * b for a, b in zip(rx2, ry2, strict=True)) - sum(rx2) * sum(ry2)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (Pearson's on the ranks); NaN if either has no spread.

    Computed from doubled ranks, which are whole numbers, so every sum is exact
    and the browser port gives the same float."""
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    rx2 = [round(2 * r) for r in ranks(x)]
    ry2 = [round(2 * r) for r in ranks(y)]
    denom = _centred(rx2, rx2) * _centred(ry2, ry2)
    return _centred(rx2, ry2) / math.sqrt(denom) if denom > 0 else math.nan


def shuffle_share(x: Sequence[float], y: Sequence[float], shuffles: int = DEFAULT_SHUFFLES,
                  seed: int = SEED) -> float:
    """Share of random shuffles of ``y`` whose rank agreement with ``x`` is at least as
    strong, in either direction, as the observed one (Fisher-Yates, mulberry32)."""
    if shuffles < 1:
        raise ValueError("shuffles must be 1 or more")
    rx2 = tuple(round(2 * r) for r in ranks(x))
    ry2 = tuple(round(2 * r) for r in ranks(y))
    return _shuffle_share(rx2, ry2, shuffles, seed)


@functools.lru_cache(maxsize=16)
def _swaps(n: int, shuffles: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """The Fisher-Yates swap partners of every shuffle: they depend only on the number of
    points, the shuffles and the seed, never on the values shuffled."""
    draw = mulberry32(seed)
    return tuple(tuple(math.floor(draw() * (i + 1)) for i in range(n - 1, 0, -1))
                 for _ in range(shuffles))


@functools.lru_cache(maxsize=512)
def _shuffle_share(rx2: tuple[int, ...], ry2: tuple[int, ...], shuffles: int, seed: int) -> float:
    """shuffle_share on doubled ranks; the same ranks, shuffles and seed give the same share,
    so it is computed once (a widget's readout and its tests ask again and again)."""
    n = len(rx2)
    observed = abs(_centred(rx2, ry2))
    sums = sum(rx2) * sum(ry2)  # a shuffle keeps sum(ry2): _centred(rx2, perm) below
    perm = list(ry2)
    hits = 0
    for swaps in _swaps(n, shuffles, seed):
        for i, j in zip(range(n - 1, 0, -1), swaps, strict=True):
            perm[i], perm[j] = perm[j], perm[i]
        if abs(n * sum(map(operator.mul, rx2, perm)) - sums) >= observed:
            hits += 1
    return hits / shuffles


def rank_agreement(rho: float) -> str:
    """Plain words for a rank correlation."""
    if math.isnan(rho):
        return "no order to compare"
    size = abs(rho)
    if size < 0.2:
        return "no clear agreement"
    strength = "weak" if size < 0.5 else "moderate" if size < 0.8 else "strong"
    direction = "the higher the lens value, the more" if rho > 0 else \
        "the higher the lens value, the fewer"
    return f"{strength} ({direction} LinkedIn members per head)"


@dataclass(frozen=True)
class LensResult:
    countries: tuple[str, ...]   # the points used, in the order given
    x: tuple[float, ...]         # lens values
    y: tuple[float, ...]         # LinkedIn members per 100 people
    n: int
    rho: float                   # Spearman's rank correlation (NaN if undefined)
    chance: float                # share of shuffles at least as strong (NaN if undefined)
    words: str                   # rank_agreement(rho)


def lens_test(countries: Sequence[str], x: Sequence[float], y: Sequence[float],
              shuffles: int = DEFAULT_SHUFFLES, seed: int = SEED) -> LensResult:
    """Rank agreement between a lens and LinkedIn per head, and how often chance matches it."""
    if not len(countries) == len(x) == len(y):
        raise ValueError("countries, x and y must have the same length")
    if len(countries) > MAX_POINTS:
        raise ValueError(f"at most {MAX_POINTS} points")
    values = [float(v) for v in (*x, *y)]
    if not all(math.isfinite(v) for v in values):
        raise ValueError("every value must be a finite number")
    n = len(countries)
    rho = spearman(x, y) if n >= 2 else math.nan
    chance = math.nan if math.isnan(rho) else shuffle_share(x, y, shuffles, seed)
    return LensResult(countries=tuple(countries), x=tuple(float(v) for v in x),
                      y=tuple(float(v) for v in y), n=n, rho=rho, chance=chance,
                      words=rank_agreement(rho))


@dataclass(frozen=True)
class WeightedResult:
    countries: tuple[str, ...]
    score: tuple[float, ...]      # the weighted lens score (higher = more LinkedIn expected)
    linkedin: tuple[float, ...]   # LinkedIn members per 100 people
    weights: tuple[float, ...]
    test: LensResult              # the score's rank agreement with LinkedIn


def weighted_score(lens_values: Sequence[Sequence[float]], signs: Sequence[int],
                   weights: Sequence[float]) -> list[float]:
    """Each country's score: the sum over lenses of weight x direction x doubled rank.

    ``lens_values[k][i]`` is country ``i``'s value on lens ``k``; ``signs[k]`` is +1
    if the explanation predicts more LinkedIn members for a higher value, -1 if fewer.
    Doubled ranks are whole numbers, so with whole-number weights every score is exact.
    """
    if not len(lens_values) == len(signs) == len(weights):
        raise ValueError("one sign and one weight per lens")
    if any(w < 0 or not math.isfinite(w) for w in weights):
        raise ValueError("weights must be finite and 0 or more")
    n = len(lens_values[0]) if lens_values else 0
    score = [0.0] * n
    for values, sign, weight in zip(lens_values, signs, weights, strict=True):
        if len(values) != n:
            raise ValueError("every lens needs a value for every country")
        doubled = [round(2 * r) for r in ranks(values)]
        for i in range(n):
            score[i] += weight * sign * doubled[i]
    return score


def weighted_test(countries: Sequence[str], lens_values: Sequence[Sequence[float]],
                  signs: Sequence[int], weights: Sequence[float], linkedin: Sequence[float],
                  shuffles: int = DEFAULT_SHUFFLES, seed: int = SEED) -> WeightedResult:
    """How well a weighted mix of the lenses orders the countries by LinkedIn per head."""
    score = weighted_score(lens_values, signs, weights)
    return WeightedResult(countries=tuple(countries), score=tuple(score),
                          linkedin=tuple(float(v) for v in linkedin),
                          weights=tuple(float(w) for w in weights),
                          test=lens_test(countries, score, linkedin, shuffles, seed))
