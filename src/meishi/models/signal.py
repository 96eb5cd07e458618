"""What a polished profile tells the boss: Bayesian signal inference.

A share ``base_rate`` of workers are actively looking to change jobs.  A
seeker polishes a public job profile with probability ``p_seeker``; a worker
who is not looking does so with probability ``p_stayer``.  Seeing a polished
profile, a boss who reasons by Bayes' rule should believe its owner is
looking with probability

    P(seeker | polished) = b p_s / (b p_s + (1 - b) p_n).

The likelihood ratio ``p_s / p_n`` says how much more often seekers polish
than stayers; it multiplies the odds.  The *lift*, posterior ÷ base rate,
says how many times more likely than an average colleague this worker is to
be leaving: the same act lifts suspicion most where few people leave.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["SignalResult", "posterior", "posterior_curve", "signal"]


def _check_probability(name: str, value: float) -> float:
    value = float(value)
    if not np.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a probability between 0 and 1, got {value!r}")
    return value


def posterior(base_rate, p_seeker: float, p_stayer: float):
    """P(seeker | polished profile); works on scalars and arrays of base rates.

    If nobody polishes (both likelihoods 0) the profile says nothing, and the
    posterior is the base rate.
    """
    p_s = _check_probability("p_seeker", p_seeker)
    p_n = _check_probability("p_stayer", p_stayer)
    b = np.asarray(base_rate, dtype=float)
    if np.any(~np.isfinite(b)) or np.any((b < 0) | (b > 1)):
        raise ValueError("base_rate must be between 0 and 1")
    numerator = b * p_s
    denominator = numerator + (1.0 - b) * p_n
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), b)
    return float(out) if out.ndim == 0 else out


@dataclass(frozen=True)
class SignalResult:
    base_rate: float
    p_seeker: float
    p_stayer: float
    posterior: float
    likelihood_ratio: float   # p_seeker / p_stayer (inf if p_stayer = 0)
    lift: float               # posterior / base_rate (nan if base_rate = 0)
    share_polished: float     # P(polished): how common polished profiles are


def signal(base_rate: float, p_seeker: float, p_stayer: float) -> SignalResult:
    b = _check_probability("base_rate", base_rate)
    p_s = _check_probability("p_seeker", p_seeker)
    p_n = _check_probability("p_stayer", p_stayer)
    post = posterior(b, p_s, p_n)
    # stayers never polishing makes the signal certain, unless nobody polishes at all
    ratio = p_s / p_n if p_n > 0 else (float("inf") if p_s > 0 else 1.0)
    return SignalResult(
        base_rate=b, p_seeker=p_s, p_stayer=p_n, posterior=post, likelihood_ratio=ratio,
        lift=post / b if b > 0 else float("nan"),
        share_polished=b * p_s + (1 - b) * p_n,
    )


def posterior_curve(p_seeker: float, p_stayer: float,
                    n: int = 201) -> tuple[np.ndarray, np.ndarray]:
    """Base rates from 0 to 1 and the posterior at each, for charts."""
    b = np.linspace(0.0, 1.0, n)
    return b, posterior(b, p_seeker, p_stayer)
