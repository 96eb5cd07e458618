"""Small numeric helpers the models share (root bracketing, input checks).

The JavaScript ports have their twins in ``web/src/models/numeric.js``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["bisect_root", "is_number"]


def bisect_root(g: Callable[[float], float], a: float, b: float, ga: float) -> float:
    """A root of ``g`` in [a, b], where g(a) = ``ga`` and g(b) differ in sign, to the last bit."""
    for _ in range(200):
        m = 0.5 * (a + b)
        if m <= a or m >= b:
            break
        gm = g(m)
        if ga * gm <= 0:
            b = m
        else:
            a, ga = m, gm
    return 0.5 * (a + b)


def is_number(value: object) -> bool:
    """A real number (Python or numpy), not a bool."""
    return not isinstance(value, bool) and isinstance(
        value, (int, float, np.integer, np.floating))
