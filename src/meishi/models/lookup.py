"""Looking up the people whose business cards you collected.

The introduction's model.  You exchanged ``n`` business cards; tonight you
search for each person on several services.  If a share ``p`` of people
like them use a service, and people are independent of each other, the
number you find there is binomial(n, p): on average ``n p``, and with 90 %
probability between the 5th and 95th percentiles of that distribution.

Assumptions (stated in the chapter): the people you meet are as likely to
use a service as the population the share was measured on; finding a
person who uses a service always succeeds; people are independent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["MAX_CARDS", "LookupResult", "binomial_pmf", "binomial_quantile", "expected_finds"]

MAX_CARDS = 1000


def binomial_pmf(n: int, p: float) -> np.ndarray:
    """P(K = k) for k = 0..n, for K ~ binomial(n, p); exact at p = 0 and p = 1."""
    if not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError("n must be a whole number, 0 or more")
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must be a probability between 0 and 1")
    if p == 0.0 or p == 1.0:
        pmf = np.zeros(n + 1)
        pmf[0 if p == 0.0 else n] = 1.0
        return pmf
    k = np.arange(n + 1)
    log_fact = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, n + 1)))))
    log_pmf = log_fact[n] - log_fact[k] - log_fact[n - k] + k * np.log(p) + (n - k) * np.log1p(-p)
    pmf = np.exp(log_pmf)
    return pmf / pmf.sum()


def binomial_quantile(n: int, p: float, q: float) -> int:
    """The smallest k with P(K <= k) >= q."""
    if not 0.0 <= q <= 1.0:
        raise ValueError("q must be between 0 and 1")
    cdf = np.cumsum(binomial_pmf(n, p))
    return int(np.searchsorted(cdf, q - 1e-12))


@dataclass(frozen=True)
class LookupResult:
    n_cards: int
    platforms: tuple[str, ...]
    shares: np.ndarray       # probability a contact uses each service
    expected: np.ndarray     # expected number found on each service
    low: np.ndarray          # 5th percentile of the number found
    high: np.ndarray         # 95th percentile of the number found
    p_any: np.ndarray        # probability of finding at least one contact there


def expected_finds(n_cards: int, shares: Mapping[str, float]) -> LookupResult:
    """How many of ``n_cards`` contacts you would find on each service."""
    if not isinstance(n_cards, (int, np.integer)) or not 1 <= n_cards <= MAX_CARDS:
        raise ValueError(f"n_cards must be a whole number from 1 to {MAX_CARDS}")
    if not shares:
        raise ValueError("give at least one service and its share of users")
    platforms = tuple(shares)
    p = np.array([float(shares[k]) for k in platforms])
    if np.any(~np.isfinite(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("every share must be a probability between 0 and 1")
    low = np.array([binomial_quantile(n_cards, pi, 0.05) for pi in p])
    high = np.array([binomial_quantile(n_cards, pi, 0.95) for pi in p])
    return LookupResult(
        n_cards=int(n_cards),
        platforms=platforms,
        shares=p,
        expected=n_cards * p,
        low=low,
        high=high,
        p_any=1.0 - (1.0 - p) ** n_cards,
    )
