"""What chapter 4's widgets show, computed from the models: no controls, no wording.

How many decimals tell the platforms' shares apart, the chooser's sourced
feature rows (read once) and the row that decides its leading service.  The
widgets (:mod:`.widgets`) turn these into readouts; the front ends' ``logic.js``
ports compute the same, held to them by the parity test.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ...kit.fmt import fixed
from ...models.chooser import ServiceFit
from .goals import feature_table

__all__ = ["decisive_row", "feature_rows", "share_digits"]


def share_digits(shares: Sequence[float]) -> list[int]:
    """Decimals to write each share (a fraction) with as a percentage: the fewest (1 to 4)
    that tell the shares apart, more for a share strictly between 0 and 1 that would
    otherwise read as 0 or 100."""
    distinct = len(set(shares))
    base = next((d for d in range(1, 4)
                 if len({fixed(100 * s, d) for s in shares}) == distinct), 4)
    out = []
    for s in shares:
        digits = base
        while digits < 4 and 0 < s < 1 and float(fixed(100 * s, digits)) in (0.0, 100.0):
            digits += 1
        out.append(digits)
    return out


@functools.cache
def feature_rows() -> tuple[dict[str, str], ...]:
    """The sourced features table, read once per process (the page carries the same rows)."""
    return tuple(feature_table())


def decisive_row(ranking: Sequence[ServiceFit]) -> tuple[Any, float] | None:
    """(the top service's evidence row that puts it furthest ahead of the runner-up, lead).

    Ties go to the goal's first need; None if the top service has no evidence."""
    top = ranking[0]
    if not top.evidence:
        return None
    runner = {e.feature: e.points for e in ranking[1].evidence} if len(ranking) > 1 else {}
    best, lead = None, 0.0
    for e in top.evidence:
        gain = e.points - runner.get(e.feature, 0.0)
        if best is None or gain > lead:
            best, lead = e, gain
    return best, lead
