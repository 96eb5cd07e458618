"""Number formatting that reads the same in Python and in the browser.

The widgets' readouts are written twice, here and in their front-end
modules (``web/src/kit/format.js``), and a parity test holds the two to the
same characters.  Python's ``f"{x:.1f}"`` rounds exact binary ties to even
while JavaScript's ``toFixed`` rounds them up, so both sides use the rule
below instead.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["fixed", "plain"]


def fixed(x: float, digits: int) -> str:
    """``x`` with ``digits`` decimals, ties away from zero, never ``-0``.

    Matches JavaScript's ``Math.abs(x).toFixed(digits)`` with the sign put
    back; ``nan`` and infinities read ``NaN``, ``Infinity``, ``-Infinity``.
    """
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    quantum = Decimal(1).scaleb(-digits)
    text = str(Decimal(abs(x)).quantize(quantum, rounding=ROUND_HALF_UP))
    if x < 0 and any(ch not in "0." for ch in text):
        text = "-" + text
    return text


def plain(x: float) -> str:
    """The shortest text that reads back as ``x``; whole numbers without ``.0``.

    ``60 -> "60"``, ``0.1 -> "0.1"``, ``-0.0 -> "0"``: what JavaScript's
    ``String(x)`` prints for numbers below 1e21.
    """
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    text = repr(x)
    if "e" in text:  # JavaScript writes 1e-7 and 1e+21; Python 1e-07 and 1e+21
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{mantissa}e{sign}{int(exponent.lstrip('+-'))}"
    return text
