"""Read a number a learner typed, or say plainly why it cannot be used.

The same rules run in the browser (``web/src/kit/inputs.js``); both test
suites read the cases in ``tests/cases/number_inputs.json`` and a parity
test holds the two to the same values and the same messages.

The rules, in order:

1. More than 40 characters: refused (``too_long``).
2. Unicode NFKC normalisation (full-width ``１２．５％`` reads ``12.5%``),
   then every invisible format or control character (zero-width spaces,
   direction marks and overrides, byte-order marks) is removed, so it can
   never be echoed back raw.
3. Spaces of any kind are removed (``1 000`` reads ``1000``).
4. Empty, markup (``<``, ``>``, ``&``) and kanji numerals are refused, each
   with its own message.
5. A trailing ``%`` is allowed when the unit is ``%``.
6. ``nan`` and ``inf`` are refused (``not_finite``).
7. Commas: ``1,000`` and ``12,345.5`` are thousands separators; a single
   comma otherwise (``0,5``, ``12,5``) is a decimal comma and reads as a
   point.  A comma is never silently dropped.
8. Anything else that is not a plain decimal number is refused; so is a
   value outside ``[lo, hi]`` or, for whole-number inputs, a fraction.

Messages are plain text; whatever is shown of the input has been cleaned
(rule 2) and shortened, and the page shows it as text, never as markup.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from .fmt import plain

__all__ = ["MAX_INPUT_CHARS", "InputError", "parse_number"]

MAX_INPUT_CHARS = 40
_KANJI_NUMERALS = frozenset("〇一二三四五六七八九十百千万億")
_WHITESPACE = re.compile("[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029"
                         "\u202f\u205f\u3000]+")
_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9]*,[0-9]+$")
_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_NOT_FINITE = frozenset(f"{sign}{word}" for sign in ("", "+", "-")
                        for word in ("nan", "inf", "infinity"))


class InputError(ValueError):
    """Typed input the model cannot use; ``kind`` names the rule, the message says why."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc"))


def _shown(cleaned: str, limit: int = 24) -> str:
    text = _WHITESPACE.sub(" ", cleaned).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_number(text: Any, *, label: str, lo: float, hi: float, integer: bool = False,
                 unit: str = "") -> float:
    """The number in ``text``, or :class:`InputError` with a message a learner can act on.

    Whole-number inputs (``integer=True``) return an ``int``.
    """
    u = f" {unit}" if unit else ""
    span = f"between {plain(lo)} and {plain(hi)}{u}"
    raw = "" if text is None else str(text)
    if len(raw) > MAX_INPUT_CHARS:
        raise InputError("too_long", f"{label}: that is {len(raw)} characters long; "
                                     f"type a number {span}.")
    cleaned = _clean(raw)
    shown = _shown(cleaned)
    t = _WHITESPACE.sub("", cleaned)
    if not t:
        raise InputError("empty", f"{label} is empty: type a number {span}, "
                                  f"for example {plain(lo)}.")
    if any(ch in t for ch in "<>&"):
        raise InputError("markup", f"{label}: markup such as “{shown}” is not a number; "
                                   f"type digits only, for example {plain(lo)}.")
    if any(ch in _KANJI_NUMERALS for ch in t):
        raise InputError("kanji", f"{label}: please write “{shown}” with digits "
                                  "(0–9 or ０–９), not kanji numerals.")
    if unit == "%" and t.endswith("%"):
        t = t[:-1]
    not_finite = InputError("not_finite", f"{label}: type a finite number {span}.")
    if t.lower() in _NOT_FINITE:
        raise not_finite
    if _THOUSANDS.match(t):
        t = t.replace(",", "")
    elif _DECIMAL_COMMA.match(t):
        t = t.replace(",", ".")
    if not _NUMBER.match(t):
        raise InputError("not_a_number", f"{label}: “{shown}” is not a number; "
                                         f"type a number {span}.")
    value = float(t)
    if not math.isfinite(value):
        raise not_finite
    if value < lo or value > hi:
        raise InputError("out_of_range", f"{label} must be {span}; you typed {shown}.")
    if integer:
        if not value.is_integer():
            raise InputError("not_whole", f"{label} must be a whole number; you typed {shown}.")
        return int(value)
    return value + 0.0  # -0.0 becomes 0.0
