"""Which service for which job? A transparent, rule-based chooser over a sourced features table.

A goal (say, "change jobs without my employer noticing") needs some
features, each with a weight and the reason it matters.  Every service
scores the weights of the features its row in the table says it supports
(``yes`` counts in full, ``partly`` half).  A feature with no row for a
service is **not found**, not "no": the answer lists those gaps instead of
counting them against the service.  The reasoning is returned with the
ranking, row by row, with each row's source, so a learner sees why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Evidence", "Goal", "Need", "ServiceFit", "choose"]

CREDIT = {"yes": 1.0, "partly": 0.5, "no": 0.0}


@dataclass(frozen=True)
class Need:
    feature: str     # a feature name in the table
    weight: float    # how much it matters for the goal (0 to 1)
    why: str         # the reason, in plain words


@dataclass(frozen=True)
class Goal:
    key: str
    label: str
    needs: tuple[Need, ...]


@dataclass(frozen=True)
class Evidence:
    feature: str
    supports: str    # "yes", "partly", "no"
    detail: str
    source_id: str
    points: float


@dataclass(frozen=True)
class ServiceFit:
    service: str
    score: float                 # sum of weight × credit over the needs the table covers
    top: float                   # the most the goal can give (sum of weights)
    evidence: tuple[Evidence, ...]
    not_found: tuple[str, ...]   # needed features with no row for this service


def choose(goal: Goal, table: Sequence[Mapping[str, str]]) -> tuple[ServiceFit, ...]:
    """Every service in the table, best fit first (ties by name); the reasoning included."""
    if not goal.needs:
        raise ValueError(f"goal {goal.key!r} needs at least one feature")
    services = sorted({str(r["service"]) for r in table})
    rows: dict[tuple[str, str], Mapping[str, str]] = {}
    for r in table:  # the first row for a (service, feature) pair is the one used
        if r["supports"] not in CREDIT:
            raise ValueError(f"supports must be yes, partly or no, got {r['supports']!r}")
        rows.setdefault((str(r["service"]), str(r["feature"])), r)
    top = round(sum(n.weight for n in goal.needs), 12)
    fits = []
    for service in services:
        evidence, missing, score = [], [], 0.0
        for need in goal.needs:
            row = rows.get((service, need.feature))
            if row is None:
                missing.append(need.feature)
                continue
            points = need.weight * CREDIT[str(row["supports"])]
            score += points
            evidence.append(Evidence(need.feature, str(row["supports"]), str(row["detail"]),
                                     str(row["source_id"]), round(points, 12)))
        fits.append(ServiceFit(service, round(score, 12), top, tuple(evidence),
                               tuple(missing)))
    return tuple(sorted(fits, key=lambda f: (-f.score, f.service)))
