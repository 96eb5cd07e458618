"""What chapter 3's widgets show, computed from the models: no controls, no wording.

Where the commitment widget's path of rounds ends (settled, balanced or still
moving) and what the introductions widget reads from one entry of the
precomputed grid.  The widgets (:mod:`.widgets`) turn these into readouts; the
front ends' ``logic.js`` ports compute the same, held to them by the parity test.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...models.commitment import Equilibrium
from ...models.introductions import NORMS, precompute_grid

__all__ = ["SETTLE_TOL", "IntroductionsView", "PathEnd", "grid", "path_end", "view", "web_grid"]

#: a path has settled: its last step and its distance to an equilibrium both at most this
SETTLE_TOL = 0.0005


@dataclass(frozen=True)
class PathEnd:
    """Where the share of committed traders is after the last round.

    ``state``: "settled" (at a stable equilibrium), "balanced" (resting on an
    unstable one, which the slightest push would leave) or "moving" (towards
    ``equilibrium``, the first stable one in its direction of travel, if any).
    """

    state: str
    equilibrium: Equilibrium | None


def path_end(eqs: Sequence[Equilibrium], path: Sequence[float],
             tol: float = SETTLE_TOL) -> PathEnd:
    """Has the path ``x_0 .. x_T`` settled, and if not, where is it heading?"""
    x, before = float(path[-1]), float(path[-2])
    step = x - before
    if abs(step) <= tol and eqs:
        near = min(eqs, key=lambda e: abs(e.share - x))
        if abs(near.share - x) <= tol:
            return PathEnd("settled" if near.stable else "balanced", near)
    if step > 0:
        ahead = [e for e in eqs if e.share >= x and e.stable]
        return PathEnd("moving", ahead[0] if ahead else None)
    if step < 0:
        ahead = [e for e in eqs if e.share <= x and e.stable]
        return PathEnd("moving", ahead[-1] if ahead else None)
    return PathEnd("moving", None)


# -- introductions --------------------------------------------------------------------------

@functools.cache
def grid() -> tuple[dict, ...]:
    """precompute_grid(), computed once per process (the page reads the same data)."""
    return tuple(precompute_grid())


def web_grid() -> list[dict]:
    """The grid as the page holds it: each entry without the layout it shares with the rest."""
    return [{k: v for k, v in entry.items() if k not in ("positions", "clusters")}
            for entry in copy.deepcopy(list(grid()))]


@dataclass(frozen=True)
class IntroductionsView:
    """One entry of the precomputed grid, for the chosen norm (what the widget shows)."""

    b: float                 # share of ties rewired as bridges (the grid's value)
    norm: str
    index: int               # the entry of the grid
    result: dict             # the model's IntroductionsResult for the norm, as in the grid
    outcomes: dict           # norm -> the focal person's NormOutcome (both norms, for the bars)
    direct: int              # the focal person's contacts
    direct_outside: int      # of them, in another cluster
    two_step: int            # contacts of contacts who are not contacts already
    two_step_outside: int    # of them, in another cluster


def view(entry: Mapping[str, Any], index: int, norm: str,
         clusters: Sequence[int]) -> IntroductionsView:
    """The widget's result from a grid entry (the JS port does the same with the page's grid)."""
    result = entry["norms"][norm]
    own = clusters[entry["focal"]]
    return IntroductionsView(
        b=entry["b"], norm=norm, index=index, result=copy.deepcopy(result),
        outcomes={k: dict(entry["norms"][k]["person_norm"]) for k in NORMS},
        direct=len(entry["contacts"]),
        direct_outside=sum(1 for c in entry["contacts"] if clusters[c] != own),
        two_step=len(entry["two_step_people"]),
        two_step_outside=sum(1 for c in entry["two_step_people"] if clusters[c] != own))
